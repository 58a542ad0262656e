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
 * The agent's answer to a verdict: nothing (go on), or its documented "deny". A verdict that rewrites the
 * command (issue 14, item 5: configured patterns run under `guard run --serial`) would become Claude
 * Code's and Codex's `updatedInput` here; none does yet.
 */
export function answer(agent: string, verdict: CommandVerdict, what: 'command' | 'edit'): object | null {
  if (!verdict.denials.length) return null;
  const text = verdict.denials.map((d) => reason(d, what)).join('\n\n');
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
  print(answer(agent, await judgeCommand(command, cwd, session, { blocking }), 'command'));
}

async function edit(agent: string, e: Event): Promise<void> {
  const file = field(e, 'tool_input', 'file_path') ?? field(e, 'tool_input', 'notebook_path');
  if (!file) return;
  print(answer(agent, await judgeEdit(file, field(e, 'session_id')), 'edit'));
}

/**
 * What a session's later shell commands should find in their environment. Port leases (`guard port`,
 * issue 14 item 5) go here: written as `export` lines to Claude Code's $CLAUDE_ENV_FILE, and as Codex's
 * `env`. None yet.
 */
export function sessionEnvironment(_ctx: SessionContext): Record<string, string> {
  return {};
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
  if (agent === 'codex' && Object.keys(env).length) out.env = env;
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
