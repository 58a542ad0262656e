/** Who holds (or waits for) a lock: written into the lock's ticket, or into the commit of a remote lock ref. */
import os from 'node:os';
import type { Repo } from '../git/repo';
import { processStart, sameProcess } from './processStart';

export interface Holder {
  host: string;
  /** guard's own process. */
  pid: number;
  start: string | null;
  worktree: string | null;
  branch: string | null;
  /** The command line it runs, quoted for a shell. */
  command: string;
  /** When it asked for the lock (ISO). */
  queued: string;
  /** When it got the lock (ISO), or null while it waits. */
  since: string | null;
  /** The command's process once it runs: the lock is held while guard or the command lives. */
  child?: { pid: number; start: string | null } | null;
}

/** `alive`: it runs here · `gone`: it ran here and does not any more · `other-host`: cannot be told from here. */
export type Liveness = 'alive' | 'gone' | 'other-host';

export async function liveness(h: Holder, host = os.hostname()): Promise<Liveness> {
  if (h.host !== host) return 'other-host';
  try {
    if (await sameProcess(h.pid, h.start)) return 'alive';
    if (h.child && (await sameProcess(h.child.pid, h.child.start))) return 'alive';
  } catch {
    return 'alive'; // cannot tell: never break a lock on a guess
  }
  return 'gone';
}

/** This process, about to run `command` in the worktree the repository was opened in. */
export async function selfHolder(repo: Repo, command: string): Promise<Holder> {
  return {
    host: os.hostname(),
    pid: process.pid,
    start: await processStart(process.pid),
    worktree: repo.current?.path ?? repo.topLevel,
    branch: repo.current?.branch ?? null,
    command,
    queued: new Date().toISOString(),
    since: null,
  };
}

/** A holder read back from a file or a commit: null when it is not one. */
export function parseHolder(value: unknown): Holder | null {
  if (!value || typeof value !== 'object') return null;
  const h = value as Record<string, unknown>;
  const str = (k: string) => (typeof h[k] === 'string' ? (h[k] as string) : null);
  if (str('host') === null || typeof h.pid !== 'number' || str('command') === null || str('queued') === null)
    return null;
  const child = h.child as Record<string, unknown> | null | undefined;
  return {
    host: h.host as string,
    pid: h.pid,
    start: str('start'),
    worktree: str('worktree'),
    branch: str('branch'),
    command: h.command as string,
    queued: h.queued as string,
    since: str('since'),
    child:
      child && typeof child.pid === 'number'
        ? { pid: child.pid, start: typeof child.start === 'string' ? child.start : null }
        : null,
  };
}
