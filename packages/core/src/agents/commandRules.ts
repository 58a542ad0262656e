/**
 * What an agent's shell command is denied for, as data the CLI words for the model. The rules that need
 * no repository facts — the ways around guard's hooks — are decided here, purely; the ones that do (the
 * stash, identity, branches, sessions) are decided in judgeCommand.ts on top of the same readers.
 */
import type { SessionsMode } from '../config/types';
import { type ConfigTarget, configCall, skipsCommitHooks } from './gitArgs';
import { type GitInvocation, sameKey } from './gitInvocation';
import type { AgentSession } from './sessions';
import type { Assignment, ParsedLine } from './shellCommands';

export type Bypass = 'stash-override' | 'hooks-path' | 'hooks-off' | 'no-verify';

export type Denial =
  | { rule: 'stash'; action: string; worktrees: number }
  | { rule: Bypass; text: string }
  | { rule: 'identity'; key: string; scope: ConfigTarget }
  | { rule: 'branch-elsewhere'; branch: string; worktree: string; how: string }
  | { rule: 'session'; worktree: string; owner: AgentSession; mode: SessionsMode };

/** Keys whose value is who commits. */
export const IDENTITY_KEYS = [
  'user.name',
  'user.email',
  'author.name',
  'author.email',
  'committer.name',
  'committer.email',
];

const STASH_OVERRIDE = 'worktreeguard.stash';
const HOOKS_PATH = 'core.hooksPath';

function keyRule(key: string): Bypass | null {
  if (sameKey(key, STASH_OVERRIDE)) return 'stash-override';
  if (sameKey(key, HOOKS_PATH)) return 'hooks-path';
  return null;
}

/** `GIT_CONFIG_PARAMETERS` / `GIT_CONFIG_KEY_<n>`: the environment's form of `git -c`. */
function envConfigRule(a: Assignment): Bypass | null {
  if (a.value === null || !/^GIT_CONFIG_(PARAMETERS|KEY_\d+)$/.test(a.name)) return null;
  const v = a.value.toLowerCase();
  if (v.includes(STASH_OVERRIDE)) return 'stash-override';
  if (v.includes(HOOKS_PATH.toLowerCase())) return 'hooks-path';
  return null;
}

/** `WORKTREE_GUARD=0` always; `HUSKY=0` when the line runs git (it also tells husky not to install). */
function switchOffRule(a: Assignment, runsGit: boolean): Bypass | null {
  const off = a.value === null || a.value === '0';
  if (a.name === 'WORKTREE_GUARD' && off) return 'hooks-off';
  if (a.name === 'HUSKY' && off && runsGit) return 'hooks-off';
  return null;
}

function invocationBypasses(inv: GitInvocation): Denial[] {
  const out: Denial[] = [];
  for (const c of inv.config) {
    const rule = keyRule(c.key);
    if (rule) out.push({ rule, text: c.text });
  }
  const call = configCall(inv);
  if (call?.write && call.key) {
    const rule = keyRule(call.key);
    if (rule) out.push({ rule, text: `git config ${call.key} …` });
  }
  const skip = skipsCommitHooks(inv);
  if (skip) out.push({ rule: 'no-verify', text: `git commit ${skip}` });
  return out;
}

/** The ways around guard's hooks in this line. */
export function bypassDenials(line: ParsedLine, invocations: readonly GitInvocation[]): Denial[] {
  const runsGit = invocations.length > 0;
  const out: Denial[] = invocations.flatMap(invocationBypasses);
  for (const a of [...line.assignments, ...invocations.flatMap((i) => i.env)]) {
    const rule = switchOffRule(a, runsGit) ?? envConfigRule(a);
    if (rule) out.push({ rule, text: `${a.name}=${a.value ?? '…'}` });
  }
  return out;
}

/** `git config user.email …` and the like, writing somewhere other than this worktree's own config. */
export function identityWrite(inv: GitInvocation): Extract<Denial, { rule: 'identity' }> | null {
  const call = configCall(inv);
  if (!call?.write || call.scope === 'worktree' || !call.key) return null;
  const key = IDENTITY_KEYS.find((k) => sameKey(k, call.key as string));
  return key ? { rule: 'identity', key, scope: call.scope } : null;
}

/** One denial per rule and subject, in the order found. */
export function uniqueDenials(denials: readonly Denial[]): Denial[] {
  const seen = new Set<string>();
  return denials.filter((d) => {
    const k = JSON.stringify(d);
    return !seen.has(k) && Boolean(seen.add(k));
  });
}
