/**
 * Where each branch started, recorded at worktree scope when bootstrap first meets a new branch, so
 * doctor can tell how fresh the start was — not only how old the last fetch is.
 */
import type { ConfigView } from '../git/config';

export const BASE_KEY = 'worktreeguard.base';
export const BASE_REF_KEY = 'worktreeguard.baseRef';
export const BASE_FETCHED_AT_KEY = 'worktreeguard.baseFetchedAt';
export const BASE_BEHIND_KEY = 'worktreeguard.baseBehind';
export const STARTED_AT_KEY = 'worktreeguard.startedAt';

export interface RecordedBase {
  /** The commit the branch started from. */
  commit: string;
  /** What it was named when it started (`origin/main`, `HEAD`, `main`), if known. */
  ref: string | null;
  /** When `<remote>` had last been fetched at that moment (ISO), or null when never. */
  fetchedAt: string | null;
  /** How many commits the fetched `<remote>/<baseBranch>` had that the start lacked; null without a remote. */
  behind: number | null;
  /** When the branch started (ISO). */
  startedAt: string | null;
}

export function recordedBaseOf(view: ConfigView): RecordedBase | null {
  const commit = view.get(BASE_KEY, 'worktree');
  if (!commit) return null;
  const behind = view.get(BASE_BEHIND_KEY, 'worktree');
  return {
    commit,
    ref: view.get(BASE_REF_KEY, 'worktree'),
    fetchedAt: view.get(BASE_FETCHED_AT_KEY, 'worktree'),
    behind: behind !== null && /^\d+$/.test(behind) ? Number(behind) : null,
    startedAt: view.get(STARTED_AT_KEY, 'worktree'),
  };
}

/** The config entries that record a start, in the order they are written. */
export function baseRecordEntries(b: RecordedBase): [string, string][] {
  const entries: [string, string][] = [[BASE_KEY, b.commit]];
  if (b.ref) entries.push([BASE_REF_KEY, b.ref]);
  if (b.fetchedAt) entries.push([BASE_FETCHED_AT_KEY, b.fetchedAt]);
  if (b.behind !== null) entries.push([BASE_BEHIND_KEY, String(b.behind)]);
  if (b.startedAt) entries.push([STARTED_AT_KEY, b.startedAt]);
  return entries;
}

/** Did the branch start behind the fetched remote base, or from a fetch older than `maxAgeMs`? */
export function staleStart(b: RecordedBase, maxAgeMs: number): boolean {
  if ((b.behind ?? 0) > 0) return true;
  if (!b.fetchedAt || !b.startedAt) return false;
  return Date.parse(b.startedAt) - Date.parse(b.fetchedAt) > maxAgeMs;
}
