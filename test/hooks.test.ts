/**
 * The hooks end to end: `guard install` into real repositories, then only plain git — `git worktree add`,
 * `git stash`, `git commit` — and the tree afterwards, byte for byte.
 */
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { applyHooksPlan, loadShimTemplates, openRepo, planInstall } from '@worktree-guard/core';
import {
  bareClone,
  git,
  gitResult,
  gitWith,
  guard,
  makeRepo,
  PATH_WITHOUT_GUARD,
  scopedConfig,
  write,
} from './helpers/repo';

const ROOT = path.resolve(__dirname, '..');
const HUSKY = path.join(ROOT, 'node_modules', 'husky', 'bin.js');

/** Everything a stash could lose: tracked, staged and untracked changes, as bytes. */
function workState(wt: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = path.join(dir, e.name);
      if (e.isSymbolicLink()) files[path.relative(wt, p)] = `link:${readlinkSync(p)}`;
      else if (e.isDirectory()) walk(p);
      else files[path.relative(wt, p)] = readFileSync(p).toString('base64');
    }
  };
  walk(wt);
  return {
    ...files,
    '#status': git(wt, 'status', '--porcelain'),
    '#staged': git(wt, 'diff', '--cached'),
    '#unstaged': git(wt, 'diff'),
  };
}

function dirSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of readdirSync(dir))
    out[name] =
      `${statSync(path.join(dir, name)).mode.toString(8)}:${readFileSync(path.join(dir, name), 'base64')}`;
  return out;
}

function dirtyUp(wt: string): void {
  write(path.join(wt, 'README.md'), '# changed, unstaged\n');
  write(path.join(wt, 'staged.txt'), 'staged\n');
  git(wt, 'add', 'staged.txt');
  write(path.join(wt, 'untracked.txt'), 'untracked\n');
}

function installed() {
  const fx = makeRepo();
  const r = guard(fx.primary, ['install']);
  expect(r.code).toBe(0);
  return fx;
}

describe('guard install, then plain git worktree add', () => {
  it('bootstraps the new worktree without any guard command', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'plain wt');
    const add = gitResult(fx.primary, 'worktree', 'add', '-b', 'x', wt);
    expect(add.code).toBe(0);
    expect(add.stderr).toContain(`worktree-guard: bootstrapped ${wt}`);
    expect(readlinkSync(path.join(wt, '.env'))).toBe(path.join(fx.primary, '.env'));
    expect(scopedConfig(wt, 'user.email')).toEqual(['worktree', 'ada@example.com']);
    expect(scopedConfig(fx.primary, 'user.email')).toEqual(['worktree', 'ada@example.com']);
    expect(git(wt, 'status', '--porcelain')).toBe('');
  });

  it('does not bootstrap on an ordinary checkout', () => {
    const fx = installed();
    git(fx.primary, 'branch', 'other');
    const r = gitResult(fx.primary, 'checkout', 'other');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('bootstrapped');
  });

  it('installing twice is installing once', () => {
    const fx = installed();
    const hooks = path.join(fx.primary, '.git', 'hooks');
    const before = dirSnapshot(hooks);
    const again = guard(fx.primary, ['install']);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/nothing to do/);
    expect(dirSnapshot(hooks)).toEqual(before);
  });
});

describe('the stash guard', () => {
  const commands: [string, string[]][] = [
    ['git stash', ['stash']],
    ['git stash -u', ['stash', '-u']],
    ['git stash push -- <path>', ['stash', 'push', '--', 'README.md']],
    ['git stash --keep-index', ['stash', '--keep-index']],
  ];

  describe.each([
    ['in a linked worktree', true],
    ['in the primary', false],
  ])('%s', (_where, linked) => {
    const fx = installed();
    const wt = path.join(fx.root, 'wt stash');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'stashy', wt);
    const here = linked ? wt : fx.primary;

    it.each(commands)('%s is refused and nothing moves', (_name, args) => {
      dirtyUp(here);
      const before = workState(here);
      const r = gitResult(here, ...args);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/git stash refused — the stash is one stack shared by every worktree/);
      expect(r.stderr).toMatch(/git commit -am wip/);
      expect(r.stderr).toMatch(/guard new scratch\/<name>/);
      expect(r.stderr).toMatch(/git switch -c <branch>/);
      expect(r.stderr).toMatch(/git -c worktreeguard\.stash=allow stash/);
      expect(workState(here)).toEqual(before);
      expect(gitResult(here, 'rev-parse', '-q', '--verify', 'refs/stash').code).not.toBe(0);
    });
  });

  it('works with a single worktree', () => {
    const fx = installed();
    dirtyUp(fx.primary);
    expect(gitResult(fx.primary, 'stash', '-u').code).toBe(0);
    expect(git(fx.primary, 'stash', 'list')).toMatch(/stash@\{0\}/);
    expect(gitResult(fx.primary, 'stash', 'pop').code).toBe(0);
  });

  it('counts working trees, not entries: a bare primary and one worktree may stash; a second worktree may not', () => {
    const fx = makeRepo();
    const bare = bareClone(fx, 'bare.git');
    expect(guard(bare, ['install']).code).toBe(0);
    const one = path.join(fx.root, 'one');
    git(bare, 'worktree', 'add', '-q', one, 'main');
    write(path.join(one, 'README.md'), '# one\n');
    expect(gitResult(one, 'stash').code).toBe(0);
    git(one, 'stash', 'pop', '-q');
    git(bare, 'worktree', 'add', '-q', '-b', 'two', path.join(fx.root, 'two'));
    const r = gitResult(one, 'stash');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/git stash refused/);
  });

  it('lets git gc, git pack-refs and dropping a stash through when a stash already exists', () => {
    const fx = installed();
    dirtyUp(fx.primary);
    git(fx.primary, 'stash', '-u');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'later', path.join(fx.root, 'later'));
    expect(gitResult(fx.primary, 'pack-refs', '--all').code).toBe(0);
    expect(gitResult(fx.primary, 'gc', '-q').code).toBe(0);
    expect(git(fx.primary, 'stash', 'list')).toMatch(/stash@\{0\}/);
    expect(gitResult(fx.primary, 'stash', 'drop').code).toBe(0);
  });

  it('has a one-command escape hatch, a "warn" mode, and is off with WORKTREE_GUARD=0', () => {
    const fx = installed();
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'two', path.join(fx.root, 'two'));
    dirtyUp(fx.primary);
    expect(gitResult(fx.primary, '-c', 'worktreeguard.stash=allow', 'stash').code).toBe(0);
    git(fx.primary, 'stash', 'pop', '-q');

    const off = execFileSync('sh', ['-c', 'WORKTREE_GUARD=0 git stash 2>&1; echo "rc=$?"'], {
      cwd: fx.primary,
      encoding: 'utf8',
      env: process.env,
    });
    expect(off).toMatch(/worktree-guard: off/);
    expect(off).toMatch(/rc=0/);
    git(fx.primary, 'stash', 'pop', '-q');

    write(path.join(fx.primary, '.worktreeguardrc.json'), '{ "stash": "warn" }');
    const warned = gitResult(fx.primary, 'stash', '-u');
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/pop this stash in this worktree only/);
  });

  it('refuses, with an explanation, when the configuration is broken', () => {
    const fx = installed();
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'cfg', path.join(fx.root, 'cfg'));
    dirtyUp(fx.primary);
    write(path.join(fx.primary, '.worktreeguardrc.json'), '{ "stash": "sometimes" }');
    const before = workState(fx.primary);
    const r = gitResult(fx.primary, 'stash');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(
      /configuration error, so the stash is refused to be safe .*stash: must be one of/,
    );
    expect(workState(fx.primary)).toEqual(before);
  });

  it('still refuses a new stash entry when the guard CLI cannot be found', async () => {
    const fx = makeRepo();
    const repo = await openRepo(fx.primary);
    const templates = await loadShimTemplates(path.join(ROOT, 'hooks'));
    const plan = await planInstall({
      repo,
      templates,
      cliPath: '/nonexistent/guard.js',
      messages: { chainedDiffers: () => '', notAFile: () => '' },
    });
    await applyHooksPlan(plan.actions);
    const wt = path.join(fx.root, 'nocli');
    const noCli = { PATH: PATH_WITHOUT_GUARD };
    const add = gitWith(noCli, fx.primary, 'worktree', 'add', '-b', 'nocli', wt);
    expect(add.code).toBe(0);
    expect(add.stderr).toMatch(/guard CLI not found \(new worktree not bootstrapped/);
    dirtyUp(wt);
    const before = workState(wt);
    const r = gitWith(noCli, wt, 'stash', '-u');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/git stash refused/);
    expect(workState(wt)).toEqual(before);
    // and a commit goes on, with one line saying the checks were skipped
    const c = gitWith(noCli, wt, 'commit', '-qm', 'still works');
    expect(c.code).toBe(0);
    expect(c.stderr).toMatch(/guard CLI not found \(commit checks skipped\)/);
  });
});

describe('the commit checks', () => {
  it('refuse an unpinned identity while several worktrees exist, with the fix', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'unpinned');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'unpinned', wt);
    git(wt, 'config', '--worktree', '--unset', 'user.email');
    write(path.join(wt, 'a.txt'), 'a\n');
    git(wt, 'add', 'a.txt');
    const r = gitResult(wt, 'commit', '-qm', 'a');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/no user\.name\/user\.email at worktree scope/);
    expect(r.stderr).toMatch(/fix: guard bootstrap/);
    expect(guard(wt, ['bootstrap']).code).toBe(0);
    expect(gitResult(wt, 'commit', '-qm', 'a').code).toBe(0);
  });

  it('refuse a commit on a branch checked out in another worktree', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'dup');
    git(fx.primary, 'worktree', 'add', '-q', '--force', wt, 'main');
    write(path.join(wt, 'a.txt'), 'a\n');
    git(wt, 'add', 'a.txt');
    const r = gitResult(wt, 'commit', '-qm', 'a');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`branch "main" is also checked out in ${fx.primary}`);
    expect(r.stderr).toMatch(/fix: git switch -c main-2/);
  });

  it('refuse a protected branch from a linked worktree, not from the primary', () => {
    const fx = makeRepo();
    write(
      path.join(fx.primary, '.worktreeguardrc.json'),
      JSON.stringify({ protectedBranches: ['main', 'release'] }),
    );
    git(fx.primary, 'add', '.');
    git(fx.primary, 'commit', '-qm', 'protect');
    git(fx.primary, 'branch', 'release');
    expect(guard(fx.primary, ['install']).code).toBe(0);
    const wt = path.join(fx.root, 'rel');
    git(fx.primary, 'worktree', 'add', '-q', wt, 'release');
    write(path.join(wt, 'r.txt'), 'r\n');
    git(wt, 'add', 'r.txt');
    const r = gitResult(wt, 'commit', '-qm', 'r');
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/"release" is a protected branch/);
    write(path.join(fx.primary, 'm.txt'), 'm\n');
    git(fx.primary, 'add', 'm.txt');
    expect(gitResult(fx.primary, 'commit', '-qm', 'm').code).toBe(0);
  });

  it('explain a broken configuration in one line and let the commit through', () => {
    const fx = installed();
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'b', path.join(fx.root, 'b'));
    write(path.join(fx.primary, '.worktreeguardrc.json'), '{ broken');
    const r = gitResult(fx.primary, 'commit', '-qm', 'c', '--allow-empty');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/configuration error, checks skipped/);
  });
});

describe('chaining with hooks that were already there', () => {
  it('keeps a user hook running (its exit code wins) and uninstall restores it byte for byte', () => {
    const fx = makeRepo();
    const hooks = path.join(fx.primary, '.git', 'hooks');
    write(
      path.join(hooks, 'pre-commit'),
      '#!/bin/sh\necho "user pre-commit ran" >&2\n[ -f FAIL ] && exit 3\nexit 0\n',
    );
    chmodSync(path.join(hooks, 'pre-commit'), 0o755);
    write(
      path.join(hooks, 'post-checkout'),
      '#!/usr/bin/env node\nconsole.error("user node post-checkout ran " + process.argv.slice(2).join(" "));\n',
    );
    chmodSync(path.join(hooks, 'post-checkout'), 0o700);
    const log = path.join(fx.root, 'ref-log.txt');
    write(path.join(hooks, 'reference-transaction'), `#!/bin/sh\necho "$1" >> '${log}'\ncat >> '${log}'\n`);
    chmodSync(path.join(hooks, 'reference-transaction'), 0o755);
    const before = dirSnapshot(hooks);

    const r = guard(fx.primary, ['install']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/the hook that was there keeps running as .*pre-commit\.guard-chained/);

    const wt = path.join(fx.root, 'chained');
    const add = gitResult(fx.primary, 'worktree', 'add', '-b', 'chained', wt);
    expect(add.stderr).toMatch(/bootstrapped/);
    expect(add.stderr).toMatch(/user node post-checkout ran 0{40} [0-9a-f]{40} 1/);

    const ok = gitResult(wt, 'commit', '-qm', 'x', '--allow-empty');
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/user pre-commit ran/);
    // the user's reference-transaction still sees every state and its stdin, line for line
    const head = git(wt, 'rev-parse', 'HEAD').trim();
    const logged = readFileSync(log, 'utf8');
    expect(logged).toContain(`prepared\n${git(wt, 'rev-parse', 'HEAD~1').trim()} ${head} HEAD\n`);
    expect(logged).toContain(`committed\n${git(wt, 'rev-parse', 'HEAD~1').trim()} ${head} HEAD\n`);
    write(path.join(wt, 'FAIL'), '');
    const failed = gitResult(wt, 'commit', '-qm', 'y', '--allow-empty');
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/user pre-commit ran/);

    expect(guard(fx.primary, ['uninstall']).code).toBe(0);
    expect(dirSnapshot(hooks)).toEqual(before);
  });

  it('refuses to chain when a different <hook>.guard-chained is in the way (exit 1)', () => {
    const fx = makeRepo();
    const hooks = path.join(fx.primary, '.git', 'hooks');
    write(path.join(hooks, 'pre-commit'), '#!/bin/sh\nexit 0\n');
    write(path.join(hooks, 'pre-commit.guard-chained'), '#!/bin/sh\necho other\n');
    const r = guard(fx.primary, ['install']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/already holds a different hook/);
    expect(readFileSync(path.join(hooks, 'pre-commit'), 'utf8')).toBe('#!/bin/sh\nexit 0\n');
  });
});

describe('other core.hooksPath setups', () => {
  it('husky (.husky/_): a plain worktree add arms the new worktree, its stash is refused, husky hooks still run', () => {
    const fx = makeRepo({ gitignore: '.env\n.venv\n' });
    execFileSync(process.execPath, [HUSKY], { cwd: fx.primary, encoding: 'utf8', env: process.env });
    expect(scopedConfig(fx.primary, 'core.hooksPath')).toEqual(['local', '.husky/_']);
    write(path.join(fx.primary, '.husky', 'pre-commit'), 'echo "husky user hook ran" >&2\n');
    git(fx.primary, 'add', '.husky/pre-commit');
    git(fx.primary, 'commit', '-qm', 'husky hook');
    const huskyBefore = dirSnapshot(path.join(fx.primary, '.husky', '_'));

    const r = guard(fx.primary, ['install']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/husky rewrites \.husky\/_/);

    const wt = path.join(fx.root, 'husky wt');
    const add = gitResult(fx.primary, 'worktree', 'add', '-b', 'h', wt);
    expect(add.stderr).toMatch(/bootstrapped/);
    expect(add.stderr).toMatch(/arm hooks: copy/);
    expect(existsSync(path.join(wt, '.husky', '_', 'reference-transaction'))).toBe(true);
    expect(git(wt, 'status', '--porcelain')).toBe('');

    dirtyUp(wt);
    const before = workState(wt);
    const stash = gitResult(wt, 'stash');
    expect(stash.code).not.toBe(0);
    expect(stash.stderr).toMatch(/git stash refused/);
    expect(workState(wt)).toEqual(before);

    const commit = gitResult(wt, 'commit', '-qm', 'h');
    expect(commit.code).toBe(0);
    expect(commit.stderr).toMatch(/husky user hook ran/);

    expect(guard(fx.primary, ['uninstall']).code).toBe(0);
    expect(dirSnapshot(path.join(fx.primary, '.husky', '_'))).toEqual(huskyBefore);
  });

  it('an absolute core.hooksPath that does not exist yet is created and armed', () => {
    const fx = makeRepo();
    const dir = path.join(fx.root, 'shared hooks');
    git(fx.primary, 'config', 'core.hooksPath', dir);
    const r = guard(fx.primary, ['install']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`create ${dir}`);
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'abs', path.join(fx.root, 'abs'));
    dirtyUp(fx.primary);
    expect(gitResult(fx.primary, 'stash').code).not.toBe(0);
  });

  it('a worktree-scoped core.hooksPath is armed too', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'own hooks');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'own', wt);
    const own = path.join(fx.root, 'own-hooks-dir');
    git(wt, 'config', '--worktree', 'core.hooksPath', own);
    dirtyUp(wt);
    expect(gitResult(wt, 'stash').code).toBe(0); // disarmed: git looks in an empty directory
    git(wt, 'stash', 'pop', '-q');
    const r = guard(fx.primary, ['install']);
    expect(r.code).toBe(0);
    expect(existsSync(path.join(own, 'reference-transaction'))).toBe(true);
    expect(gitResult(wt, 'stash').code).not.toBe(0);
    rmSync(own, { recursive: true, force: true });
  });

  it('works under paths with spaces, with GIT_DIR exported by git in linked worktrees', () => {
    const fx = installed();
    const wt = path.join(fx.root, "it's a dir");
    expect(gitResult(fx.primary, 'worktree', 'add', '-b', 'sp', wt).code).toBe(0);
    expect(lstatSync(path.join(wt, '.env')).isSymbolicLink()).toBe(true);
    writeFileSync(path.join(wt, 'f.txt'), 'f\n');
    git(wt, 'add', 'f.txt');
    expect(gitResult(wt, 'commit', '-qm', 'f').code).toBe(0);
  });
});
