/**
 * A git command as git itself reads it: the global options before the subcommand (`-C`, `-c`,
 * `--config-env`, `--git-dir`, …), the subcommand (after an alias given with `-c alias.x=…`), and its
 * arguments. Found directly (`git …`, `/usr/bin/git …`) or behind a command that runs another
 * (`env`, `sudo`, `timeout`, `xargs`, `nice`, …).
 */
import path from 'node:path';
import { type Assignment, assignmentWord, type ShellCommand } from './shellCommands';

export interface ConfigOverride {
  /** The key as written (compare with {@link sameKey}). */
  key: string;
  value: string | null;
  /** How it was given, for the message: `-c core.hooksPath=…`. */
  text: string;
}

export interface GitInvocation {
  /** Where git runs: the command's directory, moved by `-C` (and `--work-tree`); null when unknown. */
  dir: string | null;
  /** `-c name=value` and `--config-env=name=var`, in order. */
  config: ConfigOverride[];
  /** The environment given to git on the command line (`X=1 git …`, `env X=1 git …`). */
  env: Assignment[];
  /** null when the subcommand cannot be known (`git $CMD`), or git was given none. */
  sub: string | null;
  args: (string | null)[];
}

/** Commands that run the command that follows them (their options skipped until a `git` word). */
const RUNNERS = new Set([
  'env',
  'sudo',
  'doas',
  'timeout',
  'nice',
  'ionice',
  'nohup',
  'time',
  'command',
  'exec',
  'xargs',
  'stdbuf',
  'chrt',
  'taskset',
  'caffeinate',
  'flock',
  'unbuffer',
]);

/** Global options that take the next word as their value. */
const GLOBAL_WITH_VALUE = new Set([
  '-C',
  '-c',
  '--git-dir',
  '--work-tree',
  '--namespace',
  '--config-env',
  '--super-prefix',
  '--shallow-file',
  '--attr-source',
]);

const isGit = (word: string | null | undefined) =>
  word !== null && word !== undefined && path.basename(word) === 'git';

/** Config keys: section and name compare without case (a subsection keeps its case). */
export function sameKey(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

function override(spec: string | null, via: '-c' | '--config-env'): ConfigOverride | null {
  if (spec === null) return { key: '', value: null, text: `${via} …` };
  const eq = spec.indexOf('=');
  const key = eq === -1 ? spec : spec.slice(0, eq);
  const value = via === '-c' ? (eq === -1 ? 'true' : spec.slice(eq + 1)) : null;
  return { key, value, text: `${via} ${spec}` };
}

function moveTo(dir: string | null, to: string | null): string | null {
  if (to === null) return null;
  if (to === '') return dir;
  if (path.isAbsolute(to)) return path.resolve(to);
  return dir === null ? null : path.resolve(dir, to);
}

/** Reads the global options from `words[start]` on; returns the index of the subcommand. */
function globals(words: (string | null)[], start: number, inv: GitInvocation): number | null {
  let i = start;
  while (i < words.length) {
    const w = words[i] ?? null;
    if (w === null) return null;
    if (!w.startsWith('-')) return i;
    const eq = w.indexOf('=');
    const name = w.startsWith('--') && eq !== -1 ? w.slice(0, eq) : w;
    const inline = name !== w ? w.slice(eq + 1) : undefined;
    const value = inline ?? (GLOBAL_WITH_VALUE.has(name) ? (words[i + 1] ?? null) : undefined);
    if (inline === undefined && GLOBAL_WITH_VALUE.has(name)) i++;
    if (name === '-C') inv.dir = moveTo(inv.dir, value ?? null);
    else if (name === '--work-tree' || name === '--git-dir') inv.dir = moveTo(inv.dir, value ?? null);
    else if (name === '-c' || name === '--config-env') {
      const o = override(value ?? null, name);
      if (o) inv.config.push(o);
    }
    i++;
  }
  return null;
}

/** Splits an alias value the way git does for a simple alias (quotes group words). */
function aliasWords(value: string): string[] {
  const words: string[] = [];
  const re = /"((?:\\.|[^"\\])*)"|'([^']*)'|(\S+)/g;
  for (let m = re.exec(value); m; m = re.exec(value)) words.push(m[1] ?? m[2] ?? (m[3] as string));
  return words;
}

/** `git -c alias.<sub>=<value> <sub>`: the alias given on the command line, expanded (git reads it so). */
function expandAlias(inv: GitInvocation, words: (string | null)[], at: number, depth: number): void {
  const sub = words[at] ?? null;
  inv.sub = sub;
  inv.args = words.slice(at + 1);
  if (sub === null || depth > 3) return;
  const alias = [...inv.config].reverse().find((c) => sameKey(c.key, `alias.${sub}`));
  if (!alias || alias.value === null || alias.value.startsWith('!')) return;
  const expanded = [...aliasWords(alias.value), ...inv.args];
  const next = globals(expanded, 0, inv);
  if (next === null) {
    inv.sub = null;
    inv.args = [];
    return;
  }
  expandAlias(inv, expanded, next, depth + 1);
}

/** The git invocation in this command, if it runs git. */
export function gitInvocation(cmd: ShellCommand): GitInvocation | null {
  const { argv } = cmd;
  const first = argv[0];
  let at = 0;
  const env = [...cmd.env];
  if (!isGit(first)) {
    if (first === null || first === undefined || !RUNNERS.has(path.basename(first))) return null;
    at = argv.findIndex(isGit);
    if (at === -1) return null;
    for (const w of argv.slice(1, at)) {
      const a = assignmentWord(w);
      if (a) env.push(a);
    }
  }
  const inv: GitInvocation = { dir: cmd.dir, config: [], env, sub: null, args: [] };
  const sub = globals(argv, at + 1, inv);
  if (sub !== null) expandAlias(inv, argv, sub, 0);
  return inv;
}
