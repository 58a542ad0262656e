import {
  applyHooksPlan,
  type HookAction,
  type HooksPlan,
  isRelativeHooksPath,
  loadShimTemplates,
  openRepo,
  planInstall,
  planUninstall,
} from '@worktree-guard/core';
import { parse } from '../args';
import { messages } from '../messages';
import { CLI_BIN, HOOK_TEMPLATES_DIR } from '../paths';
import { out, printJson } from '../render';

function describe(a: HookAction): string {
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
    case 'unchain':
      return t.unchain(a.chained, a.file);
  }
}

function render(plan: HooksPlan, header: string, dry: boolean): string {
  const lines = [out.bold(header)];
  for (const d of plan.dirs) {
    if (d.hooksPath && isRelativeHooksPath(d))
      lines.push(
        `  ${out.dim(messages.hooks.relativeNote(d.hooksPath.value, d.hooksPath.scope, d.worktree))}`,
      );
  }
  for (const a of plan.actions) lines.push(`  ${dry ? out.cyan('→') : out.green('+')} ${describe(a)}`);
  for (const p of plan.problems) lines.push(`  ${out.red('✗')} ${p.message}`);
  if (!plan.actions.length && !plan.problems.length)
    lines.push(`  ${out.green('=')} ${messages.nothingToDo(plan.satisfied.length)}`);
  else if (plan.satisfied.length)
    lines.push(`  ${out.dim('=')} ${messages.alreadyInPlace(plan.satisfied.length)}`);
  return lines.join('\n');
}

async function run(kind: 'install' | 'uninstall', args: string[]): Promise<number> {
  const { values } = parse(kind, args, { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, 0);
  const repo = await openRepo(process.cwd());
  const plan =
    kind === 'install'
      ? await planInstall({
          repo,
          templates: await loadShimTemplates(HOOK_TEMPLATES_DIR),
          cliPath: CLI_BIN,
          messages: messages.hooks,
        })
      : await planUninstall(repo);
  const dry = Boolean(values['dry-run']);
  if (!dry) await applyHooksPlan(plan.actions);
  const code = plan.problems.length ? 1 : 0;
  if (values.json) printJson({ ...plan, dryRun: dry, exitCode: code });
  else {
    const header =
      kind === 'install'
        ? messages.hooks.installHeader(plan.dirs.length, dry)
        : messages.hooks.uninstallHeader(dry);
    process.stdout.write(`${render(plan, header, dry)}\n`);
    if (kind === 'install' && plan.dirs.some((d) => d.hooksPath?.value.startsWith('.husky')))
      process.stdout.write(`${out.dim(messages.hooks.huskyTip)}\n`);
  }
  return code;
}

export const runInstall = (args: string[]) => run('install', args);
export const runUninstall = (args: string[]) => run('uninstall', args);
