/**
 * What the arguments of a few git subcommands mean, read as git's option parser reads them: which
 * `git config` calls write and where, whether a commit skips its hooks, which branch a
 * switch/checkout/`worktree add` puts a worktree on, and which subcommands only read.
 */
import type { GitInvocation } from './gitInvocation';

type Words = (string | null)[];

/** Options (of the subcommand at hand) whose value is the next word unless given as `--opt=value`. */
function positionals(args: Words, withValue: ReadonlySet<string>, shortWithValue = ''): Words {
  const out: Words = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? null;
    if (a === '--') return [...out, ...args.slice(i + 1)];
    if (a === null || !a.startsWith('-') || a === '-') {
      out.push(a ?? null);
      continue;
    }
    if (a.startsWith('--')) {
      if (!a.includes('=') && withValue.has(a)) i++;
      continue;
    }
    // grouped short options: the first that takes a value takes the rest of the word, or the next word
    for (let k = 1; k < a.length; k++)
      if (shortWithValue.includes(a[k] as string)) {
        if (k === a.length - 1) i++;
        break;
      }
  }
  return out;
}

/** Is any of these options given (long forms may be abbreviated to a unique prefix, as git allows)? */
function hasFlag(args: Words, long: string[], short = '', minPrefix = 0): boolean {
  for (const a of args) {
    if (a === '--') return false;
    if (a === null || !a.startsWith('-')) continue;
    if (a.startsWith('--')) {
      const name = a.split('=')[0] as string;
      if (long.some((l) => l === name || (minPrefix && name.length >= minPrefix && l.startsWith(name))))
        return true;
    } else if (short && [...a.slice(1)].some((c) => short.includes(c))) return true;
  }
  return false;
}

/** Where a `git config` call reads or writes. */
export type ConfigTarget = 'local' | 'worktree' | 'global' | 'system' | 'file';

export interface ConfigCall {
  /** The key it reads or writes (null for whole-file actions such as --list). */
  key: string | null;
  write: boolean;
  scope: ConfigTarget;
}

const CONFIG_WITH_VALUE = new Set(['--file', '--blob', '--type', '--default', '--comment', '--value']);
const CONFIG_SUBCOMMANDS = new Set([
  'list',
  'get',
  'set',
  'unset',
  'rename-section',
  'remove-section',
  'edit',
]);
const CONFIG_WRITES = [
  '--replace-all',
  '--add',
  '--unset',
  '--unset-all',
  '--rename-section',
  '--remove-section',
];
const CONFIG_READS = ['--get', '--get-all', '--get-regexp', '--get-urlmatch', '--list', '--get-color'];

function configScope(args: Words): ConfigTarget {
  for (const a of args) {
    if (a === '--worktree') return 'worktree';
    if (a === '--global') return 'global';
    if (a === '--system') return 'system';
    if (a === '-f' || a === '--file' || a?.startsWith('--file=') || a === '--blob') return 'file';
  }
  return 'local';
}

/** `git config …`, old form (`git config [opts] name [value]`) or new (`git config set name value`). */
export function configCall(inv: GitInvocation): ConfigCall | null {
  if (inv.sub !== 'config') return null;
  const pos = positionals(inv.args, CONFIG_WITH_VALUE, 'f');
  const scope = configScope(inv.args);
  const first = pos[0] ?? null;
  if (first !== null && CONFIG_SUBCOMMANDS.has(first)) {
    const write = !['list', 'get'].includes(first);
    return { key: pos[1] ?? null, write, scope };
  }
  if (hasFlag(inv.args, CONFIG_WRITES)) return { key: first, write: true, scope };
  if (hasFlag(inv.args, CONFIG_READS, 'le')) return { key: first, write: false, scope };
  return { key: first, write: pos.length >= 2, scope };
}

const COMMIT_WITH_VALUE = new Set([
  '--message',
  '--file',
  '--reuse-message',
  '--reedit-message',
  '--fixup',
  '--squash',
  '--author',
  '--date',
  '--cleanup',
  '--template',
  '--pathspec-from-file',
  '--trailer',
]);

/** Does `git commit …` skip the pre-commit hook (`--no-verify`, `-n`, or an unambiguous prefix)? */
export function skipsCommitHooks(inv: GitInvocation): string | null {
  if (inv.sub !== 'commit') return null;
  let skip: string | null = null;
  for (let i = 0; i < inv.args.length; i++) {
    const a = inv.args[i] ?? null;
    if (a === '--') break;
    if (a === null || !a.startsWith('-')) continue;
    if (a.startsWith('--')) {
      const name = a.split('=')[0] as string;
      // "--no-veri" is the shortest prefix git does not confuse with --no-verbose
      if (name.length >= 9 && '--no-verify'.startsWith(name)) skip = a;
      else if (name === '--verify') skip = null;
      else if (!a.includes('=') && COMMIT_WITH_VALUE.has(name)) i++;
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k] as string;
      if (c === 'n') skip = a;
      if ('mFcCt'.includes(c)) {
        if (k === a.length - 1) i++;
        break;
      }
      if ('Su'.includes(c)) break; // optional value, attached
    }
  }
  return skip;
}

export interface BranchTarget {
  branch: string;
  how: 'switch' | 'checkout' | 'worktree add';
}

function optionValue(args: Words, names: string[]): string | null | undefined {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? null;
    if (a === '--') return undefined;
    if (a === null) continue;
    for (const n of names) {
      if (a === n) return args[i + 1] ?? null;
      if (n.startsWith('--') && a.startsWith(`${n}=`)) return a.slice(n.length + 1);
      if (!n.startsWith('--') && a.startsWith(n) && a.length > n.length) return a.slice(n.length);
    }
  }
  return undefined;
}

const SWITCH_WITH_VALUE = new Set(['--create', '--force-create', '--orphan', '--conflict']);
const CHECKOUT_WITH_VALUE = new Set(['--orphan', '--conflict', '--pathspec-from-file']);
const WORKTREE_ADD_WITH_VALUE = new Set(['--reason']);

/** The branch a switch, checkout or `worktree add` puts a worktree on, when it names one. */
export function branchTarget(inv: GitInvocation): BranchTarget | null {
  const args = inv.args;
  const named = (branch: string | null | undefined, how: BranchTarget['how']) =>
    branch ? { branch: branch.replace(/^refs\/heads\//, ''), how } : null;
  if (inv.sub === 'switch') {
    if (hasFlag(args, ['--detach', '--orphan'], 'd')) return null;
    const created = optionValue(args, ['-c', '-C', '--create', '--force-create']);
    if (created !== undefined) return named(created, 'switch');
    return named(positionals(args, SWITCH_WITH_VALUE, 'cC')[0], 'switch');
  }
  if (inv.sub === 'checkout') {
    if (hasFlag(args, ['--detach', '--orphan'])) return null;
    const created = optionValue(args, ['-b', '-B']);
    if (created !== undefined) return named(created, 'checkout');
    if (args.includes('--')) return null; // paths
    const pos = positionals(args, CHECKOUT_WITH_VALUE, 'bB');
    return pos.length === 1 ? named(pos[0], 'checkout') : null;
  }
  if (inv.sub === 'worktree' && args[0] === 'add') {
    const rest = args.slice(1);
    if (hasFlag(rest, ['--detach', '--orphan'], 'd')) return null;
    const created = optionValue(rest, ['-b', '-B']);
    if (created !== undefined) return named(created, 'worktree add');
    return named(positionals(rest, WORKTREE_ADD_WITH_VALUE, 'bB')[1], 'worktree add');
  }
  return null;
}

/** The stash subcommand a `git stash …` runs, unless it only reads (`list`, `show`). */
export function stashAction(inv: GitInvocation): string | null {
  if (inv.sub !== 'stash') return null;
  const first = inv.args[0];
  if (first === 'list' || first === 'show') return null;
  return first === undefined || first === null || first.startsWith('-') ? 'push' : first;
}

/** Subcommands that never write to a worktree, its index or the refs another worktree relies on. */
const READS = new Set([
  'status',
  'diff',
  'log',
  'show',
  'blame',
  'annotate',
  'grep',
  'ls-files',
  'ls-tree',
  'ls-remote',
  'rev-parse',
  'rev-list',
  'describe',
  'shortlog',
  'cat-file',
  'for-each-ref',
  'show-ref',
  'show-branch',
  'merge-base',
  'name-rev',
  'whatchanged',
  'range-diff',
  'diff-tree',
  'diff-files',
  'diff-index',
  'check-ignore',
  'check-attr',
  'count-objects',
  'var',
  'help',
  'version',
  'fetch',
  'cherry',
  'verify-commit',
  'verify-tag',
]);

/** Does this git command write (to a worktree, its index, its branch or shared refs)? */
export function gitWrites(inv: GitInvocation): boolean {
  const { sub, args } = inv;
  if (sub === null) return false;
  if (READS.has(sub)) return false;
  const pos = positionals(args, new Set());
  switch (sub) {
    case 'branch':
    case 'tag':
      return pos.length > 0 && !hasFlag(args, ['--list', '--contains', '--merged', '--points-at'], 'l');
    case 'remote':
      return pos.length > 0 && !['show', 'get-url'].includes(pos[0] ?? '');
    case 'worktree':
      return args[0] !== 'list';
    case 'reflog':
      return ['expire', 'delete'].includes(args[0] ?? 'show');
    case 'stash':
      return stashAction(inv) !== null;
    case 'config':
      return configCall(inv)?.write ?? false;
    default:
      return true;
  }
}
