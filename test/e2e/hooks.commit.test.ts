/**
 * The commit checks and the protected branches end to end: plain `git commit`, `merge`, `cherry-pick`,
 * `reset` in real worktrees. Also the warm path: the stamp that lets a commit skip Node must change
 * whenever something the rules read changes — and only then.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { installed } from '../helpers/hooks';
import { git, gitResult, gitWith, guard, makeRepo, write } from '../helpers/repo';

const commit = (wt: string, message: string, env: NodeJS.ProcessEnv = {}) =>
  gitWith(env, wt, 'commit', '-q', '--allow-empty', '-m', message);

/** How many times the commit check ran in Node (the cold path), counted through guard's debug log. */
const stampOf = (gitDir: string) =>
  readFileSync(path.join(gitDir, 'worktree-guard', 'pre-commit.ok'), 'utf8').trim();

describe('the commit checks', () => {
  it('refuse an unpinned identity while several worktrees exist, with the fix', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'unpinned');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'unpinned', wt);
    git(wt, 'config', '--worktree', '--unset', 'user.email');
    const r = commit(wt, 'a');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no user\.name\/user\.email at worktree scope/);
    expect(r.stderr).toContain(`fix: cd '${wt}' && guard bootstrap`);
    expect(guard(wt, ['bootstrap']).code).toBe(0);
    expect(commit(wt, 'a').code).toBe(0);
  });

  it('refuse a pin inherited from the worktree it was made from (git ≥ 2.36 copies config.worktree)', () => {
    const fx = installed();
    const a = path.join(fx.root, 'a');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'a', a);
    git(a, 'config', '--worktree', 'user.email', 'a@example.com');
    const inh = path.join(fx.root, 'inh');
    // --no-checkout: no post-checkout runs, so nothing re-pins
    git(a, 'worktree', 'add', '-q', '--no-checkout', '-b', 'inh', inh);
    git(inh, 'checkout', '-q', 'inh');
    const inherited = gitResult(inh, 'config', '--worktree', '--get', 'user.email');
    if (inherited.code !== 0) return; // this git does not copy config.worktree (before 2.36): nothing inherited
    const r = commit(inh, 'x');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/was pinned for the worktree it was made from/);
    expect(guard(inh, ['bootstrap']).code).toBe(0);
    expect(commit(inh, 'x').code).toBe(0);
    expect(git(inh, 'log', '-1', '--format=%ae').trim()).toBe('ada@example.com');
  });

  it('refuse a commit on a branch checked out in another worktree, with a fix that works from anywhere', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'dup');
    git(fx.primary, 'worktree', 'add', '-q', '--force', wt, 'main');
    const r = commit(wt, 'a');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`branch "main" is also checked out in ${fx.primary}`);
    expect(r.stderr).toContain(`fix: git -C '${wt}' switch -c main-2`);
  });

  it('explain a broken configuration in one line and keep the rules that do not read it', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'b');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'b', wt);
    write(path.join(fx.primary, '.worktreeguardrc.json'), '{ broken');
    const ok = commit(fx.primary, 'c');
    expect(ok.code).toBe(0);
    const lines = ok.stderr.split('\n').filter(Boolean);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /configuration error in .*\.worktreeguardrc\.json: cannot be read: .* — checked with the defaults/,
    );
    git(wt, 'config', '--worktree', '--unset', 'user.email');
    expect(commit(wt, 'd').code).toBe(1); // identity still holds
  });
});

describe('the warm path (no Node) is never stale', () => {
  it('a detached HEAD commit stays warm; a branch switch, an identity change, a config change go cold', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'w');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'w', wt);
    const gitDir = git(wt, 'rev-parse', '--absolute-git-dir').trim();
    expect(commit(wt, '1').code).toBe(0);
    const warm = stampOf(gitDir);
    git(wt, 'switch', '-q', '--detach');
    expect(commit(wt, '2').code).toBe(0);
    const detached = stampOf(gitDir);
    expect(commit(wt, '3').code).toBe(0);
    expect(stampOf(gitDir)).toBe(detached); // a commit on a detached HEAD changes nothing the rules read
    git(wt, 'switch', '-q', 'w');
    expect(stampOf(gitDir)).toBe(detached);
    expect(commit(wt, '4').code).toBe(0);
    expect(stampOf(gitDir)).toBe(warm);
    // guard's configuration in .config/ (a place cosmiconfig reads) changes what the rules read
    write(
      path.join(fx.primary, '.config', 'worktreeguardrc.json'),
      JSON.stringify({ protectedBranches: ['w'] }),
    );
    const refused = commit(wt, '5');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/"w" is a protected branch/);
  });

  it('stays warm through what the rules do not read: a switch elsewhere, a new worktree, npm rewriting package.json', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'w');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'w', wt);
    const gitDir = git(wt, 'rev-parse', '--absolute-git-dir').trim();
    expect(commit(wt, '1').code).toBe(0);
    const warm = stampOf(gitDir);
    const other = path.join(fx.root, 'o');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'o', other);
    git(other, 'switch', '-q', '-c', 'nobody-else');
    git(fx.primary, 'push', '-q', '-u', 'origin', 'main'); // an unrelated write to the shared config
    write(
      path.join(fx.primary, 'package.json'),
      JSON.stringify({ name: 'app', devDependencies: { x: '1' } }),
    );
    expect(commit(wt, '2').code).toBe(0);
    expect(stampOf(gitDir)).toBe(warm);
    // guard's configuration in package.json is read, though
    write(
      path.join(fx.primary, 'package.json'),
      JSON.stringify({ name: 'app', worktreeguard: { protectedBranches: ['w'] } }),
    );
    expect(commit(wt, '3').code).toBe(1);
  });

  it('another worktree switching to this branch makes the next commit check again', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'w');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'w', wt);
    expect(commit(wt, '1').code).toBe(0);
    const other = path.join(fx.root, 'o');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'o', other);
    git(other, 'checkout', '-q', '--ignore-other-worktrees', 'w');
    expect(commit(wt, '2').code).toBe(1);
  });
});

describe('protectedBranches: no update from a linked worktree, on any route', () => {
  function protectedRepo() {
    const fx = makeRepo();
    write(
      path.join(fx.primary, '.worktreeguardrc.json'),
      JSON.stringify({ protectedBranches: ['main', 'release'] }),
    );
    git(fx.primary, 'add', '.');
    git(fx.primary, 'commit', '-qm', 'protect');
    git(fx.primary, 'branch', 'release');
    expect(guard(fx.primary, ['install']).code).toBe(0);
    const rel = path.join(fx.root, 'rel');
    git(fx.primary, 'worktree', 'add', '-q', rel, 'release');
    const topic = path.join(fx.root, 'topic');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'topic', topic);
    write(path.join(topic, 't.txt'), 't\n');
    git(topic, 'add', 't.txt');
    git(topic, 'commit', '-qm', 'topic work');
    return { ...fx, rel, topic };
  }

  it.each([
    ['git commit', ['commit', '-q', '--allow-empty', '-m', 'r']],
    ['git merge --no-ff', ['merge', '-q', '--no-ff', '-m', 'merge topic', 'topic']],
    ['git merge (fast-forward)', ['merge', '-q', '--ff-only', 'topic']],
    ['git cherry-pick', ['cherry-pick', 'topic']],
    ['git reset', ['reset', '-q', '--hard', 'topic']],
    ['git revert', ['revert', '--no-edit', 'HEAD']],
  ])('%s is refused and the branch does not move', (_name, args) => {
    const fx = protectedRepo();
    const before = git(fx.primary, 'rev-parse', 'release').trim();
    const r = gitResult(fx.rel, ...args);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/release"? is a protected branch/);
    expect(git(fx.primary, 'rev-parse', 'release').trim()).toBe(before);
  });

  it('the primary may update it, and a linked worktree may still gc and pack refs', () => {
    const fx = protectedRepo();
    expect(gitResult(fx.primary, 'commit', '-q', '--allow-empty', '-m', 'm').code).toBe(0);
    expect(gitResult(fx.rel, 'pack-refs', '--all').code).toBe(0);
    expect(gitResult(fx.rel, 'gc', '-q').code).toBe(0);
  });

  it('a protected list changed in the configuration holds at once, without any guard command', () => {
    const fx = protectedRepo();
    expect(gitResult(fx.topic, 'commit', '-q', '--allow-empty', '-m', 'ok').code).toBe(0);
    write(path.join(fx.primary, '.worktreeguardrc.json'), JSON.stringify({ protectedBranches: ['topic'] }));
    const r = gitResult(fx.topic, 'reset', '-q', '--soft', 'HEAD~1');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/refs\/heads\/topic is a protected branch/);
  });
});
