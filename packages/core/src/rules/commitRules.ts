/**
 * The rules `git commit` checks (pre-commit hook), as a pure function of the repository's state.
 * (a) several worktrees and this one's identity not pinned at worktree scope;
 * (b) this branch checked out in another worktree as well;
 * (c) a protected branch, committed on from a linked worktree.
 */

import { type WorktreeRecord, workingTrees } from '../git/worktreeList';
import { messages } from '../messages';
import { shellQuote } from '../util/shellQuote';
import { type Finding, finding } from './finding';

export interface CommitState {
  current: WorktreeRecord;
  isPrimary: boolean;
  worktrees: WorktreeRecord[];
  /** Worktree-scoped user.name and user.email both set (needs extensions.worktreeConfig). */
  identityPinned: boolean;
  protectedBranches: string[];
}

export function commitFindings(s: CommitState): Finding[] {
  const findings: Finding[] = [];
  const live = workingTrees(s.worktrees);
  const branch = s.current.branch;
  if (live.length > 1 && !s.identityPinned) {
    findings.push(
      finding(
        'identity-not-pinned',
        'error',
        s.current.path,
        messages.ruleIdentityNotPinned(),
        'guard bootstrap',
      ),
    );
  }
  if (branch) {
    const elsewhere = live.filter((w) => w.path !== s.current.path && w.branch === branch);
    for (const other of elsewhere) {
      findings.push(
        finding(
          'duplicate-branch',
          'error',
          s.current.path,
          messages.ruleDuplicateBranch(branch, other.path),
          `git switch -c ${shellQuote(`${branch}-2`)}`,
        ),
      );
    }
    if (!s.isPrimary && s.protectedBranches.includes(branch)) {
      findings.push(
        finding(
          'protected-branch',
          'error',
          s.current.path,
          messages.ruleProtectedBranch(branch),
          'git switch -c <new-branch>',
        ),
      );
    }
  }
  return findings;
}
