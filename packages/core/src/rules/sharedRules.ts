/**
 * `lock-orphaned` and `port-lease-orphaned`: locks held (or waited for) and ports leased by worktrees that
 * no longer exist. A lock whose process still runs is reported, not freed: only its end frees it.
 */
import { samePath } from '../fs/paths';
import { serialText as messages } from '../messages';
import type { RepoFacts } from '../state/types';
import { type Finding, finding } from './finding';

function goneWorktree(s: RepoFacts): (p: string | null) => p is string {
  const present = s.worktrees.filter((w) => w.present).map((w) => w.record.path);
  return (p: string | null): p is string => p !== null && !present.some((x) => samePath(x, p));
}

export function lockOrphaned(s: RepoFacts): Finding[] {
  const gone = goneWorktree(s);
  return (s.shared?.locks ?? []).flatMap((lock) =>
    [...(lock.holder ? [lock.holder] : []), ...lock.waiters].flatMap((t) => {
      const worktree = t.holder.worktree;
      if (t.state === 'other-host' || !gone(worktree)) return [];
      const running = t.state === 'alive';
      return [
        finding({
          id: 'lock-orphaned',
          severity: 'warning',
          worktree,
          message: messages.lockOrphaned(lock.name, t === lock.holder, t.holder.pid, running),
          fix: running ? `kill ${t.holder.pid}` : 'guard doctor --fix',
          autofix: !running,
          data: { lock: lock.name, file: t.file, pid: t.holder.pid, start: t.holder.start },
        }),
      ];
    }),
  );
}

export function portLeaseOrphaned(s: RepoFacts): Finding[] {
  const gone = goneWorktree(s);
  return (s.shared?.leases ?? [])
    .filter((l) => gone(l.worktree))
    .map((l) =>
      finding({
        id: 'port-lease-orphaned',
        severity: 'warning',
        worktree: l.worktree,
        message: messages.leaseOrphaned(l.name, l.port),
        fix: 'guard doctor --fix',
        autofix: true,
        data: { name: l.name, port: l.port, worktree: l.worktree, since: l.since },
      }),
    );
}
