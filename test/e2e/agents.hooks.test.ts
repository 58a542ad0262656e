/**
 * Before a shell command runs: guard's hook, installed by `guard install --agents` and run as each agent
 * runs it (sh -c, cwd = the session's worktree, the agent's documented JSON on stdin), denies git stash
 * and the ways around the hooks with the agent's documented "deny", and says nothing otherwise.
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { type Agent, agentRepo, denial, installedCommand, runHook, shellEvent } from '../helpers/agents';
import { cliCopy } from '../helpers/hooks';
import { git, makeRepo, write } from '../helpers/repo';

const EVENT: Record<Agent, [string, string?]> = {
  claude: ['PreToolUse', 'Bash'],
  codex: ['PreToolUse', 'Bash'],
  cursor: ['beforeShellExecution'],
};

describe('the shell hook of each agent', () => {
  const fx = agentRepo('claude,codex,cursor', ['feat/a', 'feat/b']);
  const [wt, other] = fx.worktrees as [string, string];
  const run = (agent: Agent, command: string, cwd = wt) =>
    denial(
      agent,
      runHook(installedCommand(fx.primary, agent, ...EVENT[agent]), cwd, shellEvent(agent, command, cwd)),
    );

  // what is denied, and what the reason must say (the rule and the exact alternative)
  const denied: [string, RegExp[]][] = [
    [
      'git stash',
      [/`git stash` is off while this repository has 3 worktrees/, /git commit -m "wip/, /guard park/],
    ],
    ['git stash push -u -m wip', [/`git stash` is off/]],
    ['git stash pop', [/`git stash pop` is off/, /guard rescue/]],
    ['git stash drop stash@{0}', [/`git stash drop` is off/]],
    ['npm test && git stash', [/`git stash` is off/]],
    ['cd .. && cd app && git stash', [/`git stash` is off/]],
    ['git -C ../app -c color.ui=never stash', [/`git stash` is off/]],
    ['git --no-pager stash save wip', [/`git stash` is off/]],
    ['echo "$(git stash)"', [/`git stash` is off/]],
    ["bash -c 'git stash'", [/`git stash` is off/]],
    [
      'git -c worktreeguard.stash=allow stash',
      [/`-c worktreeguard.stash=allow` switches off the stash rule/],
    ],
    ['git config worktreeguard.stash allow', [/switches off the stash rule/]],
    ['WORKTREE_GUARD=0 git commit -m x', [/`WORKTREE_GUARD=0` switches off this repository's git hooks/]],
    ['HUSKY=0 git commit -m x', [/`HUSKY=0` switches off/]],
    ['export WORKTREE_GUARD=0; git commit -m x', [/`WORKTREE_GUARD=0`/]],
    ['git -c core.hooksPath=/dev/null commit -m x', [/points git at another hooks directory/]],
    ['git config core.hooksPath /tmp/nothing', [/points git at another hooks directory/]],
    ['git commit --no-verify -m x', [/skips the pre-commit check/, /Commit without --no-verify/]],
    ['git add -A && git commit -nm wip', [/`git commit -nm` skips the pre-commit check/]],
    [
      'git config user.email me@example.com',
      [/without --worktree writes the shared .git\/config/, /git config --worktree user.email/],
    ],
    ['git config --global user.name Me', [/writes your global git configuration/]],
    ['git switch feat/b', [/branch `feat\/b` is checked out in another worktree/, /guard new <new-branch>/]],
    ['git checkout main', [/branch `main` is checked out in another worktree/]],
    ['git worktree add -f ../elsewhere feat/b', [/branch `feat\/b` is checked out/]],
  ];

  it.each(denied)('claude: %j is denied, with the rule, why, and what to run instead', (command, says) => {
    const reason = run('claude', command);
    expect(reason).not.toBeNull();
    for (const re of says) expect(reason).toMatch(re);
    expect(reason).not.toMatch(/worktreeguard\.stash=allow stash|WORKTREE_GUARD=0 git/); // no way around offered
  });

  it.each(['codex', 'cursor'] as Agent[])('%s: the same denials, in its own format', (agent) => {
    for (const [command, says] of denied.filter((_, i) => i % 4 === 0)) {
      const reason = run(agent, command);
      for (const re of says) expect(reason).toMatch(re);
    }
  });

  const allowed = [
    'ls -la',
    'npm test 2>&1 | tail -20',
    'git status',
    'git log --oneline -5',
    'git diff HEAD~1',
    'git add -A && git commit -m "feat: x" -m "body mentioning git stash and --no-verify"',
    'git stash list',
    'git stash show -p',
    'git config user.email',
    'git config --worktree user.email me@example.com',
    'git switch -c feat/c',
    'git checkout -- README.md',
    'echo git stash',
    'cd /tmp && git -C /tmp/no-such-repo stash',
    'HUSKY=0 npm ci',
    'git -c user.name=Ada log -1',
  ];

  it.each(allowed)('claude: %j goes through untouched (no output, exit 0)', (command) => {
    expect(run('claude', command)).toBeNull();
  });

  it.each(['codex', 'cursor'] as Agent[])('%s: allowed commands get no answer', (agent) => {
    for (const command of allowed.slice(0, 6)) expect(run(agent, command)).toBeNull();
  });

  it('runs in the directory the command names: a stash in a repository with one worktree goes through', () => {
    const single = makeRepo({ name: 'single' });
    expect(run('claude', `cd '${single.primary}' && git stash`)).toBeNull();
    expect(run('claude', `cd '${other}' && git stash`)).toMatch(/`git stash` is off/);
  });

  it('a line the shell grammar cannot parse goes through (git’s own hooks still refuse the stash)', () => {
    expect(run('claude', 'git stash; echo "unterminated')).toBeNull();
  });

  it('follows the configuration: stash "allow" lets the stash through, the bypasses stay denied', () => {
    write(path.join(fx.primary, '.worktreeguardrc.json'), '{ "stash": "allow" }\n');
    try {
      expect(run('claude', 'git stash')).toBeNull();
      expect(run('claude', 'git commit --no-verify -m x')).toMatch(/skips the pre-commit check/);
    } finally {
      rmSync(path.join(fx.primary, '.worktreeguardrc.json'));
    }
  });

  it('does nothing where the script is not installed (another clone with the same tracked settings)', () => {
    const bare = makeRepo({ name: 'no guard' });
    const command = installedCommand(fx.primary, 'claude', 'PreToolUse', 'Bash');
    const r = runHook(command, bare.primary, shellEvent('claude', 'git stash', bare.primary));
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
  });
});

describe('speed and failure', () => {
  it('decides in sh: with guard’s CLI broken, other commands still pass silently; a git stash says guard failed and goes through', () => {
    const fx = makeRepo({ name: 'broken cli' });
    // installed from a copy of the CLI (the script records it), which then breaks
    const cli = cliCopy();
    const install = spawnSync(process.execPath, [cli.bin, 'install', '--agents', 'claude'], {
      cwd: fx.primary,
      encoding: 'utf8',
      env: process.env,
    });
    expect(install.status).toBe(0);
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'second', path.join(fx.root, 'second'));
    rmSync(path.join(cli.dir, 'dist', 'agent.js'));
    const command = installedCommand(fx.primary, 'claude', 'PreToolUse', 'Bash');
    for (const line of ['ls -la', 'git status', 'git log', 'npm test'])
      expect(runHook(command, fx.primary, shellEvent('claude', line, fx.primary))).toMatchObject({
        code: 0,
        stdout: '',
        stderr: '',
      });
    const r = runHook(command, fx.primary, shellEvent('claude', 'git stash', fx.primary));
    expect(r.code).toBe(1); // Claude Code: a non-blocking error (2 would deny)
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/worktree-guard: the agent hook failed, the command was let through/);
  });

  it('WORKTREE_GUARD=0 in the agent’s own environment turns the hook off', () => {
    const fx = agentRepo('claude', ['feat/x']);
    const command = installedCommand(fx.primary, 'claude', 'PreToolUse', 'Bash');
    const r = runHook(command, fx.primary, shellEvent('claude', 'git stash', fx.primary), {
      WORKTREE_GUARD: '0',
    });
    expect(r).toMatchObject({ code: 0, stdout: '' });
  });
});
