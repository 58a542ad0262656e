/** What doctor and list know about a repository: gathered in bulk, then read by pure rules. */

import type { GuardConfig } from '../config/types';
import type { ConfigError } from '../errors';
import type { PathInfo } from '../fs/pathInfo';
import type { ConfigView } from '../git/config';
import type { Repo } from '../git/repo';
import type { StashEntry } from '../git/stashList';
import type { StatusCounts } from '../git/status';
import type { WorktreeRecord } from '../git/worktreeList';
import type { HooksDir } from '../hooks/hooksDirs';
import type { RecordedBase } from '../worktree/baseRecord';
import type { Identity } from '../worktree/identity';

export type ShimState = 'ok' | 'missing' | 'not-executable' | 'old' | 'foreign';

export interface HooksFacts {
  where: HooksDir;
  dirExists: boolean;
  /** Each shim (and the library they source) and what is there. */
  shims: { file: string; state: ShimState; version: number | null }[];
}

export interface LinkFacts {
  rel: string;
  source: string;
  /** The primary has it (not a dangling link) and git ignores it there: bootstrap would link it. */
  expected: boolean;
  dest: string;
  destInfo: PathInfo;
  /** Would git ignore what is (or would be) at `dest`? null when not asked (nothing to judge). */
  ignoredHere: boolean | null;
}

export interface SharedDirFacts {
  entry: string;
  primaryDir: string | null;
  dest: string | null;
  destInfo: PathInfo;
}

export interface WorktreeFacts {
  record: WorktreeRecord;
  path: string;
  isPrimary: boolean;
  /** Its directory is there, so git can run in it. */
  present: boolean;
  gitDir: string | null;
  view: ConfigView | null;
  /** This worktree's own guard configuration (defaults where it is invalid) and its problem, if any. */
  config: GuardConfig;
  configError: ConfigError | null;
  /** The worktree-scoped identity, when both parts are set. */
  pinned: Identity | null;
  hooks: HooksFacts | null;
  links: LinkFacts[];
  sharedDirs: SharedDirFacts[];
  /** This worktree's own FETCH_HEAD time. */
  lastFetch: Date | null;
  base: RecordedBase | null;
  /**
   * For a branch whose recorded start was stale: does it still sit on it (its merge base with the remote
   * base is that start)? null when not asked.
   */
  sitsOnStart: boolean | null;
  /** Only gathered for `guard list`. */
  status?: StatusCounts | null;
  aheadBehind?: { ahead: number; behind: number } | null;
}

export interface RepoFacts {
  repo: Repo;
  /** The configuration in force where the command runs. */
  config: GuardConfig;
  now: number;
  worktrees: WorktreeFacts[];
  extensionOn: boolean;
  /** user.name / user.email set in the shared `.git/config` (local scope). */
  sharedIdentity: Partial<Identity>;
  stash: StashEntry[];
  /** The newest FETCH_HEAD of all worktrees. */
  lastFetch: Date | null;
  hasRemote: boolean;
  remoteBase: { ref: string; commit: string } | null;
  /** Branches (of worktrees) that carry commits of local <baseBranch> the remote does not have. */
  localBaseCarriers: string[];
  /** Some hooks directory of this repository holds a guard shim. */
  guardInstalled: boolean;
}
