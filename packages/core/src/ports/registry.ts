/**
 * The port registry, as data: which port each (worktree, name) holds. Pure functions: the file and its
 * lock are store.ts's, the probe is probe.ts's.
 */

export interface PortLease {
  name: string;
  /** The worktree's canonical path. */
  worktree: string;
  port: number;
  /** When it was first leased (ISO). */
  since: string;
}

export interface PortRegistry {
  version: 1;
  leases: PortLease[];
}

export type PortRange = readonly [number, number];

export const emptyRegistry = (): PortRegistry => ({ version: 1, leases: [] });

function isLease(value: unknown): value is PortLease {
  const l = value as Record<string, unknown> | null;
  return (
    !!l &&
    typeof l.name === 'string' &&
    typeof l.worktree === 'string' &&
    Number.isInteger(l.port) &&
    typeof l.since === 'string'
  );
}

/** The registry in `text` (the file's content); null when it is not one. */
export function parseRegistry(text: string): PortRegistry | null {
  try {
    const value = JSON.parse(text) as { version?: unknown; leases?: unknown };
    if (value?.version !== 1 || !Array.isArray(value.leases) || !value.leases.every(isLease)) return null;
    return { version: 1, leases: value.leases };
  } catch {
    return null;
  }
}

export function findLease(reg: PortRegistry, worktree: string, name: string): PortLease | null {
  return reg.leases.find((l) => l.worktree === worktree && l.name === name) ?? null;
}

export const inRange = (port: number, [lo, hi]: PortRange): boolean => port >= lo && port <= hi;

/** FNV-1a: where in the range a (worktree, name) starts looking, so that leases spread out. */
export function startOffset(key: string, size: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193) >>> 0;
  return h % size;
}

/** Every port of the range once, from the (worktree, name)'s start, wrapping around. */
export function* candidatePorts(range: PortRange, worktree: string, name: string): Generator<number> {
  const [lo, hi] = range;
  const size = hi - lo + 1;
  const start = startOffset(`${worktree}\0${name}`, size);
  for (let i = 0; i < size; i++) yield lo + ((start + i) % size);
}

/** The ports leased to anyone: never handed out again while leased. */
export const leasedPorts = (reg: PortRegistry): Set<number> => new Set(reg.leases.map((l) => l.port));

export function withLease(reg: PortRegistry, lease: PortLease): PortRegistry {
  const rest = reg.leases.filter((l) => !(l.worktree === lease.worktree && l.name === lease.name));
  return { version: 1, leases: [...rest, lease] };
}

export function withoutLeases(reg: PortRegistry, drop: (l: PortLease) => boolean): PortRegistry {
  return { version: 1, leases: reg.leases.filter((l) => !drop(l)) };
}

export type PortChoice = { port: number; fresh: boolean } | { port: null; leased: number };

/**
 * The port for (worktree, name): its lease when it has one inside the range; else the first candidate
 * that nobody leases and `isFree` accepts (it probes the machine), or null when the range has none.
 */
export async function choosePort(
  reg: PortRegistry,
  worktree: string,
  name: string,
  range: PortRange,
  firstFree: (candidates: Iterable<number>, exclude: ReadonlySet<number>) => Promise<number | null>,
): Promise<PortChoice> {
  const own = findLease(reg, worktree, name);
  if (own && inRange(own.port, range)) return { port: own.port, fresh: false };
  const taken = leasedPorts(withoutLeases(reg, (l) => l === own));
  const port = await firstFree(candidatePorts(range, worktree, name), taken);
  return port === null ? { port: null, leased: taken.size } : { port, fresh: true };
}
