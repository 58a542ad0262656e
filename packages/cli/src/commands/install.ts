/**
 * `guard install` / `guard uninstall`: arm or disarm the shims in every worktree's hooks directory; with
 * `--agents`, also coding agents' hooks (installAgents.ts).
 */
import {
  applyHooksPlan,
  type HooksPlan,
  loadRepoConfig,
  openRepo,
  planInstall,
  planUninstall,
  syncProtectedList,
} from '@worktree-guard/core';
import { parse } from '../args';
import { installOptions } from '../installOptions';
import { messages } from '../messages';
import { out, printJson } from '../render';
import { agentsPlanLines } from '../renderAgents';
import { hooksPlanLines } from '../renderHooks';
import { agentsArg, installAgents, uninstallAgents } from './installAgents';

function render(plan: HooksPlan, header: string, dry: boolean): string {
  const lines = [out.bold(header), ...hooksPlanLines(plan, dry)];
  if (!plan.actions.length && !plan.problems.length)
    lines.push(`  ${out.green('=')} ${messages.nothingToDo(plan.satisfied.length)}`);
  else if (plan.satisfied.length)
    lines.push(`  ${out.dim('=')} ${messages.alreadyInPlace(plan.satisfied.length)}`);
  return lines.join('\n');
}

async function run(kind: 'install' | 'uninstall', args: string[]): Promise<number> {
  const options = {
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    global: { type: 'boolean' },
    agents: { type: 'string' },
    shared: { type: 'boolean' },
  } as const;
  const { values } = parse(kind, agentsArg(args), options, 0);
  const repo = await openRepo(process.cwd());
  const allowGlobal = Boolean(values.global);
  const plan =
    kind === 'install'
      ? await planInstall(repo, await installOptions(allowGlobal))
      : await planUninstall(repo, { allowGlobal });
  const dry = Boolean(values['dry-run']);
  if (!dry) {
    await applyHooksPlan(plan.actions);
    if (kind === 'install') await syncProtectedList(repo, await loadRepoConfig(repo));
  }
  const list = typeof values.agents === 'string' ? values.agents : null;
  const agents =
    list === null
      ? null
      : kind === 'install'
        ? await installAgents(repo, list, Boolean(values.shared), dry)
        : await uninstallAgents(repo, dry);
  const code = plan.problems.length || agents?.plan.problems.length ? 1 : 0;
  if (values.json)
    printJson({ ...plan, dryRun: dry, exitCode: code, ...(agents ? { agents: agents.plan } : {}) });
  else {
    const header =
      kind === 'install'
        ? messages.hooks.installHeader(plan.dirs.length, dry)
        : messages.hooks.uninstallHeader(dry);
    process.stdout.write(`${render(plan, header, dry)}\n`);
    if (kind === 'install' && plan.dirs.some((d) => d.hooksPath?.value.startsWith('.husky')))
      process.stdout.write(`${out.dim(messages.hooks.huskyTip)}\n`);
    if (agents) {
      const t = messages.agents.install;
      const title = kind === 'install' ? t.header(agents.plan.agents, dry) : t.uninstallHeader(dry);
      process.stdout.write(
        `${[out.bold(title), ...agentsPlanLines(agents.plan, agents.notes)].join('\n')}\n`,
      );
    }
  }
  return code;
}

export const runInstall = (args: string[]) => run('install', args);
export const runUninstall = (args: string[]) => run('uninstall', args);
