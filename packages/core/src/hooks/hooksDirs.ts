/**
 * Where git looks for hooks in each worktree. Without `core.hooksPath` every worktree shares
 * `<common>/hooks`. With a relative one (husky: `.husky/_`) each worktree has its own directory, which
 * a new worktree lacks — so git silently runs no hook there. A worktree-scoped `core.hooksPath`
 * overrides the repository's for that worktree only.
 */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { type ConfigView, readConfig } from '../git/config';
import type { Repo } from '../git/repo';

export interface HooksDir {
  /** Absolute directory git runs this worktree's hooks from. */
  dir: string;
  worktree: string;
  /** The `core.hooksPath` value in force, and the scope it comes from; null when unset. */
  hooksPath: { value: string; scope: string } | null;
}

/**
 * The hooks directory git uses for a worktree, worked out from its configuration the way git does
 * (`git rev-parse --git-path hooks`): a relative `core.hooksPath` is taken from where hooks run — the
 * worktree's top level, or the git dir of a bare repository — and a leading `~/` is the home directory.
 */
export function hooksDirFrom(
  view: ConfigView,
  at: { worktree: string; bare: boolean; commonDir: string },
  home: string = process.env.HOME || os.homedir(),
): HooksDir {
  const hooksPath = view.lookup('core.hooksPath');
  if (!hooksPath) return { dir: path.join(at.commonDir, 'hooks'), worktree: at.worktree, hooksPath: null };
  const value = hooksPath.value.replace(/^~(?=\/|$)/, home);
  const dir = path.resolve(at.bare ? at.commonDir : at.worktree, value);
  return { dir, worktree: at.worktree, hooksPath: { value: hooksPath.value, scope: hooksPath.scope } };
}

/** One `git config --list` for the worktree, then {@link hooksDirFrom}. */
export async function hooksDirOf(worktree: string, commonDir: string, bare = false): Promise<HooksDir> {
  return hooksDirFrom(await readConfig(worktree), { worktree, bare, commonDir });
}

/** The hooks directory of every live worktree (a bare primary uses the common one). */
export async function allHooksDirs(repo: Repo): Promise<HooksDir[]> {
  // A locked worktree whose directory is gone is not prunable, but there is nowhere to run git.
  const live = repo.worktrees.filter((w) => !w.prunable && existsSync(w.bare ? repo.commonDir : w.path));
  const dirs: HooksDir[] = [];
  for (const w of live) dirs.push(await hooksDirOf(w.bare ? repo.commonDir : w.path, repo.commonDir, w.bare));
  return dirs;
}

export function isRelativeHooksPath(h: HooksDir): boolean {
  return h.hooksPath !== null && !path.isAbsolute(h.hooksPath.value) && !h.hooksPath.value.startsWith('~');
}
