/**
 * `identity-not-pinned`: several worktrees and one without a worktree-scoped user.name/user.email (or the
 * extension that allows it off). `identity-leak`: an identity in the shared config that differs from the
 * primary's pin — what a plain `git config user.email …` typed in some worktree leaves behind.
 */

import { workingTrees } from '../git/worktreeList';
import { messages } from '../messages';
import type { RepoFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { type Finding, finding } from './finding';

/** The same count as live-stash and the pre-commit hook, so doctor and `git commit` agree. */
function several(s: RepoFacts): boolean {
  return workingTrees(s.repo.worktrees).length > 1;
}

export function identityNotPinned(s: RepoFacts): Finding[] {
  if (!several(s)) return [];
  return s.worktrees
    .filter((w) => w.present && (!s.extensionOn || !w.pinned))
    .map((w) =>
      finding(
        'identity-not-pinned',
        'error',
        w.path,
        s.extensionOn ? messages.ruleIdentityNotPinned() : messages.extensionOff(),
        `cd ${shellQuote(w.path)} && guard bootstrap`,
        true,
      ),
    );
}

export function identityLeak(s: RepoFacts): Finding[] {
  const primary = s.worktrees.find((w) => w.isPrimary && w.present);
  if (!several(s) || !s.extensionOn || !primary?.pinned) return [];
  const keys: string[] = [];
  const shared: string[] = [];
  for (const part of ['name', 'email'] as const) {
    const value = s.sharedIdentity[part];
    if (value !== undefined && value !== primary.pinned[part]) {
      keys.push(`user.${part}`);
      shared.push(value);
    }
  }
  if (!keys.length) return [];
  const pinned = `${primary.pinned.name} <${primary.pinned.email}>`;
  return [
    finding(
      'identity-leak',
      'warning',
      primary.path,
      messages.identityLeak(keys, shared.join(', '), pinned),
      keys.map((k) => `git config --local --unset ${k}`).join(' && '),
    ),
  ];
}
