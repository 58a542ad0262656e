/**
 * `guard install` / `guard uninstall` into real repositories: where the shims go (every core.hooksPath
 * setup), what happens to hooks that were there, and that uninstall leaves every directory byte for byte
 * as it was. Then only plain git.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dirSnapshot, dirtyUp, installed, ROOT, workState } from '../helpers/hooks';
import { git, gitResult, guard, makeRepo, scopedConfig, tempDir, write } from '../helpers/repo';

const HUSKY = path.join(ROOT, 'node_modules', 'husky', 'bin.js');

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

  it('each shim stands alone: no library beside it, the version and the CLI recorded in it', () => {
    const fx = installed();
    const shim = readFileSync(path.join(fx.primary, '.git', 'hooks', 'pre-commit'), 'utf8');
    const version = JSON.parse(
      readFileSync(path.join(ROOT, 'packages', 'cli', 'package.json'), 'utf8'),
    ).version;
    expect(shim).toContain(`GUARD_VERSION='${version}'`);
    expect(shim).toContain(`GUARD_CLI='${path.join(ROOT, 'packages', 'cli', 'bin', 'guard.js')}'`);
    expect(existsSync(path.join(fx.primary, '.git', 'hooks', 'worktree-guard.sh'))).toBe(false);
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
    // (git 2.48 stopped listing HEAD's reflog-only update: the branch's line is there on every version)
    const parent = git(wt, 'rev-parse', 'HEAD~1').trim();
    for (const state of ['prepared', 'committed'])
      expect(logged).toMatch(new RegExp(`${state}\\n(.*\\n)*${parent} ${head} (HEAD|refs/heads/chained)\\n`));
    write(path.join(wt, 'FAIL'), '');
    const failed = gitResult(wt, 'commit', '-qm', 'y', '--allow-empty');
    expect(failed.code).not.toBe(0);
    expect(failed.stderr).toMatch(/user pre-commit ran/);

    expect(guard(fx.primary, ['uninstall']).code).toBe(0);
    expect(dirSnapshot(hooks)).toEqual(before);
  });

  it('a hook disabled by its exec bit stays disabled: guard does not start running it', () => {
    const fx = makeRepo();
    const hooks = path.join(fx.primary, '.git', 'hooks');
    write(path.join(hooks, 'pre-commit'), '#!/bin/sh\necho "disabled hook ran" >&2\nexit 1\n');
    chmodSync(path.join(hooks, 'pre-commit'), 0o644);
    const before = dirSnapshot(hooks);
    expect(guard(fx.primary, ['install']).code).toBe(0);
    const r = gitResult(fx.primary, 'commit', '-qm', 'x', '--allow-empty');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/disabled hook ran/);
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

  it('uninstall also removes the library a guard v1 install left beside its shims', () => {
    const fx = installed();
    const lib = path.join(fx.primary, '.git', 'hooks', 'worktree-guard.sh');
    writeFileSync(
      lib,
      '# worktree-guard shim library v1 — sourced by the worktree-guard hook shims beside it\n',
    );
    expect(guard(fx.primary, ['uninstall']).code).toBe(0);
    expect(existsSync(lib)).toBe(false);
  });
});

describe('scope: only the repository asked for', () => {
  function withGlobalHooksPath() {
    const fx = makeRepo();
    const shared = tempDir('machine hooks');
    // where every git reads it: GIT_CONFIG_GLOBAL only from 2.32, $HOME/.gitconfig always
    const home = tempDir('global');
    const globalConfig = path.join(home, '.gitconfig');
    writeFileSync(globalConfig, `[core]\n\thooksPath = ${shared}\n[init]\n\tdefaultBranch = main\n`);
    return { ...fx, shared, env: { HOME: home, GIT_CONFIG_GLOBAL: globalConfig } };
  }

  it('refuses (exit 2) to arm a hooks directory the global configuration sets, naming scope, file and consequence', () => {
    const fx = withGlobalHooksPath();
    const r = guard(fx.primary, ['install'], fx.env);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      `core.hooksPath is set in the global git configuration (${fx.env.GIT_CONFIG_GLOBAL})`,
    );
    expect(r.stderr).toMatch(/would turn guard on for all of them\. Nothing was changed/);
    expect(dirSnapshot(fx.shared)).toEqual({});
    expect(guard(fx.primary, ['uninstall'], fx.env).code).toBe(2);
  });

  it('arms it when asked explicitly (--global), and uninstall --global disarms it', () => {
    const fx = withGlobalHooksPath();
    expect(guard(fx.primary, ['install', '--global'], fx.env).code).toBe(0);
    expect(existsSync(path.join(fx.shared, 'reference-transaction'))).toBe(true);
    expect(guard(fx.primary, ['uninstall', '--global'], fx.env).code).toBe(0);
    expect(dirSnapshot(fx.shared)).toEqual({});
  });
});

describe('other core.hooksPath setups', () => {
  it('husky (.husky/_): a plain worktree add arms the new worktree, its stash is refused, husky hooks still run', () => {
    const fx = makeRepo({ gitignore: '.env\n.venv\n' });
    execFileSync(process.execPath, [HUSKY], { cwd: fx.primary, env: process.env });
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
