/**
 * What a word of a shell command says once the shell has removed its quotes — when that can be known
 * without running anything. A word holding an expansion (`$X`, `$(…)`, `$((…))`) is unknown: null.
 */
import type { SyntaxNode } from 'tree-sitter';

const DOUBLE_QUOTED_ESCAPES = new Set(['$', '`', '"', '\\']);

/** Inside "…": a backslash keeps its meaning only before $ ` " \ and a newline. */
function unescapeDoubleQuoted(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const next = text[i + 1];
    if (c === '\\' && next !== undefined && (DOUBLE_QUOTED_ESCAPES.has(next) || next === '\n')) {
      if (next !== '\n') out += next;
      i++;
    } else out += c;
  }
  return out;
}

/** An unquoted word: a backslash quotes the next character; backslash-newline disappears. */
function unescapeBare(text: string): string {
  return text.replace(/\\(\n|.)/g, (_m, c: string) => (c === '\n' ? '' : c));
}

const C_ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  a: '\x07',
  b: '\b',
  e: '\x1b',
  E: '\x1b',
  f: '\f',
  v: '\v',
  '\\': '\\',
  "'": "'",
  '"': '"',
  '?': '?',
};

/** `$'…'`: the C escapes bash knows; an escape it does not is kept as written. */
function unescapeAnsiC(body: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)/g, (m, e: string) => {
    if (e[0] === 'x') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(Number.parseInt(e, 8));
    return C_ESCAPES[e] ?? m;
  });
}

function stringLiteral(node: SyntaxNode): string | null {
  let out = '';
  for (const child of node.children) {
    if (child.type === '"' || child.type === '$"') continue;
    if (child.type !== 'string_content') return null;
    out += unescapeDoubleQuoted(child.text);
  }
  return out;
}

/** The word's value after quote removal, or null when it depends on an expansion. `home` expands `~`. */
export function literal(node: SyntaxNode, home?: string): string | null {
  switch (node.type) {
    case 'command_name':
      return node.firstChild ? literal(node.firstChild, home) : null;
    case 'word': {
      const text = unescapeBare(node.text);
      if (home !== undefined && (text === '~' || text.startsWith('~/'))) return home + text.slice(1);
      return text;
    }
    case 'number':
      return node.text;
    case 'raw_string':
      return node.text.slice(1, -1);
    case 'ansi_c_string':
      return unescapeAnsiC(node.text.slice(2, -1));
    case 'string':
    case 'translated_string':
      return stringLiteral(node);
    case 'concatenation': {
      let out = '';
      for (const [i, child] of node.children.entries()) {
        const part = literal(child, i === 0 ? home : undefined);
        if (part === null) return null;
        out += part;
      }
      return out;
    }
    default:
      return null;
  }
}
