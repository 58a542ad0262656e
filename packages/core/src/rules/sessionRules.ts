/** `sessions-share-worktree`: more than one live coding-agent session in one worktree. */
import { messages } from '../messages';
import { configOf } from '../state/derive';
import type { RepoFacts } from '../state/types';
import { type Finding, finding } from './finding';

export function sessionsShareWorktree(s: RepoFacts): Finding[] {
  const blocking = configOf(s).agents.sessions === 'block';
  return s.worktrees.flatMap((w) => {
    const live = w.sessions ?? [];
    if (live.length < 2) return [];
    const sessions = live.map(({ id, agent, pid, since }) => ({ id, agent, pid, since }));
    return [
      finding({
        id: 'sessions-share-worktree',
        severity: blocking ? 'error' : 'warning',
        worktree: w.record.path,
        message: messages.sessionsShareWorktree(sessions),
        fix: 'guard new <branch>',
        data: { sessions },
      }),
    ];
  });
}
