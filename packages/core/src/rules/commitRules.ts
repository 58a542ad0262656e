/**
 * The rules `git commit` checks (pre-commit hook), as a pure function of the repository's state.
 * (a) several worktrees and this one's identity not pinned at worktree scope;
 * (b) this branch checked out in another worktree as well;
 * (c) a protected branch, committed on from a linked worktree.
 */
import { messages } from '../messages';
import type { WorktreeRecord } from '../worktreeList';
import type { Finding } from './finding';

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
  const live = s.worktrees.filter((w) => !w.bare);
  const branch = s.current.branch;
  if (live.length > 1 && !s.identityPinned) {
    findings.push({
      id: 'identity-not-pinned',
      severity: 'error',
      worktree: s.current.path,
      message: messages.ruleIdentityNotPinned(),
      fix: 'guard bootstrap',
    });
  }
  if (branch) {
    const elsewhere = live.filter((w) => w.path !== s.current.path && w.branch === branch);
    for (const other of elsewhere) {
      findings.push({
        id: 'duplicate-branch',
        severity: 'error',
        worktree: s.current.path,
        message: messages.ruleDuplicateBranch(branch, other.path),
        fix: `git switch -c ${branch}-2`,
      });
    }
    if (!s.isPrimary && s.protectedBranches.includes(branch)) {
      findings.push({
        id: 'protected-branch',
        severity: 'error',
        worktree: s.current.path,
        message: messages.ruleProtectedBranch(branch),
        fix: `git switch -c <new-branch>`,
      });
    }
  }
  return findings;
}
