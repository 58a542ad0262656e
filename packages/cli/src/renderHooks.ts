import { type HookAction, type HookProblem, type HooksPlan, isRelativeHooksPath } from '@worktree-guard/core';
import { messages } from './messages';
import { out } from './render';

export function describeHookAction(a: HookAction): string {
  const t = messages.hooks;
  switch (a.kind) {
    case 'create-dir':
      return t.createDir(a.dir);
    case 'seed-dir':
      return t.seedDir(a.dir, a.from);
    case 'write':
      return a.replaces === 'older-shim' ? t.update(a.file) : t.write(a.file);
    case 'chain':
      return t.chain(a.file, a.chained);
    case 'remove':
      return t.remove(a.file);
    case 'rename':
      return a.why === 'unchain' ? t.unchain(a.from, a.to) : t.restoreMoved(a.from, a.to);
  }
}

export function describeHookProblem(p: HookProblem): string {
  return p.kind === 'chained-differs'
    ? messages.hooks.chainedDiffers(p.file, p.chained ?? '')
    : messages.hooks.notAFile(p.file);
}

/** The lines of an install or uninstall plan: relative-path notes, actions, problems. */
export function hooksPlanLines(plan: HooksPlan, dry: boolean): string[] {
  const lines: string[] = [];
  for (const d of plan.dirs) {
    if (d.hooksPath && isRelativeHooksPath(d))
      lines.push(
        `  ${out.dim(messages.hooks.relativeNote(d.hooksPath.value, d.hooksPath.scope, d.worktree))}`,
      );
  }
  for (const a of plan.actions)
    lines.push(`  ${dry ? out.cyan('→') : out.green('+')} ${describeHookAction(a)}`);
  for (const p of plan.problems) lines.push(`  ${out.red('✗')} ${describeHookProblem(p)}`);
  return lines;
}
