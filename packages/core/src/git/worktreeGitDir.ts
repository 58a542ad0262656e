/**
 * A worktree's own git dir, read from the file system instead of asking git: the primary's `.git` is the
 * directory itself; a linked worktree's `.git` is a file `gitdir: <path>` (relative from git 2.48 with
 * `worktree.useRelativePaths`).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export function worktreeGitDir(worktree: string): string | null {
  const dotGit = path.join(worktree, '.git');
  try {
    if (statSync(dotGit).isDirectory()) return dotGit;
    const m = /^gitdir: (.*)$/m.exec(readFileSync(dotGit, 'utf8'));
    return m ? path.resolve(worktree, (m[1] as string).trimEnd()) : null;
  } catch {
    return null;
  }
}
