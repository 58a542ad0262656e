/**
 * Where the configuration can live (cosmiconfig 9's default search places for module `worktreeguard`),
 * found without loading cosmiconfig: most repositories have no file, and a hook should not pay for it.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const MODULE_NAME = 'worktreeguard';

export const SEARCH_PLACES: readonly string[] = [
  'package.json',
  ...['', '.json', '.yaml', '.yml', '.js', '.ts', '.cjs', '.mjs'].map((ext) => `.${MODULE_NAME}rc${ext}`),
  ...['', '.json', '.yaml', '.yml', '.js', '.ts', '.cjs', '.mjs'].map(
    (ext) => `.config/${MODULE_NAME}rc${ext}`,
  ),
  ...['.js', '.ts', '.cjs', '.mjs'].map((ext) => `${MODULE_NAME}.config${ext}`),
];

/** Formats that are code: loading them runs them. */
export function isCodeConfig(file: string): boolean {
  return /\.(c|m)?(js|ts)$/.test(file);
}

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

function packageJsonHasKey(file: string): boolean {
  try {
    const pkg = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> | null;
    return pkg !== null && typeof pkg === 'object' && pkg[MODULE_NAME] !== undefined;
  } catch {
    return false; // cosmiconfig skips an unreadable package.json too
  }
}

/** The file cosmiconfig would load from `dir` (searching that directory only), or null. */
export function findConfigFile(dir: string): string | null {
  for (const place of SEARCH_PLACES) {
    const file = path.join(dir, place);
    if (!isFile(file)) continue;
    if (place === 'package.json' && !packageJsonHasKey(file)) continue;
    return file;
  }
  return null;
}
