/** One row per worktree, the same for `guard doctor --json` and `guard list`. */
import { samePath } from '../fs/paths';
import { armed } from '../hooks/hooksFacts';
import type { Integration } from '../remove/types';
import { baseOf, isPrimary, linkExpected, ownIdentity } from '../state/derive';
import type { RepoFacts, WorktreeFacts } from '../state/types';
import type { RecordedBase } from '../worktree/baseRecord';
import type { Identity } from '../worktree/identity';

export interface WorktreeSummary {
  path: string;
  primary: boolean;
  /** Its directory is there (not prunable, not gone). */
  present: boolean;
  branch: string | null;
  head: string | null;
  detached: boolean;
  locked: string | null;
  prunable: string | null;
  /** The worktree-scoped identity, or null when not pinned. */
  identity: Identity | null;
  /** Where git runs its hooks, and whether every guard shim is there and current. */
  hooks: { dir: string; armed: boolean } | null;
  /** Configured links the primary has: how many are in place here. Null for the primary, or with none to check. */
  links: { ok: number; expected: number } | null;
  base: RecordedBase | null;
  /** This worktree's own last fetch (its FETCH_HEAD), ISO. */
  lastFetch: string | null;
  /** Only from `guard list`. */
  dirty?: { staged: number; unstaged: number; untracked: number; conflicted: number } | null;
  aheadBehind?: { ref: string; ahead: number; behind: number } | null;
  /** The local locks a live run from this worktree holds (doctor and list read them). */
  locks?: string[];
  /** Only from `guard list`: is its work in the remote base (`state: "integrated"`: ready to remove)? */
  integration?: Integration | null;
  /** The live coding-agent sessions working here, oldest first (see `guard install --agents`). */
  sessions?: { id: string; agent: string; pid: number | null; since: string }[];
}

function linksOf(s: RepoFacts, w: WorktreeFacts): WorktreeSummary['links'] {
  if (isPrimary(s, w) || !w.present || !w.links.length) return null;
  const expected = w.links.filter(linkExpected);
  const ok = expected.filter(
    (l) =>
      l.destInfo.kind === 'symlink' &&
      l.destInfo.target === l.source &&
      l.destInfo.targetExists &&
      l.ignoredHere !== false,
  );
  return { ok: ok.length, expected: expected.length };
}

export function summarize(facts: RepoFacts): WorktreeSummary[] {
  return facts.worktrees.map((w) => {
    const r = w.record;
    const row: WorktreeSummary = {
      path: r.path,
      primary: isPrimary(facts, w),
      present: w.present,
      branch: r.branch,
      head: r.head,
      detached: r.detached,
      locked: r.locked,
      prunable: r.prunable,
      identity: ownIdentity(facts, w),
      hooks: w.hooks ? { dir: w.hooks.where.dir, armed: armed(w.hooks) } : null,
      links: linksOf(facts, w),
      base: baseOf(w),
      lastFetch: w.lastFetchAttempt?.toISOString() ?? null,
    };
    if (w.status !== undefined) {
      const s = w.status;
      row.dirty = s && {
        staged: s.staged,
        unstaged: s.unstaged,
        untracked: s.untracked,
        conflicted: s.conflicted,
      };
    }
    if (w.aheadBehind !== undefined)
      row.aheadBehind = w.aheadBehind && facts.remoteBase && { ref: facts.remoteBase.ref, ...w.aheadBehind };
    if (facts.shared)
      row.locks = facts.shared.locks
        .filter((l) => l.holder && l.holder.state !== 'gone' && l.holder.holder.worktree)
        .filter((l) => samePath(l.holder?.holder.worktree as string, r.path))
        .map((l) => l.name);
    if (w.integration !== undefined) row.integration = w.integration;
    if (w.sessions) row.sessions = w.sessions.map(({ id, agent, pid, since }) => ({ id, agent, pid, since }));
    return row;
  });
}
