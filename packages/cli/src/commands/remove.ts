/**
 * `guard remove [<worktree-path|branch>...]`: remove worktrees only when nothing would be lost, and what
 * guard made outside them. With no argument: the worktree the current directory is in — guard then runs
 * from the primary checkout and says where to go, since the shell is left in a directory that is gone.
 */
import {
  forceNames,
  isInside,
  loadRepoConfig,
  openRepo,
  primaryCheckout,
  type RemoveEvent,
  type Repo,
  removeWorktrees,
  UsageError,
} from '@worktree-guard/core';
import { parse } from '../args';
import { messages } from '../messages';
import { err, printJson } from '../render';
import { outcomeJson, renderReport, reportExitCode } from '../renderRemove';

/** Progress on stderr; before removing the worktree guard runs in, it moves out of it. */
export function removeEvents(repo: Repo): (e: RemoveEvent) => void {
  const home = primaryCheckout(repo) ?? repo.commonDir;
  return (e) => {
    if (e.type === 'fetch-start') process.stderr.write(`${err.dim(messages.fetching(e.remote))}\n`);
    else if (isInside(process.cwd(), e.path)) {
      process.stderr.write(`${err.yellow(messages.remove.removingHere(e.path, home))}\n`);
      process.chdir(home);
    }
  };
}

/** `--force` alone would be a blanket override: it must name the reason (`--force=<reason>`). */
function rejectBareForce(args: string[]): void {
  const end = args.includes('--') ? args.indexOf('--') : args.length;
  if (args.slice(0, end).some((a) => a === '--force' || a === '-f'))
    throw new UsageError('usage', messages.remove.forceNeedsName(forceNames()));
}

export async function runRemove(args: string[]): Promise<number> {
  rejectBareForce(args);
  const { values, positionals } = parse(
    'remove',
    args,
    {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      'keep-branch': { type: 'boolean' },
      'no-fetch': { type: 'boolean' },
      force: { type: 'string', multiple: true },
    },
    Number.POSITIVE_INFINITY,
  );
  const cwd = process.cwd();
  const repo = await openRepo(cwd);
  const report = await removeWorktrees({
    repo,
    loaded: await loadRepoConfig(repo),
    cwd,
    targets: positionals,
    fetch: !values['no-fetch'],
    force: (values.force as unknown as string[] | undefined) ?? [],
    keepBranch: Boolean(values['keep-branch']),
    dryRun: Boolean(values['dry-run']),
    onEvent: removeEvents(repo),
  });
  const code = reportExitCode(report);
  if (values.json)
    printJson({
      dryRun: report.dryRun,
      fetch: report.fetch,
      target: report.target,
      worktrees: report.outcomes.map(outcomeJson),
      moveTo: report.moveTo,
      ports: report.ports,
      exitCode: code,
    });
  else process.stdout.write(`${renderReport(report)}\n`);
  return code;
}
