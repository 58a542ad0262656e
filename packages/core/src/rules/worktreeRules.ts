/** `prunable` and locked-but-gone worktrees, and `config-invalid` for the repository's configuration. */
import { configDir } from '../config/load';
import { messages } from '../messages';
import type { RepoFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { type Finding, finding } from './finding';

export function prunable(s: RepoFacts): Finding[] {
  return s.worktrees.flatMap((w) => {
    const worktree = w.record.path;
    if (w.record.prunable !== null)
      return [
        finding({
          id: 'prunable',
          severity: 'warning',
          worktree,
          message: messages.prunable(w.record.prunable),
          fix: 'git worktree prune',
        }),
      ];
    if (!w.present)
      return [
        finding({
          id: 'worktree-missing',
          severity: 'warning',
          worktree,
          message: messages.worktreeMissing(w.record.locked ?? ''),
          fix: `git worktree unlock ${shellQuote(worktree)} && git worktree prune`,
        }),
      ];
    return [];
  });
}

export function configInvalid(s: RepoFacts): Finding[] {
  const error = s.loaded.error;
  if (!error) return [];
  return [
    finding({
      id: 'config-invalid',
      severity: 'error',
      worktree: configDir(s.repo),
      message: error.message,
      data: { file: error.file },
    }),
  ];
}
