/**
 * FETCH_HEAD is per worktree and its mtime is the last fetch *attempt*. The repository's last fetch is
 * the newest FETCH_HEAD of all worktrees: `<common>/FETCH_HEAD` and `<common>/worktrees/<id>/FETCH_HEAD`.
 * A fresh clone has no FETCH_HEAD at all. Then the reflogs say when the repository last learned where the
 * remote was: the remote base ref's (fetch and push write it) and `refs/remotes/<remote>/HEAD`'s (clone
 * writes only that one: it packs the branches it brings, without a reflog).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** The time of the last entry of a ref's reflog file, read without git: `old new ident <time> <tz>\tmsg`. */
export function lastReflogTime(commonDir: string, ref: string): Date | null {
  let text: string;
  try {
    text = readFileSync(path.join(commonDir, 'logs', ref), 'utf8');
  } catch {
    return null;
  }
  const last = text.trimEnd().split('\n').pop() ?? '';
  const m = /> (\d+) [+-]\d{4}\t/.exec(last);
  return m ? new Date(Number(m[1]) * 1000) : null;
}

export function lastFetchTime(commonDir: string, remote: string, baseBranch: string): Date | null {
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
  for (const ref of [`refs/remotes/${remote}/${baseBranch}`, `refs/remotes/${remote}/HEAD`]) {
    const logged = lastReflogTime(commonDir, ref);
    if (logged && (!newest || logged > newest)) newest = logged;
  }
  return newest;
}
