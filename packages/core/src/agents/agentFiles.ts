/**
 * The files behind `guard install --agents`: reading settings as JSON, guard's records of what it wrote,
 * the exclude rule, and applying a plan. Every write goes through a temporary file and a rename, so an
 * agent reading its settings never sees half a file.
 */
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { BrokenInstallError } from '../errors';
import { fillTemplate, type ShimVars } from '../hooks/shims';
import type { AgentAction, AgentBackup } from './agentsInstall';

/** guard's script, in the common git dir: every worktree's hooks find it through git. */
export const AGENT_SCRIPT = 'worktree-guard/agent-hook';
export const AGENT_TEMPLATE = 'agent-hook';
const BACKUPS = 'worktree-guard/agents';

/** What guard adds to `.git/info/exclude` (and removes, exactly, at uninstall). */
export const EXCLUDE_LINES =
  "# worktree-guard: Claude Code's personal settings stay out of git (guard install --agents)\n/.claude/settings.local.json\n";

export function backupFile(commonDir: string, rel: string): string {
  return path.join(commonDir, BACKUPS, `${rel.replace(/[^A-Za-z0-9.-]/g, '_')}.json`);
}

export async function readBackup(commonDir: string, rel: string): Promise<AgentBackup | null> {
  const text = await readFile(backupFile(commonDir, rel), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const b = JSON.parse(text) as AgentBackup;
    return typeof b.after === 'string' ? b : null;
  } catch {
    return null;
  }
}

export type JsonRead =
  | { text: string | null; value: Record<string, unknown> | null }
  | { text: string; error: string };

/** A settings file: its text (null when there is none) and its JSON object. */
export async function readJson(file: string): Promise<JsonRead> {
  const text = await readFile(file, 'utf8').catch((e: NodeJS.ErrnoException) =>
    e.code === 'ENOENT' ? null : Promise.reject(e),
  );
  if (text === null) return { text, value: null };
  try {
    const value = JSON.parse(text) as unknown;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      return { text, error: 'not a JSON object' };
    return { text, value: value as Record<string, unknown> };
  } catch (error) {
    return { text, error: (error as Error).message };
  }
}

/** The same JSON value, whatever the order of object keys. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) || Array.isArray(b))
    return (
      Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]))
    );
  if (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null) {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const bo = b as Record<string, unknown>;
    return (
      ka.length === kb.length &&
      ka.every((k) => k in bo && sameJson((a as Record<string, unknown>)[k], bo[k]))
    );
  }
  return a === b;
}

async function atomicWrite(file: string, content: string, mode?: number): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, content, mode === undefined ? undefined : { mode });
  await rename(tmp, file);
}

async function applyOne(a: AgentAction): Promise<void> {
  switch (a.kind) {
    case 'write-script':
      return atomicWrite(a.file, a.content, 0o755);
    case 'remove-script':
      return rm(a.file, { force: true });
    case 'write-settings':
      return atomicWrite(a.file, a.content);
    case 'restore-settings':
      if (a.content !== null) return atomicWrite(a.file, a.content);
      await rm(a.file, { force: true });
      // the directory goes too when guard made it and nothing else is in it now
      if (a.removeDir) await rmdir(path.dirname(a.file)).catch(() => undefined);
      return;
    case 'forget-backup':
      await rm(a.file, { force: true });
      await rmdir(path.dirname(a.file)).catch(() => undefined); // guard's own directory, once empty
      return;
    case 'unlink':
      return rm(a.file, { force: true });
    case 'exclude': {
      const text = await readFile(a.file, 'utf8').catch(() => '');
      if (text.includes(EXCLUDE_LINES)) return;
      return atomicWrite(a.file, `${text}${text && !text.endsWith('\n') ? '\n' : ''}${EXCLUDE_LINES}`);
    }
    case 'unexclude': {
      const text = await readFile(a.file, 'utf8').catch(() => null);
      if (text === null || !text.includes(EXCLUDE_LINES)) return;
      return atomicWrite(a.file, text.replace(EXCLUDE_LINES, ''));
    }
  }
}

/** Applies a plan in order; each settings file written is recorded with its bytes before and after. */
export async function applyAgentsPlan(commonDir: string, actions: readonly AgentAction[]): Promise<void> {
  for (const a of actions) {
    await applyOne(a);
    if (a.kind === 'write-settings')
      await atomicWrite(backupFile(commonDir, a.rel), `${JSON.stringify(a.backup, null, 2)}\n`);
  }
}

/** The script's template, from the package's `hooks/` directory. */
export async function loadAgentTemplate(dir: string): Promise<string> {
  const file = path.join(dir, AGENT_TEMPLATE);
  return readFile(file, 'utf8').catch((error: unknown) => {
    throw new BrokenInstallError(file, { cause: error });
  });
}

export function renderAgentScript(template: string, vars: ShimVars): string {
  return fillTemplate(template, AGENT_TEMPLATE, vars);
}
