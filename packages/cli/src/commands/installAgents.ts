/** The `--agents` part of `guard install` / `guard uninstall`: plan, apply, and what a person should know. */
import {
  AGENT_NAMES,
  type AgentName,
  type AgentsPlan,
  applyAgentsPlan,
  bashParser,
  clearSerialWords,
  detectAgents,
  loadAgentTemplate,
  loadRepoConfig,
  planAgentsInstall,
  planAgentsUninstall,
  primaryCheckout,
  type Repo,
  renderAgentScript,
  syncSerialWords,
  UsageError,
} from '@worktree-guard/core';
import { messages } from '../messages';
import { CLI_BIN, HOOK_TEMPLATES_DIR } from '../paths';
import { VERSION } from '../version';

const t = messages.agents.install;

export interface AgentsOutcome {
  plan: AgentsPlan;
  notes: string[];
}

/** `--agents` alone is `--agents=` (the agents found); a list may follow it as its own word. */
export function agentsArg(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string;
    const next = args[i + 1];
    if (a !== '--agents') out.push(a);
    else if (next !== undefined && !next.startsWith('-')) {
      out.push(`--agents=${next}`);
      i++;
    } else out.push('--agents=');
  }
  return out;
}

function agentList(list: string, primary: string | null): AgentName[] {
  if (list.trim() === '') return primary ? detectAgents(primary) : [];
  return list.split(',').map((raw) => {
    const name = raw.trim();
    if (!(AGENT_NAMES as readonly string[]).includes(name))
      throw new UsageError('usage', t.unknownAgent(name, AGENT_NAMES));
    return name as AgentName;
  });
}

export async function installAgents(
  repo: Repo,
  list: string,
  shared: boolean,
  dry: boolean,
): Promise<AgentsOutcome> {
  const primary = primaryCheckout(repo);
  const agents = [...new Set(agentList(list, primary))];
  const script = renderAgentScript(await loadAgentTemplate(HOOK_TEMPLATES_DIR), {
    version: VERSION,
    node: process.execPath,
    cli: CLI_BIN,
    messages: messages.agents.script,
  });
  const plan = await planAgentsInstall(repo, { agents, shared, script });
  if (!dry && !plan.problems.length) {
    await applyAgentsPlan(repo.commonDir, plan.actions);
    if (agents.length) syncSerialWords(repo.commonDir, (await loadRepoConfig(repo)).config);
  }
  const notes: string[] = [];
  if (!agents.length) notes.push(t.noneFound);
  if (agents.includes('codex')) notes.push(t.codexTrust);
  const linked = repo.worktrees.filter((w) => !w.bare && w.path !== primary).length;
  if (agents.includes('claude') && !shared && linked) notes.push(t.linkExisting);
  if (agents.length && !bashParser()) notes.push(t.noParser);
  return { plan, notes };
}

export async function uninstallAgents(repo: Repo, dry: boolean): Promise<AgentsOutcome> {
  const plan = await planAgentsUninstall(repo);
  if (!dry && !plan.problems.length) {
    await applyAgentsPlan(repo.commonDir, plan.actions);
    clearSerialWords(repo.commonDir);
  }
  return { plan, notes: [] };
}
