/**
 * `orphan-link` (and, as features register leftover kinds, their orphans): what guard made outside a
 * worktree that outlived it — a plain `git worktree remove` runs no hook, and a deleted directory tells
 * nobody. `guard doctor --fix` removes exactly these, each only if it is still what was found.
 */
import { primaryCheckout } from '../git/repo';
import { messages } from '../messages';
import type { RepoFacts } from '../state/types';
import { type Finding, finding } from './finding';

export function orphanRules(s: RepoFacts): Finding[] {
  return (s.orphans ?? []).map((l) =>
    finding({
      id: l.findingId,
      severity: 'warning',
      worktree: l.worktree ?? primaryCheckout(s.repo) ?? s.repo.commonDir,
      message: messages.orphanLeftover(l),
      fix: l.fix,
      autofix: true,
      data: { kind: l.kind, path: l.path, target: l.target, why: l.why },
    }),
  );
}
