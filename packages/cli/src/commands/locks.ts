/** `guard locks [--json] [--remote]`: the locks held, by whom, since when, and who waits. */
import {
  type LockSnapshot,
  type RemoteLockView,
  readLocalLocks,
  readRemoteLocks,
  serialTtlMs,
  type TicketView,
  validConfig,
} from '@worktree-guard/core';
import { parse } from '../args';
import { loadContext } from '../context';
import { serial as t } from '../messages';
import { age, out, printJson } from '../render';
import { table } from '../table';

const ticketJson = (v: TicketView) => ({ ...v.holder, state: v.state, file: v.file });

function holderCell(h: { worktree: string | null; branch: string | null }): string {
  return `${h.worktree ?? '—'}${h.branch ? ` (${h.branch})` : ''}`;
}

function localRow(l: LockSnapshot): string[] {
  const v = l.holder ?? (l.waiters[0] as TicketView);
  const state = v.state === 'gone' ? t.gone : v.state === 'other-host' ? t.onHost(v.holder.host) : '';
  return [
    l.name,
    holderCell(v.holder),
    `${v.holder.pid}${state}`,
    l.holder ? age(v.holder.since) : t.taking,
    v.holder.command,
    String(l.holder ? l.waiters.length : l.waiters.length - 1),
  ];
}

function remoteRow(l: RemoteLockView): string[] {
  const h = l.holder;
  return [
    l.name,
    h ? `${holderCell(h)} on ${h.host}` : t.unknownHolder,
    h ? String(h.pid) : '—',
    h ? age(h.since) : '—',
    h ? `${age(h.renewed)}${l.expired ? t.expired : ''}` : t.expired.trim(),
    h?.command ?? '—',
  ];
}

export async function runLocks(args: string[]): Promise<number> {
  const { values } = parse('locks', args, { json: { type: 'boolean' }, remote: { type: 'boolean' } }, 0);
  const { repo, loaded } = await loadContext();
  const locks = await readLocalLocks(repo.commonDir);
  let remote: RemoteLockView[] | null = null;
  if (values.remote) {
    const config = validConfig(loaded);
    remote = await readRemoteLocks(repo.topLevel ?? repo.commonDir, config.remote, serialTtlMs(config));
  }
  if (values.json) {
    printJson({
      locks: locks.map((l) => ({
        name: l.name,
        holder: l.holder && ticketJson(l.holder),
        waiters: l.waiters.map(ticketJson),
      })),
      ...(remote ? { remote } : {}),
    });
    return 0;
  }
  const parts = [locks.length ? table(t.locksColumns, locks.map(localRow)) : out.dim(t.locksNone)];
  if (remote)
    parts.push(remote.length ? table(t.remoteColumns, remote.map(remoteRow)) : out.dim(t.locksNone));
  process.stdout.write(`${parts.join('\n\n')}\n`);
  return 0;
}
