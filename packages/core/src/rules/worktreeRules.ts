/** `prunable` and locked-but-gone worktrees, and `config-invalid` in any worktree. */
import { messages } from '../messages';
import type { RepoFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { type Finding, finding } from './finding';

export function prunable(s: RepoFacts): Finding[] {
  return s.worktrees.flatMap((w) => {
    if (w.record.prunable !== null)
      return [
        finding('prunable', 'warning', w.path, messages.prunable(w.record.prunable), 'git worktree prune'),
      ];
    if (!w.present)
      return [
        finding(
          'worktree-missing',
          'warning',
          w.path,
          messages.worktreeMissing(w.record.locked ?? ''),
          `git worktree unlock ${shellQuote(w.path)} && git worktree prune`,
        ),
      ];
    return [];
  });
}

export function configInvalid(s: RepoFacts): Finding[] {
  return s.worktrees.flatMap((w) =>
    w.configError
      ? [
          finding('config-invalid', 'error', w.path, w.configError.message, null, false, {
            file: w.configError.file,
          }),
        ]
      : [],
  );
}
