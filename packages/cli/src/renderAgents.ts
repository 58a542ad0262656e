/** Agents: the session context in a few lines, and the lines of an install/uninstall --agents plan. */
import type { AgentAction, AgentProblem, AgentsPlan, SessionContext } from '@worktree-guard/core';
import { messages } from './messages';
import { sessionLabel } from './messages/agents';
import { age, out } from './render';

const t = messages.agents;
const OTHERS_SHOWN = 8;

const agoMs = (ms: number) => age(new Date(Date.now() - ms).toISOString());

/** What an agent is told when its session starts. */
export function renderContext(ctx: SessionContext, now = Date.now()): string {
  const c = t.context;
  let here = c.here(ctx.worktree.path, ctx.worktree.branch, ctx.worktree.primary);
  if (ctx.base?.startedAt)
    here += c.base(ctx.base.ref ?? 'HEAD', ctx.base.commit, age(ctx.base.startedAt, now));
  if (ctx.remoteBase)
    here += ctx.lastFetch
      ? c.fetched(
          ctx.remoteBase,
          age(ctx.lastFetch, now),
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
  if (owner) lines.push(c.earlier(sessionLabel(owner, now, agoMs), ctx.sessionsMode === 'block'));
  if (ctx.findings.length)
    lines.push(c.findings(ctx.findings.map((f) => c.finding(f.id, f.message, f.fix)).join('; ')));
  if (ctx.configError) lines.push(c.configError(ctx.configError));
  return lines.join('\n');
}

function actionLine(a: AgentAction): string {
  const i = t.install;
  switch (a.kind) {
    case 'write-script':
      return `${out.green('+')} ${i.writeScript(a.file)}`;
    case 'remove-script':
      return `${out.red('-')} ${i.removeScript(a.file)}`;
    case 'write-settings':
      return `${out.green('+')} ${i.writeSettings(a.file, a.backup.before !== null)}`;
    case 'restore-settings':
      return `${out.red('-')} ${i.restore(a.file, a.content, a.byteForByte)}`;
    case 'forget-backup':
      return '';
    case 'unlink':
      return `${out.red('-')} ${i.unlink(a.file, a.target)}`;
    case 'exclude':
      return `${out.green('+')} ${i.exclude(a.file)}`;
    case 'unexclude':
      return `${out.red('-')} ${i.unexclude(a.file)}`;
  }
}

function problemLine(p: AgentProblem): string {
  const i = t.install;
  const text =
    p.kind === 'tracked-personal'
      ? i.trackedPersonal(p.file)
      : p.kind === 'unreadable'
        ? i.unreadable(p.file, p.message)
        : i.noCheckout;
  return `  ${out.red('✗')} ${text}`;
}

/** The plan, line by line, with the notes a person needs after it. */
export function agentsPlanLines(plan: AgentsPlan, notes: string[]): string[] {
  // guard's records of what it wrote come and go with the files: not worth a line
  const lines = plan.actions.filter((a) => a.kind !== 'forget-backup').map((a) => `  ${actionLine(a)}`);
  lines.push(...plan.problems.map(problemLine));
  if (!plan.actions.length && !plan.problems.length) lines.push(`  ${out.green('=')} ${t.install.nothing}`);
  if (plan.satisfied.length) lines.push(`  ${out.dim('=')} ${t.install.satisfied(plan.satisfied.length)}`);
  for (const file of plan.tracked) lines.push(`  ${out.yellow('!')} ${t.install.tracked(file)}`);
  for (const note of notes) lines.push(`  ${out.dim(note)}`);
  return lines;
}
