/**
 * Coding agents: what guard's PreToolUse hook adds to each shell command an agent runs — the command
 * `guard install --agents claude` wrote, run as Claude Code runs it (sh -c, the event as JSON on stdin) —
 * against a hook that only reads its input.
 */
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const { env, guard, repo, interleave } = require('./lib');

function agentCases(rounds) {
  const { primary, wt } = repo('agents', (p) => guard(p, 'install'));
  guard(primary, 'install', '--agents', 'claude');
  const settings = JSON.parse(fs.readFileSync(path.join(primary, '.claude/settings.local.json'), 'utf8'));
  const command = settings.hooks.PreToolUse.find((g) => g.matcher === 'Bash').hooks[0].command;
  const call =
    (shellCommand, hook = command) =>
    () => {
      const input = JSON.stringify({
        session_id: 'bench',
        cwd: wt,
        hook_event_name: 'PreToolUse',
        tool_name: 'Bash',
        tool_input: { command: shellCommand, description: 'bench' },
      });
      const r = spawnSync('sh', ['-c', hook], { cwd: wt, env, input, encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`agent hook failed: ${r.stderr}`);
    };
  return interleave(
    {
      floor: call('ls -la', 'cat >/dev/null'),
      'ls -la': call('ls -la'),
      'git status': call('git status'),
      'git add -A && git commit': call('git add -A && git commit -m "fix: x"'),
      'git stash (denied)': call('git stash'),
    },
    rounds,
  );
}

module.exports = { agentCases };
