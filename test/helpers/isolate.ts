/**
 * Every test process gets its own HOME, global git config and Claude Code config dir, so no test reads
 * the machine's settings or writes outside its temp dirs. Child processes inherit this environment.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// npm's cache stays the machine's, so that tests installing packages reuse what `npm ci` fetched
process.env.npm_config_cache ??= path.join(process.env.HOME || os.homedir(), '.npm');
const home = mkdtempSync(path.join(os.tmpdir(), 'guard-home-'));
const globalConfig = path.join(home, '.gitconfig');
writeFileSync(
  globalConfig,
  '[init]\n\tdefaultBranch = main\n[commit]\n\tgpgsign = false\n[protocol "file"]\n\tallow = always\n',
);
for (const k of Object.keys(process.env))
  if (k.startsWith('GIT_') || k === 'NO_COLOR' || k === 'FORCE_COLOR') delete process.env[k];
// a Claude Code user by default (its config dir exists); tests of a machine without it remove it
mkdirSync(path.join(home, 'claude'));
Object.assign(process.env, {
  HOME: home,
  GIT_CONFIG_GLOBAL: globalConfig,
  GIT_CONFIG_NOSYSTEM: '1',
  CLAUDE_CONFIG_DIR: path.join(home, 'claude'),
  NO_COLOR: '1',
  GIT_TERMINAL_PROMPT: '0',
});
