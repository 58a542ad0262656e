/**
 * guard's entries in agents' settings, as pure functions: merged after what each event already runs,
 * taken out leaving everything else, recognised by the script path they run; and the two process
 * readers behind "is this session's agent still running".
 */
import {
  agentHookCommand,
  formatLike,
  hasGuardHooks,
  parseProcStat,
  parsePsLine,
  processInfo,
  withGuardHooks,
  withoutGuardHooks,
} from '@worktree-guard/core';

const mine = { matcher: 'Bash', hooks: [{ type: 'command', command: 'echo mine' }] };

describe('guard entries in agent settings', () => {
  it.each(['claude', 'codex', 'cursor'] as const)(
    '%s: in and out again leaves the settings as they were',
    (agent) => {
      const user =
        agent === 'cursor'
          ? { version: 1, hooks: { beforeShellExecution: [{ command: './audit.sh' }] }, other: true }
          : {
              model: 'x',
              hooks: { PreToolUse: [mine], Stop: [{ hooks: [{ type: 'command', command: 'y' }] }] },
            };
      const merged = withGuardHooks(agent, user);
      expect(hasGuardHooks(user)).toBe(false);
      expect(hasGuardHooks(merged)).toBe(true);
      expect(withGuardHooks(agent, merged)).toEqual(merged); // installing twice is installing once
      expect(withoutGuardHooks(agent, merged)).toEqual(user);
    },
  );

  it('adds guard after what an event already runs, and marks every entry by the script it runs', () => {
    const merged = withGuardHooks('claude', { hooks: { PreToolUse: [mine] } }) as {
      hooks: Record<string, { matcher?: string; hooks: { command: string }[] }[]>;
    };
    expect(merged.hooks.PreToolUse?.[0]).toEqual(mine);
    expect(merged.hooks.PreToolUse?.slice(1).map((g) => g.matcher)).toEqual([
      'Bash',
      'Edit|MultiEdit|Write|NotebookEdit',
    ]);
    for (const groups of Object.values(merged.hooks))
      for (const g of groups)
        for (const h of g.hooks)
          if (h.command !== 'echo mine') expect(h.command).toContain('worktree-guard/agent-hook');
  });

  it('takes out a guard handler that shares a group with the user’s, keeping theirs', () => {
    const guardHandler = { type: 'command', command: agentHookCommand('codex', 'bash') };
    const shared = { hooks: { PreToolUse: [{ matcher: 'Bash', hooks: [mine.hooks[0], guardHandler] }] } };
    expect(withoutGuardHooks('codex', shared)).toEqual({ hooks: { PreToolUse: [mine] } });
  });

  it('leaves settings without guard entries exactly as they are (empty lists and objects too)', () => {
    const odd = { hooks: { PreToolUse: [], Stop: [{ hooks: [] }] }, x: {} };
    expect(withoutGuardHooks('claude', odd)).toEqual(odd);
    expect(withoutGuardHooks('claude', { hooks: {} })).toEqual({ hooks: {} });
  });

  it.each([
    ['{\n  "a": 1\n}\n', '{\n  "a": 1\n}\n'],
    ['{\n\t"a": 1\n}', '{\n\t"a": 1\n}'],
    ['{\n    "a": 1\n}\n', '{\n    "a": 1\n}\n'],
    ['{"a":1}', '{"a":1}'],
    [null, '{\n  "a": 1\n}\n'],
  ])('keeps the file’s style: %j', (original, expected) => {
    expect(formatLike({ a: 1 }, original)).toBe(expected);
  });
});

describe('process readers', () => {
  it.each([
    [
      '1234 (claude) S 1000 1234 1000 0 -1 4194560 0 0 0 0 1 2 0 0 20 0 10 0 98765 0',
      1000,
      'claude',
      '98765',
    ],
    ['77 (my (odd) name) R 5 77 5 0 -1 0 0 0 0 0 0 0 0 0 20 0 1 0 42 0', 5, 'my (odd) name', '42'],
  ])('/proc/<pid>/stat %#', (text, ppid, name, startTicks) => {
    expect(parseProcStat(text)).toEqual({ ppid, name, startTicks });
  });

  it('ps -o ppid=,stat=,lstart=,comm=; a zombie is no process', () => {
    expect(parsePsLine('  812 Ss   Wed Nov 26 04:01:02 2025 /usr/local/bin/codex\n')).toEqual({
      ppid: 812,
      start: 'Wed Nov 26 04:01:02 2025',
      name: 'codex',
    });
    expect(parsePsLine('  812 Z+   Wed Nov 26 04:01:02 2025 codex\n')).toBeNull();
  });

  it('this process: its parent, and the same start time each time it is read', () => {
    const me = processInfo(process.pid);
    expect(me).toMatchObject({ pid: process.pid, ppid: process.ppid });
    expect(processInfo(process.pid)?.start).toBe(me?.start);
    expect(processInfo(2 ** 22 + 7)).toBeNull();
  });
});
