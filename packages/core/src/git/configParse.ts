/**
 * A git config file read the way git reads it — sections, subsections, quoting, escapes, comments,
 * continuation lines — for the one file guard reads directly: a worktree's `config.worktree` (reading it
 * saves a `git config --list` per worktree). A file that includes others is not read here: null, and the
 * caller asks git.
 */
import type { ConfigEntry, ConfigScope } from './config';

/** Entries of one config file in git's order, or null when it holds something only git can resolve. */
export function parseConfigFile(text: string, scope: ConfigScope): ConfigEntry[] | null {
  const entries: ConfigEntry[] = [];
  let section: string | null = null;
  let i = 0;
  const at = () => text[i] ?? '';
  const skipBlanks = () => {
    while (at() === ' ' || at() === '\t' || at() === '\r') i++;
  };
  while (i < text.length) {
    skipBlanks();
    const c = at();
    if (c === '\n') i++;
    else if (c === '#' || c === ';') while (i < text.length && at() !== '\n') i++;
    else if (c === '[') {
      const end = text.indexOf(']', i);
      if (end === -1) return null;
      section = parseHeader(text.slice(i + 1, end));
      if (section === null) return null;
      i = end + 1;
    } else {
      const m = /^[A-Za-z][A-Za-z0-9-]*/.exec(text.slice(i));
      if (!m || section === null) return null;
      i += m[0].length;
      skipBlanks();
      const key = `${section}.${m[0].toLowerCase()}`;
      if (at() !== '=') {
        entries.push({ scope, key, value: null });
        continue;
      }
      i++;
      const { value, next } = parseValue(text, i);
      if (value === null) return null;
      i = next;
      entries.push({ scope, key, value });
    }
  }
  if (entries.some((e) => e.key === 'include.path' || e.key.startsWith('includeif.'))) return null;
  return entries;
}

/** `section`, `section "sub"` (sub keeps its case), or the old `section.sub` (all lower case); null when malformed. */
function parseHeader(inner: string): string | null {
  const m = /^\s*([A-Za-z0-9.-]+)\s*(?:"((?:[^"\\]|\\.)*)")?\s*$/.exec(inner);
  if (!m) return null;
  const name = (m[1] as string).toLowerCase();
  if (m[2] !== undefined) return `${name}.${m[2].replace(/\\(.)/g, '$1')}`;
  return name; // the old `[section.sub]` form: git lowercases the subsection too
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', b: '\b', '\\': '\\', '"': '"' };

/**
 * A value from `start` to the end of its (possibly continued) line, as git's parse_value reads it: leading
 * and trailing white space dropped, each white space character inside becomes one space, quotes toggle,
 * `#`/`;` outside quotes start a comment, `\` escapes (n t b \\ ") or continues the line.
 */
function parseValue(text: string, start: number): { value: string | null; next: number } {
  let out = '';
  let quoted = false;
  let comment = false;
  let spaces = 0;
  let i = start;
  for (; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') return { value: quoted ? null : out, next: i };
    if (comment) continue;
    if (!quoted && /\s/.test(c)) {
      if (out !== '') spaces++;
      continue;
    }
    if (!quoted && (c === '#' || c === ';')) {
      comment = true;
      continue;
    }
    out += ' '.repeat(spaces);
    spaces = 0;
    if (c === '\\') {
      const n = text[++i] ?? '';
      if (n === '\n') continue;
      if (!(n in ESCAPES)) return { value: null, next: i };
      out += ESCAPES[n] as string;
    } else if (c === '"') quoted = !quoted;
    else out += c;
  }
  return { value: quoted ? null : out, next: i };
}
