/**
 * `duplicate-branch`: one branch checked out in several worktrees (each of them is told).
 * `protected-branch`: a linked worktree on a `protectedBranches` branch. `detached-head`: no branch at all.
 */
import path from 'node:path';
import { messages } from '../messages';
import { configOf, isPrimary } from '../state/derive';
import type { RepoFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { branchSlug } from '../worktree/slug';
import { type Finding, finding } from './finding';

export function duplicateBranch(s: RepoFacts): Finding[] {
  const live = s.worktrees.filter((w) => w.present).map((w) => w.record);
  return live.flatMap((w) => {
    const branch = w.branch;
    const others = branch ? live.filter((o) => o !== w && o.branch === branch) : [];
    return others.length
      ? [
          finding({
            id: 'duplicate-branch',
            severity: 'error',
            worktree: w.path,
            message: messages.ruleDuplicateBranch(branch as string, others.map((o) => o.path).join(', ')),
            fix: `git -C ${shellQuote(w.path)} switch -c ${shellQuote(`${branch}-2`)}`,
          }),
        ]
      : [];
  });
}

export function protectedBranch(s: RepoFacts): Finding[] {
  const protectedBranches = configOf(s).protectedBranches;
  return s.worktrees.flatMap((w) => {
    const branch = w.record.branch;
    if (!w.present || !branch || isPrimary(s, w) || !protectedBranches.includes(branch)) return [];
    return [
      finding({
        id: 'protected-branch',
        severity: 'error',
        worktree: w.record.path,
        message: messages.ruleProtectedBranch(branch),
        fix: `git -C ${shellQuote(w.record.path)} switch -c <new-branch>`,
        data: { branch },
      }),
    ];
  });
}

export function detachedHead(s: RepoFacts): Finding[] {
  return s.worktrees.flatMap((w) =>
    w.present && w.record.detached && w.record.head
      ? [
          finding({
            id: 'detached-head',
            severity: 'warning',
            worktree: w.record.path,
            message: messages.detachedHead(w.record.head),
            fix: `git -C ${shellQuote(w.record.path)} switch -c ${shellQuote(`wip/${branchSlug(path.basename(w.record.path))}`)}`,
          }),
        ]
      : [],
  );
}
