/**
 * `guard port`: leases from the registry in the common git dir (`worktree-guard/ports.json`), changed
 * only under its lock (`worktree-guard/ports.lock`, the same queue as `guard run --serial`), so that
 * concurrent calls from any worktrees never hand out one port twice. The file is replaced whole
 * (written aside, then renamed), so a reader without the lock sees one version or the next.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RefusedError, UsageError } from '../errors';
import { canonical } from '../fs/paths';
import type { Repo } from '../git/repo';
import { serialText as messages } from '../messages';
import { selfHolder } from '../serial/holder';
import { withLocalLock } from '../serial/localLock';
import { guardDir, lockDirError } from '../serial/queue';
import { firstFreePort } from './probe';
import {
  choosePort,
  emptyRegistry,
  type PortLease,
  type PortRange,
  type PortRegistry,
  parseRegistry,
  withLease,
  withoutLeases,
} from './registry';

export const registryFile = (commonDir: string): string => path.join(guardDir(commonDir), 'ports.json');

export async function readRegistry(commonDir: string): Promise<PortRegistry> {
  const file = registryFile(commonDir);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyRegistry();
    throw lockDirError(path.dirname(file), error);
  }
  const reg = parseRegistry(text);
  if (!reg) throw new RefusedError('ports-unreadable', messages.portsUnreadable(file));
  return reg;
}

async function writeRegistry(commonDir: string, reg: PortRegistry): Promise<void> {
  const file = registryFile(commonDir);
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(tmp, `${JSON.stringify(reg, null, 2)}\n`);
    await rename(tmp, file);
  } catch (error) {
    throw lockDirError(path.dirname(file), error);
  }
}

/** Reads, changes and writes the registry holding its lock. */
async function updateRegistry<T>(
  repo: Repo,
  command: string,
  change: (reg: PortRegistry) => Promise<{ reg: PortRegistry; result: T }>,
): Promise<T> {
  const dir = path.join(guardDir(repo.commonDir), 'ports.lock');
  return withLocalLock(dir, await selfHolder(repo, command), async () => {
    const before = await readRegistry(repo.commonDir);
    const { reg, result } = await change(before);
    if (reg !== before) await writeRegistry(repo.commonDir, reg);
    return result;
  });
}

/** The current worktree's canonical path: the key of its leases. */
export function leaseWorktree(repo: Repo): string {
  if (!repo.current) throw new UsageError('not-in-worktree', messages.portNeedsWorktree());
  return canonical(repo.current.path);
}

export interface Leased extends PortLease {
  /** Leased by this call (probed free just now), not found in the registry. */
  fresh: boolean;
}

/** A port for each name, for the current worktree: its lease, or a new one. */
export async function leasePorts(repo: Repo, names: string[], range: PortRange): Promise<Leased[]> {
  const worktree = leaseWorktree(repo);
  return updateRegistry(repo, `guard port ${names.join(' ')}`, async (start) => {
    let reg = start;
    const out: Leased[] = [];
    for (const name of names) {
      const choice = await choosePort(reg, worktree, name, range, firstFreePort);
      if (choice.port === null)
        throw new RefusedError('no-free-port', messages.noFreePort(name, range, choice.leased));
      const since = choice.fresh
        ? new Date().toISOString()
        : (reg.leases.find((l) => l.worktree === worktree && l.name === name)?.since ?? '');
      const lease = { name, worktree, port: choice.port, since };
      if (choice.fresh) reg = withLease(reg, lease);
      out.push({ ...lease, fresh: choice.fresh });
    }
    return { reg, result: out };
  });
}

/** Gives back the current worktree's leases of `names`; returns those that existed. */
export async function releasePorts(repo: Repo, names: string[]): Promise<PortLease[]> {
  const worktree = leaseWorktree(repo);
  return updateRegistry(repo, `guard port ${names.join(' ')} --release`, async (reg) => {
    const mine = (l: PortLease) => l.worktree === worktree && names.includes(l.name);
    const gone = reg.leases.filter(mine);
    return { reg: gone.length ? withoutLeases(reg, mine) : reg, result: gone };
  });
}

/** Frees exactly these leases (doctor --fix), if they are still as they were read; returns those freed. */
export async function freeLeases(repo: Repo, leases: readonly PortLease[]): Promise<PortLease[]> {
  if (!leases.length) return [];
  return updateRegistry(repo, 'guard doctor --fix', async (reg) => {
    const same = (l: PortLease) =>
      leases.some((x) => x.worktree === l.worktree && x.name === l.name && x.port === l.port);
    const gone = reg.leases.filter(same);
    return { reg: gone.length ? withoutLeases(reg, same) : reg, result: gone };
  });
}
