/** `live-stash`: stash entries while several worktrees share the one stack. */
import { formatAge } from '../config/duration';
import { resolveStashBranch } from '../git/stashList';
import { messages } from '../messages';
import { primaryOf, workingTreeCount } from '../state/derive';
import type { RepoFacts } from '../state/types';
import { type Finding, finding } from './finding';

export function liveStash(s: RepoFacts): Finding[] {
  const n = workingTreeCount(s);
  if (n < 2) return [];
  const home = primaryOf(s)?.record.path ?? s.worktrees[0]?.record.path ?? s.repo.commonDir;
  const branches = s.worktrees.flatMap((w) => (w.record.branch ? [w.record.branch] : []));
  return s.stash.map((e) => {
    const branch = e.branch && resolveStashBranch(e.branch, branches);
    const origin = branch ? s.worktrees.find((w) => w.record.branch === branch && w.present) : undefined;
    const where = origin?.record.path ?? null;
    const made = { ref: e.ref, origin: e.origin, branch, subject: e.subject };
    return finding({
      id: 'live-stash',
      severity: 'error',
      worktree: where ?? home,
      message: messages.liveStash(made, where, formatAge(s.now - e.time * 1000), n),
      fix: 'guard rescue',
      data: {
        stash: e.ref,
        commit: e.commit,
        branch,
        origin: e.origin,
        subject: e.subject,
        madeAt: new Date(e.time * 1000).toISOString(),
        originWorktree: where,
      },
    });
  });
}
