/**
 * Coding agents as guard meets them: the hook command guard wrote into an agent's settings, run the way
 * the agent runs it (`sh -c '<command>'`, cwd = the session's directory, the event as JSON on stdin),
 * with each agent's documented event JSON; and a real process standing in for a running agent.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { guard, healthyRepo } from './repo';

export type Agent = 'claude' | 'codex' | 'cursor';

const SETTINGS: Record<Agent, string> = {
  claude: '.claude/settings.local.json',
  codex: '.codex/hooks.json',
  cursor: '.cursor/hooks.json',
};

/** A healthy repository (two `guard new` worktrees) with guard's agent hooks installed. */
export function agentRepo(agents = 'claude,codex,cursor', branches?: string[]) {
  const fx = healthyRepo(branches);
  const r = guard(fx.primary, ['install', '--agents', agents]);
  if (r.code !== 0) throw new Error(r.stderr || r.stdout);
  return fx;
}

type Handler = { command: string };
type Group = { matcher?: string; hooks: Handler[] };

/** The command guard installed for an agent's event (read from the settings file, as the agent reads it). */
export function installedCommand(primary: string, agent: Agent, event: string, matcher?: string): string {
  const settings = JSON.parse(readFileSync(path.join(primary, SETTINGS[agent]), 'utf8'));
  const list = settings.hooks[event] as (Group | Handler)[];
  for (const entry of list) {
    if ('command' in entry && entry.command.includes('worktree-guard/agent-hook')) return entry.command;
    if ('hooks' in entry && (matcher === undefined || entry.matcher === matcher))
      for (const h of entry.hooks) if (h.command.includes('worktree-guard/agent-hook')) return h.command;
  }
  throw new Error(`no guard hook for ${agent} ${event} ${matcher ?? ''}`);
}

export interface HookRun {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout as JSON, or null when empty. */
  json: Record<string, unknown> | null;
}

/** Runs a hook command as the agent does: through sh, in the session's directory, the event on stdin. */
export function runHook(command: string, cwd: string, event: object, env: NodeJS.ProcessEnv = {}): HookRun {
  const r = spawnSync('sh', ['-c', command], {
    cwd,
    input: JSON.stringify(event),
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const stdout = r.stdout ?? '';
  return {
    code: r.status ?? -1,
    stdout,
    stderr: r.stderr ?? '',
    json: stdout.trim() ? JSON.parse(stdout) : null,
  };
}

/** Each agent's documented PreToolUse / beforeShellExecution event for a shell command. */
export function shellEvent(agent: Agent, command: string, cwd: string, session = 'session-1'): object {
  if (agent === 'cursor')
    return {
      conversation_id: session,
      generation_id: 'gen-1',
      hook_event_name: 'beforeShellExecution',
      command,
      cwd,
      workspace_roots: [cwd],
    };
  const common = {
    session_id: session,
    transcript_path: agent === 'codex' ? null : `/tmp/transcripts/${session}.jsonl`,
    cwd,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Bash',
    tool_use_id: 'toolu_1',
  };
  return agent === 'codex'
    ? { ...common, model: 'gpt-5-codex', tool_input: { command } }
    : { ...common, tool_input: { command, description: 'run a command' } };
}

export function sessionStartEvent(agent: 'claude' | 'codex', cwd: string, session: string): object {
  return {
    session_id: session,
    transcript_path: `/tmp/transcripts/${session}.jsonl`,
    cwd,
    hook_event_name: 'SessionStart',
    source: 'startup',
    ...(agent === 'codex' ? { model: 'gpt-5-codex' } : {}),
  };
}

export function editEvent(file: string, cwd: string, session: string): object {
  return {
    session_id: session,
    transcript_path: `/tmp/transcripts/${session}.jsonl`,
    cwd,
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: 'Edit',
    tool_input: { file_path: file, old_string: 'a', new_string: 'b' },
    tool_use_id: 'toolu_2',
  };
}

/** The reason an agent was given for a denial, or null when the command may run. */
export function denial(agent: Agent, run: HookRun): string | null {
  if (run.code !== 0) throw new Error(`hook exited ${run.code}: ${run.stderr}`);
  if (!run.json) return null;
  if (agent === 'cursor') {
    expect(run.json).toEqual({
      permission: 'deny',
      user_message: expect.any(String),
      agent_message: expect.any(String),
    });
    return run.json.agent_message as string;
  }
  const out = run.json.hookSpecificOutput as Record<string, unknown>;
  expect(Object.keys(run.json)).toEqual(['hookSpecificOutput']);
  expect(out).toEqual({
    hookEventName: 'PreToolUse',
    permissionDecision: 'deny',
    permissionDecisionReason: expect.any(String),
  });
  return out.permissionDecisionReason as string;
}

/** The context a session start gave the agent. */
export function sessionContext(run: HookRun): string {
  if (run.code !== 0) throw new Error(`hook exited ${run.code}: ${run.stderr}`);
  expect(run.json).toEqual({
    hookSpecificOutput: { hookEventName: 'SessionStart', additionalContext: expect.any(String) },
  });
  const out = (run.json as { hookSpecificOutput: { additionalContext: string } }).hookSpecificOutput;
  return out.additionalContext;
}

/**
 * A real process standing in for a running agent: it runs the session-start hook as its own child
 * (`sh -c`), as an agent does, then keeps running until stopped. Resolves with the hook's stdout.
 */
export function standInAgent(
  command: string,
  cwd: string,
  event: object,
): Promise<{ child: ChildProcess; stdout: string }> {
  const script = `
    const r = require('node:child_process').spawnSync('sh', ['-c', process.argv[1]], { input: process.argv[2], encoding: 'utf8' });
    process.stdout.write(JSON.stringify({ code: r.status, stdout: r.stdout }) + '\\n');
    setInterval(() => {}, 1000);
  `;
  const child = spawn(process.execPath, ['-e', script, command, JSON.stringify(event)], {
    cwd,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let buf = '';
    child.stdout?.on('data', (d: Buffer) => {
      buf += d.toString('utf8');
      if (!buf.includes('\n')) return;
      const r = JSON.parse(buf.split('\n')[0] as string) as { code: number; stdout: string };
      if (r.code !== 0) reject(new Error(`stand-in's hook exited ${r.code}`));
      else resolve({ child, stdout: r.stdout });
    });
    child.on('exit', (code) => reject(new Error(`stand-in exited early (${code})`)));
  });
}

/** Stops a stand-in we started, and waits until its process is gone. */
export function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });
}
