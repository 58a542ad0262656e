/**
 * A lock holder records its pid and its process's start time, and is alive only while both match (a
 * reused pid has another start time). The one process reader is util/processInfo.ts.
 */
import { processInfo } from '../util/processInfo';

/**
 * A token that identifies the process `pid` for as long as it runs, or null when there is none. Throws
 * when it cannot tell (then a caller must assume the process runs: a lock is never broken on a guess).
 */
export async function processStart(pid: number): Promise<string | null> {
  return processInfo(pid)?.start ?? null;
}

/** The process `pid` runs and is the one that recorded `start`. */
export async function sameProcess(pid: number, start: string | null): Promise<boolean> {
  if (start === null) return false;
  return (await processStart(pid)) === start;
}
