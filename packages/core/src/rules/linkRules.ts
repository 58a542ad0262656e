/**
 * The environment a worktree shares with the primary: `link-missing`, `link-broken`, `link-not-ignored`
 * (a link git would show as untracked, so it would get committed) and `memory-not-shared`.
 */
import { describeFound } from '../fs/pathInfo';
import { messages } from '../messages';
import { isPrimary, linkExpected } from '../state/derive';
import type { LinkFacts, RepoFacts, WorktreeFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { type Finding, finding } from './finding';

const linked = (s: RepoFacts) => s.worktrees.filter((w) => w.present && w.view && !isPrimary(s, w));
const bootstrapIn = (w: WorktreeFacts) => `cd ${shellQuote(w.record.path)} && guard bootstrap`;

function linkFinding(w: WorktreeFacts, l: LinkFacts): Finding | null {
  const info = l.destInfo;
  const worktree = w.record.path;
  const cd = `cd ${shellQuote(worktree)}`;
  if (info.kind === 'symlink' && !info.targetExists)
    return finding({
      id: 'link-broken',
      severity: 'warning',
      worktree,
      message: messages.linkBroken(l.rel, info.target),
      fix: linkExpected(l) ? `${cd} && rm -- ${shellQuote(l.rel)} && guard bootstrap` : null,
      data: { path: l.rel, target: info.target },
    });
  if (info.kind === 'symlink' && l.ignoredHere === false)
    return finding({
      id: 'link-not-ignored',
      severity: 'error',
      worktree,
      message: messages.linkShowsUntracked(l.rel),
      fix: `${cd} && echo ${shellQuote(`/${l.rel}`)} >> .gitignore`,
      data: { path: l.rel },
    });
  if (info.kind === 'missing' && linkExpected(l)) {
    const wouldShow = l.ignoredHere === false;
    return finding({
      id: 'link-missing',
      severity: 'warning',
      worktree,
      message: messages.linkMissing(l.rel, wouldShow),
      fix: bootstrapIn(w),
      autofix: !wouldShow,
      data: { path: l.rel, target: l.source },
    });
  }
  return null;
}

export function linkRules(s: RepoFacts): Finding[] {
  return linked(s).flatMap((w) => w.links.flatMap((l) => linkFinding(w, l) ?? []));
}

export function memoryNotShared(s: RepoFacts): Finding[] {
  return linked(s).flatMap((w) =>
    w.sharedDirs.flatMap((d) => {
      const info = d.destInfo;
      if (d.claudeMissing || (info.kind === 'symlink' && info.target === d.primaryDir)) return [];
      const missing = info.kind === 'missing';
      return [
        finding({
          id: 'memory-not-shared',
          severity: 'warning',
          worktree: w.record.path,
          message: missing
            ? messages.memoryMissing(d.dest, d.primaryDir)
            : messages.memoryOwn(d.dest, describeFound(info), d.primaryDir),
          fix: missing ? bootstrapIn(w) : null,
          autofix: missing,
          data: { entry: d.entry, path: d.dest, target: d.primaryDir },
        }),
      ];
    }),
  );
}
