/**
 * `worktree-not-ignored`: a worktree that lives inside the primary checkout (Claude Code makes them in
 * `.claude/worktrees/<name>`) and that the primary's `git status` shows: `git add -A` there would commit
 * it as a gitlink.
 */
import path from 'node:path';
import { excludeLine } from '../bootstrap/apply';
import { messages } from '../messages';
import { primaryOf } from '../state/derive';
import type { RepoFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { type Finding, finding } from './finding';

export function insideNotIgnored(s: RepoFacts): Finding[] {
  const primary = primaryOf(s);
  if (!primary) return [];
  return s.worktrees.flatMap((w) =>
    w.present && w.inside && !w.inside.ignored
      ? [
          finding({
            id: 'worktree-not-ignored',
            severity: 'warning',
            worktree: w.record.path,
            message: messages.insideNotIgnored(w.inside.rel, primary.record.path),
            fix: `echo ${shellQuote(excludeLine(w.inside.rel))} >> ${shellQuote(path.join(s.repo.commonDir, 'info', 'exclude'))}`,
            autofix: true,
            data: { path: w.inside.rel },
          }),
        ]
      : [],
  );
}
