/**
 * `guard install --agents` / `guard uninstall --agents`: guard's script in the common git dir, its entries
 * in each agent's settings in the primary checkout, and — for Claude Code's personal settings — an ignore
 * rule in `.git/info/exclude` (never an edit of a tracked file). Each settings file guard writes is
 * recorded (`worktree-guard/agents/<file>.json`: its bytes before and after), so that uninstall puts the
 * file back byte for byte when guard's entries were the only change, and otherwise removes exactly
 * guard's entries and keeps everything else.
 */
import { existsSync } from 'node:fs';
import { readFile, realpath } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inspect } from '../fs/pathInfo';
import { samePath } from '../fs/paths';
import { ignoredPaths } from '../git/checkIgnore';
import { primaryCheckout, type Repo } from '../git/repo';
import { runGit } from '../git/run';
import { claudeConfigDir } from '../worktree/claude';
import { AGENT_SCRIPT, backupFile, EXCLUDE_LINES, readBackup, readJson, sameJson } from './agentFiles';
import {
  AGENT_NAMES,
  type AgentName,
  formatLike,
  hasGuardHooks,
  withGuardHooks,
  withoutGuardHooks,
} from './agentSettings';

export interface AgentBackup {
  file: string;
  before: string | null;
  after: string;
  /** guard made the directory the file is in. */
  madeDir: boolean;
}

export type AgentAction =
  | { kind: 'write-script'; file: string; content: string }
  | { kind: 'remove-script'; file: string }
  | {
      kind: 'write-settings';
      agent: AgentName;
      file: string;
      rel: string;
      content: string;
      backup: AgentBackup;
    }
  | {
      kind: 'restore-settings';
      agent: AgentName;
      file: string;
      /** null: the file did not exist before guard wrote it, and goes. */
      content: string | null;
      /** The file is put back exactly as it was before guard (else: guard's entries taken out of it). */
      byteForByte: boolean;
      /** guard made its directory: it goes too if nothing else is in it. */
      removeDir: boolean;
    }
  | { kind: 'forget-backup'; file: string }
  /** A link bootstrap made in a linked worktree to a settings file uninstall removes. */
  | { kind: 'unlink'; file: string; target: string }
  | { kind: 'exclude'; file: string }
  | { kind: 'unexclude'; file: string };

export type AgentProblem =
  | { kind: 'unreadable'; file: string; message: string }
  | { kind: 'tracked-personal'; file: string }
  | { kind: 'no-checkout' };

export interface AgentsPlan {
  agents: AgentName[];
  actions: AgentAction[];
  /** Files already as wanted. */
  satisfied: string[];
  problems: AgentProblem[];
  /** Settings files git tracks: the change shows in git status, for the team to commit. */
  tracked: string[];
}

export interface AgentsInstallOptions {
  agents: readonly AgentName[];
  /** Claude Code: the tracked `.claude/settings.json` instead of the personal `.claude/settings.local.json`. */
  shared: boolean;
  /** The rendered script. */
  script: string;
}

export const CLAUDE_PERSONAL = '.claude/settings.local.json';

/** The settings file guard writes for an agent, relative to the primary checkout. */
export function settingsFile(agent: AgentName, shared = false): string {
  if (agent === 'claude') return shared ? '.claude/settings.json' : CLAUDE_PERSONAL;
  return agent === 'codex' ? '.codex/hooks.json' : '.cursor/hooks.json';
}

/** Agents whose configuration directory exists, in the repository or in the user's home. */
export function detectAgents(primary: string, env: NodeJS.ProcessEnv = process.env): AgentName[] {
  const home = env.HOME || os.homedir();
  const dirs: Record<AgentName, string[]> = {
    claude: [path.join(primary, '.claude'), claudeConfigDir(env)],
    codex: [path.join(primary, '.codex'), env.CODEX_HOME || path.join(home, '.codex')],
    cursor: [path.join(primary, '.cursor'), path.join(home, '.cursor')],
  };
  return AGENT_NAMES.filter((a) => dirs[a].some((d) => existsSync(d)));
}

async function tracked(primary: string, rel: string): Promise<boolean> {
  const r = await runGit(['ls-files', '--error-unmatch', '--', rel], { cwd: primary, ok: [0, 1] });
  return r.exitCode === 0;
}

/** Where a settings file's bytes are: a link (to a dotfiles repository, say) is written through, never replaced. */
async function settingsPath(primary: string, rel: string): Promise<string> {
  const file = path.join(primary, rel);
  return (await inspect(file)).kind === 'symlink' ? realpath(file).catch(() => file) : file;
}

async function planSettings(repo: Repo, primary: string, agent: AgentName, rel: string, plan: AgentsPlan) {
  const file = await settingsPath(primary, rel);
  const isTracked = await tracked(primary, rel);
  if (rel === CLAUDE_PERSONAL && isTracked) {
    plan.problems.push({ kind: 'tracked-personal', file });
    return;
  }
  const read = await readJson(file);
  if ('error' in read) {
    plan.problems.push({ kind: 'unreadable', file, message: read.error });
    return;
  }
  const current = read.value ?? {};
  const wanted = withGuardHooks(agent, current);
  if (read.text !== null && sameJson(wanted, current)) {
    plan.satisfied.push(file);
    return;
  }
  if (isTracked) plan.tracked.push(file);
  const content = formatLike(wanted, read.text);
  const previous = await readBackup(repo.commonDir, rel);
  const backup: AgentBackup = previous
    ? { ...previous, after: content }
    : { file, before: read.text, after: content, madeDir: !existsSync(path.dirname(file)) };
  plan.actions.push({ kind: 'write-settings', agent, file, rel, content, backup });
}

async function excludeFile(repo: Repo): Promise<string> {
  return path.join(repo.commonDir, 'info', 'exclude');
}

export async function planAgentsInstall(repo: Repo, opts: AgentsInstallOptions): Promise<AgentsPlan> {
  const plan: AgentsPlan = {
    agents: [...opts.agents],
    actions: [],
    satisfied: [],
    problems: [],
    tracked: [],
  };
  const primary = primaryCheckout(repo);
  if (!primary) {
    plan.problems.push({ kind: 'no-checkout' });
    return plan;
  }
  const script = path.join(repo.commonDir, AGENT_SCRIPT);
  const existing = await readFile(script, 'utf8').catch(() => null);
  if (existing === opts.script) plan.satisfied.push(script);
  else plan.actions.push({ kind: 'write-script', file: script, content: opts.script });
  for (const agent of opts.agents) {
    const rel = settingsFile(agent, opts.shared);
    await planSettings(repo, primary, agent, rel, plan);
    if (rel === CLAUDE_PERSONAL && !plan.problems.length) {
      const ignored = (await ignoredPaths(primary, [rel])).get(rel);
      if (!ignored) plan.actions.push({ kind: 'exclude', file: await excludeFile(repo) });
    }
  }
  return plan;
}

/** What uninstall writes back into one settings file, if anything. */
async function planRestore(repo: Repo, primary: string, agent: AgentName, rel: string, plan: AgentsPlan) {
  const file = await settingsPath(primary, rel);
  const backup = await readBackup(repo.commonDir, rel);
  const read = await readJson(file);
  if (backup) plan.actions.push({ kind: 'forget-backup', file: backupFile(repo.commonDir, rel) });
  if (read.text === null) return;
  const removeDir = backup?.madeDir ?? false;
  if (backup && read.text === backup.after) {
    plan.actions.push({
      kind: 'restore-settings',
      agent,
      file,
      content: backup.before,
      byteForByte: true,
      removeDir,
    });
    return;
  }
  if ('error' in read) {
    if (backup) plan.problems.push({ kind: 'unreadable', file, message: read.error });
    return;
  }
  if (!hasGuardHooks(read.value)) return;
  const stripped = withoutGuardHooks(agent, read.value as Record<string, unknown>);
  const before = backup?.before ?? null;
  const guardOnly =
    before === null && sameJson(stripped, withoutGuardHooks(agent, withGuardHooks(agent, {})));
  const same = before !== null && sameJson(stripped, JSON.parse(before));
  const back = backup && (guardOnly || same);
  const content = back ? before : formatLike(stripped, read.text);
  plan.actions.push({
    kind: 'restore-settings',
    agent,
    file,
    content,
    byteForByte: Boolean(back),
    removeDir,
  });
}

/** Bootstrap's links, in linked worktrees, to a settings file of the primary that uninstall removes. */
async function danglingLinks(repo: Repo, primary: string, actions: AgentAction[]): Promise<AgentAction[]> {
  const removed = actions.flatMap((a) =>
    a.kind === 'restore-settings' && a.content === null ? [a.file] : [],
  );
  const out: AgentAction[] = [];
  for (const target of removed) {
    const rel = path.relative(primary, target);
    for (const w of repo.worktrees) {
      if (w.bare || w.path === primary) continue;
      const file = path.join(w.path, rel);
      const info = await inspect(file);
      const points =
        info.kind === 'symlink' && samePath(path.resolve(path.dirname(file), info.target), target);
      if (points) out.push({ kind: 'unlink', file, target });
    }
  }
  return out;
}

export async function planAgentsUninstall(repo: Repo): Promise<AgentsPlan> {
  const plan: AgentsPlan = { agents: [], actions: [], satisfied: [], problems: [], tracked: [] };
  const primary = primaryCheckout(repo);
  const script = path.join(repo.commonDir, AGENT_SCRIPT);
  if (primary) {
    for (const agent of AGENT_NAMES)
      for (const rel of new Set([settingsFile(agent, false), settingsFile(agent, true)])) {
        const before = plan.actions.length;
        await planRestore(repo, primary, agent, rel, plan);
        if (
          plan.actions.slice(before).some((a) => a.kind === 'restore-settings') &&
          !plan.agents.includes(agent)
        )
          plan.agents.push(agent);
      }
    plan.actions.push(...(await danglingLinks(repo, primary, plan.actions)));
    // the rule guard added goes too: the file is seen by git again, as it was before guard
    const exclude = await excludeFile(repo);
    const excludeText = await readFile(exclude, 'utf8').catch(() => '');
    if (excludeText.includes(EXCLUDE_LINES)) plan.actions.push({ kind: 'unexclude', file: exclude });
  }
  if (existsSync(script)) plan.actions.push({ kind: 'remove-script', file: script });
  return plan;
}
