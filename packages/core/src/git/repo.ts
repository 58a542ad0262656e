/**
 * Where we are: the current worktree, the common git dir, the primary (main) worktree and every worktree,
 * read in two git calls.
 */
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors';
import { messages } from '../messages';
import { git, runGit } from './run';
import {
  markBarePrimary,
  parseWorktreeListLines,
  parseWorktreeListZ,
  type WorktreeRecord,
} from './worktreeList';

export interface Repo {
  /** The current worktree's top level, or null in a bare repository. */
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

export const MIN_GIT = [2, 31] as const;

/** Resolves symlinks where the path exists, so that paths from git and from the user compare equal. */
export function canonical(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

export function samePath(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

async function assertGitVersion(cwd: string): Promise<void> {
  const out = await git(['version'], { cwd });
  const m = /(\d+)\.(\d+)/.exec(out);
  const [major, minor] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (major < MIN_GIT[0] || (major === MIN_GIT[0] && minor < MIN_GIT[1])) {
    throw new UsageError('git-too-old', messages.gitTooOld(out.trim(), MIN_GIT.join('.')));
  }
}

/** Reads every worktree in one call (`-z` from git 2.36, the quoted form before). */
export async function listWorktrees(cwd: string): Promise<WorktreeRecord[]> {
  const z = await runGit(['worktree', 'list', '--porcelain', '-z'], { cwd, ok: [0, 129] });
  if (z.exitCode === 0) return parseWorktreeListZ(z.stdout);
  return parseWorktreeListLines(await git(['worktree', 'list', '--porcelain'], { cwd }));
}

export async function openRepo(cwd: string): Promise<Repo> {
  const probe = await runGit(
    [
      'rev-parse',
      '--path-format=absolute',
      '--git-common-dir',
      '--git-dir',
      '--is-bare-repository',
      '--show-toplevel',
    ],
    { cwd, ok: [0, 128, 129] },
  );
  const lines = probe.stdout.split('\n');
  if (probe.exitCode !== 0 && !(lines[2] === 'true' && lines.length >= 3)) {
    if (/not a git repository/i.test(probe.stderr))
      throw new UsageError('not-a-repo', messages.notARepo(cwd));
    await assertGitVersion(cwd);
    throw new UsageError('not-a-repo', messages.repoUnreadable(cwd, probe.stderr.trim()));
  }
  const [commonDir = '', gitDir = '', bare = ''] = lines;
  const topLevel = bare === 'true' ? null : lines[3] || null;
  const worktrees = markBarePrimary(await listWorktrees(cwd), (p) => samePath(p, commonDir));
  const primary = worktrees[0];
  if (!primary)
    throw new UsageError('not-a-repo', messages.repoUnreadable(cwd, 'git worktree list printed nothing'));
  const current = topLevel ? (worktrees.find((w) => samePath(w.path, topLevel)) ?? null) : null;
  return { topLevel, gitDir, commonDir, worktrees, primary, current };
}

/** The git dir of a worktree entry: the common dir for the primary, `worktrees/<id>` for a linked one. */
export async function gitDirOf(worktreePath: string): Promise<string> {
  return (await git(['rev-parse', '--path-format=absolute', '--git-dir'], { cwd: worktreePath })).trim();
}
