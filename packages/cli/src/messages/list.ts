/** guard list's table. */
export const list = {
  columns: ['WORKTREE', 'BRANCH', 'HEAD', 'IDENTITY', 'BASE ±', 'DIRTY', 'FETCHED', 'LINKS', 'INTEGRATED'],
  lastFetch: (base: string, when: string) =>
    `${base}: last fetched ${when} (FETCHED: each worktree's own last fetch; BASE ±: ahead/behind ${base})`,
  primary: ' (primary)',
  detached: '(detached)',
  gone: '(gone)',
  none: '—',
  clean: 'clean',
  dirty: (staged: number, unstaged: number, untracked: number, conflicted: number) =>
    [
      staged ? `${staged} staged` : '',
      unstaged ? `${unstaged} changed` : '',
      untracked ? `${untracked} new` : '',
      conflicted ? `${conflicted} conflicted` : '',
    ]
      .filter(Boolean)
      .join(', '),
  aheadBehind: (ahead: number, behind: number) => (ahead || behind ? `+${ahead} -${behind}` : '='),
  sessionsColumn: 'AGENTS',
  session: (agent: string, id: string, pid: number | null) =>
    `${agent} ${id.slice(0, 8)}${pid ? ` (pid ${pid})` : ''}`,
};
