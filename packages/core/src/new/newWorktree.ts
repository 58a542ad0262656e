/**
 * `guard new <branch> [dir] [base]`: fetch, then a worktree on <branch> — new from a fresh remote base,
 * attached if the branch exists — then bootstrap, then the base recorded for doctor.
 */

import type { StdioOptions } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { bootstrapWorktree } from '../bootstrap/bootstrap';
import type { BootstrapEvent, BootstrapReport } from '../bootstrap/types';
import { validConfig } from '../config/load';
import type { LoadedConfig } from '../config/types';
import { RefusedError, UsageError } from '../errors';
import { inspect } from '../fs/pathInfo';
import { canonical, isInside } from '../fs/paths';
import { readConfig } from '../git/config';
import { gitDirOf, openRepo, type Repo } from '../git/repo';
import { git, runGit } from '../git/run';
import { messages } from '../messages';
import { type Identity, ownPin } from '../worktree/identity';
import { lastFetchTime } from '../worktree/lastFetch';
import { defaultWorktreeDir } from '../worktree/slug';

/** Set for the `git worktree add` that guard runs itself, so that the post-checkout hook leaves it to guard. */
export const NEW_IN_PROGRESS_ENV = 'WORKTREE_GUARD_NEW';

export type NewEvent =
  | BootstrapEvent
  | { type: 'fetch-start'; remote: string }
  | { type: 'worktree-add'; path: string; branch: string };

export interface NewWorktreeInput {
  repo: Repo;
  cwd: string;
  loaded: LoadedConfig;
  branch: string;
  dir?: string;
  base?: string;
  fetch: boolean;
  onEvent?: (event: NewEvent) => void;
  setupStdio?: StdioOptions;
  env?: NodeJS.ProcessEnv;
}

export interface NewWorktreeResult {
  path: string;
  branch: string;
  /** new: created from base · attached: an existing local branch · tracking: created from `<remote>/<branch>`. */
  mode: 'new' | 'attached' | 'tracking';
  base: { ref: string; commit: string } | null;
  fetch: { remote: string; fetched: boolean; lastFetch: string | null };
  warnings: string[];
  identity: Identity | null;
  bootstrap: BootstrapReport;
}

/** git's own verdict on a branch name; the name must come back unchanged (no `@{-1}` expansion). */
export async function validateBranchName(cwd: string, branch: string): Promise<void> {
  const r = await runGit(['check-ref-format', '--branch', branch], { cwd, ok: [0, 128] });
  if (r.exitCode !== 0 || r.stdout.trim() !== branch) {
    const reason = r.stderr.replace(/^fatal:\s*/, '').trim() || `'${branch}' is not a valid branch name`;
    throw new UsageError('bad-branch', messages.badBranchName(reason));
  }
}

async function checkDir(repo: Repo, dir: string): Promise<void> {
  const owners = [...repo.worktrees.filter((w) => !w.bare).map((w) => w.path), repo.commonDir];
  const owner = owners.find((o) => isInside(dir, o));
  if (owner) throw new UsageError('dir-inside-repo', messages.dirInsideRepo(dir, owner));
  const info = await inspect(dir);
  if (info.kind === 'missing') return;
  if (info.kind !== 'dir') throw new RefusedError('dir-exists', messages.dirIsFile(dir));
  if ((await readdir(dir)).length > 0) throw new RefusedError('dir-not-empty', messages.dirNotEmpty(dir));
}

async function refExists(cwd: string, refs: string[]): Promise<Set<string>> {
  const out = await git(['for-each-ref', '--format=%(refname)', '--', ...refs], { cwd });
  return new Set(out.split('\n').filter((r) => refs.includes(r)));
}

export async function newWorktree(input: NewWorktreeInput): Promise<NewWorktreeResult> {
  const { repo, cwd, branch } = input;
  const config = validConfig(input.loaded);
  const warnings: string[] = [];
  await validateBranchName(cwd, branch);
  const dir = path.resolve(cwd, input.dir ?? defaultWorktreeDir(repo.primary.path, branch));
  await checkDir(repo, dir);

  // 1. fetch, so that a new branch starts from the remote's latest base
  const remotes = (await git(['remote'], { cwd })).split('\n').filter(Boolean);
  const hasRemote = remotes.includes(config.remote);
  let fetched = false;
  if (!hasRemote) warnings.push(messages.noRemote(config.remote, config.baseBranch));
  else if (input.fetch) {
    input.onEvent?.({ type: 'fetch-start', remote: config.remote });
    const r = await runGit(['fetch', '--quiet', '--', config.remote], { cwd, ok: [0, 1, 128] });
    if (r.exitCode !== 0)
      throw new RefusedError('fetch-failed', messages.fetchFailed(config.remote, r.stderr.trim()));
    fetched = true;
  }

  // 2. which branch: an existing local one is attached, a remote one tracked, otherwise a new one from base
  const local = `refs/heads/${branch}`;
  const remote = `refs/remotes/${config.remote}/${branch}`;
  const existing = await refExists(cwd, [local, remote]);
  let mode: NewWorktreeResult['mode'];
  let base: NewWorktreeResult['base'] = null;
  let addArgs: string[];
  if (existing.has(local)) {
    const holder = repo.worktrees.find((w) => w.branch === branch);
    if (holder) throw new RefusedError('branch-in-use', messages.branchInUse(branch, holder.path));
    if (input.base) warnings.push(messages.baseIgnored(input.base, branch));
    mode = 'attached';
    addArgs = ['worktree', 'add', '--', dir, branch];
  } else if (existing.has(remote) && hasRemote) {
    if (input.base) warnings.push(messages.baseIgnored(input.base, branch));
    mode = 'tracking';
    addArgs = ['worktree', 'add', '--track', '-b', branch, '--', dir, `${config.remote}/${branch}`];
  } else {
    const ref = input.base ?? (hasRemote ? `${config.remote}/${config.baseBranch}` : config.baseBranch);
    const r = await runGit(['rev-parse', '--verify', '--quiet', '--end-of-options', `${ref}^{commit}`], {
      cwd,
      ok: [0, 1, 128],
    });
    if (r.exitCode !== 0 && !input.base && hasRemote)
      throw new UsageError('bad-base', messages.noRemoteBase(config.remote, config.baseBranch));
    if (r.exitCode !== 0) throw new UsageError('bad-base', messages.badBase(ref));
    base = { ref, commit: r.stdout.trim() };
    mode = 'new';
    addArgs = ['worktree', 'add', '--no-track', '-b', branch, '--', dir, base.commit];
  }

  // 3. the worktree itself
  input.onEvent?.({ type: 'worktree-add', path: dir, branch });
  const add = await runGit(addArgs, { cwd, ok: [0, 1, 128], env: { [NEW_IN_PROGRESS_ENV]: '1' } });
  const made = (await inspect(path.join(dir, '.git'))).kind === 'file';
  if (add.exitCode !== 0 && !made)
    throw new RefusedError('worktree-add-failed', messages.worktreeAddFailed(add.stderr.trim()));
  if (add.exitCode !== 0) warnings.push(messages.worktreeAddFailed(add.stderr.trim()));
  const newPath = canonical(dir);
  const gitDir = await gitDirOf(newPath);

  // 4. bootstrap, which also records where a new branch started, so doctor can tell how fresh that was
  const bootstrap = await bootstrapWorktree({
    repo: await openRepo(newPath),
    loaded: input.loaded,
    worktree: newPath,
    onEvent: input.onEvent,
    setupStdio: input.setupStdio,
    env: input.env,
    newBranch: base ?? undefined,
  });
  const lastFetch = await lastFetchTime({
    commonDir: repo.commonDir,
    cwd: newPath,
    remote: config.remote,
    baseBranch: config.baseBranch,
  });
  const identity = ownPin(await readConfig(newPath), { gitDir, commonDir: repo.commonDir });
  return {
    path: newPath,
    branch,
    mode,
    base,
    fetch: { remote: config.remote, fetched, lastFetch: lastFetch?.toISOString() ?? null },
    warnings,
    identity,
    bootstrap,
  };
}
