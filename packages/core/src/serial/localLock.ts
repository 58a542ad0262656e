/**
 * A lock shared by every worktree of a repository (see queue.ts for its files). A run holds it from the
 * moment no live ticket is ahead of its own until it removes its ticket. A ticket whose run is gone —
 * same host, and neither guard's process nor the command's runs any more (pid and start time) — is
 * removed by the next run that looks, and said so. A ticket of another host is never judged: only
 * `breakOtherHost` (`--break`) removes it.
 */
import { type FSWatcher, unlinkSync, watch } from 'node:fs';
import path from 'node:path';
import { RefusedError } from '../errors';
import { serialText as messages } from '../messages';
import { type Holder, type Liveness, liveness } from './holder';
import { processStart } from './processStart';
import {
  doneChoosing,
  enter,
  lockDirError,
  readTickets,
  removeFile,
  type Ticket,
  writeTicket,
} from './queue';

export interface LocalWait {
  /** The first run ahead: the holder, or the next to hold. */
  holder: Holder;
  state: Liveness;
  /** Live runs ahead of this one, the holder included. */
  ahead: number;
  waitedMs: number;
}

export interface Takeover {
  holder: Holder;
  /** `gone`: its processes ended · `other-host`: broken with --break. */
  state: 'gone' | 'other-host';
}

export interface LocalLockOptions {
  dir: string;
  holder: Holder;
  /** Give up after this long; null waits as long as it takes; 0 fails at once when it is held. */
  waitMs: number | null;
  breakOtherHost?: boolean;
  signal?: AbortSignal;
  onWait?: (w: LocalWait) => void;
  onTakeover?: (t: Takeover) => void;
  /** How often to look again without a file-system event (a holder that dies sends none). */
  pollMs?: number;
}

export type LocalAcquire =
  | { acquired: true; lock: LocalLock }
  | { acquired: false; aborted: boolean; last: LocalWait | null };

/** A held lock: record the command's process, release once. */
export class LocalLock {
  private released = false;
  /** A ticket write in flight: a release waits for it, or the write would bring the ticket back. */
  private writing: Promise<void> = Promise.resolve();
  constructor(
    readonly file: string,
    private holder: Holder,
  ) {}

  get info(): Holder {
    return this.holder;
  }

  /** Records the command's process: the lock stays held while it runs, even if guard is killed. */
  setChild(pid: number): Promise<void> {
    this.writing = this.writing.then(async () => {
      this.holder = { ...this.holder, child: { pid, start: await processStart(pid).catch(() => null) } };
      if (!this.released) await writeTicket(this.file, this.holder);
    });
    return this.writing;
  }

  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    await this.writing.catch(() => undefined);
    await removeFile(this.file);
  }

  /** For `process.on('exit')`, where nothing asynchronous runs. */
  releaseSync(): void {
    if (this.released) return;
    this.released = true;
    try {
      unlinkSync(this.file);
    } catch {}
  }
}

/** Wakes a waiter when the queue directory changes, or after `ms` (events can be missed; polls cannot). */
function changes(dir: string) {
  let wake: (() => void) | null = null;
  let dirty = false;
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, () => {
      if (wake) wake();
      else dirty = true;
    });
    watcher.on('error', () => watcher?.close());
  } catch {}
  return {
    wait: (ms: number, signal?: AbortSignal) =>
      new Promise<void>((resolve) => {
        if (dirty || signal?.aborted) {
          dirty = false;
          resolve();
          return;
        }
        const done = () => {
          clearTimeout(timer);
          signal?.removeEventListener('abort', done);
          wake = null;
          dirty = false;
          resolve();
        };
        const timer = setTimeout(done, ms);
        wake = done;
        signal?.addEventListener('abort', done, { once: true });
      }),
    close: () => watcher?.close(),
  };
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The live tickets ahead of ours, after removing those whose runs are gone (and, with --break, the foreign first). */
async function liveAhead(ahead: Ticket[], opts: LocalLockOptions): Promise<{ t: Ticket; state: Liveness }[]> {
  const live: { t: Ticket; state: Liveness }[] = [];
  for (const t of ahead) {
    const state = await liveness(t.holder);
    const breakIt = state === 'other-host' && opts.breakOtherHost && live.length === 0;
    if (state !== 'gone' && !breakIt) {
      live.push({ t, state });
      continue;
    }
    await removeFile(t.file);
    // a waiter that died before its turn held nothing: only a holder's end is news
    if (t.holder.since || breakIt)
      opts.onTakeover?.({ holder: t.holder, state: breakIt ? 'other-host' : 'gone' });
  }
  return live;
}

export async function acquireLocal(opts: LocalLockOptions): Promise<LocalAcquire> {
  const started = Date.now();
  const entry = await enter(opts.dir, opts.holder);
  const pending = new Set(entry.choosing);
  const queue = changes(path.join(opts.dir, 'queue'));
  let last: LocalWait | null = null;
  try {
    for (;;) {
      if (opts.signal?.aborted) {
        await removeFile(entry.ticket.file);
        return { acquired: false, aborted: true, last };
      }
      for (const id of pending) if (await doneChoosing(opts.dir, id)) pending.delete(id);
      if (pending.size) {
        await pause(5);
        continue;
      }
      const tickets = await readTickets(opts.dir);
      const mine = tickets.findIndex((t) => t.name === entry.ticket.name);
      if (mine === -1) throw new RefusedError('lock-lost', messages.lockTicketLost(entry.ticket.file));
      const live = await liveAhead(tickets.slice(0, mine), opts);
      const first = live[0];
      if (!first) {
        const holder = { ...opts.holder, since: new Date().toISOString() };
        await writeTicket(entry.ticket.file, holder);
        return { acquired: true, lock: new LocalLock(entry.ticket.file, holder) };
      }
      last = {
        holder: first.t.holder,
        state: first.state,
        ahead: live.length,
        waitedMs: Date.now() - started,
      };
      opts.onWait?.(last);
      if (opts.waitMs !== null && Date.now() - started >= opts.waitMs) {
        await removeFile(entry.ticket.file);
        return { acquired: false, aborted: false, last };
      }
      await queue.wait(opts.pollMs ?? 200, opts.signal);
    }
  } catch (error) {
    await removeFile(entry.ticket.file).catch(() => undefined);
    if (error instanceof RefusedError) throw error;
    throw lockDirError(opts.dir, error);
  } finally {
    queue.close();
  }
}

/** Runs `fn` holding the lock in `dir`, waiting as long as it takes (for short critical sections). */
export async function withLocalLock<T>(dir: string, holder: Holder, fn: () => Promise<T>): Promise<T> {
  const got = await acquireLocal({ dir, holder, waitMs: null });
  if (!got.acquired) throw new RefusedError('lock-not-acquired', messages.lockNotAcquired(dir));
  try {
    return await fn();
  } finally {
    await got.lock.release();
  }
}
