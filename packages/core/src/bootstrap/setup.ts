/**
 * `setup` commands: the user's own shell commands, run once in a new worktree after bootstrap. A marker
 * at worktree scope (`worktreeguard.setup`, a hash of the command list) records that they ran, so a
 * changed list runs again.
 */
import { type StdioOptions, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';

export const SETUP_KEY = 'worktreeguard.setup';

export function setupHash(commands: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(commands)).digest('hex').slice(0, 16);
}

/** Runs one command through /bin/sh — the one thing guard runs through a shell: it is a shell command. */
export function runShell(
  command: string,
  cwd: string,
  stdio: StdioOptions,
  env: NodeJS.ProcessEnv,
): Promise<number | string> {
  return new Promise((resolve) => {
    const child = spawn('/bin/sh', ['-c', command], { cwd, stdio, env });
    child.on('error', (e) => resolve(e.message));
    child.on('close', (code, signal) => resolve(code ?? signal ?? 'unknown'));
  });
}
