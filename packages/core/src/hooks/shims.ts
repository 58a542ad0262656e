/**
 * The hook shims guard installs, rendered from templates (`hooks/` in the package): each is
 * self-contained — the library is inlined — and records guard's version, the Node and the CLI that
 * installed it, and the sentences it prints itself when guard cannot run.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SEARCH_PLACES } from '../config/places';
import { BrokenInstallError } from '../errors';

export const SHIM_NAMES = ['post-checkout', 'pre-commit', 'reference-transaction'] as const;
export type ShimName = (typeof SHIM_NAMES)[number];
/** The shared library every shim inlines. */
export const LIB_TEMPLATE = 'lib.sh';
/** The library guard v1 installed beside its shims; removed by install and uninstall. */
export const V1_LIB = 'worktree-guard.sh';
/** A hook that was there before guard keeps running under this name. */
export const CHAINED_SUFFIX = '.guard-chained';
/** The shim format; a shim of an older format is re-written by `guard install`. */
export const SHIM_VERSION = 2;

/** What git runs for a hook: ok · missing · not-executable · old (an older shim format) · foreign (not guard's)
 *  · moved-aside (a hook manager moved guard's shim aside and does not run it). */
export type ShimState = 'ok' | 'missing' | 'not-executable' | 'old' | 'foreign' | 'moved-aside';

const MARKER = /worktree-guard shim (?:library )?v(\d+)/;

export interface ShimVars {
  version: string;
  /** The Node that ran `guard install`. */
  node: string;
  /** The CLI to run (its bin script). */
  cli: string;
  /** The sentences a shim prints itself, by key (`@@MSG:key@@`). */
  messages: Readonly<Record<string, string>>;
}

/** The guard shim format that wrote this file, or null when guard did not write it. */
export function shimVersionOf(text: string): number | null {
  const m = MARKER.exec(text.split('\n', 4).join('\n'));
  return m ? Number(m[1]) : null;
}

/** Quotes a value for a single-quoted sh string. */
export function shSingleQuoted(value: string): string {
  return value.replace(/'/g, `'\\''`);
}

/** A sentence goes inside sh quotes of either kind: it may hold none of the characters they treat specially. */
function shSafe(key: string, text: string): string {
  if (/['"$`\\\n]/.test(text)) throw new Error(`shim message ${key} holds a character sh would interpret`);
  return text;
}

export function renderShim(templates: ReadonlyMap<string, string>, name: ShimName, vars: ShimVars): string {
  // the library's comments stay in its template; shellcheck directives stay with the code they govern
  const lib = (templates.get(LIB_TEMPLATE) ?? '').replace(/^#(?! shellcheck).*\n/gm, '').trim();
  return fillTemplate((templates.get(name) ?? '').replace('@@LIB@@', lib), name, vars);
}

/** Fills a template's @@…@@ fields: what the installing guard records, and the sentences it prints. */
export function fillTemplate(template: string, name: string, vars: ShimVars): string {
  const places = SEARCH_PLACES.map((p) => `'${p}'`).join(' ');
  const files = SEARCH_PLACES.filter((p) => p !== 'package.json')
    .map((p) => `'${p}'`)
    .join(' ');
  return template
    .replace(/@@VERSION@@/g, shSingleQuoted(vars.version))
    .replace(/@@NODE@@/g, shSingleQuoted(vars.node))
    .replace(/@@CLI@@/g, shSingleQuoted(vars.cli))
    .replace(/@@CONFIG_PLACES@@/g, places)
    .replace(/@@CONFIG_FILES@@/g, files)
    .replace(/@@MSG:(\w+)@@/g, (_m, key: string) => {
      const text = vars.messages[key];
      if (text === undefined) throw new Error(`shim template ${name} names an unknown message ${key}`);
      return shSafe(key, text);
    });
}

/** The templates, read from the package's `hooks/` directory: a missing one is named, never undefined. */
export async function loadShimTemplates(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of [LIB_TEMPLATE, ...SHIM_NAMES]) {
    const file = path.join(dir, name);
    try {
      out.set(name, await readFile(file, 'utf8'));
    } catch (error) {
      throw new BrokenInstallError(file, { cause: error });
    }
  }
  return out;
}
