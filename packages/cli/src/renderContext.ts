/**
 * What an agent is told when its session starts, in a few lines. On the agents' hot path: no colours,
 * no stream set up before it is needed.
 */
import { formatAge, type SessionContext } from '@worktree-guard/core';
import { envName } from './commands/port';
import { messages } from './messages';
import { sessionLabel } from './messages/agents';

const t = messages.agents;
const OTHERS_SHOWN = 8;

/** "just now", "12 min ago". */
export function ago(ms: number): string {
  const text = formatAge(ms);
  return text === 'just now' ? text : `${text} ago`;
}

const since = (iso: string, now: number) => ago(now - Date.parse(iso));

/** What an agent is told when its session starts. */
export function renderContext(ctx: SessionContext, now = Date.now()): string {
  const c = t.context;
  let here = c.here(ctx.worktree.path, ctx.worktree.branch, ctx.worktree.primary);
  if (ctx.base?.startedAt)
    here += c.base(ctx.base.ref ?? 'HEAD', ctx.base.commit, since(ctx.base.startedAt, now));
  if (ctx.remoteBase)
    here += ctx.lastFetch
      ? c.fetched(
          ctx.remoteBase,
          since(ctx.lastFetch, now),
          ctx.aheadBehind?.ahead ?? null,
          ctx.aheadBehind?.behind ?? null,
        )
      : c.neverFetched(ctx.remoteBase);
  const lines = [c.head(ctx.worktrees), here];
  if (ctx.others.length) {
    const shown = ctx.others.slice(0, OTHERS_SHOWN).map((o) => c.other(o.path, o.branch, o.sessions.length));
    if (ctx.others.length > OTHERS_SHOWN) shown.push(c.more(ctx.others.length - OTHERS_SHOWN));
    lines.push(c.others(shown.join('; ')));
  }
  const stashHolds = ctx.stash !== 'allow' && ctx.worktrees > 1;
  lines.push(c.rules(stashHolds ? c.stashRule : c.stashFree));
  const [owner] = ctx.earlier;
  if (owner) lines.push(c.earlier(sessionLabel(owner, now, ago), ctx.sessionsMode === 'block'));
  if (ctx.findings.length)
    lines.push(c.findings(ctx.findings.map((f) => c.finding(f.id, f.message, f.fix)).join('; ')));
  if (ctx.ports.length) lines.push(c.ports(ctx.ports.map((p) => c.port(envName(p.name), p.port)).join(', ')));
  if (ctx.portsError) lines.push(c.portsError(ctx.portsError));
  const serial = Object.entries(ctx.serial);
  if (serial.length)
    lines.push(c.serial(serial.map(([lock, patterns]) => c.serialLock(lock, patterns)).join('; ')));
  if (ctx.configError) lines.push(c.configError(ctx.configError));
  return lines.join('\n');
}
