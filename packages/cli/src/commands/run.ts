/**
 * `guard run --serial <name> [--wait d] [--remote] [--break] -- <cmd...>`: the command runs while this
 * process holds the lock (the local one always; the remote ref too with --remote), and the lock is released
 * on every way out: the command's end, a signal, an error.
 */
import type { ChildProcess } from 'node:child_process';
import {
  acquireLocal,
  acquireRemote,
  assertName,
  type Holder,
  type LocalLock,
  type LocalWait,
  lockDir,
  parseDuration,
  type RemoteLock,
  type RemoteWait,
  type Repo,
  selfHolder,
  serialTtlMs,
  shellQuote,
  UsageError,
  validConfig,
} from '@worktree-guard/core';
import { parse } from '../args';
import { loadContext } from '../context';
import { messages, serial as t } from '../messages';
import { age, err } from '../render';
import { runChild, signalCode } from '../runChild';
import { elapsed, type WaitLine, waitLine } from '../waitLine';

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
const VALUE_OPTIONS = new Set(['--serial', '--wait']);

/** guard's options, and the command: after `--`, or from the first word that is not an option. */
export function splitCommand(args: readonly string[]): { options: string[]; command: string[] } {
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    if (a === '--') return { options: args.slice(0, i), command: args.slice(i + 1) };
    if (!a.startsWith('-')) return { options: args.slice(0, i), command: args.slice(i) };
    if (VALUE_OPTIONS.has(a)) i++;
  }
  return { options: [...args], command: [] };
}

/** `--wait`: a duration ("30s", "10m"), or a plain number of seconds ("0"). */
export function parseWait(text: string): number {
  const ms = /^\d+(\.\d+)?$/.test(text.trim()) ? Math.round(Number(text) * 1000) : parseDuration(text);
  if (ms === null) throw new UsageError('bad-wait', t.badWait(text));
  return ms;
}

interface Request {
  name: string;
  command: string[];
  waitMs: number | null;
  remote: boolean;
  break: boolean;
}

function request(args: string[]): Request {
  const { options, command } = splitCommand(args);
  const { values } = parse(
    'run',
    options,
    {
      serial: { type: 'string' },
      wait: { type: 'string' },
      remote: { type: 'boolean' },
      break: { type: 'boolean' },
    },
    0,
  );
  if (values.serial === undefined)
    throw new UsageError('usage', messages.missingArg('run', '--serial <name>'));
  if (!command.length) throw new UsageError('usage', messages.missingArg('run', 'the command (after --)'));
  return {
    name: assertName('lock', values.serial as string),
    command,
    waitMs: values.wait === undefined ? null : parseWait(values.wait as string),
    remote: values.remote === true,
    break: values.break === true,
  };
}

const clock = (iso: string | null) => (iso ? new Date(iso).toLocaleTimeString('en-GB') : '?');

function showLocal(line: WaitLine, name: string, w: LocalWait): void {
  const holder = t.who(w.holder, w.state === 'other-host');
  const note = w.state === 'other-host' ? t.waitingOtherHost : '';
  line.show(`${holder}\0${w.ahead}`, (ms) =>
    w.holder.since
      ? t.waiting(name, holder, clock(w.holder.since), w.ahead, elapsed(ms)) + note
      : t.waitingTurn(name, holder, w.ahead, elapsed(ms)) + note,
  );
}

function showRemote(line: WaitLine, name: string, remote: string, ttl: string, w: RemoteWait): void {
  const holder = w.holder ? t.who(w.holder, true) : t.unknownHolder;
  const renewed = w.holder ? age(w.holder.renewed) : '?';
  const expired = w.expired ? t.waitingRemoteExpired(ttl) : '';
  line.show(
    `${w.oid}\0${w.expired}`,
    (ms) => t.waitingRemote(name, remote, holder, renewed, elapsed(ms)) + expired,
  );
}

/** Signals: while waiting they stop the wait; while the command runs they are passed to it. */
function signalRelay() {
  const abort = new AbortController();
  let child: ChildProcess | null = null;
  let received: NodeJS.Signals | null = null;
  const on = (signal: NodeJS.Signals) => {
    if (child) child.kill(signal);
    else {
      received ??= signal;
      abort.abort();
    }
  };
  for (const s of SIGNALS) process.on(s, on);
  return {
    signal: abort.signal,
    received: () => received,
    attach: (c: ChildProcess | null) => {
      child = c;
    },
    close: () => {
      for (const s of SIGNALS) process.off(s, on);
    },
  };
}

interface Held {
  local: LocalLock;
  remote: RemoteLock | null;
}

/** What a run that did not get the lock says; null when a signal stopped the wait (it says nothing). */
function refusal(
  lock: string,
  holder: string,
  req: Request,
  line: WaitLine,
  aborted: boolean,
): string | null {
  if (aborted) return null;
  return req.waitMs === 0 ? t.heldNow(lock, holder) : t.gaveUp(lock, holder, elapsed(line.waited()));
}

/** Takes the lock(s); a string is why not (or null after a signal). */
async function take(
  req: Request,
  repo: Repo,
  config: ReturnType<typeof validConfig>,
  line: WaitLine,
  signal: AbortSignal,
): Promise<Held | { refused: string | null }> {
  const { name } = req;
  const holder: Holder = await selfHolder(repo, req.command.map(shellQuote).join(' '));
  const local = await acquireLocal({
    dir: lockDir(repo.commonDir, name),
    holder,
    waitMs: req.waitMs,
    breakOtherHost: req.break,
    signal,
    onWait: (w) => req.waitMs !== 0 && showLocal(line, name, w),
    onTakeover: (x) =>
      line.say(
        (x.state === 'gone' ? t.takeoverGone : t.takeoverOtherHost)(
          name,
          t.who(x.holder, x.state !== 'gone'),
        ),
      ),
  });
  if (!local.acquired) {
    const last = local.last ? t.who(local.last.holder, local.last.state === 'other-host') : '?';
    return { refused: refusal(t.lockName(name, null), last, req, line, local.aborted) };
  }
  process.once('exit', () => local.lock.releaseSync());
  if (!(req.remote || config.serial.remote)) return { local: local.lock, remote: null };
  const remote = config.remote;
  try {
    const r = await acquireRemote({
      cwd: repo.topLevel ?? repo.commonDir,
      remote,
      name,
      holder: local.lock.info,
      ttlMs: serialTtlMs(config),
      waitMs: req.waitMs === null ? null : Math.max(0, req.waitMs - line.waited()),
      breakExpired: req.break,
      signal,
      onWait: (w) => req.waitMs !== 0 && showRemote(line, name, remote, config.serial.ttl, w),
      onTakeover: (h) =>
        line.say(
          t.takeoverRemote(name, remote, h ? t.who(h, true) : t.unknownHolder, h ? age(h.renewed) : '?'),
        ),
    });
    if (r.acquired) return { local: local.lock, remote: r.lock };
    await local.lock.release();
    const last = r.last?.holder ? t.who(r.last.holder, true) : t.unknownHolder;
    const expired = r.last?.expired ? t.waitingRemoteExpired(config.serial.ttl) : '';
    return { refused: refusal(t.lockName(name, remote), last + expired, req, line, r.aborted) };
  } catch (error) {
    await local.lock.release();
    throw error;
  }
}

async function release(held: Held, name: string): Promise<void> {
  if (held.remote) {
    const r = await held.remote.release();
    if (!r.ok) process.stderr.write(`${err.yellow(t.releaseFailed(name, held.remote.ref, r.reason))}\n`);
  }
  await held.local.release();
}

/** Runs the command holding the lock; its exit code as a shell reports it. */
async function runHolding(req: Request, held: Held, relay: ReturnType<typeof signalRelay>): Promise<number> {
  const { name, command } = req;
  held.remote?.startRenewal((o) => {
    const ref = held.remote?.ref ?? '';
    process.stderr.write(
      `${err.yellow(o.lost ? t.renewLost(name, ref) : t.renewFailed(name, ref, o.reason))}\n`,
    );
  });
  try {
    const end = await runChild(command, (child) => {
      relay.attach(child);
      if (child.pid) void held.local.setChild(child.pid).catch(() => undefined);
    });
    if (end.error) {
      const what = command[0] as string;
      const text = end.code === 127 ? t.notFound(what) : t.cannotRun(what, end.error.message);
      process.stderr.write(`${messages.errorPrefix}${text}\n`);
    }
    return end.code;
  } finally {
    relay.attach(null);
    await release(held, name);
  }
}

export async function runRun(args: string[]): Promise<number> {
  const req = request(args);
  const { repo, loaded } = await loadContext();
  const config = validConfig(loaded);
  const relay = signalRelay();
  const line = waitLine();
  try {
    const held = await take(req, repo, config, line, relay.signal);
    line.done();
    const received = relay.received();
    if ('refused' in held) {
      if (held.refused) process.stderr.write(`${messages.errorPrefix}${held.refused}\n`);
      return received ? signalCode(received) : 1;
    }
    if (received) {
      await release(held, req.name);
      return signalCode(received);
    }
    if (line.waited() >= 1000)
      process.stderr.write(`${err.dim(t.acquired(req.name, elapsed(line.waited())))}\n`);
    return await runHolding(req, held, relay);
  } finally {
    line.done();
    relay.close();
  }
}
