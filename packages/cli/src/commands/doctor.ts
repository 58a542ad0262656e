/** `guard doctor [--json] [--fix]`: every rule across all worktrees; --fix repairs what is safe, then checks again. */
import {
  checkRepo,
  type DoctorResult,
  doctorExitCode,
  type Finding,
  loadRepoConfig,
  openRepo,
  type RepairResult,
  repairFindings,
  type WorktreeSummary,
} from '@worktree-guard/core';
import { parse } from '../args';
import { installOptions } from '../installOptions';
import { messages, serial } from '../messages';
import { out, printJson } from '../render';
import { describeAction, problemLines } from '../renderBootstrap';
import { hooksPlanLines } from '../renderHooks';

const t = messages.doctor;

function label(w: WorktreeSummary): string {
  const what = [
    w.primary ? t.primary : '',
    w.branch ?? (w.detached ? t.detached : ''),
    w.present ? '' : t.gone,
  ];
  return t.worktree(w.path, what.filter(Boolean).join(' · '));
}

function findingLines(f: Finding): string[] {
  const mark = f.severity === 'error' ? out.red('✗') : out.yellow('!');
  const lines = [`  ${mark} ${out.bold(f.id)}: ${f.message}`];
  if (f.fix) lines.push(`      ${out.dim(t.fix(f.fix))}${f.autofix ? ` ${out.cyan(t.autofix)}` : ''}`);
  return lines;
}

export function renderDoctor(r: Pick<DoctorResult, 'findings' | 'worktrees'>): string {
  const errors = r.findings.filter((f) => f.severity === 'error').length;
  const lines = [out.bold(t.header(r.worktrees.length, errors, r.findings.length - errors))];
  const known = new Set(r.worktrees.map((w) => w.path));
  const groups: [string, Finding[]][] = [
    ...r.worktrees.map(
      (w) => [label(w), r.findings.filter((f) => f.worktree === w.path)] as [string, Finding[]],
    ),
    ...[...new Set(r.findings.filter((f) => !known.has(f.worktree)).map((f) => f.worktree))].map(
      (p) => [p, r.findings.filter((f) => f.worktree === p)] as [string, Finding[]],
    ),
  ];
  for (const [title, findings] of groups) {
    if (!findings.length) continue;
    lines.push(title, ...findings.flatMap(findingLines));
  }
  if (r.findings.some((f) => f.autofix)) lines.push(out.dim(t.autofixFooter));
  return lines.join('\n');
}

function renderRepair(repair: RepairResult): string {
  const lines = [out.bold(t.fixHeader)];
  if (repair.hooks) lines.push(...hooksPlanLines(repair.hooks, false));
  for (const b of repair.bootstraps) {
    if (!b.done.length && !b.problems.length) continue;
    lines.push(`  ${t.fixIn(b.worktree)}`);
    for (const a of b.done) lines.push(`  ${out.green('+')} ${describeAction(a)}`);
    lines.push(...problemLines(b));
  }
  for (const l of repair.freed.locks) lines.push(`  ${out.green('-')} ${serial.freedLock(l.lock, l.pid)}`);
  for (const p of repair.freed.ports)
    lines.push(`  ${out.green('-')} ${serial.freedPort(p.name, p.port, p.worktree)}`);
  for (const o of repair.orphans)
    lines.push(
      `  ${o.action === 'removed' ? out.green('-') : out.yellow('!')} ${t.orphan(o.path, o.action === 'removed', o.note)}`,
    );
  if (lines.length === 1) lines.push(`  ${out.dim(t.fixNothing)}`);
  return lines.join('\n');
}

export async function runDoctor(args: string[]): Promise<number> {
  const { values } = parse('doctor', args, { json: { type: 'boolean' }, fix: { type: 'boolean' } }, 0);
  const repo = await openRepo(process.cwd());
  const loaded = await loadRepoConfig(repo);
  const first = await checkRepo({ repo, loaded });
  if (!values.fix) {
    if (values.json) printJson({ findings: first.findings, worktrees: first.worktrees });
    else process.stdout.write(`${renderDoctor(first)}\n`);
    return doctorExitCode(first.findings);
  }
  const repair = await repairFindings({
    facts: first.facts,
    findings: first.findings,
    install: await installOptions(),
  });
  const again = await checkRepo({ repo: await openRepo(process.cwd()), loaded });
  if (values.json)
    printJson({
      findings: again.findings,
      worktrees: again.worktrees,
      repaired: {
        hooks: repair.hooks?.actions ?? [],
        bootstraps: repair.bootstraps.map((b) => ({
          worktree: b.worktree,
          done: b.done,
          problems: b.problems,
        })),
        freed: repair.freed,
        orphans: repair.orphans,
      },
      before: first.findings,
    });
  else process.stdout.write(`${renderRepair(repair)}\n\n${out.dim(t.afterFix)}\n${renderDoctor(again)}\n`);
  return doctorExitCode(again.findings);
}
