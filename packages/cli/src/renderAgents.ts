/** The lines of an install/uninstall --agents plan. */
import type { AgentAction, AgentProblem, AgentsPlan } from '@worktree-guard/core';
import { messages } from './messages';
import { out } from './render';

const t = messages.agents;
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
