/**
 * The stash, read in one call. Entries carry no worktree path: the branch they were made on is in the
 * reflog subject (`WIP on <branch>: …`, `On <branch>: …`, `WIP on (no branch): …` when detached).
 */
import { runGit } from './run';

export interface StashEntry {
  /** `stash@{n}` */
  ref: string;
  index: number;
  /** The stash commit W: its tree is the working tree of tracked files. */
  commit: string;
  tree: string;
  /** W's parents: the commit it was made on, the index commit, and the untracked-files commit (`-u`). */
  base: string;
  indexCommit: string;
  untracked: string | null;
  /** The reflog subject, e.g. `WIP on main: 1a2b3c4 message`. */
  subject: string;
  /**
   * The branch it was made on, as the subject names it (git 2.31–2.35 name only its last component:
   * `WIP on x` for `feat/x`; see {@link resolveStashBranch}); null when not a branch.
   */
  branch: string | null;
  /** `branch` / `detached` (made on a detached HEAD) / `stored` (a `git stash store -m <message>` entry). */
  origin: 'branch' | 'detached' | 'stored';
  /** Seconds since the epoch. */
  time: number;
  author: { name: string; email: string; date: string };
}

const FIELDS = ['%gd', '%H', '%T', '%P', '%gs', '%ct', '%an', '%ae', '%aI'];
export const STASH_LIST_FORMAT = `--format=${FIELDS.join('%x00')}%x00`;

/** `WIP on main: …` → main; `On feat/x: …` → feat/x; `(no branch)` → detached; anything else was stored. */
export function stashOrigin(subject: string): { origin: StashEntry['origin']; branch: string | null } {
  const m = /^(?:WIP on|On) (.+?): /.exec(subject) ?? /^(?:WIP on|On) (.+?):?$/.exec(subject);
  const branch = m?.[1] ?? null;
  if (branch === null) return { origin: 'stored', branch: null };
  return branch === '(no branch)' ? { origin: 'detached', branch: null } : { origin: 'branch', branch };
}

/** The branch a subject's name stands for among `branches`: itself, or the one whose last component it is. */
export function resolveStashBranch(name: string, branches: Iterable<string>): string {
  const all = [...branches];
  if (all.includes(name)) return name;
  const ends = all.filter((b) => b.endsWith(`/${name}`));
  return ends.length === 1 ? (ends[0] as string) : name;
}

/** Parses `git stash list` printed with {@link STASH_LIST_FORMAT} (NUL-separated, newline between entries). */
export function parseStashList(text: string): StashEntry[] {
  const fields = text.split('\0');
  const entries: StashEntry[] = [];
  for (let i = 0; i + FIELDS.length <= fields.length; i += FIELDS.length) {
    const [ref, commit, tree, parents, subject, time, name, email, date] = fields
      .slice(i, i + FIELDS.length)
      .map((f, k) => (k === 0 ? f.replace(/^\n/, '') : f)) as string[];
    if (!ref) continue;
    const [base = '', indexCommit = '', untracked = null] = (parents as string).split(' ');
    entries.push({
      ref: ref as string,
      index: Number(/\{(\d+)\}/.exec(ref as string)?.[1] ?? entries.length),
      commit: commit as string,
      tree: tree as string,
      base,
      indexCommit,
      untracked,
      subject: subject as string,
      ...stashOrigin(subject as string),
      time: Number(time),
      author: { name: name as string, email: email as string, date: date as string },
    });
  }
  return entries;
}

/**
 * What `git stash list` shows, read the way it reads it (`git log -g refs/stash`), which also works in a
 * bare repository. No stash at all is an empty list.
 */
export async function readStashList(cwd: string): Promise<StashEntry[]> {
  const r = await runGit(['log', '-g', STASH_LIST_FORMAT, 'refs/stash', '--'], { cwd, ok: [0, 128] });
  return r.exitCode === 0 ? parseStashList(r.stdout) : [];
}
