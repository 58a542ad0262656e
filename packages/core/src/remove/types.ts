/**
 * What `guard remove` and `guard sweep` know about a worktree before removing it, what they decide, and
 * what they did. Gathering (`gather.ts`) reads the facts; `decide.ts` is a pure function of them.
 */
import type { StatusCounts } from '../git/status';
import type { WorktreeRecord } from '../git/worktreeList';

/**
 * How a branch's work came to be in the target (`<remote>/<baseBranch>`), by the first rule that matched:
 * - `ancestor`: its tip is in the target (a merge commit, or a fast-forward);
 * - `merge-noop`: merging it into the target would change nothing (git ≥ 2.38: `merge-tree --write-tree`);
 * - `patch-ids`: every commit of its own has an equivalent patch in the target (rebase-and-merge, cherry-pick);
 * - `squash-patch-id`: its whole change, as one patch, is one commit of the target (squash merge).
 */
export type IntegrationRule = 'ancestor' | 'merge-noop' | 'patch-ids' | 'squash-patch-id';

export interface Integration {
  /**
   * `integrated`: its work is in the target · `not-integrated` · `nothing`: it has no work of its own (its
   * tip is where it started, it is the base branch itself, or a detached HEAD already in the target).
   */
  state: 'integrated' | 'not-integrated' | 'nothing';
  /** The rule that matched, for `integrated`. */
  rule: IntegrationRule | null;
  /** The target's name, e.g. `origin/main`; null when there is none to compare with. */
  target: string | null;
  /** The commit of the target that holds the squashed change (`squash-patch-id`). */
  commit?: string;
  /** The rules tried, in order. */
  tried: IntegrationRule[];
  /** Rules this git cannot run (e.g. `merge-noop` before 2.38), with why. */
  unavailable: { rule: IntegrationRule; why: string }[];
}

export interface CommitSample {
  count: number;
  /** The newest few: commit and subject. */
  sample: { commit: string; subject: string }[];
}

export interface UpstreamFacts {
  /** e.g. `origin/feat/a`. */
  name: string;
  ref: string;
  /** `branch.<b>.merge` is set (else `<remote>/<branch>` was used because it exists). */
  configured: boolean;
  /** The fetch showed the remote no longer has it: its remote-tracking ref is stale, not a copy of the work. */
  gone: boolean;
}

export interface CommitFacts {
  upstream: UpstreamFacts | null;
  /** Commits of the branch neither in the target nor on the upstream (before judging by content). */
  unsafe: CommitSample;
  /** On a detached HEAD: commits no branch, remote-tracking branch or tag reaches. */
  unreachable: CommitSample | null;
}

/** A file of this worktree's own, outside git's view (ignored), that removal would delete. */
export interface LocalFile {
  rel: string;
  /** `copies`/`.worktreeinclude` file that differs from the primary's · one the primary lacks · a `links` path holding a file of its own. */
  why: 'differs' | 'only-here' | 'own-file';
}

/** Something that holds a worktree (a lock, a live agent session, a serial lock): a reason to refuse. */
export interface Hold {
  /** The reason id, e.g. `locked`. */
  id: string;
  message: string;
  resolve: string | null;
  /** The `--force=<name>` that overrides it, or null when nothing can. */
  force: string | null;
  data?: Record<string, unknown>;
}

/** Something guard made outside a worktree for it (a shared-dir link; later port leases, sessions). */
export interface Leftover {
  /** Which provider made it (`LEFTOVER_KINDS`), e.g. `shared-dir-link`. */
  kind: string;
  path: string;
  /** For a link: where it points. */
  target: string | null;
  /** The worktree it was made for, when known. */
  worktree: string | null;
  /** For an orphan: its worktree is gone, or it points nowhere. */
  why: 'worktree-gone' | 'points-nowhere' | null;
}

/** A leftover whose worktree is gone (or that points nowhere), as doctor reports it. */
export interface Orphan extends Leftover {
  /** Doctor's finding id for it, e.g. `orphan-link`. */
  findingId: string;
  /** The command a person can paste to remove it. */
  fix: string;
}

export interface RemovalFacts {
  record: WorktreeRecord;
  primary: boolean;
  /** Its directory is there. */
  present: boolean;
  /** The current directory is inside it. */
  holdsCwd: boolean;
  /** Other worktrees inside its directory. */
  nested: string[];
  status: StatusCounts | null;
  localFiles: LocalFile[];
  commits: CommitFacts | null;
  integration: Integration | null;
  /** The park commit at HEAD, or null. */
  parked: string | null;
  holds: Hold[];
  leftovers: Leftover[];
  /** Where the branch is checked out besides here. */
  branchElsewhere: string | null;
  /** The branch is the base branch or a protected one: never deleted. */
  branchProtected: boolean;
}

export type ReasonId =
  | 'primary'
  | 'nested-worktree'
  | 'uncommitted'
  | 'untracked'
  | 'local-files'
  | 'unpushed'
  | 'unreachable-commits'
  | 'parked'
  | (string & {});

/** Why removing would lose something, the command that resolves it, and the `--force` name that overrides it. */
export interface Reason {
  id: ReasonId;
  message: string;
  resolve: string | null;
  force: string | null;
  /** The user named its `--force`. */
  forced: boolean;
  data?: Record<string, unknown>;
}

export type BranchFate =
  | { action: 'delete'; name: string; commit: string }
  | {
      action: 'keep';
      name: string;
      why: 'asked' | 'not-integrated' | 'checked-out-elsewhere' | 'base-or-protected';
      where?: string;
    }
  | null;

export interface Decision {
  reasons: Reason[];
  /** Nothing unforced stands in the way. */
  remove: boolean;
  /** How many `--force` git worktree remove needs: 1 for changes, 2 for a lock. */
  gitForce: 0 | 1 | 2;
  branch: BranchFate;
}

export interface RemovalItem {
  facts: RemovalFacts;
  decision: Decision;
}

export interface LeftoverOutcome extends Leftover {
  action: 'removed' | 'would-remove' | 'kept';
  /** Why it was kept (it changed since it was found, or could not be removed). */
  note: string | null;
}

export interface RemovalOutcome {
  item: RemovalItem;
  action: 'removed' | 'would-remove' | 'refused' | 'failed';
  /** What git said when it refused the removal. */
  gitError: string | null;
  branch: (NonNullable<BranchFate> & { done: boolean; note: string | null }) | null;
  leftovers: LeftoverOutcome[];
}
