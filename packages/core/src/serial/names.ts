/**
 * Lock and port names. One rule for both, so that a name can be a directory in the common git dir, a
 * ref on the remote (`refs/worktree-guard/locks/<name>`) and an environment variable's stem.
 */
import { UsageError } from '../errors';
import { serialText as messages } from '../messages';

import { NAME_MAX } from './nameRule';

export { NAME_MAX, validName } from './nameRule';

/** Why `name` is not a valid lock or port name, or null when it is. */
export function nameProblem(name: string): string | null {
  if (name === '') return messages.nameEmpty();
  if (name.length > NAME_MAX) return messages.nameTooLong(name.length, NAME_MAX);
  const bad = [...new Set(name.replace(/[A-Za-z0-9._-]/g, ''))];
  if (bad.length) return messages.nameBadChars(bad);
  if (name.startsWith('-') || name.startsWith('.')) return messages.nameBadStart(name[0] as string);
  // what git's check-ref-format would refuse in a ref component made of these characters
  if (name.includes('..') || name.endsWith('.') || name.endsWith('.lock')) return messages.nameNotRef();
  return null;
}

/** Throws a usage error (exit 2) naming the rule when `name` is not valid. */
export function assertName(kind: 'lock' | 'port', name: string): string {
  const problem = nameProblem(name);
  if (problem) throw new UsageError('bad-name', messages.badName(kind, name, problem));
  return name;
}
