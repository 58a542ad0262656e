/**
 * `guard hook <name> [args…]`: what the shims call. It fails safe: an internal error prints one line (and
 * where the details went) and lets git go on — except for a new stash entry while several worktrees
 * exist, which is refused whatever went wrong.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  bootstrapWorktree,
  ConfigError,
  commitFindings,
  git,
  loadConfig,
  openRepo,
  pinStateOf,
  type Repo,
  readConfig,
  type StashMode,
  workingTrees,
} from '@worktree-guard/core';
import { messages } from '../messages';
import { err } from '../render';
import { describeAction } from '../renderBootstrap';

const say = (line: string) => process.stderr.write(`${line}\n`);

function logError(repo: Repo | null, error: unknown): string {
  const dir = repo ? path.join(repo.gitDir, 'worktree-guard') : os.tmpdir();
  const file = path.join(dir, 'hook-errors.log');
  try {
    mkdirSync(dir, { recursive: true });
    appendFileSync(file, `${new Date().toISOString()} ${(error as Error)?.stack ?? String(error)}\n`);
  } catch {
    return '(could not write a log)';
  }
  return file;
}

async function postCheckout(): Promise<number> {
  const repo = await openRepo(process.cwd());
  if (!repo.current) return 0;
  const { config } = await loadConfig(repo.topLevel);
  const report = await bootstrapWorktree({
    target: { path: repo.current.path, gitDir: repo.gitDir, branch: repo.current.branch },
    primaryPath: repo.primary.bare ? null : repo.primary.path,
    commonDir: repo.commonDir,
    config,
    setupStdio: ['ignore', 2, 2],
  });
  say(err.bold(messages.hookBootstrapped(repo.current.path)));
  for (const a of report.done) say(`  + ${describeAction(a)}`);
  for (const p of report.problems)
    say(`  ${p.severity === 'error' ? '✗' : '!'} ${p.path ? `${p.path}: ` : ''}${p.message}`);
  if (report.problems.some((p) => p.severity === 'error')) say(messages.hookNeedsPerson);
  return 0;
}

async function preCommit(): Promise<number> {
  const repo = await openRepo(process.cwd());
  if (!repo.current || !repo.topLevel) return 0;
  const { config } = await loadConfig(repo.topLevel);
  const view = await readConfig(repo.topLevel);
  const findings = commitFindings({
    current: repo.current,
    isPrimary: repo.current.path === repo.primary.path,
    worktrees: repo.worktrees,
    identityPinned: pinStateOf(view).pinned !== null,
    protectedBranches: config.protectedBranches,
  });
  if (findings.length) {
    say(err.red(err.bold(messages.commitRefused)));
    for (const f of findings) say(`  ✗ ${f.message}${f.fix ? `\n    ${messages.fixPrefix}${f.fix}` : ''}`);
    return 1;
  }
  const stamp = process.env.WORKTREE_GUARD_STAMP;
  if (stamp) {
    mkdirSync(path.join(repo.gitDir, 'worktree-guard'), { recursive: true });
    writeFileSync(path.join(repo.gitDir, 'worktree-guard', 'pre-commit.ok'), stamp);
  }
  return 0;
}

async function referenceTransaction(): Promise<number> {
  const override = (
    await git(['config', '--get', 'worktreeguard.stash'], {
      cwd: process.cwd(),
      ok: [0, 1],
      inheritRepoEnv: true,
    })
  ).trim();
  // The shim's count (every `worktree` line) is a cheap upper bound; here the count is the one doctor
  // uses: a bare entry or a prunable worktree shares no stash with anyone.
  const repo = await openRepo(process.cwd());
  if (workingTrees(repo.worktrees).length < 2) return 0;
  const mode: StashMode =
    override === 'block' || override === 'warn' || override === 'allow'
      ? override
      : (await loadConfig(repo.topLevel)).config.stash;
  if (mode === 'allow') return 0;
  say(
    (mode === 'warn' ? err.yellow : err.red)(mode === 'warn' ? messages.stashWarned : messages.stashRefused),
  );
  for (const line of messages.stashAlternatives) say(`  ${line}`);
  return mode === 'warn' ? 0 : 1;
}

const handlers: Record<string, () => Promise<number>> = {
  'post-checkout': postCheckout,
  'pre-commit': preCommit,
  'reference-transaction': referenceTransaction,
};

export async function runHook(args: string[]): Promise<number> {
  const [name] = args;
  const handler = name ? handlers[name] : undefined;
  if (!handler) {
    say(messages.unknownHook(name ?? ''));
    return name === 'reference-transaction' ? 1 : 0;
  }
  try {
    return await handler();
  } catch (error) {
    const stashing = name === 'reference-transaction';
    if (error instanceof ConfigError) {
      say(messages.hookConfigError(error.message, stashing));
    } else {
      let repo: Repo | null = null;
      repo = await openRepo(process.cwd()).catch(() => null);
      say(
        messages.hookInternalError(
          name as string,
          (error as Error)?.message ?? String(error),
          logError(repo, error),
          stashing,
        ),
      );
    }
    if (stashing) for (const line of messages.stashAlternatives) say(`  ${line}`);
    return stashing ? 1 : 0;
  }
}
