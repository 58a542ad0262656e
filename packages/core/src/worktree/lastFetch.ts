/**
 * When `<remote>` was last fetched *successfully*. FETCH_HEAD is per worktree, and its mtime is the last
 * fetch *attempt*: a failed fetch leaves it empty, a fetch of another remote fills it with that remote's
 * branches. So a FETCH_HEAD counts only when it lists what `<remote>` sent (its URL, as git writes it).
 * A fetch that changed nothing rewrites FETCH_HEAD but no reflog; a clone writes no FETCH_HEAD but logs
 * `<remote>/HEAD`; fetch and push log `<remote>/<baseBranch>`. The newest of all of these is the answer.
 * FETCH_HEAD is a file under every ref backend; the reflogs are read through git.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readReflog } from '../git/reflog';
import { runGit } from '../git/run';

/** A URL as git writes it into FETCH_HEAD: no credentials, no trailing `/` or `.git`. */
export function fetchHeadUrl(url: string): string {
  const anonymous = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/@]*@/i, '$1');
  return anonymous.replace(/\/+$/, '').replace(/\.git$/, '');
}

/** Does this FETCH_HEAD text hold what the remote at `url` sent? */
export function fetchHeadFrom(text: string, url: string): boolean {
  const want = ` of ${fetchHeadUrl(url)}`;
  return text.split('\n').some((line) => line.endsWith(want));
}

/** Every worktree's FETCH_HEAD: `<common>/FETCH_HEAD` and `<common>/worktrees/<id>/FETCH_HEAD`. */
async function fetchHeads(commonDir: string): Promise<string[]> {
  const ids = await readdir(path.join(commonDir, 'worktrees')).catch(() => [] as string[]);
  return [commonDir, ...ids.map((id) => path.join(commonDir, 'worktrees', id))].map((d) =>
    path.join(d, 'FETCH_HEAD'),
  );
}

async function newestFetchHead(commonDir: string, cwd: string, remote: string): Promise<Date | null> {
  const found: { mtime: Date; text: string }[] = [];
  for (const file of await fetchHeads(commonDir)) {
    const st = await stat(file).catch(() => null);
    if (!st?.isFile() || st.size === 0) continue;
    found.push({ mtime: st.mtime, text: await readFile(file, 'utf8').catch(() => '') });
  }
  if (!found.length) return null;
  // git's own answer for the URL it fetches from (after url.<base>.insteadOf)
  const r = await runGit(['ls-remote', '--get-url', '--', remote], { cwd, ok: [0, 128] });
  const url = r.stdout.trim();
  if (r.exitCode !== 0 || !url) return null;
  let newest: Date | null = null;
  for (const f of found) if (fetchHeadFrom(f.text, url) && (!newest || f.mtime > newest)) newest = f.mtime;
  return newest;
}

export interface LastFetchInput {
  commonDir: string;
  /** Where to run git (any worktree, or the bare repository). */
  cwd: string;
  remote: string;
  baseBranch: string;
}

export async function lastFetchTime(input: LastFetchInput): Promise<Date | null> {
  const { cwd, remote } = input;
  const times = await Promise.all([
    newestFetchHead(input.commonDir, cwd, remote),
    ...[`refs/remotes/${remote}/${input.baseBranch}`, `refs/remotes/${remote}/HEAD`].map(async (ref) => {
      const [last] = await readReflog(cwd, ref, 1);
      return last ? new Date(last.time * 1000) : null;
    }),
  ]);
  let newest: Date | null = null;
  for (const t of times) if (t && (!newest || t > newest)) newest = t;
  return newest;
}
