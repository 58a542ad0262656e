/** How guard remove and guard sweep show a removal: lines for a person, one JSON shape for scripts. */
import {
  coreMessages,
  type RemovalItem,
  type RemovalOutcome,
  type RemoveReport,
  shellQuote,
} from '@worktree-guard/core';
import { messages, serial } from './messages';
import { out } from './render';

const t = messages.remove;

export const whereOf = (i: RemovalItem) => t.where(i.facts.record.path, i.facts.record.branch);

function integrationLine(i: RemovalItem): string | null {
  const g = i.facts.integration;
  if (!g) return null;
  if (g.state === 'integrated') return t.integration(coreMessages.integrationRule(g));
  if (g.state === 'nothing') return coreMessages.integrationRule(g);
  return t.notIntegrated(g.target);
}

function refusedLines(o: RemovalOutcome): string[] {
  const lines = [`${out.red('✗')} ${out.bold(t.refused(whereOf(o.item)))}`];
  for (const r of o.item.decision.reasons) {
    const mark = r.forced ? out.yellow('!') : out.red('•');
    lines.push(`  ${mark} ${out.bold(r.id)}: ${r.message}`);
    if (r.resolve) lines.push(`      ${out.dim(t.resolve(r.resolve))}`);
    lines.push(`      ${out.dim(r.force ? t.acceptLoss(r.force) : t.cannotForce)}`);
  }
  return lines;
}

function doneLines(o: RemovalOutcome): string[] {
  const dry = o.action === 'would-remove';
  const where = whereOf(o.item);
  const lines = [
    dry
      ? `${out.cyan('→')} ${out.bold(t.wouldRemove(where))}`
      : `${out.green('✓')} ${out.bold(t.removed(where))}`,
  ];
  const integration = integrationLine(o.item);
  if (integration) lines.push(`  ${integration}`);
  for (const r of o.item.decision.reasons) lines.push(`  ${out.yellow('!')} ${t.forced(r.id, r.message)}`);
  lines.push(`  - ${t.gitRemove(o.item.decision.gitForce, dry)}`);
  const b = o.branch;
  if (b?.action === 'delete' && (b.done || dry)) lines.push(`  - ${t.branchDeleted(b.name, b.commit, dry)}`);
  else if (b?.action === 'delete' && b.note) lines.push(`  ${out.yellow('!')} ${t.branchNote(b.note)}`);
  else if (b?.action === 'keep') lines.push(`  - ${t.branchKept(b.name, b.why, b.where)}`);
  for (const l of o.leftovers) {
    lines.push(`  - ${t.leftover(l.path, l.action)}`);
    if (l.note) lines.push(`    ${out.yellow('!')} ${l.note}`);
  }
  return lines;
}

export function outcomeLines(o: RemovalOutcome): string[] {
  if (o.action === 'refused') return refusedLines(o);
  if (o.action === 'failed')
    return [
      `${out.red('✗')} ${out.bold(t.failed(whereOf(o.item)))}`,
      ...(o.gitError ?? '').split('\n').map((l) => `  ${l}`),
    ];
  return doneLines(o);
}

export function fetchLines(r: Pick<RemoveReport, 'fetch' | 'target'>): string[] {
  if (r.fetch.skipped === 'no-remote') return [out.dim(t.fetchSkippedNoRemote(r.fetch.remote, r.target))];
  if (r.fetch.skipped === 'no-fetch') return [out.dim(t.fetchSkipped(r.fetch.remote))];
  return [];
}

export function renderReport(r: RemoveReport): string {
  const lines = [...fetchLines(r), ...r.outcomes.flatMap(outcomeLines)];
  for (const p of r.ports)
    lines.push(
      `  ${out.green('-')} ${r.dryRun ? t.wouldFreePort(p.name, p.port) : serial.freedPort(p.name, p.port, p.worktree)}`,
    );
  if (r.moveTo)
    lines.push(out.yellow(r.dryRun ? t.moveToDry(shellQuote(r.moveTo)) : t.moveTo(shellQuote(r.moveTo))));
  return lines.join('\n');
}

/** One worktree in `--json`: what was found, decided and done. */
export function itemJson(i: RemovalItem) {
  const f = i.facts;
  return {
    path: f.record.path,
    branch: f.record.branch,
    head: f.record.head,
    detached: f.record.detached,
    present: f.present,
    locked: f.record.locked,
    integration: f.integration,
    reasons: i.decision.reasons,
  };
}

export function outcomeJson(o: RemovalOutcome) {
  const b = o.branch;
  return {
    ...itemJson(o.item),
    action: o.action,
    gitForce: o.item.decision.gitForce,
    gitError: o.gitError,
    branchAction: b && {
      name: b.name,
      action:
        b.action === 'keep'
          ? 'kept'
          : b.done
            ? 'deleted'
            : o.action === 'would-remove'
              ? 'would-delete'
              : 'kept',
      commit: b.action === 'delete' ? b.commit : null,
      why: b.action === 'keep' ? b.why : null,
      note: b.note,
    },
    leftovers: o.leftovers.map((l) => ({
      kind: l.kind,
      path: l.path,
      target: l.target,
      action: l.action,
      note: l.note,
    })),
  };
}

/** 1 when any worktree was refused or git refused its removal, else 0. */
export function reportExitCode(r: RemoveReport): 0 | 1 {
  return r.outcomes.some((o) => o.action === 'refused' || o.action === 'failed') ? 1 : 0;
}
