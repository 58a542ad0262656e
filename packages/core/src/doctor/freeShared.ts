/**
 * `guard doctor --fix` for locks and port leases of worktrees that no longer exist: frees exactly the
 * tickets and leases the findings name, and only if they are still as they were read (a lock only while
 * its process is still gone).
 */

import path from 'node:path';
import type { Repo } from '../git/repo';
import { freeLeases } from '../ports/leases';
import type { PortLease } from '../ports/registry';
import type { Finding } from '../rules/finding';
import { liveness } from '../serial/holder';
import { readTickets, removeFile } from '../serial/queue';

export interface FreedShared {
  locks: { lock: string; pid: number }[];
  ports: PortLease[];
}

async function freeTicket(file: string, pid: unknown, start: unknown): Promise<boolean> {
  const ticket = (await readTickets(path.dirname(path.dirname(file)))).find((t) => t.file === file);
  if (!ticket || ticket.holder.pid !== pid || ticket.holder.start !== start) return false;
  if ((await liveness(ticket.holder)) !== 'gone') return false;
  await removeFile(file);
  return true;
}

export async function freeShared(repo: Repo, fixable: readonly Finding[]): Promise<FreedShared> {
  const freed: FreedShared = { locks: [], ports: [] };
  for (const f of fixable.filter((x) => x.id === 'lock-orphaned')) {
    const d = f.data as { lock: string; file: string; pid: number; start: string | null };
    if (await freeTicket(d.file, d.pid, d.start)) freed.locks.push({ lock: d.lock, pid: d.pid });
  }
  const leases = fixable
    .filter((x) => x.id === 'port-lease-orphaned')
    .map((x) => x.data as unknown as PortLease);
  freed.ports = await freeLeases(repo, leases);
  return freed;
}
