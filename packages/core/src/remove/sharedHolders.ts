/**
 * Holders from the shared resources: a run of `guard run --serial` started in the worktree (its command
 * works there), and a live coding-agent session registered there. Removing the worktree would pull it
 * from under them.
 */
import { liveSessions } from '../agents/sessions';
import { samePath } from '../fs/paths';
import { worktreeGitDir } from '../git/worktreeGitDir';
import { messages } from '../messages';
import { readLocalLocks } from '../serial/snapshot';
import type { RemovalGuard } from './holders';

export const serialRuns: RemovalGuard = {
  id: 'serial-run',
  forces: ['serial-run'],
  holds: async (ctx, w) => {
    const locks = await readLocalLocks(ctx.repo.commonDir).catch(() => []);
    return locks.flatMap((l) =>
      [l.holder, ...l.waiters]
        .filter((t) => t && t.state !== 'gone' && t.holder.worktree && samePath(t.holder.worktree, w.path))
        .map((t) => ({
          id: 'serial-run',
          message: messages.removeSerialRun(
            l.name,
            t?.holder.pid ?? 0,
            t?.holder.command ?? '',
            t === l.holder,
          ),
          resolve: null,
          force: 'serial-run',
          data: { lock: l.name, pid: t?.holder.pid ?? null },
        })),
    );
  },
};

export const agentSessions: RemovalGuard = {
  id: 'agent-session',
  forces: ['agent-session'],
  holds: async (_ctx, w) => {
    const gitDir = worktreeGitDir(w.path);
    const live = gitDir ? await liveSessions(gitDir) : [];
    return live.map((s) => ({
      id: 'agent-session',
      message: messages.removeAgentSession(s.agent, s.id, s.pid, s.since),
      resolve: null,
      force: 'agent-session',
      data: { session: s.id, pid: s.pid },
    }));
  },
};
