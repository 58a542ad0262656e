#!/usr/bin/env node
/**
 * npm run bench — the hooks' cost, measured against the floor each target names. The cases run
 * interleaved (round-robin, the order rotating each round) so that machine noise hits them alike;
 * we report medians and ratios. Nothing here asserts: timing assertions belong nowhere near `npm test`.
 *
 *   update-ref ×200: guard installed   vs  a bare sh reference-transaction hook that only reads stdin
 *   git commit:      guard, warm path  vs  lefthook running a one-command pre-commit
 *   guard doctor / guard list at 1, 10 and 50 worktrees: wall time, and git processes (counted in a
 *   separate run through a `git` wrapper on PATH, so the timed runs pay nothing for counting)
 *   agent hook:      guard's PreToolUse hook per shell command vs a hook that only reads stdin
 */

const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const GUARD = path.join(ROOT, 'packages/cli/bin/guard.js');
const LEFTHOOK = path.join(ROOT, 'node_modules/lefthook-linux-x64/bin/lefthook');
const ROUNDS = Number(process.env.BENCH_ROUNDS || 15);
/** update-ref batches take seconds each: fewer rounds. */
const REF_ROUNDS = Number(process.env.BENCH_REF_ROUNDS || 7);
const REFS = 200;

const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'guard-bench-')));
const env = {
  ...process.env,
  HOME: tmp,
  GIT_CONFIG_GLOBAL: path.join(tmp, 'gitconfig'),
  GIT_CONFIG_NOSYSTEM: '1',
  CLAUDE_CONFIG_DIR: path.join(tmp, 'claude'),
};
for (const k of Object.keys(env)) if (/^GIT_(DIR|WORK_TREE|INDEX_FILE|COMMON_DIR)$/.test(k)) delete env[k];
fs.writeFileSync(
  env.GIT_CONFIG_GLOBAL,
  '[user]\n\tname = Bench\n\temail = bench@example.com\n[commit]\n\tgpgsign = false\n',
);

function run(cwd, file, args) {
  const r = spawnSync(file, args, { cwd, env, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${file} ${args.join(' ')} (in ${cwd}) failed: ${r.stderr}`);
  return r.stdout;
}
const git = (cwd, ...args) => run(cwd, 'git', args);

/** A primary with one commit and a linked worktree (so every rule is live); returns the linked one. */
function repo(name, arm) {
  const primary = path.join(tmp, name);
  git(tmp, 'init', '-q', '--initial-branch=main', primary);
  fs.writeFileSync(path.join(primary, '.gitignore'), '.env\n');
  git(primary, 'add', '.');
  git(primary, 'commit', '-qm', 'initial');
  arm(primary);
  const wt = path.join(tmp, `${name}-wt`);
  git(primary, 'worktree', 'add', '-q', '-b', `${name}-wt`, wt);
  return { primary, wt };
}

const setups = {
  guard: repo('guard', (p) => run(p, process.execPath, [GUARD, 'install'])),
  floor: repo('floor', (p) => {
    const hook = path.join(p, '.git/hooks/reference-transaction');
    fs.writeFileSync(hook, '#!/bin/sh\ncat >/dev/null\n', { mode: 0o755 });
  }),
  none: repo('none', () => {}),
};
const haveLefthook = fs.existsSync(LEFTHOOK);
if (haveLefthook) {
  setups.lefthook = repo('lefthook', (p) => {
    fs.writeFileSync(path.join(p, 'lefthook.yml'), 'pre-commit:\n  commands:\n    one:\n      run: "true"\n');
    run(p, LEFTHOOK, ['install']);
  });
}
run(setups.guard.primary, process.execPath, [GUARD, 'bootstrap']);

function time(fn) {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Interleaves the named cases for ROUNDS rounds; returns the median per case. */
function interleave(cases, rounds = ROUNDS) {
  const names = Object.keys(cases);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) cases[n](); // warm-up (guard writes its pre-commit stamp here)
  for (let r = 0; r < rounds; r++) {
    const order = names.map((_, i) => names[(i + r) % names.length]);
    for (const n of order) samples[n].push(time(cases[n]));
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

const updateRefs = (wt) => () => {
  for (let i = 0; i < REFS; i++) git(wt, 'update-ref', `refs/bench/r${i}`, 'HEAD');
};
const commit = (wt) => () => git(wt, 'commit', '-q', '--allow-empty', '-m', 'bench');

const refs = interleave(
  {
    guard: updateRefs(setups.guard.wt),
    floor: updateRefs(setups.floor.wt),
    none: updateRefs(setups.none.wt),
  },
  REF_ROUNDS,
);
const commitCases = { guard: commit(setups.guard.wt), none: commit(setups.none.wt) };
if (haveLefthook) commitCases.lefthook = commit(setups.lefthook.wt);
const commits = interleave(commitCases);
const stamp = path.join(setups.guard.primary, '.git/worktrees/guard-wt/worktree-guard/pre-commit.ok');
const cold = interleave({
  guardCold: () => {
    fs.rmSync(stamp, { force: true });
    commit(setups.guard.wt)();
  },
});

// doctor and list: a clone of a bare origin, guard installed, worktrees added with plain git (the hook
// bootstraps each), at three sizes, timed interleaved
const SIZES = [1, 10, 50];
function sizedRepo(n) {
  const origin = path.join(tmp, `origin-${n}.git`);
  const primary = path.join(tmp, `sized-${n}`);
  git(tmp, 'init', '-q', '--bare', '--initial-branch=main', origin);
  git(tmp, 'clone', '-q', origin, primary);
  fs.writeFileSync(path.join(primary, '.gitignore'), '.env\n.venv\n');
  git(primary, 'add', '.');
  git(primary, 'commit', '-qm', 'initial');
  git(primary, 'push', '-q', 'origin', 'HEAD:main');
  fs.writeFileSync(path.join(primary, '.env'), 'SECRET=1\n');
  run(primary, process.execPath, [GUARD, 'install']);
  run(primary, process.execPath, [GUARD, 'bootstrap']);
  for (let i = 1; i < n; i++)
    git(primary, 'worktree', 'add', '-q', '-b', `wt${i}`, path.join(tmp, `sized-${n}-wt${i}`));
  git(primary, 'fetch', '-q', 'origin');
  return primary;
}
const sized = Object.fromEntries(SIZES.map((n) => [n, sizedRepo(n)]));
const guardIn = (cwd, args, extraEnv = {}) => {
  const r = spawnSync(process.execPath, [GUARD, ...args], {
    cwd,
    env: { ...env, ...extraEnv },
    encoding: 'utf8',
  });
  if (r.status !== 0)
    throw new Error(`guard ${args.join(' ')} in ${cwd} exited ${r.status}: ${r.stderr}${r.stdout}`);
};
const sizedCases = {};
for (const cmd of ['doctor', 'list'])
  for (const n of SIZES) sizedCases[`${cmd} ${n}`] = () => guardIn(sized[n], [cmd, '--json']);
const sizedTimes = interleave(sizedCases, Number(process.env.BENCH_SIZED_ROUNDS || 7));

const wrapperDir = path.join(tmp, 'count-bin');
const countFile = path.join(tmp, 'git-count');
const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
fs.mkdirSync(wrapperDir);
fs.writeFileSync(
  path.join(wrapperDir, 'git'),
  `#!/bin/sh\necho >> '${countFile}'\nexec '${realGit}' "$@"\n`,
  { mode: 0o755 },
);
function gitProcesses(cwd, args) {
  fs.writeFileSync(countFile, '');
  guardIn(cwd, args, { PATH: `${wrapperDir}${path.delimiter}${env.PATH}` });
  return fs.readFileSync(countFile, 'utf8').length;
}
const sizedCounts = Object.fromEntries(
  Object.keys(sizedCases).map((k) => [k, gitProcesses(sized[k.split(' ')[1]], [k.split(' ')[0], '--json'])]),
);

// coding agents: what guard's PreToolUse hook adds to each shell command an agent runs — the command
// guard installed, run as Claude Code runs it (sh -c, the event as JSON on stdin) — against a hook that
// only reads its input
run(setups.guard.primary, process.execPath, [GUARD, 'install', '--agents', 'claude']);
const agentSettings = JSON.parse(
  fs.readFileSync(path.join(setups.guard.primary, '.claude/settings.local.json')),
);
const agentCommand = agentSettings.hooks.PreToolUse.find((g) => g.matcher === 'Bash').hooks[0].command;
const agentCall =
  (command, hook = agentCommand) =>
  () => {
    const input = JSON.stringify({
      session_id: 'bench',
      cwd: setups.guard.wt,
      hook_event_name: 'PreToolUse',
      tool_name: 'Bash',
      tool_input: { command, description: 'bench' },
    });
    const r = spawnSync('sh', ['-c', hook], { cwd: setups.guard.wt, env, input, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`agent hook failed: ${r.stderr}`);
  };
const AGENT_CASES = {
  floor: agentCall('ls -la', 'cat >/dev/null'),
  'ls -la': agentCall('ls -la'),
  'git status': agentCall('git status'),
  'git commit -m x': agentCall('git add -A && git commit -m "fix: x"'),
  'git stash (denied)': agentCall('git stash'),
};
const agentTimes = interleave(AGENT_CASES);

const ms = (x) => `${x.toFixed(1)} ms`.padStart(10);
const ratio = (a, b, target) => `ratio ${(a / b).toFixed(2)} (target ≤ ${target.toFixed(2)})`;
const lines = [
  `worktree-guard bench — ${git(tmp, 'version').trim()}, node ${process.version}, ${os.cpus().length} cores; medians of ${REF_ROUNDS} (update-ref) and ${ROUNDS} (commit) interleaved rounds`,
  '',
  `update-ref ×${REFS}   guard ${ms(refs.guard)}   floor: sh hook reading stdin ${ms(refs.floor)}   ${ratio(refs.guard, refs.floor, 1.2)}`,
  `                  (no hook at all: ${refs.none.toFixed(1)} ms)`,
  haveLefthook
    ? `git commit        guard ${ms(commits.guard)}   lefthook, one-command pre-commit ${ms(commits.lefthook)}   ${ratio(commits.guard, commits.lefthook, 1.5)}`
    : `git commit        guard ${ms(commits.guard)}   (lefthook-linux-x64 not installed on this platform: no ratio)`,
  `                  (no hook at all: ${commits.none.toFixed(1)} ms; guard cold path, rules checked in Node: ${cold.guardCold.toFixed(1)} ms)`,
  '',
  ...['doctor', 'list'].map((cmd) => {
    const cells = SIZES.map(
      (n) => `${n} wt ${ms(sizedTimes[`${cmd} ${n}`])} ${String(sizedCounts[`${cmd} ${n}`]).padStart(4)} git`,
    );
    const per = (sizedCounts[`${cmd} 50`] - sizedCounts[`${cmd} 10`]) / 40;
    return `guard ${cmd.padEnd(7)} ${cells.join('   ')}   (${per.toFixed(2)} git per worktree; target ≤ 3, 50 worktrees < 2 s)`;
  }),
  '',
  `agent hook, per shell command (Claude Code's PreToolUse, run as it runs it; floor: a hook that only reads stdin ${agentTimes.floor.toFixed(1)} ms)`,
  ...Object.keys(AGENT_CASES)
    .filter((k) => k !== 'floor')
    .map(
      (k) =>
        `  ${k.padEnd(20)} ${ms(agentTimes[k])}   added ${ms(agentTimes[k] - agentTimes.floor)}   (target: well under 100 ms)`,
    ),
];
process.stdout.write(`${lines.join('\n')}\n`);
if (process.argv.includes('--json')) {
  fs.writeFileSync(
    path.join(ROOT, 'bench', 'last.json'),
    JSON.stringify({ rounds: ROUNDS, refs, commits, cold, sizedTimes, sizedCounts, agentTimes }, null, 2),
  );
}
fs.rmSync(tmp, { recursive: true, force: true });
