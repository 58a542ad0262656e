/**
 * The bench's toolbox: an isolated environment (its own HOME, global git config and Claude dir), git and
 * guard runners, repositories, and the interleaved timer. Nothing here asserts: timings are reported.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const GUARD = path.join(ROOT, 'packages/cli/bin/guard.js');
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
  '[user]\n\tname = Bench\n\temail = bench@example.com\n[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n',
);
fs.mkdirSync(env.CLAUDE_CONFIG_DIR);

function run(cwd, file, args, opts = {}) {
  const r = spawnSync(file, args, {
    cwd,
    env: { ...env, ...opts.env },
    encoding: 'utf8',
    input: opts.input,
    maxBuffer: 1 << 28,
  });
  if (r.status !== 0 && !opts.ok)
    throw new Error(`${file} ${args.join(' ')} (in ${cwd}) failed: ${r.stderr}`);
  return r.stdout;
}
const git = (cwd, ...args) => run(cwd, 'git', args);
/** git with no hook at all (an empty hooks directory): for the untimed set-up of a case. */
const NO_HOOKS = path.join(tmp, 'no-hooks');
fs.mkdirSync(NO_HOOKS);
const quietGit = (cwd, args, input) =>
  run(cwd, 'git', ['-c', `core.hooksPath=${NO_HOOKS}`, ...args], { input });
const guard = (cwd, ...args) => run(cwd, process.execPath, [GUARD, ...args]);

/** A hook file. */
function hook(dir, name, body) {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, name), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
}

/** A repository with one commit (and an ignored .env), armed by `arm(primary)`, and a linked worktree. */
function repo(name, arm = () => {}) {
  const primary = path.join(tmp, name);
  git(tmp, 'init', '-q', primary);
  fs.writeFileSync(path.join(primary, '.gitignore'), '.env\nnode_modules\n');
  git(primary, 'add', '.');
  git(primary, 'commit', '-qm', 'initial');
  arm(primary);
  const wt = path.join(tmp, `${name}-wt`);
  git(primary, 'worktree', 'add', '-q', '-b', `${name}-wt`, wt);
  return { primary, wt };
}

const now = () => Number(process.hrtime.bigint()) / 1e6;
function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/**
 * Runs the named cases round-robin — the order rotating each round, so that machine noise hits them alike —
 * after one warm-up each. A case is a function, or `{ prepare, run }` where only `run` is timed.
 */
function interleave(cases, rounds) {
  const names = Object.keys(cases);
  const step = (c) => (typeof c === 'function' ? { prepare: () => {}, run: c } : c);
  const samples = Object.fromEntries(names.map((n) => [n, []]));
  for (const n of names) {
    step(cases[n]).prepare();
    step(cases[n]).run();
  }
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < names.length; i++) {
      const n = names[(i + r) % names.length];
      const { prepare, run: go } = step(cases[n]);
      prepare();
      const t0 = now();
      go();
      samples[n].push(now() - t0);
    }
  }
  return Object.fromEntries(names.map((n) => [n, median(samples[n])]));
}

/** git processes a command starts, counted through a `git` wrapper first on PATH (a separate, untimed run). */
function gitProcesses(cwd, file, args) {
  const dir = path.join(tmp, 'count-bin');
  const count = path.join(tmp, 'git-count');
  if (!fs.existsSync(dir)) {
    const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'git'), `#!/bin/sh\necho >> '${count}'\nexec '${real}' "$@"\n`, {
      mode: 0o755,
    });
  }
  fs.writeFileSync(count, '');
  run(cwd, file, args, { env: { PATH: `${dir}${path.delimiter}${env.PATH}` } });
  return fs.readFileSync(count, 'utf8').length;
}

module.exports = { ROOT, GUARD, tmp, env, run, git, quietGit, guard, hook, repo, interleave, gitProcesses };
