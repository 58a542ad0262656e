/**
 * Carries out one decided removal: `git worktree remove` (never anything else on the worktree's files: a
 * removal git refuses is reported, not worked around), then the branch when it is integrated — deleted
 * only if it still points where it was judged — then what guard made outside the worktree.
 */
import { runGit } from '../git/run';
import { messages } from '../messages';
import { removeLeftover } from './leftovers';
import type { LeftoverOutcome, RemovalItem, RemovalOutcome } from './types';

const ANY_EXIT = [0, 1, 2, 128, 129, 255];

async function deleteBranch(home: string, name: string, commit: string): Promise<string | null> {
  // the old value is checked: a commit made since the decision keeps the branch
  const r = await runGit(['update-ref', '-d', `refs/heads/${name}`, commit], { cwd: home, ok: ANY_EXIT });
  if (r.exitCode !== 0) return messages.removeBranchMoved(name, r.stderr.trim());
  await runGit(['config', '--remove-section', `branch.${name}`], { cwd: home, ok: ANY_EXIT });
  return null;
}

export async function applyRemoval(
  item: RemovalItem,
  opts: { home: string; dryRun: boolean },
): Promise<RemovalOutcome> {
  const { facts, decision } = item;
  if (!decision.remove) return { item, action: 'refused', gitError: null, branch: null, leftovers: [] };
  const fate = decision.branch;
  if (opts.dryRun)
    return {
      item,
      action: 'would-remove',
      gitError: null,
      branch: fate && { ...fate, done: false, note: null },
      leftovers: facts.leftovers.map((l) => ({ ...l, action: 'would-remove', note: null })),
    };
  const force = Array.from({ length: decision.gitForce }, () => '--force');
  const r = await runGit(['worktree', 'remove', ...force, '--', facts.record.path], {
    cwd: opts.home,
    ok: ANY_EXIT,
  });
  if (r.exitCode !== 0)
    return {
      item,
      action: 'failed',
      gitError: r.stderr.trim() || `exit ${r.exitCode}`,
      branch: null,
      leftovers: [],
    };
  let branch: RemovalOutcome['branch'] = null;
  if (fate?.action === 'delete') {
    const note = await deleteBranch(opts.home, fate.name, fate.commit);
    branch = { ...fate, done: note === null, note };
  } else if (fate) branch = { ...fate, done: false, note: null };
  const leftovers: LeftoverOutcome[] = [];
  for (const l of facts.leftovers) {
    const done = await removeLeftover(l);
    leftovers.push({ ...l, action: done.removed ? 'removed' : 'kept', note: done.note });
  }
  return { item, action: 'removed', gitError: null, branch, leftovers };
}
