/**
 * Where we are: the current worktree, its git dir, the common git dir, and every worktree — read in two
 * git calls run side by side (`rev-parse` and `worktree list`).
 */
import path from 'node:path';
import { UsageError } from '../errors';
import { samePath } from '../fs/paths';
import { messages } from '../messages';
import { git, runGit } from './run';
import { assertSupportedGit } from './version';
import {
  markBarePrimary,
  parseWorktreeListLines,
  parseWorktreeListZ,
  type WorktreeRecord,
} from './worktreeList';

export interface Repo {
  /** The current worktree's top level, or null in a bare repository (or inside a git dir). */
  topLevel: string | null;
  /** This worktree's git dir (`.git` of the primary, `.git/worktrees/<id>` of a linked one). */
  gitDir: string;
  /** The git dir shared by all worktrees. */
  commonDir: string;
  /** Every worktree, the primary first (as `git worktree list` orders them). */
  worktrees: WorktreeRecord[];
  /** The primary worktree: the first entry; `bare` when the repository is bare. */
  primary: WorktreeRecord;
  /** The entry of the worktree we are in, or null (bare repository). */
  current: WorktreeRecord | null;
}

/** Reads every worktree in one call (`-z` from git 2.36, the line form before). */
export async function listWorktrees(cwd: string): Promise<WorktreeRecord[]> {
  const z = await runGit(['worktree', 'list', '--porcelain', '-z'], { cwd, ok: [0, 129] });
  if (z.exitCode === 0) return parseWorktreeListZ(z.stdout);
  return parseWorktreeListLines(await git(['worktree', 'list', '--porcelain'], { cwd }));
}

export interface GitDirs {
  bare: boolean;
  /** The top level of the worktree `cwd` is in, or null (bare, or inside a git dir). */
  topLevel: string | null;
  gitDir: string;
  commonDir: string;
}

/**
 * Splits `<git dir> LF <common dir> LF`, where either may hold newlines: the git dir is the common dir
 * itself, or `<common dir>/worktrees/<id>` (git sanitises ids, so an id never holds one).
 */
export function splitGitDirs(text: string): { gitDir: string; commonDir: string } | null {
  const t = text.endsWith('\n') ? text.slice(0, -1) : text;
  for (let k = t.indexOf('\n'); k !== -1; k = t.indexOf('\n', k + 1)) {
    const gitDir = t.slice(0, k);
    const commonDir = t.slice(k + 1);
    const id = gitDir.startsWith(`${commonDir}/worktrees/`) ? gitDir.slice(commonDir.length + 11) : null;
    if (gitDir === commonDir || (id && !id.includes('/'))) return { gitDir, commonDir };
  }
  return null;
}

/**
 * One `git rev-parse`, read so that no path can be misread: the top level comes as `--show-cdup` (only
 * `../` steps), the two git dirs last. On git 2.30 and older `--path-format=absolute` is echoed back.
 */
export async function readGitDirs(cwd: string): Promise<GitDirs> {
  const r = await runGit(
    [
      'rev-parse',
      '--is-bare-repository',
      '--is-inside-work-tree',
      '--show-cdup',
      '--path-format=absolute',
      '--git-dir',
      '--git-common-dir',
    ],
    { cwd, ok: [0, 128, 129] },
  );
  if (r.stdout.includes('--path-format=absolute')) await assertSupportedGit(cwd);
  if (r.exitCode !== 0) {
    if (/not a git repository/i.test(r.stderr)) throw new UsageError('not-a-repo', messages.notARepo(cwd));
    await assertSupportedGit(cwd);
    throw new UsageError('not-a-repo', messages.repoUnreadable(cwd, r.stderr.trim()));
  }
  const [bare = '', inside = '', ...rest] = r.stdout.split('\n');
  const cdup = inside === 'true' ? (rest.shift() ?? '') : null;
  const dirs = splitGitDirs(rest.join('\n'));
  if (!dirs) throw new UsageError('not-a-repo', messages.repoUnreadable(cwd, r.stdout.trim()));
  return { bare: bare === 'true', topLevel: cdup === null ? null : path.resolve(cwd, cdup), ...dirs };
}

export async function openRepo(cwd: string): Promise<Repo> {
  const [dirs, listed] = await Promise.all([
    readGitDirs(cwd),
    listWorktrees(cwd).catch((error: unknown) => error as Error),
  ]);
  if (listed instanceof Error) throw listed;
  const worktrees = markBarePrimary(listed, (p) => samePath(p, dirs.commonDir));
  const primary = worktrees[0];
  if (!primary)
    throw new UsageError('not-a-repo', messages.repoUnreadable(cwd, 'git worktree list printed nothing'));
  const topLevel = dirs.bare ? null : dirs.topLevel;
  const current = topLevel ? (worktrees.find((w) => samePath(w.path, topLevel)) ?? null) : null;
  return { topLevel, gitDir: dirs.gitDir, commonDir: dirs.commonDir, worktrees, primary, current };
}

/** The git dir of another worktree: the common dir for the primary, `worktrees/<id>` for a linked one. */
export async function gitDirOf(worktreePath: string): Promise<string> {
  return (await readGitDirs(worktreePath)).gitDir;
}

/** The primary checkout's directory, or null when the primary is a bare repository. */
export function primaryCheckout(repo: Repo): string | null {
  return repo.primary.bare ? null : repo.primary.path;
}

/** Is this the primary worktree's entry? */
export function isPrimaryRecord(repo: Repo, w: WorktreeRecord): boolean {
  return w === repo.primary || samePath(w.path, repo.primary.path);
}
