/**
 * What guard costs where worktrees are made and inspected: a plain `git worktree add` (with guard's
 * post-checkout bootstrap, and without), `guard new` against a hand-written sh script doing the same steps,
 * and doctor and list at 1, 10, 50 and 200 worktrees, with the git processes each starts.
 */
const fs = require('node:fs');
const path = require('node:path');
const { GUARD, tmp, git, guard, interleave, gitProcesses, run } = require('./lib');

/** A clone of a bare origin with an ignored .env: what worktrees are made from. */
function cloneRepo(name, armed) {
  const origin = path.join(tmp, `${name}-origin.git`);
  const primary = path.join(tmp, name);
  git(tmp, 'init', '-q', '--bare', origin);
  git(tmp, 'clone', '-q', origin, primary);
  fs.writeFileSync(path.join(primary, '.gitignore'), '.env\n');
  git(primary, 'add', '.');
  git(primary, 'commit', '-qm', 'initial');
  git(primary, 'push', '-q', 'origin', 'HEAD:main');
  fs.writeFileSync(path.join(primary, '.env'), 'SECRET=1\n');
  if (armed) {
    guard(primary, 'install');
    guard(primary, 'bootstrap');
  }
  return primary;
}

/** The steps of `guard new`, by hand: fetch, worktree add from origin/main, link .env, pin the identity. */
const SH_NEW = `set -e
git fetch -q origin
git -c core.hooksPath=/dev/null worktree add -q --no-track -b "$1" "$2" origin/main
ln -s "$PWD/.env" "$2/.env"
git config extensions.worktreeConfig true
git -C "$2" config --worktree user.name "$(git config user.name)"
git -C "$2" config --worktree user.email "$(git config user.email)"
`;

function worktreeCases(rounds) {
  const armed = cloneRepo('add-guard', true);
  const plain = cloneRepo('add-plain', false);
  const newRepo = cloneRepo('new-guard', true);
  const shRepo = cloneRepo('new-sh', false);
  fs.writeFileSync(path.join(tmp, 'new.sh'), SH_NEW);
  let n = 0;
  const adder = (primary) => {
    let dir = null;
    return {
      prepare: () => {
        if (dir) git(primary, 'worktree', 'remove', dir); // the bench's own throwaway worktree
        dir = path.join(tmp, `${path.basename(primary)}-${++n}`);
      },
      run: () => git(primary, 'worktree', 'add', '-q', '-b', `b${n}`, dir),
    };
  };
  const add = interleave({ guard: adder(armed), plain: adder(plain) }, rounds);
  const made = { guard: newRepo, sh: shRepo };
  const maker = (kind) => {
    let branch = null;
    return {
      prepare: () => {
        branch = `n${++n}`;
      },
      run: () =>
        kind === 'guard'
          ? run(made.guard, process.execPath, [GUARD, 'new', branch])
          : run(made.sh, 'sh', [path.join(tmp, 'new.sh'), branch, path.join(tmp, `new-sh-${branch}`)]),
    };
  };
  const create = interleave(
    { guard: maker('guard'), sh: maker('sh'), nodeBare: () => run(tmp, process.execPath, ['-e', '']) },
    rounds,
  );
  const addProcesses = (() => {
    const dir = path.join(tmp, 'add-guard-counted');
    return gitProcesses(armed, 'git', ['worktree', 'add', '-q', '-b', 'counted', dir]) - 1; // less the add itself
  })();
  return { add, create, addProcesses };
}

const SIZES = [1, 10, 50, 200];

function sizedCases(rounds) {
  const sized = {};
  for (const size of SIZES) {
    const primary = cloneRepo(`sized-${size}`, true);
    for (let i = 1; i < size; i++)
      git(primary, 'worktree', 'add', '-q', '-b', `wt${i}`, path.join(tmp, `sized-${size}-wt${i}`));
    git(primary, 'fetch', '-q', 'origin');
    sized[size] = primary;
  }
  const cases = {};
  for (const cmd of ['doctor', 'list'])
    for (const size of SIZES)
      cases[`${cmd} ${size}`] = () => run(sized[size], process.execPath, [GUARD, cmd, '--json']);
  const times = interleave(cases, rounds);
  const processes = Object.fromEntries(
    Object.keys(cases).map((k) => {
      const [cmd, size] = k.split(' ');
      return [k, gitProcesses(sized[size], process.execPath, [GUARD, cmd, '--json'])];
    }),
  );
  return { times, processes };
}

module.exports = { worktreeCases, sizedCases, SIZES };
