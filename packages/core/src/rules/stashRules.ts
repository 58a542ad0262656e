/** `live-stash`: stash entries while several worktrees share the one stack. */
import { formatAge } from '../config/duration';
import { workingTrees } from '../git/worktreeList';
import { messages } from '../messages';
import type { RepoFacts } from '../state/types';
import { type Finding, finding } from './finding';

export function liveStash(s: RepoFacts): Finding[] {
  const n = workingTrees(s.repo.worktrees).length;
  if (n < 2) return [];
  const home = s.worktrees.find((w) => w.isPrimary) ?? s.worktrees[0];
  return s.stash.map((e) => {
    const origin = e.branch ? s.worktrees.find((w) => w.record.branch === e.branch && w.present) : undefined;
    const age = formatAge(s.now - e.time * 1000);
    return finding(
      'live-stash',
      'error',
      origin?.path ?? home?.path ?? s.repo.commonDir,
      messages.liveStash(e.ref, e.branch, origin?.path ?? null, age, n),
      'guard rescue',
      false,
      {
        stash: e.ref,
        commit: e.commit,
        branch: e.branch,
        subject: e.subject,
        madeAt: new Date(e.time * 1000).toISOString(),
        originWorktree: origin?.path ?? null,
      },
    );
  });
}
