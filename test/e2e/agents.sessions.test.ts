/**
 * Sessions: at session start an agent is told where it is and which rules hold; it is registered in its
 * worktree; a second live session in that worktree is told about the first (a real process stands in
 * for the first agent, then ends); `guard list` and `guard doctor` see live sessions; with
 * `agents.sessions: block` the second session may not write there until it moves.
 */
import path from 'node:path';
import {
  agentRepo,
  denial,
  editEvent,
  installedCommand,
  runHook,
  sessionContext,
  sessionStartEvent,
  shellEvent,
  standInAgent,
  stop,
} from '../helpers/agents';
import { guard, write } from '../helpers/repo';

const listSessions = (cwd: string) =>
  (
    JSON.parse(guard(cwd, ['list', '--json']).stdout).worktrees as {
      path: string;
      sessions: { id: string }[];
    }[]
  ).map((w) => [w.path, w.sessions.map((s) => s.id)]);

describe('session start', () => {
  const fx = agentRepo('claude,codex', ['feat/a', 'feat/b']);
  const [wt, other] = fx.worktrees as [string, string];

  it.each([
    ['claude', 'feat/a'],
    ['codex', 'feat/b'],
  ] as const)('%s is told where it is and which rules hold', (agent, branch) => {
    const [here, there] = agent === 'claude' ? [wt, other] : [other, wt];
    const command = installedCommand(fx.primary, agent, 'SessionStart');
    const text = sessionContext(runHook(command, here, sessionStartEvent(agent, here, `${agent}-ctx`)));
    expect(text).toMatch(/this repository has 3 worktrees/);
    expect(text).toContain(`You are in ${here}, on branch ${branch}.`);
    expect(text).toMatch(/It started from origin\/main at [0-9a-f]{10} /);
    expect(text).toMatch(
      /origin\/main was last fetched (just now|.* ago); this branch is 0 ahead, 0 behind it/,
    );
    expect(text).toContain(`${fx.primary} (main)`);
    expect(text).toContain(`${there} (${agent === 'claude' ? 'feat/b' : 'feat/a, 1 agent session live'})`);
    expect(text).toMatch(/no `git stash`/);
    expect(text).toMatch(/guard new <branch>/);
    expect(text).toMatch(/git config --worktree user.email/);
    expect(text).toMatch(/--no-verify, -c core.hooksPath, WORKTREE_GUARD=0, HUSKY=0/);
    expect(text).not.toMatch(/WARNING/);
    expect(text.split('\n').length).toBeLessThanOrEqual(6);
  });

  it('outside a repository it says nothing', () => {
    const command = installedCommand(fx.primary, 'claude', 'SessionStart');
    const outside = path.dirname(fx.root);
    expect(runHook(command, outside, sessionStartEvent('claude', outside, 'x'))).toMatchObject({
      code: 0,
      stdout: '',
    });
  });
});

describe('guard remove and a live session', () => {
  it('refuses to remove the worktree a live agent session works in, until its process is gone', async () => {
    const fx = agentRepo('claude', ['feat/r']);
    const wt = fx.worktrees[0] as string;
    const start = installedCommand(fx.primary, 'claude', 'SessionStart');
    const agent = await standInAgent(start, wt, sessionStartEvent('claude', wt, 'busy-session'));
    try {
      const r = guard(fx.primary, ['remove', '--json', wt]);
      expect(r.code).toBe(1);
      const [item] = JSON.parse(r.stdout).worktrees;
      expect(item.reasons).toEqual([
        expect.objectContaining({
          id: 'agent-session',
          force: 'agent-session',
          data: { session: 'busy-session', pid: agent.child.pid },
        }),
      ]);
    } finally {
      await stop(agent.child);
    }
    expect(guard(fx.primary, ['remove', wt]).code).toBe(0);
  });
});

describe('a second live session in one worktree', () => {
  it('is told about the first, which stops counting once its process is gone', async () => {
    const fx = agentRepo('claude', ['feat/a']);
    const wt = fx.worktrees[0] as string;
    const start = installedCommand(fx.primary, 'claude', 'SessionStart');
    const first = await standInAgent(start, wt, sessionStartEvent('claude', wt, 'first-session'));
    try {
      expect(JSON.parse(first.stdout).hookSpecificOutput.additionalContext).not.toMatch(/WARNING/);
      const second = sessionContext(runHook(start, wt, sessionStartEvent('claude', wt, 'second-session')));
      expect(second).toMatch(
        new RegExp(
          `another agent session is already working in this worktree: claude session first-session \\(pid ${first.child.pid}\\), since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d UTC`,
        ),
      );
      expect(second).toMatch(/run `guard new <branch>` and work in the directory it prints/);
      expect(second).not.toMatch(/edits and git writes here are denied/);
      expect(listSessions(fx.primary)).toEqual([
        [fx.primary, []],
        [wt, ['first-session', 'second-session']],
      ]);
      const doctor = guard(fx.primary, ['doctor', '--json']);
      const found = JSON.parse(doctor.stdout).findings.filter(
        (f: { id: string }) => f.id === 'sessions-share-worktree',
      );
      expect(found).toEqual([
        expect.objectContaining({ severity: 'warning', worktree: wt, fix: 'guard new <branch>' }),
      ]);
      expect(found[0].message).toMatch(/2 live agent sessions work in this worktree/);
    } finally {
      await stop(first.child);
    }
    expect(listSessions(fx.primary)).toEqual([
      [fx.primary, []],
      [wt, ['second-session']],
    ]);
    const doctor = JSON.parse(guard(fx.primary, ['doctor', '--json']).stdout);
    expect(doctor.findings.map((f: { id: string }) => f.id)).not.toContain('sessions-share-worktree');
    const third = sessionContext(runHook(start, wt, sessionStartEvent('claude', wt, 'second-session')));
    expect(third).not.toMatch(/WARNING/); // the same session again (resume): not a second one
    const end = installedCommand(fx.primary, 'claude', 'SessionEnd');
    expect(
      runHook(end, wt, { session_id: 'second-session', cwd: wt, hook_event_name: 'SessionEnd' }).code,
    ).toBe(0);
    expect(listSessions(fx.primary)).toEqual([
      [fx.primary, []],
      [wt, []],
    ]);
    expect(guard(fx.primary, ['list']).stdout).not.toMatch(/AGENTS/);
  }, 180_000);

  it('with agents.sessions "block" may not edit files or write with git there until it moves', async () => {
    const fx = agentRepo('claude', ['feat/a', 'feat/b']);
    const [wt, other] = fx.worktrees as [string, string];
    write(path.join(fx.primary, '.worktreeguardrc.json'), '{ "agents": { "sessions": "block" } }\n');
    const start = installedCommand(fx.primary, 'claude', 'SessionStart');
    const bash = installedCommand(fx.primary, 'claude', 'PreToolUse', 'Bash');
    const edit = installedCommand(fx.primary, 'claude', 'PreToolUse', 'Edit|MultiEdit|Write|NotebookEdit');
    const as = (session: string, command: string, cwd = wt) =>
      denial('claude', runHook(bash, cwd, shellEvent('claude', command, cwd, session)));
    const editing = (session: string, file: string) =>
      denial('claude', runHook(edit, wt, editEvent(file, wt, session)));
    const first = await standInAgent(start, wt, sessionStartEvent('claude', wt, 'owner'));
    try {
      const second = sessionContext(runHook(start, wt, sessionStartEvent('claude', wt, 'late')));
      expect(second).toMatch(
        /Until then your file edits and git writes here are denied \(agents.sessions: block\)/,
      );
      expect(as('late', 'git commit -m x')).toMatch(
        /another agent session is working in this worktree .*: claude session owner .*agents.sessions: block/,
      );
      expect(as('late', 'git add -A')).toMatch(/guard new <branch>/);
      expect(editing('late', path.join(wt, 'README.md'))).toMatch(/denied this edit/);
      expect(editing('late', path.join(wt, 'new dir', 'new.txt'))).toMatch(/denied this edit/);
      expect(as('late', 'git status')).toBeNull();
      expect(as('late', 'git log -1')).toBeNull();
      // it moved: its own worktree (or any other) is fine
      expect(as('late', `cd '${other}' && git commit -m x`)).toBeNull();
      expect(editing('late', path.join(other, 'README.md'))).toBeNull();
      // the first session itself works on
      expect(as('owner', 'git commit -m x')).toBeNull();
      expect(editing('owner', path.join(wt, 'README.md'))).toBeNull();
      const doctor = guard(fx.primary, ['doctor', '--json']);
      expect(doctor.code).toBe(1);
      expect(JSON.parse(doctor.stdout).findings).toContainEqual(
        expect.objectContaining({ id: 'sessions-share-worktree', severity: 'error', worktree: wt }),
      );
    } finally {
      await stop(first.child);
    }
    expect(as('late', 'git commit -m x')).toBeNull();
    expect(editing('late', path.join(wt, 'README.md'))).toBeNull();
  }, 180_000);
});
