/** The hook shims guard installs, and how to recognise them (and the hooks they chain to). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

export const SHIM_NAMES = ['post-checkout', 'pre-commit', 'reference-transaction'] as const;
export type ShimName = (typeof SHIM_NAMES)[number];
/** Sourced by the shims; lives beside them. */
export const SHIM_LIB = 'worktree-guard.sh';
/** A hook that was there before guard keeps running under this name. */
export const CHAINED_SUFFIX = '.guard-chained';
export const SHIM_VERSION = 1;
const MARKER = /worktree-guard shim (?:library )?v(\d+)/;

/** Quotes a value for a single-quoted sh string. */
export function shSingleQuoted(value: string): string {
  return value.replace(/'/g, `'\\''`);
}

/** A shim's text with the CLI path recorded at install filled in. */
export function renderShim(template: string, cliPath: string): string {
  return template.replace('@@GUARD_CLI@@', shSingleQuoted(cliPath));
}

/** The guard version that wrote this file, or null when guard did not write it. */
export function shimVersionOf(text: string): number | null {
  const m = MARKER.exec(text.split('\n', 4).join('\n'));
  return m ? Number(m[1]) : null;
}

export async function loadShimTemplates(templatesDir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const name of [...SHIM_NAMES, SHIM_LIB])
    out.set(name, await readFile(path.join(templatesDir, name), 'utf8'));
  return out;
}
