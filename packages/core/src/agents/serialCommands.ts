/**
 * Coding agents' commands that touch a shared resource take turns (config `serial.commands`): a shell
 * command whose simple commands match a lock's pattern is run whole under `guard run --serial <lock>`.
 * Patterns match a simple command's words joined by single spaces; `*` is any text, `?` one character.
 */
import { shellQuote } from '../util/shellQuote';
import type { ParsedLine, ShellCommand } from './shellCommands';

export interface SerialRewrite {
  /** The locks it takes, in name order (two runs that take the same two never wait for each other). */
  locks: string[];
  /** The command line to run instead. */
  command: string;
}

function globRegExp(pattern: string): RegExp {
  const body = pattern
    .trim()
    .split('')
    .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[\\^$.|+()[\]{}]/g, '\\$&')))
    .join('');
  return new RegExp(`^${body}$`, 's');
}

/** The words of a simple command as a pattern sees them, or null when one depends on an expansion. */
function text(cmd: ShellCommand): string | null {
  return cmd.argv.some((w) => w === null) ? null : cmd.argv.join(' ');
}

const GUARDS = new Set(['guard', 'worktree-guard', 'guard.js']);

/** Already under `guard run` (as an agent told to use it types it): nothing to rewrite. */
export function runsUnderGuard(line: ParsedLine): boolean {
  return line.commands.some((c) => {
    const words = c.argv.filter((w): w is string => w !== null);
    const at = words.findIndex((w) => GUARDS.has(w.split('/').pop() ?? ''));
    return at !== -1 && words[at + 1] === 'run';
  });
}

/** The locks whose patterns some simple command of the line matches. */
export function serialLocks(
  line: ParsedLine,
  commands: Readonly<Record<string, readonly string[]>>,
): string[] {
  const texts = line.commands.map(text).filter((t): t is string => t !== null);
  return Object.entries(commands)
    .filter(([, patterns]) => patterns.some((p) => texts.some((t) => globRegExp(p).test(t))))
    .map(([name]) => name)
    .sort();
}

/** `command` run under each lock, `runner` being how to start guard (`[node, cli]`). */
export function serialRewrite(
  line: ParsedLine,
  command: string,
  commands: Readonly<Record<string, readonly string[]>>,
  runner: readonly string[],
): SerialRewrite | null {
  if (runsUnderGuard(line)) return null;
  const locks = serialLocks(line, commands);
  if (!locks.length) return null;
  const prefix = locks.map((l) => [...runner, 'run', '--serial', l, '--'].map(shellQuote).join(' '));
  return { locks, command: `${prefix.join(' ')} sh -c ${shellQuote(command)}` };
}
