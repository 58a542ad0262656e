#!/usr/bin/env node
/**
 * Builds the package users install: `dist/guard.js` (every command), `dist/hook.js` (only what the
 * shims run) and `dist/agent.js` (only what coding agents' hooks run), each with core bundled in, and
 * `hooks/`, the shim templates copied from the repository's `hooks/`. Type checking is tsc's job
 * (`npm run lint`); this only bundles.
 */
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const here = __dirname;
const templates = path.resolve(here, '../../hooks');

fs.rmSync(path.join(here, 'dist'), { recursive: true, force: true });
fs.rmSync(path.join(here, 'hooks'), { recursive: true, force: true });
fs.mkdirSync(path.join(here, 'hooks'));
for (const name of fs.readdirSync(templates))
  fs.copyFileSync(path.join(templates, name), path.join(here, 'hooks', name));

esbuild.buildSync({
  absWorkingDir: here,
  entryPoints: { guard: 'src/main.ts', hook: 'src/hookMain.ts', agent: 'src/agentMain.ts' },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // loaded only when a configuration file exists; it brings its own dependencies. tree-sitter: native
  // modules, loaded by the agent hook only (optional: where they cannot load, commands pass)
  external: ['cosmiconfig', 'tree-sitter', 'tree-sitter-bash'],
  alias: { '@worktree-guard/core': path.resolve(here, '../core/src/index.ts') },
  legalComments: 'none',
  logLevel: 'warning',
});
