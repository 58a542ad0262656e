/** `duplicate-branch`: one branch checked out in several worktrees. `detached-head`: no branch at all. */

import path from 'node:path';
import { messages } from '../messages';
import type { RepoFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { branchSlug } from '../worktree/slug';
import { type Finding, finding } from './finding';

export function duplicateBranch(s: RepoFacts): Finding[] {
  const first = new Map<string, string>();
  const findings: Finding[] = [];
  for (const w of s.worktrees) {
    const branch = w.record.branch;
    if (!branch || w.record.prunable !== null) continue;
    const holder = first.get(branch);
    if (holder === undefined) first.set(branch, w.path);
    else
      findings.push(
        finding(
          'duplicate-branch',
          'error',
          w.path,
          messages.ruleDuplicateBranch(branch, holder),
          `git -C ${shellQuote(w.path)} switch -c ${shellQuote(`${branch}-2`)}`,
        ),
      );
  }
  return findings;
}

export function detachedHead(s: RepoFacts): Finding[] {
  return s.worktrees
    .filter((w) => w.present && w.record.detached && w.record.head)
    .map((w) =>
      finding(
        'detached-head',
        'warning',
        w.path,
        messages.detachedHead(w.record.head as string),
        `git -C ${shellQuote(w.path)} switch -c ${shellQuote(`wip/${branchSlug(path.basename(w.path))}`)}`,
      ),
    );
}
