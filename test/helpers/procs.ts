/** Live `guard` processes for tests of runs that wait, hold and are signalled: start, watch, wait for their end. */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { BIN, git } from './repo';

export interface Proc {
  child: ChildProcess;
  pid: number;
  stdout: () => string;
  stderr: () => string;
  /** Resolves with the exit code (128+n for signal n). */
  exited: Promise<number>;
}

const started: ChildProcess[] = [];
afterAll(() => {
  for (const c of started.splice(0))
    if (c.exitCode === null && c.signalCode === null) {
      try {
        process.kill(-(c.pid as number), 'SIGKILL');
      } catch {
        c.kill('SIGKILL');
      }
    }
});

const SIGNALS: Record<string, number> = { SIGINT: 2, SIGKILL: 9, SIGTERM: 15, SIGHUP: 1 };

/**
 * `guard <args>` in `cwd`, running on, in a process group of its own: `process.kill(-pid)` reaches guard
 * and the command it runs, and the test file's end stops both, whatever a failed test left running.
 */
export function start(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): Proc {
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  let err = '';
  child.stdout?.on('data', (b: Buffer) => {
    out += b.toString();
  });
  child.stderr?.on('data', (b: Buffer) => {
    err += b.toString();
  });
  // 'close' waits for stdout and stderr too, which a command guard started may keep open after guard ends
  const exited = new Promise<number>((resolve) =>
    child.on('exit', (code, signal) => {
      const status = code ?? 128 + (SIGNALS[signal ?? ''] ?? 0);
      child.on('close', () => resolve(status));
      setTimeout(() => resolve(status), 500);
    }),
  );
  return { child, pid: child.pid as number, stdout: () => out, stderr: () => err, exited };
}

/** Waits until `cond()` holds, polling; fails after a generous bound (a hang, not a slow machine). */
export async function until(cond: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The exit code, or a failure after a generous bound. */
export async function exitOf(p: Proc, what: string, timeoutMs = 60_000): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`timed out waiting for ${what} to end\n${p.stderr()}`)),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([p.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

/** The tickets left in a lock's queue (holders and waiters). */
export function tickets(repoDir: string, name: string): string[] {
  const common = path.resolve(repoDir, git(repoDir, 'rev-parse', '--git-common-dir').trim());
  const queue = path.join(common, 'worktree-guard', 'locks', name, 'queue');
  return existsSync(queue) ? readdirSync(queue) : [];
}
