#!/usr/bin/env node
/**
 * Lints the shims as git runs them: `guard install --agents` (the built CLI) into a throwaway repository,
 * then shellcheck on what it wrote, and on the command coding agents run guard's script with — the
 * templates alone are not what runs (the library is inlined at install).
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'guard-shims-'));
const env = { ...process.env, GIT_CONFIG_GLOBAL: path.join(dir, 'gitconfig'), GIT_CONFIG_NOSYSTEM: '1' };
for (const k of Object.keys(env)) if (k.startsWith('GIT_') && !k.startsWith('GIT_CONFIG')) delete env[k];
fs.writeFileSync(env.GIT_CONFIG_GLOBAL, '');
try {
  execFileSync('git', ['init', '-q', dir], { env });
  execFileSync(process.execPath, [path.join(__dirname, 'bin', 'guard.js'), 'install', '--agents', 'claude'], {
    cwd: dir,
    env,
  });
  const hooks = path.join(dir, '.git', 'hooks');
  const shims = ['post-checkout', 'pre-commit', 'reference-transaction'].map((n) => path.join(hooks, n));
  // the coding agents' script, and the command their settings run it with
  shims.push(path.join(dir, '.git', 'worktree-guard', 'agent-hook'));
  const settings = JSON.parse(fs.readFileSync(path.join(dir, '.claude', 'settings.local.json'), 'utf8'));
  const command = path.join(dir, 'agent-command.sh');
  fs.writeFileSync(command, `${settings.hooks.PreToolUse[0].hooks[0].command}\n`);
  shims.push(command);
  execFileSync('shellcheck', ['--shell=sh', ...shims], { stdio: 'inherit' });
  console.log(`shellcheck: ${shims.length} installed shims and agent commands clean`);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
