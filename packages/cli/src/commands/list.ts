/** `guard list [--json]`: one row per worktree — a table on a terminal, one JSON document for scripts. */
import {
  addSessionFacts,
  addSharedFacts,
  gatherListFacts,
  loadRepoConfig,
  openRepo,
  summarize,
  type WorktreeSummary,
} from '@worktree-guard/core';
import { parse } from '../args';
import { messages, serial } from '../messages';
import { age, out, printJson } from '../render';

const t = messages.list;

function cells(w: WorktreeSummary): string[] {
  const d = w.dirty;
  const dirty = d ? t.dirty(d.staged, d.unstaged, d.untracked, d.conflicted) || t.clean : t.none;
  return [
    `${w.path}${w.primary ? t.primary : ''}${w.present ? '' : ` ${t.gone}`}`,
    w.branch ?? (w.detached ? t.detached : t.none),
    w.head ? w.head.slice(0, 8) : t.none,
    w.identity ? `${w.identity.name} <${w.identity.email}>` : t.none,
    w.aheadBehind ? t.aheadBehind(w.aheadBehind.ahead, w.aheadBehind.behind) : t.none,
    dirty,
    w.present ? age(w.lastFetch) : t.none,
    w.links ? `${w.links.ok}/${w.links.expected}` : t.none,
    w.integration?.state === 'integrated' ? (w.integration.rule ?? t.none) : t.none,
  ];
}

/** The locks a row's runs hold (the column shows only when some worktree holds one). */
const locksCell = (w: WorktreeSummary): string => w.locks?.join(', ') || t.none;

/** The live agent sessions of a row (the column shows only when some worktree has one). */
function sessionsCell(w: WorktreeSummary): string {
  const live = w.sessions ?? [];
  return live.length ? live.map((s) => t.session(s.agent, s.id, s.pid)).join(', ') : t.none;
}

export function renderTable(rows: WorktreeSummary[]): string {
  // the LOCKS column only while some worktree holds a lock, SESSIONS while some agent works in one
  const withLocks = rows.some((w) => w.locks?.length);
  const withSessions = rows.some((w) => w.sessions?.length);
  const columns = [
    ...t.columns,
    ...(withLocks ? [serial.listLocksColumn] : []),
    ...(withSessions ? [t.sessionsColumn] : []),
  ];
  const body = rows.map((w) => [
    ...cells(w),
    ...(withLocks ? [locksCell(w)] : []),
    ...(withSessions ? [sessionsCell(w)] : []),
  ]);
  const widths = columns.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] as string).length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i] as number)))
      .join('  ')
      .trimEnd();
  return [out.bold(line(columns)), ...body.map(line)].join('\n');
}

export async function runList(args: string[]): Promise<number> {
  const { values } = parse('list', args, { json: { type: 'boolean' } }, 0);
  const repo = await openRepo(process.cwd());
  const loaded = await loadRepoConfig(repo);
  const { config } = loaded;
  const facts = await addSessionFacts(await addSharedFacts(await gatherListFacts({ repo, loaded })));
  const rows = summarize(facts);
  const lastFetch = facts.lastFetch?.toISOString() ?? null;
  if (values.json) printJson({ lastFetch, worktrees: rows });
  else {
    const base = facts.remoteBase?.ref ?? `${config.remote}/${config.baseBranch}`;
    process.stdout.write(`${out.dim(t.lastFetch(base, age(lastFetch)))}\n${renderTable(rows)}\n`);
  }
  return 0;
}
