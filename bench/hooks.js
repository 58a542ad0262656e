/**
 * What the hooks cost git: ref updates (one at a time, 20,000 in one transaction, pack-refs, fetch --prune)
 * and commits, each against floors measured in the same run — a hook that starts nothing (`exit 0`), one
 * that reads its input with the `read` builtin, one that reads it with `cat` — and against husky and
 * lefthook for commits.
 */
const fs = require('node:fs');
const path = require('node:path');
const { ROOT, env, git, quietGit, guard, hook, repo, interleave, run } = require('./lib');

const LEFTHOOK = path.join(ROOT, 'node_modules/lefthook-linux-x64/bin/lefthook');
const HUSKY = path.join(ROOT, 'node_modules/husky/bin.js');

const FLOORS = {
  exit: 'exit 0',
  read: 'while IFS= read -r line; do :; done',
  cat: 'cat >/dev/null',
};

/**
 * pack-refs and a non-atomic fetch (before git 2.51) run the hook once per ref here, with any hook: thousands of
 * sh starts per case, minutes a round on 2 cores. BENCH_PACK_REFS / BENCH_PRUNE_BRANCHES scale them down.
 */
const PACK_REFS = Number(process.env.BENCH_PACK_REFS || 5000);
const PRUNE_BRANCHES = Number(process.env.BENCH_PRUNE_BRANCHES || 2000);

function refRepos(prefix) {
  const repos = { guard: repo(`${prefix}-guard`, (p) => guard(p, 'install')), none: repo(`${prefix}-none`) };
  for (const [name, body] of Object.entries(FLOORS))
    repos[name] = repo(`${prefix}-${name}`, (p) =>
      hook(path.join(p, '.git/hooks'), 'reference-transaction', body),
    );
  return repos;
}

const refList = (n, prefix) => Array.from({ length: n }, (_, i) => `refs/bench/${prefix}${i}`);

function refCases(repos, rounds) {
  const one = {};
  for (const [name, r] of Object.entries(repos))
    one[name] = () => {
      for (let i = 0; i < 200; i++) git(r.wt, 'update-ref', `refs/bench/one${i}`, 'HEAD');
    };
  const big = {};
  const bigRemove = `${refList(20_000, 'big')
    .map((ref) => `delete ${ref}`)
    .join('\n')}\n`;
  for (const [name, r] of Object.entries(repos)) {
    const head = git(r.wt, 'rev-parse', 'HEAD').trim();
    const create = `${refList(20_000, 'big')
      .map((ref) => `create ${ref} ${head}`)
      .join('\n')}\n`;
    big[name] = {
      prepare: () => quietGit(r.wt, ['update-ref', '--stdin'], bigRemove),
      run: () => run(r.wt, 'git', ['update-ref', '--stdin'], { input: create }),
    };
  }
  const pack = {};
  for (const [name, r] of Object.entries(repos)) {
    const head = git(r.wt, 'rev-parse', 'HEAD').trim();
    const refs = refList(PACK_REFS, 'pk');
    const loose = `${refs.map((ref) => `create ${ref} ${head}`).join('\n')}\n`;
    const gone = `${refs.map((ref) => `delete ${ref}`).join('\n')}\n`;
    pack[name] = {
      // the loose refs again, without hooks (only pack-refs is timed): deleted first, since an update to
      // the value a ref already has in packed-refs writes no loose file
      prepare: () => {
        quietGit(r.wt, ['update-ref', '--stdin'], gone);
        quietGit(r.wt, ['update-ref', '--stdin'], loose);
      },
      run: () => git(r.primary, 'pack-refs', '--all'),
    };
  }
  const oneTimes = interleave(one, rounds);
  const bigTimes = interleave(big, Math.max(3, rounds / 3));
  // the last round's 20,000 refs go (quietly), so that pack-refs below packs only its own
  for (const r of Object.values(repos)) quietGit(r.wt, ['update-ref', '--stdin'], bigRemove);
  return {
    one: oneTimes,
    big: bigTimes,
    pack: interleave(pack, Math.max(3, rounds / 3)),
  };
}

/** `git fetch --prune` after the remote deleted PRUNE_BRANCHES branches: before git 2.51 one hook run per ref. */
function pruneCase(repos, rounds) {
  const cases = {};
  for (const [name, r] of Object.entries(repos)) {
    const origin = `${r.primary}-origin.git`;
    git(path.dirname(origin), 'init', '-q', '--bare', origin);
    git(r.primary, 'remote', 'add', 'origin', origin);
    const head = git(r.primary, 'rev-parse', 'HEAD').trim();
    quietGit(r.primary, ['push', '-q', 'origin', 'HEAD:refs/heads/base']); // the commit the branches point at
    const branches = refList(PRUNE_BRANCHES, 'pr').map((ref) => ref.replace('refs/bench/', 'refs/heads/'));
    cases[name] = {
      prepare: () => {
        quietGit(origin, ['update-ref', '--stdin'], branches.map((b) => `update ${b} ${head}\n`).join(''));
        quietGit(r.primary, ['fetch', '-q', 'origin']);
        quietGit(origin, ['update-ref', '--stdin'], branches.map((b) => `delete ${b}\n`).join(''));
      },
      run: () => git(r.primary, 'fetch', '-q', '--prune', 'origin'),
    };
  }
  return interleave(cases, Math.max(3, rounds / 3));
}

function commitRepos() {
  const repos = { guard: repo('c-guard', (p) => guard(p, 'install')), none: repo('c-none') };
  if (fs.existsSync(LEFTHOOK))
    repos.lefthook = repo('c-lefthook', (p) => {
      fs.writeFileSync(path.join(p, 'lefthook.yml'), 'pre-commit:\n  jobs:\n    - run: "true"\n');
      run(p, LEFTHOOK, ['install']);
    });
  repos.husky = repo('c-husky', (p) => {
    run(p, process.execPath, [HUSKY]);
    fs.writeFileSync(path.join(p, '.husky', 'pre-commit'), 'true\n');
  });
  // husky's .husky/_ is per worktree (ignored): the linked one needs its own, as `npm install` would make
  run(repos.husky.wt, process.execPath, [HUSKY]);
  guard(repos.guard.wt, 'bootstrap');
  return repos;
}

function commitCases(repos, rounds) {
  const commit = (wt) => () => git(wt, 'commit', '-q', '--allow-empty', '-m', 'bench');
  const warm = interleave(
    Object.fromEntries(Object.entries(repos).map(([n, r]) => [n, commit(r.wt)])),
    rounds,
  );
  const g = repos.guard;
  const detachedWt = `${g.wt}-detached`;
  git(g.primary, 'worktree', 'add', '-q', '--detach', detachedWt);
  const three = (wt) => () => {
    for (let i = 0; i < 3; i++) commit(wt)();
  };
  const gitDir = git(g.wt, 'rev-parse', '--absolute-git-dir').trim();
  const stamp = path.join(gitDir, 'worktree-guard', 'pre-commit.ok');
  const other = interleave(
    {
      branch3: three(g.wt),
      detached3: three(detachedWt),
      cold: { prepare: () => fs.rmSync(stamp, { force: true }), run: commit(g.wt) },
      nodeBare: () => run(g.wt, process.execPath, ['-e', '']),
    },
    rounds,
  );
  return { warm, ...other };
}

module.exports = {
  PACK_REFS,
  PRUNE_BRANCHES,
  refRepos,
  refCases,
  pruneCase,
  commitRepos,
  commitCases,
  env,
};
