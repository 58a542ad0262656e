/** guard run --serial, guard locks and guard port: what they say (stderr while waiting; tables; warnings). */
interface Who {
  host: string;
  pid: number;
  worktree: string | null;
  branch: string | null;
  command: string;
}

const where = (w: Who, otherHost: boolean) =>
  [
    w.worktree ?? '(no worktree)',
    w.branch ?? '',
    `pid ${w.pid}${otherHost ? ` on ${w.host}` : ''}`,
    `"${w.command}"`,
  ]
    .filter(Boolean)
    .join(' · ');

export const serial = {
  who: where,
  waiting: (name: string, who: string, since: string, ahead: number, waited: string) =>
    `waiting for lock "${name}": held by ${who} since ${since}${ahead > 1 ? ` (${ahead - 1} more ahead)` : ''} · waited ${waited}`,
  waitingTurn: (name: string, who: string, ahead: number, waited: string) =>
    `waiting for lock "${name}": ${ahead} ahead, next ${who} · waited ${waited}`,
  waitingOtherHost: ' — on another host: guard cannot tell whether it still runs (--break takes it over)',
  waitingRemote: (name: string, remote: string, who: string, renewed: string, waited: string) =>
    `waiting for lock "${name}" on ${remote}: held by ${who}, renewed ${renewed} · waited ${waited}`,
  waitingRemoteExpired: (ttl: string) => ` — not renewed within serial.ttl (${ttl}): --break takes it over`,
  unknownHolder: 'a ref guard did not write',
  acquired: (name: string, waited: string) => `lock "${name}" taken after ${waited}`,
  takeoverGone: (name: string, who: string) =>
    `lock "${name}": the old holder is gone (${who}: its process ended without releasing it); taking it over`,
  takeoverOtherHost: (name: string, who: string) => `lock "${name}": breaking the hold of ${who} (--break)`,
  takeoverRemote: (name: string, remote: string, who: string, renewed: string) =>
    `lock "${name}" on ${remote}: breaking the lease of ${who}, last renewed ${renewed} (--break)`,
  lockName: (name: string, remote: string | null) =>
    remote ? `lock "${name}" on ${remote}` : `lock "${name}"`,
  gaveUp: (lock: string, who: string, waited: string) =>
    `${lock} is held by ${who}: gave up after ${waited} (--wait)`,
  heldNow: (lock: string, who: string) => `${lock} is held by ${who} (--wait 0)`,
  notFound: (command: string) => `${command}: command not found (the lock was released)`,
  cannotRun: (command: string, why: string) => `${command}: cannot run it: ${why} (the lock was released)`,
  renewFailed: (name: string, remote: string, reason: string) =>
    `warning: could not renew lock "${name}" on ${remote} (${reason}); trying again — it expires serial.ttl after the last renewal`,
  renewLost: (name: string, remote: string) =>
    `warning: lock "${name}" on ${remote} was taken over by another run (--break) while this one held it; the command goes on without it`,
  releaseFailed: (name: string, remote: string, reason: string) =>
    `warning: could not release lock "${name}" on ${remote} (${reason}): it expires serial.ttl after its last renewal, or --break takes it over`,
  badWait: (value: string) => `run: --wait "${value}" is not a duration: write e.g. 0, 30s, 10m or 2h`,

  locksNone: 'no lock is held',
  locksColumns: ['LOCK', 'HOLDER', 'PID', 'SINCE', 'COMMAND', 'WAITERS'],
  remoteColumns: ['REMOTE LOCK', 'HOLDER', 'PID', 'SINCE', 'RENEWED', 'COMMAND'],
  gone: ' (gone)',
  onHost: (host: string) => ` on ${host}`,
  taking: 'taking it',
  expired: ' (expired)',

  listLocksColumn: 'LOCKS',
  freedLock: (lock: string, pid: number) =>
    `freed lock "${lock}" (pid ${pid}, gone, of a worktree that no longer exists)`,
  freedPort: (name: string, port: number, worktree: string) =>
    `freed port ${port} ("${name}" of ${worktree})`,
  portColumns: ['NAME', 'PORT', 'WORKTREE', 'SINCE'],
  noLeases: 'no port is leased',
  released: (name: string, port: number) => `released ${name} (port ${port})`,
  notLeased: (name: string) => `${name}: no lease in this worktree`,
  listWithName: 'port: --list takes no name',
};
