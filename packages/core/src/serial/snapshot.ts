/** What `guard locks`, `guard list` and doctor see of the local locks: each queue, read without taking it. */
import { readdir } from 'node:fs/promises';
import { type Holder, type Liveness, liveness } from './holder';
import { lockDir, locksRoot, readTickets } from './queue';

export interface TicketView {
  file: string;
  holder: Holder;
  state: Liveness;
}

export interface LockSnapshot {
  name: string;
  dir: string;
  /** The run that holds it (it has taken it: `since` is set), or null while the first is still taking it. */
  holder: TicketView | null;
  /** The runs in line, in arrival order (the first may be about to take it). */
  waiters: TicketView[];
}

/** Every lock with a ticket in its queue, by name. */
export async function readLocalLocks(commonDir: string): Promise<LockSnapshot[]> {
  let names: string[];
  try {
    names = (await readdir(locksRoot(commonDir))).sort();
  } catch {
    return [];
  }
  const locks: LockSnapshot[] = [];
  for (const name of names) {
    const dir = lockDir(commonDir, name);
    const tickets = await readTickets(dir).catch(() => []);
    if (!tickets.length) continue;
    const views = await Promise.all(
      tickets.map(async (t) => ({ file: t.file, holder: t.holder, state: await liveness(t.holder) })),
    );
    const first = views[0] as TicketView;
    const held = first.holder.since !== null;
    locks.push({ name, dir, holder: held ? first : null, waiters: held ? views.slice(1) : views });
  }
  return locks;
}
