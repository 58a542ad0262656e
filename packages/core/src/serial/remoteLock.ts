/**
 * The lock across machines: a ref on the remote (remoteRef.ts). Taking it is one compare-and-swap push;
 * while it is held, the holder renews it (a new commit, leased on its own last one) every third of
 * `serial.ttl`. A lease not renewed for longer than the ttl is expired: only `--break` takes it over.
 * Waiting polls the remote with backoff. A remote that refuses the push is an error, never a run without
 * the lock.
 */
import { RefusedError } from '../errors';
import { serialText as messages } from '../messages';
import type { Holder } from './holder';
import { lockCommit, lockRef, pushLease, type RemoteHolder, readRemoteHolders, remoteOid } from './remoteRef';

export interface RemoteWait {
  holder: RemoteHolder | null;
  oid: string;
  /** Not renewed within the ttl: `--break` may take it over. */
  expired: boolean;
  waitedMs: number;
}

export interface RemoteLockOptions {
  cwd: string;
  remote: string;
  name: string;
  holder: Holder;
  ttlMs: number;
  waitMs: number | null;
  breakExpired?: boolean;
  signal?: AbortSignal;
  onWait?: (w: RemoteWait) => void;
  onTakeover?: (holder: RemoteHolder | null) => void;
  /** First and longest pause between two looks at the remote. */
  backoff?: { firstMs: number; maxMs: number };
}

export type RemoteAcquire =
  | { acquired: true; lock: RemoteLock }
  | { acquired: false; aborted: boolean; last: RemoteWait | null };

export type RemoteOutcome = { ok: true } | { ok: false; lost: boolean; reason: string };

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });

function failure(opts: RemoteLockOptions, why: 'refused' | 'failed', reason: string): RefusedError {
  const ref = lockRef(opts.name);
  return why === 'refused'
    ? new RefusedError('remote-refused', messages.remoteRefused(opts.remote, ref, reason))
    : new RefusedError('remote-unreachable', messages.remoteUnreachable(opts.remote, ref, reason));
}

/** A held remote lock: renew it, release it once. */
export class RemoteLock {
  private timer: NodeJS.Timeout | null = null;
  private inflight: Promise<RemoteOutcome> | null = null;
  constructor(
    private readonly opts: RemoteLockOptions,
    readonly ref: string,
    private oid: string,
    private holder: RemoteHolder,
  ) {}

  /** Moves the lease on: a new commit, pushed over our own last one. */
  async renew(): Promise<RemoteOutcome> {
    const { cwd, remote, name } = this.opts;
    const next = { ...this.holder, renewed: new Date().toISOString() };
    const oid = await lockCommit(cwd, name, next);
    const r = await pushLease(cwd, remote, this.ref, oid, this.oid);
    if (!r.ok) return { ok: false, lost: r.why === 'lease', reason: r.reason };
    this.oid = oid;
    this.holder = next;
    return { ok: true };
  }

  /** Renews every third of the ttl until released; reports each failure (the command goes on). */
  startRenewal(onProblem: (o: Exclude<RemoteOutcome, { ok: true }>) => void): void {
    const every = Math.min(60_000, Math.max(200, Math.floor(this.opts.ttlMs / 3)));
    const tick = () => {
      this.inflight = this.renew().catch((e: Error) => ({ ok: false, lost: false, reason: e.message }));
      void this.inflight.then((o) => {
        this.inflight = null;
        if (!o.ok) onProblem(o);
        if (this.timer && !(!o.ok && o.lost)) this.timer = setTimeout(tick, every);
      });
    };
    this.timer = setTimeout(tick, every);
  }

  async release(): Promise<RemoteOutcome> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.inflight;
    const r = await pushLease(this.opts.cwd, this.opts.remote, this.ref, null, this.oid).catch(
      (e: Error) => ({ ok: false, why: 'failed', reason: e.message }) as const,
    );
    return r.ok ? r : { ok: false, lost: r.why === 'lease', reason: r.reason };
  }
}

export async function acquireRemote(opts: RemoteLockOptions): Promise<RemoteAcquire> {
  const { cwd, remote, name } = opts;
  const ref = lockRef(name);
  // a remote that cannot be read fails the run: say so as such
  const oidNow = () =>
    remoteOid(cwd, remote, ref).catch((e: Error) => {
      throw failure(opts, 'failed', String(e.cause ?? e.message));
    });
  const backoff = opts.backoff ?? { firstMs: 500, maxMs: 8_000 };
  const started = Date.now();
  let delay = backoff.firstMs;
  let last: RemoteWait | null = null;
  let refusals = 0;
  let current: string | null = null;
  const mine = () => {
    const now = new Date().toISOString();
    return { ...opts.holder, since: now, renewed: now };
  };
  for (;;) {
    if (opts.signal?.aborted) return { acquired: false, aborted: true, last };
    if (current === null) {
      const holder = mine();
      const oid = await lockCommit(cwd, name, holder);
      const r = await pushLease(cwd, remote, ref, oid, '');
      if (r.ok) return { acquired: true, lock: new RemoteLock(opts, ref, oid, holder) };
      if (r.why === 'failed') throw failure(opts, 'failed', r.reason);
      current = await oidNow();
      // refused with no holder there: a protected namespace (or a race with a release); a few tries, then say so
      if (current === null) {
        if (r.why === 'refused' && ++refusals >= 3) throw failure(opts, 'refused', r.reason);
        continue;
      }
    }
    const holder = (await readRemoteHolders(cwd, remote, [{ ref, oid: current }])).get(current) ?? null;
    const expired = !holder || Date.now() - Date.parse(holder.renewed) > opts.ttlMs;
    if (expired && opts.breakExpired) {
      const next = mine();
      const oid = await lockCommit(cwd, name, next);
      const r = await pushLease(cwd, remote, ref, oid, current);
      if (r.ok) {
        opts.onTakeover?.(holder);
        return { acquired: true, lock: new RemoteLock(opts, ref, oid, next) };
      }
      if (r.why !== 'lease') throw failure(opts, r.why, r.reason);
    } else {
      last = { holder, oid: current, expired, waitedMs: Date.now() - started };
      opts.onWait?.(last);
      const left = opts.waitMs === null ? Number.POSITIVE_INFINITY : opts.waitMs - (Date.now() - started);
      if (left <= 0) return { acquired: false, aborted: false, last };
      await sleep(Math.min(left, delay * (0.8 + Math.random() * 0.4)), opts.signal);
      delay = Math.min(backoff.maxMs, delay * 1.6);
    }
    current = await oidNow();
  }
}
