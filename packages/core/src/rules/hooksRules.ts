/**
 * `hooks-disarmed`: a worktree where git would not run the guard shims (a relative core.hooksPath whose
 * directory is missing there, a worktree-scoped override, a shim without its exec bit or from an older guard).
 * `hooks-not-installed`: guard is armed nowhere, so plain git keeps no rule.
 */
import path from 'node:path';
import { isRelativeHooksPath } from '../hooks/hooksDirs';
import { SHIM_VERSION } from '../hooks/shims';
import { messages } from '../messages';
import type { RepoFacts, WorktreeFacts } from '../state/types';
import { type Finding, finding } from './finding';

function problemsOf(w: WorktreeFacts): string[] {
  const h = w.hooks;
  if (!h) return [];
  const parts: string[] = [];
  if (h.where.hooksPath?.scope === 'worktree') parts.push(messages.hooksOverride(h.where.hooksPath.value));
  if (!h.dirExists && isRelativeHooksPath(h.where)) {
    parts.push(messages.hooksRelativeMissing(h.where.hooksPath?.value ?? '', h.where.dir));
    return parts;
  }
  const missing = h.shims.filter((x) => x.state === 'missing').map((x) => path.basename(x.file));
  if (missing.length) parts.push(messages.hooksMissing(missing, h.where.dir));
  for (const x of h.shims) {
    if (x.state === 'foreign') parts.push(messages.hooksForeign(x.file));
    if (x.state === 'not-executable') parts.push(messages.hooksNotExecutable(x.file));
    if (x.state === 'old') parts.push(messages.hooksOld(x.file, x.version ?? 0, SHIM_VERSION));
  }
  // an override that is armed all the same is not a problem
  return parts.length === 1 && h.where.hooksPath?.scope === 'worktree' ? [] : parts;
}

export function hooksRules(s: RepoFacts): Finding[] {
  const present = s.worktrees.filter((w) => w.present);
  if (!s.guardInstalled) {
    const home = present.find((w) => w.isPrimary) ?? present[0];
    return home
      ? [finding('hooks-not-installed', 'warning', home.path, messages.hooksNotInstalled(), 'guard install')]
      : [];
  }
  return present.flatMap((w) => {
    const parts = problemsOf(w);
    return parts.length
      ? [finding('hooks-disarmed', 'error', w.path, messages.hooksDisarmed(parts), 'guard install', true)]
      : [];
  });
}
