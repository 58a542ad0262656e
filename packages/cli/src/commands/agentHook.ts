/**
 * `guard agent-hook <agent> <event>`: what guard's agent script runs (`<common dir>/worktree-guard/
 * agent-hook`), with the agent's event as JSON on stdin, printing the agent's documented answer on
 * stdout — nothing when the command may go on. It exits 0 whatever it decided; anything else means guard
 * failed, and the script lets the command through.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import {
  agentProcess,
  type CommandVerdict,
  type Denial,
  judgeCommand,
  judgeEdit,
  type SessionContext,
  shellQuote,
  startSession,
  stopSession,
} from '@worktree-guard/core';
import { messages } from '../messages';
import { sessionLabel } from '../messages/agents';
import { ago, renderContext } from '../renderContext';
import { envName } from './port';

const t = messages.agents;
type Event = Record<string, unknown>;

/** The event, read at once (a pipe from the agent; a stream is slower to set up). */
async function readStdin(): Promise<string> {
  try {
    return readFileSync(0, 'utf8');
  } catch {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  }
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const field = (e: Event, a: string, b?: string): string | null => {
  const v = e[a];
  return b === undefined ? str(v) : typeof v === 'object' && v !== null ? str((v as Event)[b]) : null;
};

export function reason(d: Denial, what: 'command' | 'edit' = 'command'): string {
  switch (d.rule) {
    case 'stash':
      return t.deny.stash(d.action, d.worktrees);
    case 'identity':
      return t.deny.identity(d.key, d.scope);
    case 'branch-elsewhere':
      return t.deny['branch-elsewhere'](d.branch, d.worktree);
    case 'session':
      return t.deny.session(what, d.worktree, sessionLabel(d.owner, Date.now(), ago));
    default:
      return t.deny[d.rule](d.text);
  }
}

/**
 * The agent's answer to a verdict: nothing (go on), its documented "deny", or — for a command that must
 * take turns (config `serial.commands`) — Claude Code's `updatedInput` with the command run under the
 * lock. No permission decision goes with it, so Claude Code's own permission checks judge the new
 * command as they would have judged the old. Codex and Cursor document no rewrite: they are denied with
 * the exact command to run instead (which passes, being under `guard run` already).
 */
export function answer(
  agent: string,
  verdict: CommandVerdict,
  what: 'command' | 'edit',
  input: Event = {},
): object | null {
  const rewrite = verdict.denials.length ? null : verdict.rewrite;
  if (rewrite && agent === 'claude')
    return {
      hookSpecificOutput: {
        hookEventName: 'PreToolUse',
        updatedInput: { ...input, command: rewrite.command },
      },
    };
  if (!verdict.denials.length && !rewrite) return null;
  const text = rewrite
    ? t.deny.serial(rewrite.locks, rewrite.command)
    : verdict.denials.map((d) => reason(d, what)).join('\n\n');
  if (agent === 'cursor')
    return { permission: 'deny', user_message: t.deny.userMessage, agent_message: text };
  return {
    hookSpecificOutput: {
      hookEventName: 'PreToolUse',
      permissionDecision: 'deny',
      permissionDecisionReason: text,
    },
  };
}

function print(doc: object | null): void {
  if (doc) process.stdout.write(`${JSON.stringify(doc)}\n`);
}

async function shell(agent: string, e: Event): Promise<void> {
  const command = agent === 'cursor' ? field(e, 'command') : field(e, 'tool_input', 'command');
  if (!command) return;
  const cwd = field(e, 'cwd') ?? process.cwd();
  const session = field(e, 'session_id') ?? field(e, 'conversation_id');
  // guard's script says whether it saw the marker of a contested worktree (agents.sessions: block)
  const marker = process.env.WORKTREE_GUARD_BLOCKING;
  const blocking = marker === undefined ? undefined : marker === '1';
  // guard's script saw a word of a serial.commands pattern: a match runs under this very guard
  const serialRunner =
    process.env.WORKTREE_GUARD_SERIAL === '1' ? [process.execPath, process.argv[1] ?? 'guard'] : undefined;
  const verdict = await judgeCommand(command, cwd, session, { blocking, serialRunner });
  const input = agent === 'cursor' ? {} : ((e.tool_input as Event | undefined) ?? {});
  print(answer(agent, verdict, 'command', input));
}

async function edit(agent: string, e: Event): Promise<void> {
  const file = field(e, 'tool_input', 'file_path') ?? field(e, 'tool_input', 'notebook_path');
  if (!file) return;
  print(answer(agent, await judgeEdit(file, field(e, 'session_id')), 'edit'));
}

/**
 * What a session's later shell commands should find in their environment: its worktree's port leases,
 * as `NAME_PORT` — `export` lines in Claude Code's $CLAUDE_ENV_FILE. Codex documents no such channel (and
 * fails a hook on an unknown output field): it reads them in the session's context.
 */
export function sessionEnvironment(ctx: SessionContext): Record<string, string> {
  return Object.fromEntries(ctx.ports.map((p) => [envName(p.name), String(p.port)]));
}

async function sessionStart(agent: string, e: Event): Promise<void> {
  const id = field(e, 'session_id');
  if (!id) return;
  const cwd = field(e, 'cwd') ?? process.cwd();
  const ctx = await startSession({ cwd, id, agent, process: agentProcess() });
  if (!ctx) return;
  const env = sessionEnvironment(ctx);
  const envFile = process.env.CLAUDE_ENV_FILE;
  if (agent === 'claude' && envFile && Object.keys(env).length)
    appendFileSync(
      envFile,
      Object.entries(env)
        .map(([k, v]) => `export ${k}=${shellQuote(v)}\n`)
        .join(''),
    );
  const out: Record<string, unknown> = {
    hookEventName: 'SessionStart',
    additionalContext: renderContext(ctx),
  };
  print({ hookSpecificOutput: out });
}

export async function runAgentHook(args: string[]): Promise<number> {
  const [agent = '', event = ''] = args;
  let e: Event;
  try {
    const parsed = JSON.parse(await readStdin()) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return 0;
    e = parsed as Event;
  } catch {
    return 0; // not an event guard can read: the agent goes on
  }
  if (event === 'bash' || event === 'shell') await shell(agent, e);
  else if (event === 'edit') await edit(agent, e);
  else if (event === 'session-start') await sessionStart(agent, e);
  else if (event === 'session-end') {
    const id = field(e, 'session_id');
    if (id) await stopSession(field(e, 'cwd') ?? process.cwd(), id);
  }
  return 0;
}
