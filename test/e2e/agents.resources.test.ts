/**
 * Shared resources for agents: a command that matches a `serial.commands` pattern is run under
 * `guard run --serial` — Claude Code gets it back as `updatedInput`, Codex and Cursor are told the exact
 * command — and the worktree's port leases reach a Claude Code session through $CLAUDE_ENV_FILE.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  type Agent,
  agentRepo,
  denial,
  installedCommand,
  runHook,
  sessionContext,
  sessionStartEvent,
  shellEvent,
} from '../helpers/agents';
import { guard, sh, tempDir, write } from '../helpers/repo';

const CONFIG = { serial: { commands: { deploy: ['helm upgrade *'], db: ['alembic upgrade *'] } } };

describe('serial.commands: matching commands take turns', () => {
  const fx = agentRepo('claude,codex,cursor', ['feat/a']);
  const wt = fx.worktrees[0] as string;
  write(path.join(fx.primary, '.worktreeguardrc.json'), JSON.stringify(CONFIG));
  // the words the script looks for are written at session start (and by install --agents)
  sessionContext(
    runHook(
      installedCommand(fx.primary, 'claude', 'SessionStart'),
      wt,
      sessionStartEvent('claude', wt, 's0'),
    ),
  );
  const run = (agent: Agent, command: string) => {
    const [event, matcher] = agent === 'cursor' ? ['beforeShellExecution'] : ['PreToolUse', 'Bash'];
    return runHook(
      installedCommand(fx.primary, agent, event as string, matcher),
      wt,
      shellEvent(agent, command, wt),
    );
  };

  it('claude: the command comes back as updatedInput under the lock, the rest of its input kept', () => {
    const r = run('claude', 'cd deploy && helm upgrade api ./chart');
    expect(r.code).toBe(0);
    const out = (r.json as { hookSpecificOutput: Record<string, unknown> }).hookSpecificOutput;
    // no permission decision: Claude Code's own permission checks judge the new command
    expect(Object.keys(out).sort()).toEqual(['hookEventName', 'updatedInput']);
    const input = out.updatedInput as { command: string; description: string };
    expect(input.description).toEqual(expect.any(String));
    expect(input.command).toMatch(/ run --serial deploy -- sh -c 'cd deploy && helm upgrade api \.\/chart'$/);
  });

  it('the rewritten command runs under the lock, and exits with the command’s code', () => {
    const r = run('claude', 'helm upgrade api ./chart; exit 3');
    const command = (r.json as { hookSpecificOutput: { updatedInput: { command: string } } })
      .hookSpecificOutput.updatedInput.command;
    // a stand-in for helm that shows the lock held while it runs
    const bin = tempDir('fake helm');
    write(path.join(bin, 'helm'), `#!/bin/sh\n'${process.execPath}' '${GUARD_BIN()}' locks --json\n`);
    sh(bin, 'chmod +x helm');
    const done = sh(wt, command, { PATH: `${bin}${path.delimiter}${process.env.PATH}` });
    expect(done.code).toBe(3);
    const held = JSON.parse(done.stdout) as { locks: { name: string; holder: { worktree: string } }[] };
    expect(held.locks).toEqual([expect.objectContaining({ name: 'deploy' })]);
  });

  it('two patterns in one line take both locks, in name order', () => {
    const r = run('claude', 'alembic upgrade head && helm upgrade api .');
    const command = (r.json as { hookSpecificOutput: { updatedInput: { command: string } } })
      .hookSpecificOutput.updatedInput.command;
    expect(command).toMatch(/run --serial db -- .* run --serial deploy -- sh -c /);
  });

  it.each(['codex', 'cursor'] as Agent[])(
    '%s: denied with the exact command to run, which then passes',
    (agent) => {
      const reason = denial(agent, run(agent, 'helm upgrade api ./chart')) as string;
      expect(reason).toMatch(/shared resource \("deploy"\)/);
      const instead = reason.split('exactly as: ')[1] as string;
      expect(instead).toMatch(/ run --serial deploy -- sh -c 'helm upgrade api \.\/chart'$/);
      expect(run(agent, instead).json).toBeNull();
    },
  );

  it('commands that match no pattern pass untouched, also ones that share the first word', () => {
    expect(run('claude', 'helm list').json).toBeNull();
    expect(run('claude', 'ls -la').json).toBeNull();
    expect(run('codex', 'echo helm').json).toBeNull();
  });
});

describe('ports.session: leases in the session’s environment', () => {
  it('claude: NAME_PORT lines in $CLAUDE_ENV_FILE, the same on the next start, and in the context', () => {
    const fx = agentRepo('claude', ['feat/a']);
    const wt = fx.worktrees[0] as string;
    write(
      path.join(fx.primary, '.worktreeguardrc.json'),
      JSON.stringify({ ports: { session: ['web', 'api'] } }),
    );
    const envFile = path.join(tempDir('claude env'), 'env.sh');
    write(envFile, '');
    const start = (id: string) =>
      sessionContext(
        runHook(
          installedCommand(fx.primary, 'claude', 'SessionStart'),
          wt,
          sessionStartEvent('claude', wt, id),
          {
            CLAUDE_ENV_FILE: envFile,
          },
        ),
      );
    const text = start('s1');
    const lines = readFileSync(envFile, 'utf8').trim().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^export WEB_PORT=2\d{4}$/),
      expect.stringMatching(/^export API_PORT=2\d{4}$/),
    ]);
    const leased = JSON.parse(guard(wt, ['port', 'web', 'api', '--json']).stdout) as {
      ports: { port: number }[];
    };
    expect(lines).toEqual(leased.ports.map((p, i) => `export ${i ? 'API' : 'WEB'}_PORT=${p.port}`));
    expect(text).toContain(`WEB_PORT=${leased.ports[0]?.port}`);
    write(envFile, '');
    start('s2');
    expect(readFileSync(envFile, 'utf8').trim().split('\n')).toEqual(lines);
  });
});

function GUARD_BIN(): string {
  return path.resolve(__dirname, '../../packages/cli/bin/guard.js');
}
