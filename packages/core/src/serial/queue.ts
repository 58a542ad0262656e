/**
 * The files of a local lock, in the common git dir so that every worktree sees them:
 *
 *   worktree-guard/locks/<name>/queue/<n>-<id>    one ticket per run that holds or waits (JSON Holder)
 *   worktree-guard/locks/<name>/choosing/<id>     present while a run picks its number
 *
 * Lamport's bakery on files: a run announces itself in choosing/, takes a number one above every ticket
 * it sees, writes its ticket (atomically: a temporary file renamed into queue/), and leaves choosing/.
 * Tickets are served in (number, id) order; ids are unique, so no two runs ever remove the same file.
 * A run that has written its ticket waits for the runs it saw choosing, so none of them can slip in
 * ahead of it: arrival order, no starvation.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { RefusedError } from '../errors';
import { serialText as messages } from '../messages';
import { type Holder, parseHolder } from './holder';
import { sameProcess } from './processStart';

export function guardDir(commonDir: string): string {
  return path.join(commonDir, 'worktree-guard');
}

export function locksRoot(commonDir: string): string {
  return path.join(guardDir(commonDir), 'locks');
}

export function lockDir(commonDir: string, name: string): string {
  return path.join(locksRoot(commonDir), name);
}

export interface Ticket {
  /** Its file name: the queue order. */
  name: string;
  file: string;
  holder: Holder;
}

const TICKET = /^(\d{12})-[\w-]+$/;
/** A run of another host that has been choosing this long has gone away. */
const CHOOSING_TIMEOUT_MS = 30_000;

/** Every error about the lock's files says which directory and why, and refuses to run (exit 1). */
export function lockDirError(dir: string, error: unknown): RefusedError {
  const e = error as NodeJS.ErrnoException;
  return new RefusedError('lock-dir-unusable', messages.lockDirUnusable(dir, e.code ?? '', e.message), {
    cause: error,
  });
}

async function names(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The tickets in queue order; one released while it is read is left out. */
export async function readTickets(dir: string): Promise<Ticket[]> {
  const queue = path.join(dir, 'queue');
  const tickets: Ticket[] = [];
  for (const name of (await names(queue)).filter((n) => TICKET.test(n)).sort()) {
    const file = path.join(queue, name);
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw error;
    }
    let holder: Holder | null = null;
    try {
      holder = parseHolder(JSON.parse(text));
    } catch {}
    if (holder) tickets.push({ name, file, holder });
  }
  return tickets;
}

/** Writes a ticket whole or not at all: readers never see half of one. */
export async function writeTicket(file: string, holder: Holder): Promise<void> {
  const tmp = path.join(path.dirname(path.dirname(file)), `tmp-${path.basename(file)}`);
  await writeFile(tmp, `${JSON.stringify(holder)}\n`);
  await rename(tmp, file);
}

/** Removes a file; one already gone is fine. */
export async function removeFile(file: string): Promise<void> {
  try {
    await unlink(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

export interface Entry {
  ticket: Ticket;
  /** The runs that were choosing a number when this one had written its ticket. */
  choosing: string[];
}

/** Takes a ticket at the back of the queue. */
export async function enter(dir: string, holder: Holder): Promise<Entry> {
  const id = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const choosingDir = path.join(dir, 'choosing');
  const announce = path.join(choosingDir, id);
  try {
    await mkdir(path.join(dir, 'queue'), { recursive: true });
    await mkdir(choosingDir, { recursive: true });
    const me = { host: holder.host, pid: holder.pid, start: holder.start };
    await writeFile(announce, JSON.stringify(me), { flag: 'wx' });
  } catch (error) {
    throw lockDirError(dir, error);
  }
  try {
    const numbers = (await names(path.join(dir, 'queue'))).map((n) => Number(TICKET.exec(n)?.[1] ?? 0));
    const name = `${String(Math.max(0, ...numbers) + 1).padStart(12, '0')}-${id}`;
    const file = path.join(dir, 'queue', name);
    await writeTicket(file, holder);
    await removeFile(announce);
    const choosing = (await names(choosingDir)).filter((n) => n !== id);
    return { ticket: { name, file, holder }, choosing };
  } catch (error) {
    await removeFile(announce).catch(() => undefined);
    throw lockDirError(dir, error);
  }
}

/** Has the run `id` finished choosing (or gone away meanwhile)? */
export async function doneChoosing(dir: string, id: string): Promise<boolean> {
  const file = path.join(dir, 'choosing', id);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    return true;
  }
  try {
    const who = JSON.parse(text) as { host?: string; pid?: number; start?: string | null };
    if (who.host === os.hostname()) {
      if (await sameProcess(who.pid ?? 0, who.start ?? null)) return false;
      await removeFile(file);
      return true;
    }
  } catch {}
  const age = await stat(file).then(
    (s) => Date.now() - s.mtimeMs,
    () => Number.POSITIVE_INFINITY,
  );
  return age > CHOOSING_TIMEOUT_MS;
}
