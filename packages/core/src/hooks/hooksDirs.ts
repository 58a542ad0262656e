/**
 * Where git looks for hooks in each worktree. Without `core.hooksPath` every worktree shares
 * `<common>/hooks`. With a relative one (husky: `.husky/_`) each worktree has its own directory, which
 * a new worktree lacks — so git silently runs no hook there. A worktree-scoped `core.hooksPath`
 * overrides the repository's for that worktree only.
 */
import path from 'node:path';
import { git } from '../git';
import type { Repo } from '../repo';

export interface HooksDir {
  /** Absolute directory git runs this worktree's hooks from. */
  dir: string;
  worktree: string;
  /** The `core.hooksPath` value in force, and the scope it comes from; null when unset. */
  hooksPath: { value: string; scope: string } | null;
}

export async function hooksDirOf(worktree: string): Promise<HooksDir> {
  const dir = (
    await git(['rev-parse', '--path-format=absolute', '--git-path', 'hooks'], { cwd: worktree })
  ).trim();
  const shown = await git(['config', '--show-scope', '--get', 'core.hooksPath'], {
    cwd: worktree,
    ok: [0, 1],
  });
  const [scope, ...rest] = shown.replace(/\n$/, '').split('\t');
  return { dir, worktree, hooksPath: shown ? { value: rest.join('\t'), scope: scope as string } : null };
}

/** The hooks directory of every live worktree (a bare primary uses the common one). */
export async function allHooksDirs(repo: Repo): Promise<HooksDir[]> {
  const live = repo.worktrees.filter((w) => !w.prunable);
  const dirs: HooksDir[] = [];
  for (const w of live) dirs.push(await hooksDirOf(w.bare ? repo.commonDir : w.path));
  return dirs;
}

export function isRelativeHooksPath(h: HooksDir): boolean {
  return h.hooksPath !== null && !path.isAbsolute(h.hooksPath.value) && !h.hooksPath.value.startsWith('~');
}
