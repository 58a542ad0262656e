#!/usr/bin/env node
/**
 * npm run bench, part two — guard run --serial: how long a lock takes to pass from one run to the next.
 *
 *   hand-over: the holder's command writes a timestamp as its last act, the waiting run's command as its
 *              first: the gap is guard noticing the end, releasing, the waiter waking and starting its command
 *   takeover:  the holder (guard and its command) is SIGKILLed; the gap to the waiter's command is how
 *              soon a dead holder is detected (pid + start time, looked at every 200 ms) and taken over
 *
 * Medians of BENCH_SERIAL_ROUNDS rounds (default 15). Nothing here asserts.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const GUARD = path.resolve(__dirname, '../packages/cli/bin/guard.js');
const ROUNDS = Number(process.env.BENCH_SERIAL_ROUNDS || 15);
const tmp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'guard-bench-serial-')));
const env = {
  ...process.env,
  HOME: tmp,
  GIT_CONFIG_GLOBAL: path.join(tmp, 'gitconfig'),
  GIT_CONFIG_NOSYSTEM: '1',
};
fs.writeFileSync(env.GIT_CONFIG_GLOBAL, '[user]\n\tname = Bench\n\temail = bench@example.com\n');
const git = (cwd, ...args) => execFileSync('git', args, { cwd, env, encoding: 'utf8' });

const primary = path.join(tmp, 'app');
const wt = path.join(tmp, 'app-wt');
git(tmp, 'init', '-q', '--initial-branch=main', primary);
git(primary, 'commit', '-q', '--allow-empty', '-m', 'initial');
git(primary, 'worktree', 'add', '-q', '-b', 'wt', wt);
const queue = path.join(primary, '.git/worktree-guard/locks/b/queue');

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function until(cond) {
  while (!cond()) await sleep(5);
}
function guard(cwd, args) {
  const child = spawn(process.execPath, [GUARD, ...args], { cwd, env, stdio: 'ignore', detached: true });
  return { child, done: new Promise((r) => child.on('exit', r)) };
}
const stamp = (file) => `date +%s%N > '${file}'`;
const read = (file) => BigInt(fs.readFileSync(file, 'utf8').trim());
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function round(kill) {
  const f = (n) => path.join(tmp, n);
  for (const n of ['ready', 'go', 't1', 't2']) fs.rmSync(f(n), { force: true });
  const hold = kill
    ? `touch '${f('ready')}'; sleep 60`
    : `touch '${f('ready')}'; while [ ! -f '${f('go')}' ]; do sleep 0.01; done; ${stamp(f('t1'))}`;
  const holder = guard(primary, ['run', '--serial', 'b', '--', 'sh', '-c', hold]);
  await until(() => fs.existsSync(f('ready')));
  const waiter = guard(wt, ['run', '--serial', 'b', '--', 'sh', '-c', stamp(f('t2'))]);
  await until(() => fs.existsSync(queue) && fs.readdirSync(queue).length === 2);
  await sleep(300); // the waiter settles into waiting
  let t1;
  if (kill) {
    t1 = BigInt(Date.now()) * 1_000_000n;
    process.kill(-holder.child.pid, 'SIGKILL');
  } else fs.writeFileSync(f('go'), '');
  await Promise.all([holder.done, waiter.done]);
  return Number(read(f('t2')) - (kill ? t1 : read(f('t1')))) / 1e6;
}

(async () => {
  const handover = [];
  const takeover = [];
  for (let r = 0; r < ROUNDS; r++) {
    handover.push(await round(false));
    takeover.push(await round(true));
  }
  const fmt = (xs) =>
    `median ${median(xs).toFixed(1)} ms (min ${Math.min(...xs).toFixed(1)}, max ${Math.max(...xs).toFixed(1)})`;
  process.stdout.write(
    `\nguard run --serial, ${ROUNDS} rounds each\n` +
      `  hand-over (holder's command ends → next command starts)   ${fmt(handover)}\n` +
      `  takeover after SIGKILL of the holder (kill → next command starts)   ${fmt(takeover)}\n`,
  );
  fs.rmSync(tmp, { recursive: true, force: true });
})();
