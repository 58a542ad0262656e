/**
 * `guard sweep [--dry-run] [--json] [--yes]`: every worktree whose work is integrated and that guard remove
 * would remove without --force, listed with why it is integrated; removed after a yes on a terminal, or
 * with --yes. The worktree guard runs in is left alone.
 */
import { createInterface } from 'node:readline/promises';
import {
  coreMessages,
  loadRepoConfig,
  openRepo,
  planSweep,
  type RemovalItem,
  type SweepPlan,
  sweep,
} from '@worktree-guard/core';
import { parse } from '../args';
import { messages } from '../messages';
import { out, printJson } from '../render';
import { fetchLines, itemJson, outcomeJson, renderReport, reportExitCode, whereOf } from '../renderRemove';
import { removeEvents } from './remove';

const t = messages.remove;

function why(i: RemovalItem): string {
  const g = i.facts.integration;
  return g ? coreMessages.integrationRule(g) : '';
}

function renderPlan(plan: SweepPlan, dry: boolean): string {
  const lines = fetchLines(plan);
  if (!plan.candidates.length) lines.push(t.sweepNothing(plan.target));
  else {
    lines.push(out.bold(t.sweepHeader(plan.candidates.length, plan.target, dry)));
    for (const i of plan.candidates) lines.push(`  ${t.sweepItem(whereOf(i), why(i))}`);
  }
  if (plan.kept.length) {
    lines.push(out.dim(t.sweepKeptHeader));
    for (const i of plan.kept) {
      const ids = i.decision.reasons.map((r) => r.id);
      lines.push(`  ${out.dim(t.sweepKeptItem(whereOf(i), ids.length ? ids : [t.sweepHere]))}`);
    }
  }
  return lines.join('\n');
}

async function confirmed(n: number): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(t.sweepConfirm(n))).trim());
  } finally {
    rl.close();
  }
}

export async function runSweep(args: string[]): Promise<number> {
  const { values } = parse(
    'sweep',
    args,
    {
      'dry-run': { type: 'boolean' },
      json: { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      'no-fetch': { type: 'boolean' },
    },
    0,
  );
  const cwd = process.cwd();
  const repo = await openRepo(cwd);
  const common = {
    repo,
    loaded: await loadRepoConfig(repo),
    cwd,
    fetch: !values['no-fetch'],
    dryRun: Boolean(values['dry-run']),
    onEvent: removeEvents(repo),
  };
  const plan = await planSweep(common);
  const n = plan.candidates.length;
  if (!values.json) process.stdout.write(`${renderPlan(plan, common.dryRun)}\n`);
  let go = n > 0 && !common.dryRun && Boolean(values.yes);
  let note: string | null = null;
  if (n > 0 && !common.dryRun && !values.yes) {
    if (process.stdin.isTTY && !values.json) go = await confirmed(n);
    note = go ? null : process.stdin.isTTY && !values.json ? t.sweepDeclined : t.sweepNeedsYes;
  }
  const report = await sweep({ ...common, dryRun: !go }, plan);
  const code = note ? 1 : reportExitCode(report);
  if (values.json)
    printJson({
      dryRun: common.dryRun,
      confirmed: go,
      fetch: plan.fetch,
      target: plan.target,
      worktrees: report.outcomes.map(outcomeJson),
      kept: plan.kept.map(itemJson),
      moveTo: report.moveTo,
      ports: report.ports,
      exitCode: code,
    });
  else if (note) process.stdout.write(`${out.yellow(note)}\n`);
  else if (go) process.stdout.write(`${renderReport(report)}\n`);
  return code;
}
