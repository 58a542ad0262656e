/**
 * Reflogs read through git (`log -g`), never from files under `logs/` (which reftable repositories do not
 * have). `--date=unix` makes `%gd` carry the entry's own time — `%ct` would be the commit's.
 */
import { runGit } from './run';

export interface ReflogEntry {
  /** The commit the ref pointed at after this update. */
  commit: string;
  /** The reflog message, e.g. `branch: Created from origin/main`, `commit: message`. */
  subject: string;
  /** When the ref was updated (seconds since the epoch). */
  time: number;
}

/** Parses `git log -g --date=unix --format=%H%x00%gd%x00%gs`: `<oid> NUL <ref>@{<time>} NUL <subject>` lines. */
export function parseReflog(text: string): ReflogEntry[] {
  const entries: ReflogEntry[] = [];
  for (const line of text.split('\n')) {
    const [commit = '', selector = '', ...subject] = line.split('\0');
    const m = /@\{(\d+)\}$/.exec(selector);
    if (commit && m) entries.push({ commit, subject: subject.join('\0'), time: Number(m[1]) });
  }
  return entries;
}

/** A ref's reflog, newest first (at most `max` entries); empty when the ref or its log does not exist. */
export async function readReflog(cwd: string, ref: string, max?: number): Promise<ReflogEntry[]> {
  const args = ['log', '-g', '--date=unix', '--format=%H%x00%gd%x00%gs'];
  if (max !== undefined) args.push(`-n${max}`);
  const r = await runGit([...args, ref, '--'], { cwd, ok: [0, 128] });
  return r.exitCode === 0 ? parseReflog(r.stdout) : [];
}
