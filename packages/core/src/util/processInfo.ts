/**
 * A process's parent, name and start time: is a recorded process (a lock holder, an agent session) still
 * the one that recorded itself? A pid alone is not enough — pids are reused. On Linux from
 * `/proc/<pid>/stat` (field 22: start time in clock ticks since boot, exact) with the boot id, so that a
 * reboot never matches; elsewhere from `ps -o ppid=,stat=,lstart=,comm=` (an absolute date to the second).
 * A process that has ended but is not reaped yet (a zombie) runs no more: it is no process.
 * No library fits: the well-kept ones (pidusage, ps-list) give either no parent or no stable start time
 * ("now − elapsed" drifts by the clock tick), and spawn `ps` even where `/proc` answers in microseconds.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  /** The command name as the system keeps it (on Linux cut to 15 characters). */
  name: string;
  /** When it started, as the system reports it: equal strings mean the same process. */
  start: string;
}

let bootId: string | null | undefined;

function linuxBootId(): string {
  if (bootId === undefined) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootId = null;
    }
  }
  return bootId ?? 'boot';
}

/**
 * Parses `/proc/<pid>/stat`: the name sits in parentheses and may hold spaces and parentheses itself.
 * Null for a process that has ended and only waits to be reaped (state Z or X).
 */
export function parseProcStat(text: string): { ppid: number; name: string; startTicks: string } | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open === -1 || close < open) return null;
  const rest = text.slice(close + 2).split(' ');
  // rest[0] is field 3 (state): ppid is field 4, starttime field 22
  if (rest[0] === 'Z' || rest[0] === 'X') return null;
  const ppid = Number(rest[1]);
  const startTicks = rest[19];
  if (!Number.isInteger(ppid) || !startTicks || !/^\d+$/.test(startTicks)) return null;
  return { ppid, name: text.slice(open + 1, close), startTicks };
}

/** Parses `ps -o ppid=,stat=,lstart=,comm=`: lstart is always 24 characters ("Wed Nov 26 04:01:02 2025"). */
export function parsePsLine(text: string): { ppid: number; name: string; start: string } | null {
  const m = /^\s*(\d+)\s+(\S+)\s+(\S.{23})\s+(.+?)\s*$/.exec(text.split('\n')[0] ?? '');
  if (!m || (m[2] as string).startsWith('Z')) return null;
  return { ppid: Number(m[1]), start: (m[3] as string).trim(), name: path.basename(m[4] as string) };
}

function fromProc(pid: number): ProcessInfo | null | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch (error) {
    // no such process, or no /proc here: tell the two apart by /proc itself
    const code = (error as NodeJS.ErrnoException).code;
    if ((code === 'ENOENT' || code === 'ESRCH') && procExists()) return null;
    if (procExists()) throw error;
    return undefined;
  }
  const stat = parseProcStat(text);
  return stat && { pid, ppid: stat.ppid, name: stat.name, start: `${stat.startTicks}@${linuxBootId()}` };
}

let hasProc: boolean | undefined;
function procExists(): boolean {
  if (hasProc === undefined) {
    try {
      readFileSync('/proc/self/stat');
      hasProc = true;
    } catch {
      hasProc = false;
    }
  }
  return hasProc;
}

/** `ps` exits 1 when there is no such process; any other failure throws (it cannot tell). */
function fromPs(pid: number): ProcessInfo | null {
  const r = spawnSync('ps', ['-o', 'ppid=,stat=,lstart=,comm=', '-p', String(pid)], {
    encoding: 'utf8',
    env: { ...process.env, LC_ALL: 'C' },
  });
  if (r.error || (r.status !== 0 && r.status !== 1)) throw r.error ?? new Error(`ps exited ${r.status}`);
  const info = r.status === 0 ? parsePsLine(r.stdout) : null;
  return info && { pid, ...info };
}

/**
 * The process with this id, or null when there is none. Throws when it cannot tell (no /proc and no
 * working `ps`): a caller that would break a lock must then assume the process runs.
 */
export function processInfo(pid: number): ProcessInfo | null {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  const viaProc = fromProc(pid);
  return viaProc === undefined ? fromPs(pid) : viaProc;
}

/** Is the process that started at `start` still running as `pid`? (When it cannot tell: yes.) */
export function processAlive(pid: number, start: string): boolean {
  try {
    return processInfo(pid)?.start === start;
  } catch {
    return true;
  }
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'mksh', 'ash', 'busybox', 'fish']);

/**
 * The process an agent's hook belongs to: coding agents run a hook as `sh -c '<command>'`, so the first
 * ancestor of `from` (default: this process's parent) that is not a shell is the agent itself.
 */
export function agentProcess(from = process.ppid): ProcessInfo | null {
  let pid = from;
  for (let depth = 0; depth < 8; depth++) {
    const info = processInfo(pid);
    if (!info) return null;
    if (!SHELLS.has(info.name.replace(/^-/, ''))) return info;
    pid = info.ppid;
  }
  return null;
}
