/**
 * What guard made outside a worktree for it — links in agent directories today; port leases and session
 * records once those exist. `guard remove` removes a worktree's own after git removed the worktree;
 * `guard doctor` reports those whose worktree is gone (orphans) and `--fix` removes exactly those.
 *
 * Extension point: a feature that makes something outside the worktree adds a LeftoverKind to
 * LEFTOVER_KINDS. `remove` must check that what it removes is still what was found (never a person's file).
 */
import type { GuardConfig } from '../config/types';
import type { Repo } from '../git/repo';
import type { WorktreeRecord } from '../git/worktreeList';
import { sharedDirLinks } from './sharedDirLinks';
import type { Leftover, Orphan } from './types';

export interface LeftoverContext {
  repo: Repo;
  config: GuardConfig;
  env: NodeJS.ProcessEnv;
  /** The primary checkout, or null when the primary is a bare repository. */
  primary: string | null;
}

export interface LeftoverKind {
  kind: string;
  /** The id of doctor's finding for an orphan of this kind, e.g. `orphan-link`. */
  orphanId: string;
  /** What guard made for this worktree (asked before it is removed). */
  of(ctx: LeftoverContext, worktree: WorktreeRecord): Promise<Leftover[]>;
  /** What guard made for worktrees that are gone, or that points nowhere. */
  orphans(ctx: LeftoverContext): Promise<Leftover[]>;
  /** Removes it if it is still exactly what was found; says why not otherwise. */
  remove(leftover: Leftover): Promise<{ removed: boolean; note: string | null }>;
  /** The command a person can paste to remove it. */
  fix(leftover: Leftover): string;
}

/** Every kind, in the order they are listed. Port leases and session records register here. */
export const LEFTOVER_KINDS: readonly LeftoverKind[] = [sharedDirLinks];

export function leftoverKind(kind: string): LeftoverKind | undefined {
  return LEFTOVER_KINDS.find((k) => k.kind === kind);
}

export async function leftoversOf(ctx: LeftoverContext, worktree: WorktreeRecord): Promise<Leftover[]> {
  return (await Promise.all(LEFTOVER_KINDS.map((k) => k.of(ctx, worktree)))).flat();
}

export async function findOrphans(ctx: LeftoverContext): Promise<Orphan[]> {
  const found = await Promise.all(
    LEFTOVER_KINDS.map(async (k) =>
      (await k.orphans(ctx)).map((l) => ({ ...l, findingId: k.orphanId, fix: k.fix(l) })),
    ),
  );
  return found.flat();
}

export async function removeLeftover(leftover: Leftover): Promise<{ removed: boolean; note: string | null }> {
  const kind = leftoverKind(leftover.kind);
  return kind ? kind.remove(leftover) : { removed: false, note: null };
}

/** The ids of doctor's orphan findings, which `guard doctor --fix` removes. */
export function orphanIds(): Set<string> {
  return new Set(LEFTOVER_KINDS.map((k) => k.orphanId));
}
