/**
 * Runs the command of `guard run` as a child (no shell) and waits for it. Signals guard receives are
 * passed on by the caller; here: the exit code as a shell would report it — the command's own, 128+n
 * when signal n ended it, 127 when it is not found, 126 when it cannot be run.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';

export type ChildEnd =
  | { code: number; error?: undefined }
  | { code: 126 | 127; error: NodeJS.ErrnoException };

export function signalCode(signal: NodeJS.Signals): number {
  return 128 + (os.constants.signals[signal] ?? 15);
}

export function runChild(argv: readonly string[], onSpawn: (child: ChildProcess) => void): Promise<ChildEnd> {
  return new Promise((resolve) => {
    let settled = false;
    const end = (e: ChildEnd) => {
      if (!settled) resolve(e);
      settled = true;
    };
    const child = spawn(argv[0] as string, argv.slice(1), { stdio: 'inherit' });
    child.once('spawn', () => onSpawn(child));
    child.once('error', (error: NodeJS.ErrnoException) => {
      if (child.pid === undefined) end({ code: error.code === 'ENOENT' ? 127 : 126, error });
    });
    child.once('exit', (code, signal) => end({ code: code ?? signalCode(signal ?? 'SIGTERM') }));
  });
}
