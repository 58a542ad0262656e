/**
 * FETCH_HEAD is per worktree and its mtime is the last fetch *attempt*. The repository's last fetch is
 * the newest FETCH_HEAD of all worktrees: `<common>/FETCH_HEAD` and `<common>/worktrees/<id>/FETCH_HEAD`.
 */
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function lastFetchTime(commonDir: string): Date | null {
  const candidates = [path.join(commonDir, 'FETCH_HEAD')];
  try {
    for (const id of readdirSync(path.join(commonDir, 'worktrees')))
      candidates.push(path.join(commonDir, 'worktrees', id, 'FETCH_HEAD'));
  } catch {
    // no linked worktrees
  }
  let newest: Date | null = null;
  for (const file of candidates) {
    try {
      const st = statSync(file);
      if (!newest || st.mtime > newest) newest = st.mtime;
    } catch {
      // this worktree never fetched
    }
  }
  return newest;
}
