import {
  bootstrapExitCode,
  bootstrapWorktree,
  coreMessages,
  UsageError,
  validConfig,
} from '@worktree-guard/core';
import { parse } from '../args';
import { loadContext } from '../context';
import { messages } from '../messages';
import { printJson } from '../render';
import { renderBootstrap } from '../renderBootstrap';

export async function runBootstrap(args: string[]): Promise<number> {
  const { values } = parse(
    'bootstrap',
    args,
    { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    0,
  );
  const { repo, loaded } = await loadContext();
  if (!repo.topLevel || !repo.current) throw new UsageError('bare', coreMessages.bareHere());
  validConfig(loaded);
  const json = Boolean(values.json);
  const report = await bootstrapWorktree({
    repo,
    loaded,
    worktree: repo.current.path,
    dryRun: Boolean(values['dry-run']),
    // with --json, stdout carries the document alone: setup output goes to stderr
    setupStdio: json ? ['ignore', 2, 2] : 'inherit',
    onEvent: (e) => {
      if (e.type === 'setup-start') process.stderr.write(`${messages.setupStart(e.command)}\n`);
    },
  });
  const code = bootstrapExitCode(report);
  if (json) printJson({ ...report, exitCode: code });
  else process.stdout.write(`${renderBootstrap(report)}\n`);
  return code;
}
