import type { Action, BootstrapReport } from '@worktree-guard/core';
import { messages } from './messages';
import { out } from './render';

export function describeAction(action: Action): string {
  const t = messages.actionText;
  switch (action.kind) {
    case 'enable-worktree-config':
      return t.enableWorktreeConfig(action.moves.map((m) => m.key));
    case 'pin-identity':
      return t.pinIdentity(
        `${action.identity.name} <${action.identity.email}>`,
        action.worktree,
        action.reason === 'inherited',
      );
    case 'link':
      return t.link(action.rel, action.target);
    case 'copy':
    case 'copy-link':
      return t.copy(action.rel);
    case 'create-dir':
      return t.createDir(action.path);
    case 'share-dir':
      return t.shareDir(action.dest, action.target);
    case 'exclude-inside':
      return t.excludeInside(action.rel);
    case 'arm-hooks':
      return t.armHooks(action.dir, action.from);
    case 'setup':
      return t.setup(action.commands);
    case 'record-base':
      return t.recordBase(action.branch, action.base.ref, action.base.commit);
  }
}

/** Problems (and warnings) as lines for stderr, with the path they are about. */
export function problemLines(report: BootstrapReport): string[] {
  return report.problems.map((p) => {
    const mark = p.severity === 'error' ? out.red('✗') : out.yellow('!');
    const where = p.path ? `${p.path}: ` : '';
    return `  ${mark} ${where}${p.message}`;
  });
}

export function renderBootstrap(report: BootstrapReport): string {
  const lines = [out.bold(messages.bootstrapHeader(report.worktree, report.dryRun))];
  const actions = report.dryRun ? report.actions : report.done;
  for (const a of actions)
    lines.push(`  ${report.dryRun ? out.cyan('→') : out.green('+')} ${describeAction(a)}`);
  lines.push(...problemLines(report));
  if (actions.length === 0 && report.problems.length === 0)
    lines.push(`  ${out.green('=')} ${messages.nothingToDo(report.satisfied.length)}`);
  else if (report.satisfied.length)
    lines.push(`  ${out.dim('=')} ${messages.alreadyInPlace(report.satisfied.length)}`);
  return lines.join('\n');
}
