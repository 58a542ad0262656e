import { existsSync } from 'node:fs';
import path from 'node:path';

/** This CLI's own entry point: recorded in the shims as the last place to find guard. */
export const CLI_BIN = path.resolve(__dirname, '../bin/guard.js');

/** The shim templates: shipped in the package (`hooks/`), or the repository's `hooks/` in development. */
export const HOOK_TEMPLATES_DIR = [
  path.resolve(__dirname, '../hooks'),
  path.resolve(__dirname, '../../../hooks'),
].find((d) => existsSync(path.join(d, 'reference-transaction'))) as string;
