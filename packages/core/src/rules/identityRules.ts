/**
 * `identity-not-pinned`: several worktrees and one without its own worktree-scoped user.name/user.email
 * (missing, inherited from the worktree it was made from, or the extension that allows it off).
 * `identity-leak`: an identity in the shared config that differs from the primary's pin — what a plain
 * `git config user.email …` typed in some worktree leaves behind.
 */
import { messages } from '../messages';
import {
  extensionOn,
  gathered,
  ownIdentity,
  pinFacts,
  primaryOf,
  several,
  sharedIdentity,
} from '../state/derive';
import type { RepoFacts } from '../state/types';
import { shellQuote } from '../util/shellQuote';
import { type Finding, finding } from './finding';

export function identityNotPinned(s: RepoFacts): Finding[] {
  if (!several(s)) return [];
  const on = extensionOn(s);
  return gathered(s).flatMap((w) => {
    const pin = pinFacts(s, w);
    if (on && pin?.identity && !pin.inherited) return [];
    const message = !on
      ? messages.extensionOff()
      : pin?.inherited
        ? messages.ruleIdentityInherited(pin.identity as { name: string; email: string })
        : messages.ruleIdentityNotPinned();
    return [
      finding({
        id: 'identity-not-pinned',
        severity: 'error',
        worktree: w.record.path,
        message,
        fix: `cd ${shellQuote(w.record.path)} && guard bootstrap`,
        autofix: true,
      }),
    ];
  });
}

export function identityLeak(s: RepoFacts): Finding[] {
  const primary = primaryOf(s);
  const pinned = primary && ownIdentity(s, primary);
  if (!several(s) || !extensionOn(s) || !primary || !pinned) return [];
  const shared = sharedIdentity(s);
  const keys: string[] = [];
  const values: string[] = [];
  for (const part of ['name', 'email'] as const) {
    const value = shared[part];
    if (value !== undefined && value !== pinned[part]) {
      keys.push(`user.${part}`);
      values.push(value);
    }
  }
  if (!keys.length) return [];
  return [
    finding({
      id: 'identity-leak',
      severity: 'warning',
      worktree: primary.record.path,
      message: messages.identityLeak(keys, values.join(', '), `${pinned.name} <${pinned.email}>`),
      fix: keys.map((k) => `git config --local --unset ${k}`).join(' && '),
    }),
  ];
}
