import path from 'node:path';

/** This CLI's own entry point: recorded in the shims as the CLI to run. */
export const CLI_BIN = path.resolve(__dirname, '../bin/guard.js');

/** The shim templates, shipped in the package beside `dist/` (the build copies them from the repository's hooks/). */
export const HOOK_TEMPLATES_DIR = path.resolve(__dirname, '../hooks');
