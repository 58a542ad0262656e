/**
 * A coding agent's session starts (or ends) in a worktree: it is registered there, and gets the facts of
 * where it is — its worktree, branch and base, the other worktrees, the rules in force, and any session
 * already working there — for the CLI to word as context. Read with doctor's gather, in depth only for
 * this worktree (and the primary it is compared with).
 */
import { loadRepoConfig } from '../config/load';
import type { SessionsMode, StashMode } from '../config/types';
import { openRepo, type Repo } from '../git/repo';
import { runGit } from '../git/run';
import { workingTrees } from '../git/worktreeList';
import type { PortLease } from '../ports/registry';
import { doctorFindings } from '../rules/doctorRules';
import type { Finding } from '../rules/finding';
import { baseOf, isPrimary } from '../state/derive';
import { gatherFacts } from '../state/gather';
import type { ProcessInfo } from '../util/processInfo';
import type { RecordedBase } from '../worktree/baseRecord';
import { addSessionFacts } from './sessionFacts';
import { sessionPorts, syncSerialWords } from './sessionResources';
import {
  type AgentSession,
  endSession,
  refreshBlockMarker,
  registerSession,
  setBlockMarker,
} from './sessions';

export interface SessionStartInput {
  cwd: string;
  id: string;
  agent: string;
  /** The agent's process (see `agentProcess`), or null when it could not be found. */
  process: ProcessInfo | null;
  now?: number;
}

export interface PlaceFacts {
  path: string;
  branch: string | null;
  primary: boolean;
}

export interface SessionContext {
  worktree: PlaceFacts;
  base: RecordedBase | null;
  /** The last successful fetch of the remote base, from any worktree (ISO), and what it fetched. */
  lastFetch: string | null;
  remoteBase: string | null;
  /** Behind / ahead of the remote base. */
  aheadBehind: { ahead: number; behind: number } | null;
  others: (PlaceFacts & { sessions: AgentSession[] })[];
  /** Worktrees people and agents can work in. */
  worktrees: number;
  stash: StashMode;
  sessionsMode: SessionsMode;
  /** Live sessions that were working here before this one (the first is the one working here). */
  earlier: AgentSession[];
  /** What doctor finds wrong in this worktree (errors only). */
  findings: Finding[];
  /** The configuration file is invalid (the defaults are in force): its message. */
  configError: string | null;
  /** The worktree's port leases, for the session's environment (`NAME_PORT`). */
  ports: PortLease[];
  /** Config `serial.commands`: lock → patterns of commands that take turns. */
  serial: Record<string, string[]>;
  /** A port could not be leased (the range is full): why. */
  portsError: string | null;
}

async function repoAt(cwd: string): Promise<Repo | null> {
  const repo = await openRepo(cwd).catch(() => null);
  return repo?.current ? repo : null;
}

async function aheadBehind(cwd: string, base: string): Promise<SessionContext['aheadBehind']> {
  const r = await runGit(['rev-list', '--left-right', '--count', `${base}...HEAD`, '--'], {
    cwd,
    ok: [0, 128],
  });
  const [behind, ahead] = r.stdout.trim().split(/\s+/).map(Number);
  return r.exitCode === 0 ? { ahead: ahead ?? 0, behind: behind ?? 0 } : null;
}

/** Registers the session where it starts and gathers its context; null outside a worktree. */
export async function startSession(input: SessionStartInput): Promise<SessionContext | null> {
  const repo = await repoAt(input.cwd);
  const current = repo?.current;
  if (!repo || !current) return null;
  const now = input.now ?? Date.now();
  const earlier = await registerSession(repo.gitDir, {
    id: input.id,
    agent: input.agent,
    pid: input.process?.pid ?? null,
    start: input.process?.start ?? null,
    since: new Date(now).toISOString(),
    cwd: input.cwd,
  });
  const loaded = await loadRepoConfig(repo);
  const { config } = loaded;
  if (config.agents.sessions === 'block' && earlier.length) await setBlockMarker(repo.commonDir, true);
  syncSerialWords(repo.commonDir, config);
  let portsError: string | null = null;
  const ports = await sessionPorts(repo, config).catch((e: Error) => {
    portsError = e.message;
    return [];
  });
  const facts = await addSessionFacts(
    await gatherFacts({ repo, loaded, depth: 'doctor', only: [current.path], now }),
  );
  const here = facts.worktrees.find((w) => w.record.path === current.path);
  const place = (w: (typeof facts.worktrees)[number]): PlaceFacts => ({
    path: w.record.path,
    branch: w.record.branch,
    primary: isPrimary(facts, w),
  });
  return {
    worktree: here ? place(here) : { path: current.path, branch: current.branch, primary: false },
    base: here ? baseOf(here) : null,
    lastFetch: facts.lastFetch?.toISOString() ?? null,
    remoteBase: facts.remoteBase?.ref ?? null,
    aheadBehind: facts.remoteBase ? await aheadBehind(current.path, facts.remoteBase.commit) : null,
    others: facts.worktrees
      .filter((w) => w !== here && w.present)
      .map((w) => ({ ...place(w), sessions: w.sessions ?? [] })),
    worktrees: workingTrees(repo.worktrees).length,
    stash: config.stash,
    sessionsMode: config.agents.sessions,
    earlier,
    findings: doctorFindings(facts).filter(
      (f) => f.worktree === current.path && f.severity === 'error' && f.id !== 'sessions-share-worktree',
    ),
    configError: loaded.error?.message ?? null,
    ports,
    serial: config.serial.commands,
    portsError,
  };
}

/** The agent says the session ends: it no longer counts (without this, it stops counting when its process ends). */
export async function stopSession(cwd: string, id: string): Promise<void> {
  const repo = await repoAt(cwd);
  if (!repo) return;
  await endSession(repo.gitDir, id);
  await refreshBlockMarker(repo);
}
