/**
 * `hooks-disarmed`: a worktree where git would not run the guard shims (a relative core.hooksPath whose
 * directory is missing there, a worktree-scoped override, a shim without its exec bit or from an older guard).
 * `hooks-not-installed`: guard is armed nowhere, so plain git keeps no rule.
 */
import { isRelativeHooksPath } from '../hooks/hooksDirs';
import { SHIM_VERSION } from '../hooks/shims';
import { messages } from '../messages';
import { guardInstalled, primaryOf } from '../state/derive';
import type { HooksFacts, RepoFacts } from '../state/types';
import { type Finding, finding } from './finding';

function problemsOf(h: HooksFacts): string[] {
  const parts: string[] = [];
  const override = h.where.hooksPath?.scope === 'worktree';
  if (override) parts.push(messages.hooksOverride(h.where.hooksPath?.value ?? ''));
  if (!h.dirExists && isRelativeHooksPath(h.where)) {
    parts.push(messages.hooksRelativeMissing(h.where.hooksPath?.value ?? '', h.where.dir));
    return parts;
  }
  const missing = h.shims.filter((x) => x.state === 'missing').map((x) => x.name);
  if (missing.length) parts.push(messages.hooksMissing(missing, h.where.dir));
  for (const x of h.shims) {
    if (x.state === 'foreign') parts.push(messages.hooksForeign(x.file));
    if (x.state === 'not-executable') parts.push(messages.hooksNotExecutable(x.file));
    if (x.state === 'old') parts.push(messages.hooksOld(x.file, x.version ?? 0, SHIM_VERSION));
    if (x.state === 'moved-aside') parts.push(messages.hooksMovedAside(x.name, x.file));
  }
  // an override that is armed all the same is not a problem
  return parts.length === 1 && override ? [] : parts;
}

export function hooksRules(s: RepoFacts): Finding[] {
  const present = s.worktrees.filter((w) => w.present && w.hooks);
  if (!guardInstalled(s)) {
    const home = primaryOf(s) ?? present[0];
    return home
      ? [
          finding({
            id: 'hooks-not-installed',
            severity: 'warning',
            worktree: home.record.path,
            message: messages.hooksNotInstalled(),
            fix: 'guard install',
          }),
        ]
      : [];
  }
  return present.flatMap((w) => {
    const parts = problemsOf(w.hooks as HooksFacts);
    return parts.length
      ? [
          finding({
            id: 'hooks-disarmed',
            severity: 'error',
            worktree: w.record.path,
            message: messages.hooksDisarmed(parts),
            fix: 'guard install',
            autofix: true,
          }),
        ]
      : [];
  });
}
