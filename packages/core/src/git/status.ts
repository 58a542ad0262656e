/** How dirty a worktree is, from one `git status --porcelain=v2 -z`. */
import { git } from './run';

export interface StatusCounts {
  staged: number;
  unstaged: number;
  untracked: number;
  /** Paths with merge conflicts. */
  conflicted: number;
  /** Untracked paths, as git reports them (a directory ends in `/`). */
  untrackedPaths: string[];
  /** Paths added with `git add -N` (`1 .A …`): in the index, but with no content staged. */
  intentToAdd: string[];
}

/**
 * Parses `git status --porcelain=v2 -z`: `1 XY …`, `2 XY … NUL <orig path>` (renames carry one extra
 * field), `u XY …`, `? <path>`, `! <path>`. X is the index side, Y the working tree side; `.` is unchanged.
 */
export function parseStatusV2(text: string): StatusCounts {
  const counts: StatusCounts = {
    staged: 0,
    unstaged: 0,
    untracked: 0,
    conflicted: 0,
    untrackedPaths: [],
    intentToAdd: [],
  };
  const fields = text.split('\0');
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i] as string;
    const kind = f[0];
    if (kind === '1' || kind === '2') {
      if (f[2] !== '.') counts.staged++;
      if (f[3] !== '.') counts.unstaged++;
      if (f.startsWith('1 .A ')) counts.intentToAdd.push(f.split(' ').slice(8).join(' '));
      if (kind === '2') i++; // the rename's original path
    } else if (kind === 'u') counts.conflicted++;
    else if (kind === '?') {
      counts.untracked++;
      counts.untrackedPaths.push(f.slice(2));
    }
  }
  return counts;
}

export async function readStatus(worktree: string): Promise<StatusCounts> {
  return parseStatusV2(
    await git(['--no-optional-locks', 'status', '--porcelain=v2', '-z', '--untracked-files=normal'], {
      cwd: worktree,
    }),
  );
}
