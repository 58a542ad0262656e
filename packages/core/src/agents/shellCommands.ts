/**
 * The simple commands a shell command line would run, read with a real shell grammar (tree-sitter-bash),
 * not with patterns over the text: each with its words after quote removal, the assignments before it,
 * and the directory it runs in as far as the `cd`s before it tell. Command substitutions, subshells,
 * pipelines, compound commands, function bodies, here-documents and `sh -c '…'` / `eval` strings are
 * all looked into. A line the grammar cannot parse yields null: the caller lets it through (git's own
 * hooks still stand behind it). The parser is a native module, loaded on first use; where it cannot
 * load, every line is "cannot parse".
 */
import path from 'node:path';
import type { SyntaxNode } from 'tree-sitter';
import { literal } from './shellWords';

export interface Assignment {
  name: string;
  /** The value after quote removal, or null when it depends on an expansion. */
  value: string | null;
}

export interface ShellCommand {
  /** The words, the command name first; null for a word whose value depends on an expansion. */
  argv: (string | null)[];
  /** `NAME=value` before the command name (they reach its environment). */
  env: Assignment[];
  /** Its directory, absolute, or null when a `cd` before it went somewhere unknown. */
  dir: string | null;
}

export interface ParsedLine {
  commands: ShellCommand[];
  /** Every assignment anywhere in the line: before a command, on its own, after export/declare/env. */
  assignments: Assignment[];
}

interface Scope {
  dir: string | null;
}

interface Walk {
  out: ParsedLine;
  home: string | undefined;
  depth: number;
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'busybox']);
/** Nested `sh -c` / `eval` strings are read this deep. */
const MAX_DEPTH = 3;

type BashParser = { parse(text: string): { rootNode: SyntaxNode } };
let parser: BashParser | null | undefined;

/** The tree-sitter parser for bash, or null when its native module cannot load here. */
export function bashParser(): BashParser | null {
  if (parser !== undefined) return parser;
  try {
    const Parser = require('tree-sitter') as new () => BashParser & { setLanguage(l: unknown): void };
    const p = new Parser();
    p.setLanguage(require('tree-sitter-bash'));
    parser = p;
  } catch {
    parser = null;
  }
  return parser;
}

function assignmentOf(node: SyntaxNode, home: string | undefined): Assignment | null {
  const name = node.childForFieldName('name');
  if (!name) return null;
  const value = node.childForFieldName('value');
  return { name: name.text, value: value ? literal(value, home) : '' };
}

/** `NAME=value` given as a plain word (to `env`, `sudo`, `export`). */
export function assignmentWord(word: string | null): Assignment | null {
  const m = word === null ? null : /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s.exec(word);
  return m ? { name: m[1] as string, value: m[2] as string } : null;
}

/** Where `cd <args>` (or `pushd`) leads from `dir`. */
function cdTarget(args: (string | null)[], dir: string | null, home: string | undefined): string | null {
  const operands = args.filter((a) => a === null || !/^-[LPe@]+$/.test(a));
  const to = operands.length ? operands[0] : home;
  if (to === null || to === undefined || to === '-') return null;
  if (path.isAbsolute(to)) return path.resolve(to);
  return dir === null ? null : path.resolve(dir, to);
}

/** The script of `sh -c '<script>'` (options may come first, `-c` may be grouped: `-lc`). */
function shellScript(args: (string | null)[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? null;
    if (a === null || !a.startsWith('-') || a === '-' || a === '--') return null;
    if (/^-[a-zA-Z]*c[a-zA-Z]*$/.test(a)) return args[i + 1] ?? null;
  }
  return null;
}

function visitChildren(node: SyntaxNode, scope: Scope, w: Walk): void {
  for (const child of node.namedChildren) visit(child, scope, w);
}

function nested(script: string, scope: Scope, w: Walk): void {
  if (w.depth >= MAX_DEPTH) return;
  const p = bashParser();
  const tree = p?.parse(script);
  if (!tree || tree.rootNode.hasError) return;
  visitChildren(tree.rootNode, { dir: scope.dir }, { ...w, depth: w.depth + 1 });
}

function command(node: SyntaxNode, scope: Scope, w: Walk): void {
  const env: Assignment[] = [];
  const argv: (string | null)[] = [];
  for (const child of node.namedChildren) {
    // substitutions in the words run first, in a subshell of their own
    visitChildren(child, { dir: scope.dir }, w);
    if (child.type === 'variable_assignment') {
      const a = assignmentOf(child, w.home);
      if (a) env.push(a);
    } else if (child.type === 'command_name' || !/redirect/.test(child.type)) {
      argv.push(literal(child, w.home));
    }
  }
  w.out.assignments.push(...env);
  if (!argv.length) return;
  const name = argv[0] === null ? null : path.basename(argv[0] as string);
  w.out.commands.push({ argv, env, dir: scope.dir });
  const args = argv.slice(1);
  if (name === 'cd' || name === 'pushd') scope.dir = cdTarget(args, scope.dir, w.home);
  else if (name === 'popd') scope.dir = null;
  else if (name === 'eval' && args.every((a) => a !== null)) nested(args.join(' '), scope, w);
  else if (name !== null && SHELLS.has(name)) {
    const script = shellScript(args);
    if (script !== null) nested(script, scope, w);
  }
  if (name === 'env' || name === 'export')
    for (const a of args) {
      const assignment = assignmentWord(a);
      if (assignment) w.out.assignments.push(assignment);
    }
}

function visit(node: SyntaxNode, scope: Scope, w: Walk): void {
  switch (node.type) {
    case 'command':
      command(node, scope, w);
      return;
    case 'variable_assignment': {
      const a = assignmentOf(node, w.home);
      if (a) w.out.assignments.push(a);
      visitChildren(node, { dir: scope.dir }, w);
      return;
    }
    // these run in a subshell of their own: a cd inside does not move what follows
    case 'subshell':
    case 'command_substitution':
    case 'process_substitution':
    case 'function_definition':
      visitChildren(node, { dir: scope.dir }, w);
      return;
    case 'pipeline':
      for (const child of node.namedChildren) visit(child, { dir: scope.dir }, w);
      return;
    default:
      visitChildren(node, scope, w);
  }
}

/** The commands `line` would run from `cwd`, or null when it cannot be parsed. */
export function parseShellLine(line: string, cwd: string, home = process.env.HOME): ParsedLine | null {
  const p = bashParser();
  if (!p) return null;
  let root: SyntaxNode;
  try {
    root = p.parse(line).rootNode;
  } catch {
    return null;
  }
  if (root.hasError) return null;
  const out: ParsedLine = { commands: [], assignments: [] };
  visitChildren(root, { dir: path.resolve(cwd) }, { out, home, depth: 0 });
  return out;
}
