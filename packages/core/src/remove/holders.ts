/**
 * What holds a worktree, so that removing it would pull it from under someone: each holder is asked
 * about every worktree `guard remove` considers, and each hold it reports is a reason to refuse, with the
 * `--force` name that overrides it (or none).
 *
 * Extension point: a feature that holds worktrees adds its holder to HOLDERS (git's own lock here; runs
 * of `guard run --serial` and live agent sessions in sharedHolders.ts). A holder only reads; what a removal releases (leases, session records) is a leftover
 * (`leftovers.ts`).
 */
import type { GuardConfig } from '../config/types';
import type { Repo } from '../git/repo';
import type { WorktreeRecord } from '../git/worktreeList';
import { messages } from '../messages';
import { shellQuote } from '../util/shellQuote';
import { agentSessions, serialRuns } from './sharedHolders';
import type { Hold } from './types';

export interface HolderContext {
  repo: Repo;
  config: GuardConfig;
  env: NodeJS.ProcessEnv;
}

export interface RemovalGuard {
  id: string;
  /** Every `--force` name its holds may carry: `guard remove` accepts these. */
  forces: readonly string[];
  holds(ctx: HolderContext, worktree: WorktreeRecord): Promise<Hold[]>;
}

/** `git worktree lock`: Claude Code locks a live agent's worktree; git refuses to remove it without `-f -f`. */
export const gitLock: RemovalGuard = {
  id: 'git-lock',
  forces: ['locked'],
  holds: async (_ctx, w) =>
    w.locked === null
      ? []
      : [
          {
            id: 'locked',
            message: messages.removeLocked(w.locked),
            resolve: `git worktree unlock ${shellQuote(w.path)}`,
            force: 'locked',
            data: { reason: w.locked },
          },
        ],
};

/** Every holder, in the order their reasons are listed. */
export const HOLDERS: readonly RemovalGuard[] = [gitLock, serialRuns, agentSessions];
