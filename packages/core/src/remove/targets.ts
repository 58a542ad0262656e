/**
 * Which worktrees `guard remove <worktree-path|branch>...` names: a worktree's directory (as git lists it,
 * or a path to the same place), else the branch checked out in one. No argument: the worktree the current
 * directory is in.
 */
import path from 'node:path';
import { UsageError } from '../errors';
import { isInside, samePath } from '../fs/paths';
import type { Repo } from '../git/repo';
import type { WorktreeRecord } from '../git/worktreeList';
import { messages } from '../messages';

/** The worktree `dir` is in (the deepest, for worktrees nested in others), or null. */
export function worktreeHolding(repo: Repo, dir: string): WorktreeRecord | null {
  const holding = repo.worktrees.filter((w) => !w.bare && isInside(dir, w.path));
  return holding.sort((a, b) => b.path.length - a.path.length)[0] ?? null;
}

export function resolveTargets(repo: Repo, args: readonly string[], cwd: string): WorktreeRecord[] {
  if (!args.length) {
    const here = worktreeHolding(repo, cwd);
    if (!here) throw new UsageError('no-worktree-here', messages.removeNoneHere());
    return [here];
  }
  const found: WorktreeRecord[] = [];
  for (const arg of args) {
    const abs = path.resolve(cwd, arg);
    const w =
      repo.worktrees.find((r) => samePath(r.path, abs)) ??
      repo.worktrees.find((r) => r.branch !== null && (r.branch === arg || `refs/heads/${r.branch}` === arg));
    if (!w) throw new UsageError('not-a-worktree', messages.removeUnknownTarget(arg));
    if (w.bare) throw new UsageError('bare', messages.removeBare(w.path));
    if (!found.includes(w)) found.push(w);
  }
  return found;
}
