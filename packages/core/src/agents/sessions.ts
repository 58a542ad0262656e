/**
 * Agent sessions, registered per worktree: one small JSON file per session in the worktree's own git dir
 * (`<git dir>/worktree-guard/agent-sessions/<id>.json`), so that `git worktree remove` takes them along.
 * A session counts while its agent's process runs — the same process id *and* the same start time, so a
 * reused id never counts — whether or not the agent said goodbye (a session-end hook does not fire on a
 * crash). The earliest live session of a worktree is the one working there.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Repo } from '../git/repo';
import { worktreeGitDir } from '../git/worktreeGitDir';
import { processAlive } from '../util/processInfo';

export interface AgentSession {
  /** The agent's own session id (Claude Code, Codex) or conversation id (Cursor). */
  id: string;
  agent: string;
  /** The agent's process, and its start time as the system reports it (see util/processInfo). */
  pid: number | null;
  start: string | null;
  /** When the session registered here (ISO). */
  since: string;
  /** Where the agent said it was. */
  cwd: string;
}

export const SESSIONS_DIR = 'worktree-guard/agent-sessions';
/**
 * Present (in the common git dir) while `agents.sessions` is `block` and a worktree has more than one
 * live session: the agents' hook script then hands every git command and file edit to guard.
 */
export const BLOCK_MARKER = 'worktree-guard/agent-sessions-block';

function fileOf(gitDir: string, id: string): string {
  const safe = id.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 120) || '_';
  return path.join(gitDir, SESSIONS_DIR, `${safe}.json`);
}

function parseSession(text: string): AgentSession | null {
  try {
    const s = JSON.parse(text) as Partial<AgentSession>;
    if (typeof s.id !== 'string' || typeof s.since !== 'string') return null;
    return {
      id: s.id,
      agent: typeof s.agent === 'string' ? s.agent : 'agent',
      pid: typeof s.pid === 'number' ? s.pid : null,
      start: typeof s.start === 'string' ? s.start : null,
      since: s.since,
      cwd: typeof s.cwd === 'string' ? s.cwd : '',
    };
  } catch {
    return null;
  }
}

/** Every session registered in the worktree whose git dir this is, live or not, oldest first. */
export async function readSessions(gitDir: string): Promise<AgentSession[]> {
  const dir = path.join(gitDir, SESSIONS_DIR);
  const names = await readdir(dir).catch(() => [] as string[]);
  const found = await Promise.all(
    names
      .filter((n) => n.endsWith('.json'))
      .map((n) => readFile(path.join(dir, n), 'utf8').then(parseSession, () => null)),
  );
  return found.filter((s): s is AgentSession => s !== null).sort((a, b) => a.since.localeCompare(b.since));
}

export function isLive(s: AgentSession): boolean {
  return s.pid !== null && s.start !== null && processAlive(s.pid, s.start);
}

/** The live sessions of a worktree, oldest first. */
export async function liveSessions(gitDir: string): Promise<AgentSession[]> {
  return (await readSessions(gitDir)).filter(isLive);
}

/**
 * Registers (or refreshes) a session in a worktree; records of sessions whose process is gone are
 * removed on the way (they are guard's own files). Returns the live sessions that were there before it.
 */
export async function registerSession(gitDir: string, session: AgentSession): Promise<AgentSession[]> {
  const all = await readSessions(gitDir);
  const previous = all.find((s) => s.id === session.id);
  for (const s of all) if (s.id !== session.id && !isLive(s)) await rm(fileOf(gitDir, s.id), { force: true });
  const record = previous && isLive(previous) ? { ...session, since: previous.since } : session;
  const file = fileOf(gitDir, session.id);
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(record, null, 2)}\n`);
  await rename(tmp, file);
  return all.filter((s) => s.id !== session.id && isLive(s) && s.since <= record.since);
}

/** Forgets a session (when the agent says it ends). */
export async function endSession(gitDir: string, id: string): Promise<void> {
  await rm(fileOf(gitDir, id), { force: true });
}

/** The live session working in a worktree before `id` (the owner), or null when `id` is the first. */
export function ownerBefore(live: readonly AgentSession[], id: string | null): AgentSession | null {
  const first = live[0];
  return first && first.id !== id ? first : null;
}

/** Removes the marker once no worktree has two live sessions (it only speeds up guard's script). */
export async function refreshBlockMarker(repo: Repo): Promise<void> {
  const marker = path.join(repo.commonDir, BLOCK_MARKER);
  if (!existsSync(marker)) return;
  for (const w of repo.worktrees) {
    const gitDir = w.bare || w.prunable !== null ? null : worktreeGitDir(w.path);
    if (gitDir && (await liveSessions(gitDir)).length > 1) return;
  }
  await rm(marker, { force: true });
}

export async function setBlockMarker(commonDir: string, on: boolean): Promise<void> {
  const file = path.join(commonDir, BLOCK_MARKER);
  if (!on) return rm(file, { force: true });
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, '');
}
