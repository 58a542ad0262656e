/**
 * The environment a worktree shares with the primary: `link-missing`, `link-broken`, `link-not-ignored`
 * (a link git would show as untracked, so it would get committed) and `memory-not-shared`.
 */
import { describeFound } from '../bootstrap/plan';
import { messages } from '../messages';
import type { RepoFacts, WorktreeFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { type Finding, finding } from './finding';

const linked = (s: RepoFacts) => s.worktrees.filter((w) => w.present && !w.isPrimary);
const bootstrapIn = (w: WorktreeFacts) => `cd ${shellQuote(w.path)} && guard bootstrap`;

export function linkRules(s: RepoFacts): Finding[] {
  const findings: Finding[] = [];
  for (const w of linked(s)) {
    for (const l of w.links) {
      const info = l.destInfo;
      if (info.kind === 'symlink' && !info.targetExists) {
        findings.push(
          finding(
            'link-broken',
            'warning',
            w.path,
            messages.linkBroken(l.rel, info.target),
            l.expected ? `cd ${shellQuote(w.path)} && rm -- ${shellQuote(l.rel)} && guard bootstrap` : null,
            false,
            { path: l.rel, target: info.target },
          ),
        );
      } else if (info.kind === 'symlink' && l.ignoredHere === false) {
        findings.push(
          finding(
            'link-not-ignored',
            'error',
            w.path,
            messages.linkShowsUntracked(l.rel),
            `cd ${shellQuote(w.path)} && echo ${shellQuote(`/${l.rel}`)} >> .gitignore`,
            false,
            { path: l.rel },
          ),
        );
      } else if (info.kind === 'missing' && l.expected) {
        const wouldShow = l.ignoredHere === false;
        findings.push(
          finding(
            'link-missing',
            'warning',
            w.path,
            messages.linkMissing(l.rel, wouldShow),
            bootstrapIn(w),
            !wouldShow,
            {
              path: l.rel,
              target: l.source,
            },
          ),
        );
      }
    }
  }
  return findings;
}

export function memoryNotShared(s: RepoFacts): Finding[] {
  const findings: Finding[] = [];
  for (const w of linked(s)) {
    for (const d of w.sharedDirs) {
      // a long Claude key whose hashed directory is not there yet: nothing to compare (bootstrap says so)
      if (!d.primaryDir || !d.dest) continue;
      const info = d.destInfo;
      if (info.kind === 'symlink' && info.target === d.primaryDir) continue;
      const missing = info.kind === 'missing';
      findings.push(
        finding(
          'memory-not-shared',
          'warning',
          w.path,
          missing
            ? messages.memoryMissing(d.dest, d.primaryDir)
            : messages.memoryOwn(d.dest, describeFound(info), d.primaryDir),
          missing ? bootstrapIn(w) : null,
          missing,
          { entry: d.entry, path: d.dest, target: d.primaryDir },
        ),
      );
    }
  }
  return findings;
}
