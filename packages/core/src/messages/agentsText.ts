/** Core's sentences about coding-agent sessions (doctor's finding). */
export const agentsText = {
  sessionsShareWorktree: (sessions: { id: string; agent: string; pid: number | null; since: string }[]) =>
    `${sessions.length} live agent sessions work in this worktree (${sessions
      .map((s) => `${s.agent} ${s.id.slice(0, 8)}${s.pid ? ` pid ${s.pid}` : ''} since ${s.since}`)
      .join(
        '; ',
      )}): they overwrite each other's files, index and branch. Give the later one a worktree of its own`,
};
