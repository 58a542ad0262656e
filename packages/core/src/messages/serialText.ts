/** Core's sentences: locks (`guard run --serial`, `guard locks`) and port leases (`guard port`). */
import { oneLine } from './text';

const NAME_RULE =
  'names use letters, digits, ".", "_" and "-", at most 64 characters, and do not start with "-" or "."; to be a git ref too, they hold no ".." and do not end in "." or ".lock"';

export const serialText = {
  nameEmpty: () => 'it is empty',
  nameTooLong: (length: number, max: number) => `it is ${length} characters long (at most ${max})`,
  nameBadChars: (chars: string[]) => `it holds ${chars.map((c) => JSON.stringify(c)).join(', ')}`,
  nameBadStart: (first: string) => `it starts with "${first}"`,
  nameNotRef: () => 'it is not a valid git ref component',
  badName: (kind: 'lock' | 'port', name: string, problem: string) =>
    `${kind} name ${JSON.stringify(name)}: ${problem} — ${NAME_RULE}`,

  lockDirUnusable: (dir: string, code: string, message: string) =>
    `cannot use ${dir}${code ? ` (${code})` : ''}: ${oneLine(message)} — nothing was run without the lock`,
  lockTicketLost: (file: string) =>
    `this run's place in the queue (${file}) was removed by another process while it waited; nothing was run — run it again`,
  lockNotAcquired: (dir: string) => `could not take the lock in ${dir}`,
  remoteUnreachable: (remote: string, ref: string, reason: string) =>
    `cannot take ${ref} on remote "${remote}": ${oneLine(reason) || 'git failed'} — nothing was run without the lock`,
  remoteUnreadable: (remote: string, what: string, reason: string) =>
    `cannot read ${what} on remote "${remote}": ${oneLine(reason) || 'git failed'}`,
  remoteRefused: (remote: string, ref: string, reason: string) =>
    `remote "${remote}" refuses updates to ${ref} (${oneLine(reason)}): a lock needs push access to refs/worktree-guard/locks/* — allow it there, or use the lock without --remote (serial.remote). Nothing was run without the lock`,

  portsUnreadable: (file: string) =>
    `${file} is not a port registry guard can read: move it aside (guard starts a new one) and run again`,
  portNeedsWorktree: () => 'guard port leases ports to a worktree: run it inside one',
  noFreePort: (name: string, [lo, hi]: readonly [number, number], leased: number) =>
    `no port for "${name}" in ports.range [${lo}, ${hi}]: ${leased} leased, every other one in use on this machine — widen ports.range, or free leases (guard port --list)`,

  lockOrphaned: (lock: string, held: boolean, pid: number, running: boolean) =>
    `lock "${lock}" is ${held ? 'held' : 'waited for'} by pid ${pid} of this worktree, which no longer exists; ${running ? 'that process still runs' : 'that process is gone'}`,
  leaseOrphaned: (name: string, port: number) =>
    `port ${port} is leased to "${name}" of this worktree, which no longer exists: no other worktree can have it`,
};
