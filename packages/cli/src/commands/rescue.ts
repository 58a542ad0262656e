/** `guard rescue [--dry-run]`: every stash entry becomes a branch, then leaves the shared stash. */
import {
  coreMessages,
  openRepo,
  type RescueResult,
  rescueStash,
  shellQuote,
  UsageError,
} from '@worktree-guard/core';
import { parse } from '../args';
import { messages } from '../messages';
import { out, printJson } from '../render';

const t = messages.rescue;

function render(r: RescueResult, worktreeOf: (branch: string | null) => string | null): string {
  const lines = [out.bold(t.header(r.items.length, r.dryRun))];
  const failed = new Set(r.failed.map((f) => f.entry.ref));
  for (const i of r.items) {
    if (failed.has(i.entry.ref)) continue;
    const mark = i.already ? out.dim('=') : r.dryRun ? out.cyan('→') : out.green('+');
    lines.push(`  ${mark} ${t.item(i.entry.ref, i.branch, i.already ? t.already : i.entry.subject)}`);
  }
  for (const f of r.failed) lines.push(`  ${out.red('✗')} ${t.failed(f.entry.ref, f.why)}`);
  if (r.dryRun) return lines.join('\n');
  if (r.stashChanged) lines.push(out.yellow(t.stashChanged));
  else if (r.dropped.length) lines.push(t.dropped(r.dropped.length));
  const made = r.items.filter((i) => !failed.has(i.entry.ref));
  if (made.length) {
    lines.push(out.dim(t.applyHeader));
    for (const i of made) {
      const where = worktreeOf(i.originBranch);
      lines.push(`  ${t.apply(where && shellQuote(where), shellQuote(i.branch))}`);
    }
  }
  return lines.join('\n');
}

export async function runRescue(args: string[]): Promise<number> {
  const { values } = parse('rescue', args, { 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } }, 0);
  const repo = await openRepo(process.cwd());
  if (!repo.topLevel) throw new UsageError('bare', coreMessages.bareHere());
  const r = await rescueStash(repo.topLevel, { dryRun: Boolean(values['dry-run']) });
  const code = r.failed.length || r.stashChanged ? 1 : 0;
  if (values.json)
    printJson({
      items: r.items.map((i) => ({
        stash: i.entry.ref,
        stashCommit: i.entry.commit,
        subject: i.entry.subject,
        originBranch: i.originBranch,
        branch: i.branch,
        already: i.already,
      })),
      failed: r.failed.map((f) => ({ stash: f.entry.ref, why: f.why })),
      dropped: r.dropped,
      stashChanged: r.stashChanged,
      dryRun: r.dryRun,
      exitCode: code,
    });
  else if (!r.items.length) process.stdout.write(`${t.empty}\n`);
  else
    process.stdout.write(
      `${render(r, (b) => repo.worktrees.find((w) => b !== null && w.branch === b && !w.prunable)?.path ?? null)}\n`,
    );
  return code;
}
