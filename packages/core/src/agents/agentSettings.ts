/**
 * guard's entries in each coding agent's hook settings, merged into what is there and taken out again.
 * Every entry guard writes runs `<git common dir>/worktree-guard/agent-hook`, and that path is how guard
 * knows its own: nothing else in the file is touched. The command finds the script through git, so the
 * same settings work in every worktree, and on any machine (a tracked `.claude/settings.json`); where the
 * script is absent (guard not installed there) it does nothing and succeeds.
 */

export type AgentName = 'claude' | 'codex' | 'cursor';
export const AGENT_NAMES: readonly AgentName[] = ['claude', 'codex', 'cursor'];

/** The events guard's script handles (its second argument). */
export type AgentEvent = 'bash' | 'edit' | 'session-start' | 'session-end' | 'shell';

/** What marks an entry as guard's. */
export const AGENT_HOOK_MARK = 'worktree-guard/agent-hook';
export const AGENT_HOOK_TIMEOUT = 30;

/** The command an agent runs (through `sh -c`), cwd = the session's directory. */
export function agentHookCommand(agent: AgentName, event: AgentEvent): string {
  return `h="$(git rev-parse --git-common-dir 2>/dev/null)/${AGENT_HOOK_MARK}"; [ ! -f "$h" ] || exec sh "$h" ${agent} ${event}`;
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isGuard = (handler: unknown) =>
  isObject(handler) && typeof handler.command === 'string' && handler.command.includes(AGENT_HOOK_MARK);

function handler(agent: AgentName, event: AgentEvent): Json {
  return { type: 'command', command: agentHookCommand(agent, event), timeout: AGENT_HOOK_TIMEOUT };
}

/** Claude Code and Codex: `{"hooks": {"<Event>": [{"matcher": …, "hooks": [handler]}]}}`. */
function groupedEntries(agent: 'claude' | 'codex'): Record<string, Json[]> {
  const entries: Record<string, Json[]> = {
    PreToolUse: [{ matcher: 'Bash', hooks: [handler(agent, 'bash')] }],
    SessionStart: [{ hooks: [handler(agent, 'session-start')] }],
  };
  if (agent === 'claude') {
    entries.PreToolUse?.push({
      matcher: 'Edit|MultiEdit|Write|NotebookEdit',
      hooks: [handler(agent, 'edit')],
    });
    entries.SessionEnd = [{ hooks: [handler(agent, 'session-end')] }];
  }
  return entries;
}

/** Cursor: `{"version": 1, "hooks": {"beforeShellExecution": [{"command": …}]}}`. */
function cursorEntries(): Record<string, Json[]> {
  return { beforeShellExecution: [{ command: agentHookCommand('cursor', 'shell') }] };
}

/** The settings with guard's entries taken out; a list or object emptied by that is removed too. */
export function withoutGuardHooks(agent: AgentName, settings: Json): Json {
  if (!isObject(settings.hooks)) return settings;
  const hooks: Json = {};
  for (const [event, list] of Object.entries(settings.hooks)) {
    if (!Array.isArray(list)) {
      hooks[event] = list;
      continue;
    }
    const kept = list.flatMap((entry: unknown) => {
      if (agent === 'cursor') return isGuard(entry) ? [] : [entry];
      if (!isObject(entry) || !Array.isArray(entry.hooks) || !entry.hooks.some(isGuard)) return [entry];
      const rest = entry.hooks.filter((h) => !isGuard(h));
      return rest.length ? [{ ...entry, hooks: rest }] : [];
    });
    if (kept.length || !list.length) hooks[event] = kept;
  }
  const out = { ...settings };
  if (Object.keys(hooks).length || !Object.keys(settings.hooks).length) out.hooks = hooks;
  else delete out.hooks;
  return out;
}

/** The settings with guard's current entries in, after whatever else each event runs. */
export function withGuardHooks(agent: AgentName, settings: Json): Json {
  const base = withoutGuardHooks(agent, settings);
  const hooks: Json = isObject(base.hooks) ? { ...base.hooks } : {};
  const entries = agent === 'cursor' ? cursorEntries() : groupedEntries(agent);
  for (const [event, add] of Object.entries(entries)) {
    const list = hooks[event];
    hooks[event] = [...(Array.isArray(list) ? list : []), ...add];
  }
  const out: Json = agent === 'cursor' && base.version === undefined ? { version: 1, ...base } : { ...base };
  out.hooks = hooks;
  return out;
}

/** Does any of guard's entries stand in these settings? */
export function hasGuardHooks(settings: unknown): boolean {
  if (!isObject(settings) || !isObject(settings.hooks)) return false;
  return Object.values(settings.hooks).some(
    (list) =>
      Array.isArray(list) &&
      list.some((e) => isGuard(e) || (isObject(e) && Array.isArray(e.hooks) && e.hooks.some(isGuard))),
  );
}

/** JSON as the file had it: its indentation, and a final newline if it had one (new files get both). */
export function formatLike(value: unknown, original: string | null): string {
  const indentMatch = original ? /^[{[]\s*\n([ \t]+)\S/.exec(original) : null;
  const indent = indentMatch ? (indentMatch[1] as string) : original && !original.includes('\n') ? '' : '  ';
  const text = indent ? JSON.stringify(value, null, indent) : JSON.stringify(value);
  return original === null || original.endsWith('\n') ? `${text}\n` : text;
}
