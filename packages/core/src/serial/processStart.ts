/**
 * Is a recorded process still the one that recorded itself? A pid alone is not enough — pids are reused —
 * so a holder records its pid and its process's start time, and is alive only while both match.
 *
 * No npm library gives a stable start time: pidusage and ps-list report elapsed time or none (a start
 * derived from "now − elapsed" drifts by the clock tick). So on Linux it is the `starttime` field of
 * `/proc/<pid>/stat` (clock ticks since boot, exact) with the boot id; elsewhere `ps -o lstart=`
 * (an absolute date to the second). A process that has ended but is not reaped yet (a zombie) runs no more.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';

let bootId: string | undefined;

function linuxBootId(): string {
  if (bootId === undefined) {
    try {
      bootId = readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
    } catch {
      bootId = '';
    }
  }
  return bootId;
}

/**
 * The `starttime` field of a `/proc/<pid>/stat` line (the 22nd; the command name may hold ") "), or null
 * when the process has ended and only waits to be reaped (state Z or X): it runs no more.
 */
export function parseProcStat(text: string): string | null {
  const close = text.lastIndexOf(')');
  if (close === -1) return null;
  const fields = text.slice(close + 2).split(' ');
  const start = fields[19];
  if (fields[0] === 'Z' || fields[0] === 'X') return null;
  return start && /^\d+$/.test(start) ? start : null;
}

/** `ps` exits 1 when there is no such process (and a zombie has ended too); any other failure throws. */
function fromPs(pid: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const args = ['-o', 'stat=', '-o', 'lstart=', '-p', String(pid)];
    execFile('ps', args, { env: { ...process.env, LC_ALL: 'C' } }, (e, out) => {
      const [stat = '', ...start] = out.trim().split(/\s+/);
      if (!e) resolve(stat.startsWith('Z') || !start.length ? null : start.join(' '));
      else if (e.code === 1) resolve(null);
      else reject(e);
    });
  });
}

/**
 * A token that identifies the process `pid` for as long as it runs, or null when there is none. Throws
 * when it cannot tell (then a caller must assume the process runs: a lock is never broken on a guess).
 */
export async function processStart(pid: number): Promise<string | null> {
  if (!Number.isInteger(pid) || pid <= 0) return null;
  if (os.platform() === 'linux') {
    try {
      const start = parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
      return start && `${linuxBootId()}:${start}`;
    } catch (error) {
      if (
        (error as NodeJS.ErrnoException).code === 'ENOENT' ||
        (error as NodeJS.ErrnoException).code === 'ESRCH'
      )
        return null;
      throw error;
    }
  }
  return fromPs(pid);
}

/** The process `pid` runs and is the one that recorded `start`. */
export async function sameProcess(pid: number, start: string | null): Promise<boolean> {
  if (start === null) return false;
  return (await processStart(pid)) === start;
}
