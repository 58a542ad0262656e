/**
 * What guard knows about a repository, gathered once in bulk (`gather.ts`) and read by pure rules, by the
 * bootstrap planner, and by `guard list`. Only facts are stored; what follows from them is derived
 * (`derive.ts`), so that a fixture cannot disagree with itself.
 */
import type { AgentSession } from '../agents/sessions';
import type { LoadedConfig } from '../config/types';
import type { PathInfo } from '../fs/pathInfo';
import type { IgnoreMatch } from '../git/checkIgnore';
import type { ConfigView } from '../git/config';
import type { Repo } from '../git/repo';
import type { StashEntry } from '../git/stashList';
import type { StatusCounts } from '../git/status';
import type { WorktreeRecord } from '../git/worktreeList';
import type { HooksDir } from '../hooks/hooksDirs';
import type { ShimState } from '../hooks/shims';
import type { PortLease } from '../ports/registry';
import type { Integration, Orphan } from '../remove/types';
import type { LockSnapshot } from '../serial/snapshot';
import type { RecordedBase } from '../worktree/baseRecord';

export interface HooksFacts {
  where: HooksDir;
  dirExists: boolean;
  /** Each shim and what is there. */
  shims: { file: string; name: string; state: ShimState; version: number | null }[];
}

export interface LinkFacts {
  rel: string;
  /** The primary's copy, and what is there. */
  source: string;
  sourceInfo: PathInfo;
  /** The rule that ignores it in the primary, or null (tracked, or not ignored): then it is not linked. */
  ignoredInPrimary: IgnoreMatch | null;
  dest: string;
  destInfo: PathInfo;
  /** Would git ignore what is (or would be) at `dest`? null when not judged. */
  ignoredHere: boolean | null;
}

export interface CopyFacts {
  rel: string;
  source: string;
  sourceInfo: PathInfo;
  ignoredInPrimary: boolean;
  dest: string;
  destInfo: PathInfo;
  /** Source and destination hold the same bytes (or the same link). */
  same: boolean;
}

export interface SharedDirFacts {
  entry: string;
  primaryDir: string;
  primaryInfo: PathInfo;
  dest: string;
  destInfo: PathInfo;
  /** The entry lives under Claude Code's config dir, which does not exist here. */
  claudeMissing: boolean;
}

export interface WorktreeFacts {
  record: WorktreeRecord;
  /** Its directory is there, so git can run in it. */
  present: boolean;
  gitDir: string | null;
  /** Its git configuration, as git resolves it there; null when not present or not gathered. */
  view: ConfigView | null;
  hooks: HooksFacts | null;
  links: LinkFacts[];
  sharedDirs: SharedDirFacts[];
  /** Where it lives inside the primary checkout, and whether git ignores it there; null when it is beside it. */
  inside: { rel: string; ignored: boolean } | null;
  /** Its own FETCH_HEAD time (any fetch, even a failed one: "when did this worktree last try"). */
  lastFetchAttempt: Date | null;
  /** For a branch whose recorded start was stale: does it still sit on it? null when not asked. */
  sitsOnStart: boolean | null;
  /** Only for `guard list`. */
  status?: StatusCounts | null;
  aheadBehind?: { ahead: number; behind: number } | null;
  /** Only for `guard list` (`gatherListFacts`): is its work in `<remote>/<baseBranch>`? */
  integration?: Integration | null;
  /** The live agent sessions registered here, oldest first (added by `addSessionFacts`: doctor, list). */
  sessions?: AgentSession[];
}

/** What only bootstrap reads, for the one worktree it equips. */
export interface BootstrapExtras {
  copies: CopyFacts[];
  /** Where a branch bootstrap meets for the first time started; null when not new or already recorded. */
  start: RecordedBase | null;
}

export interface RepoFacts {
  repo: Repo;
  /** The repository's configuration (the primary's; defaults where invalid, with the error). */
  loaded: LoadedConfig;
  now: number;
  /** Every non-bare worktree, the primary first. */
  worktrees: WorktreeFacts[];
  /** The configuration as the repository holds it (local scope = the shared `.git/config`). */
  commonView: ConfigView;
  stash: StashEntry[];
  /** The last successful fetch of the configured remote, from any worktree. */
  lastFetch: Date | null;
  remoteBase: { ref: string; commit: string } | null;
  /** Branches (of worktrees) that carry commits of local <baseBranch> the remote does not have. */
  localBaseCarriers: string[];
  /** Locks and port leases (sharedFacts.ts): read by doctor and list only, never on a hook's path. */
  shared?: SharedFacts;
  /** Only for doctor (`checkRepo`): what guard made outside worktrees that are gone (remove/leftovers.ts). */
  orphans?: Orphan[];
}

export interface SharedFacts {
  /** Local locks with a ticket in their queue. */
  locks: LockSnapshot[];
  leases: PortLease[];
}
