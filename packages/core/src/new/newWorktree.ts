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
import type { GuardConfig, LoadedConfig } from '../config/types';
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
import { addWorktree } from './addWorktree';
import { planBranch } from './branchPlan';

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

/** Fetches `<remote>` so that a new branch starts from its latest base; none configured is a warning. */
async function fetchRemote(input: NewWorktreeInput, config: GuardConfig, warnings: string[]) {
  const remotes = (await git(['remote'], { cwd: input.cwd })).split('\n').filter(Boolean);
  const hasRemote = remotes.includes(config.remote);
  if (!hasRemote) warnings.push(messages.noRemote(config.remote, config.baseBranch));
  if (!hasRemote || !input.fetch) return { hasRemote, fetched: false };
  input.onEvent?.({ type: 'fetch-start', remote: config.remote });
  const r = await runGit(['fetch', '--quiet', '--', config.remote], { cwd: input.cwd, ok: [0, 1, 128] });
  if (r.exitCode !== 0)
    throw new RefusedError('fetch-failed', messages.fetchFailed(config.remote, r.stderr.trim()));
  return { hasRemote, fetched: true };
}

export async function newWorktree(input: NewWorktreeInput): Promise<NewWorktreeResult> {
  const { repo, cwd, branch } = input;
  const config = validConfig(input.loaded);
  await validateBranchName(cwd, branch);
  // one branch per worktree: said first, wherever guard new runs (even inside the worktree that has it)
  const holder = repo.worktrees.find((w) => w.branch === branch && !w.prunable);
  if (holder) throw new RefusedError('branch-in-use', messages.branchInUse(branch, holder.path));
  const dir = path.resolve(cwd, input.dir ?? defaultWorktreeDir(repo.primary.path, branch));
  await checkDir(repo, dir);
  const warnings: string[] = [];
  const { hasRemote, fetched } = await fetchRemote(input, config, warnings);
  const plan = await planBranch({ cwd, config, branch, base: input.base, hasRemote });
  warnings.push(...plan.warnings);
  input.onEvent?.({ type: 'worktree-add', path: dir, branch });
  warnings.push(...(await addWorktree({ cwd, commonDir: repo.commonDir, dir, branch, plan })).warnings);
  const newPath = canonical(dir);
  // bootstrap also records where a new branch started, so doctor can tell how fresh that was
  const bootstrap = await bootstrapWorktree({
    repo: await openRepo(newPath),
    loaded: input.loaded,
    worktree: newPath,
    onEvent: input.onEvent,
    setupStdio: input.setupStdio,
    env: input.env,
    newBranch: plan.base ?? undefined,
  });
  const { remote, baseBranch } = config;
  const lastFetch = await lastFetchTime({ commonDir: repo.commonDir, cwd: newPath, remote, baseBranch });
  const gitDir = await gitDirOf(newPath);
  const identity = ownPin(await readConfig(newPath), { gitDir, commonDir: repo.commonDir });
  return {
    path: newPath,
    branch,
    mode: plan.mode,
    base: plan.base,
    fetch: { remote, fetched, lastFetch: lastFetch?.toISOString() ?? null },
    warnings,
    identity,
    bootstrap,
  };
}
