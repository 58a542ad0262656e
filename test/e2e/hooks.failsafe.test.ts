/**
 * A broken guard never breaks git, and nothing on a branch runs because guard is installed. The CLI is
 * broken for real — its dist deleted, NODE_OPTIONS wrong, a Node too old, no Node — and every time a
 * commit and a worktree add go on with one line, while a new stash entry is still refused.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { cliCopy, dirtyUp, workState } from '../helpers/hooks';
import { git, gitWith, guard, makeRepo, PATH_WITHOUT_GUARD, tempDir, write } from '../helpers/repo';

/** A repository armed by a copy of the CLI (which the test then breaks), with a second worktree. */
function armedByCopy() {
  const fx = makeRepo();
  const cli = cliCopy();
  const install = spawnSync(process.execPath, [cli.bin, 'install'], {
    cwd: fx.primary,
    encoding: 'utf8',
    env: process.env,
  });
  expect(install.status).toBe(0);
  const wt = path.join(fx.root, 'second');
  git(fx.primary, 'worktree', 'add', '-q', '-b', 'second', wt);
  return { ...fx, cli, wt };
}

/** git's own words removed, what guard printed: each line that starts with "worktree-guard:". */
const guardLines = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('worktree-guard:'));

function expectGitGoesOn(fx: ReturnType<typeof armedByCopy>, env: NodeJS.ProcessEnv, what: RegExp) {
  const c = gitWith(env, fx.wt, 'commit', '-q', '--allow-empty', '-m', 'still works');
  expect(c.code).toBe(0);
  expect(guardLines(c.stderr)).toHaveLength(1);
  expect(c.stderr).toMatch(what);
  expect(c.stderr).toMatch(/the commit was not checked and goes on\. Repair: reinstall worktree-guard/);
  expect(c.stderr).not.toMatch(/\n\s+at /); // no stack trace
  const add = gitWith(env, fx.primary, 'worktree', 'add', '-q', '-b', 'third', path.join(fx.root, 'third'));
  expect(add.code).toBe(0);
  expect(guardLines(add.stderr)).toHaveLength(1);
  expect(add.stderr).toMatch(/new worktree was not bootstrapped/);
  dirtyUp(fx.wt);
  const before = workState(fx.wt);
  const stash = gitWith(env, fx.wt, 'stash');
  expect(stash.code).not.toBe(0);
  expect(stash.stderr).toMatch(/git stash refused/);
  expect(workState(fx.wt)).toEqual(before);
  // a program's backup is still let through: refusing it would lose it
  const oid = git(fx.wt, 'stash', 'create').trim();
  expect(gitWith(env, fx.wt, 'stash', 'store', '-m', 'lint-staged automatic backup', oid).code).toBe(0);
}

describe('a broken guard: git goes on, the stash rule holds', () => {
  it('the CLI half-installed (its dist gone, as after an interrupted upgrade)', () => {
    const fx = armedByCopy();
    rmSync(path.join(fx.cli.dir, 'dist'), { recursive: true, force: true });
    expectGitGoesOn(
      fx,
      { PATH: PATH_WITHOUT_GUARD },
      /guard could not run \(guard: worktree-guard is not installed completely: .*dist\/(hook|guard)\.js is missing/,
    );
  });

  it('NODE_OPTIONS that Node refuses', () => {
    const fx = armedByCopy();
    expectGitGoesOn(fx, { NODE_OPTIONS: '--no-such-option' }, /guard could not run \(.*--no-such-option/);
  });

  it('a Node too old', () => {
    const fx = armedByCopy();
    const old = path.join(tempDir('old node'), 'node');
    const pretend = path.join(path.dirname(old), 'pretend18.js');
    writeFileSync(pretend, "Object.defineProperty(process.versions, 'node', { value: '18.19.0' });\n");
    writeFileSync(old, `#!/bin/sh\nexec '${process.execPath}' --require '${pretend}' "$@"\n`);
    chmodSync(old, 0o755);
    for (const name of ['pre-commit', 'post-checkout', 'reference-transaction']) {
      const shim = path.join(fx.primary, '.git', 'hooks', name);
      writeFileSync(shim, readFileSync(shim, 'utf8').replace(/^GUARD_NODE='.*'$/m, `GUARD_NODE='${old}'`));
    }
    expectGitGoesOn(
      fx,
      {},
      /guard could not run \(guard: Node\.js v\d+.* is too old: worktree-guard needs Node\.js 20 or newer\)/,
    );
  });

  it('no Node at all', () => {
    const fx = armedByCopy();
    for (const name of ['pre-commit', 'post-checkout', 'reference-transaction']) {
      const shim = path.join(fx.primary, '.git', 'hooks', name);
      writeFileSync(
        shim,
        readFileSync(shim, 'utf8').replace(/^GUARD_NODE='.*'$/m, "GUARD_NODE='/nonexistent/node'"),
      );
    }
    // a PATH with every program of this one but node (git and node share /usr/bin here)
    const bin = tempDir('no node');
    for (const dir of (process.env.PATH ?? '').split(path.delimiter).reverse())
      for (const name of existsSync(dir) ? readdirSync(dir) : [])
        if (name !== 'node') {
          rmSync(path.join(bin, name), { force: true });
          symlinkSync(path.join(dir, name), path.join(bin, name));
        }
    expectGitGoesOn(fx, { PATH: bin }, /guard could not run \(node not found/);
  });
});

describe('trust: nothing committed on a branch runs because guard is installed', () => {
  function branchWithCanaries(fx: ReturnType<typeof makeRepo>) {
    const canary = path.join(fx.root, 'CANARY');
    git(fx.primary, 'switch', '-q', '-c', 'pr-branch');
    const bin = path.join(fx.primary, 'node_modules', '.bin', 'worktree-guard');
    write(bin, `#!/bin/sh\necho bin >> '${canary}'\n`);
    chmodSync(bin, 0o755);
    write(
      path.join(fx.primary, '.worktreeguardrc.cjs'),
      `require('fs').appendFileSync(${JSON.stringify(canary)}, 'cjs\\n');\nmodule.exports = {};\n`,
    );
    write(path.join(fx.primary, '.gitignore'), '.env\n.venv\n');
    git(fx.primary, 'add', '-f', '.');
    git(fx.primary, 'commit', '-qm', 'a branch that would run code');
    git(fx.primary, 'switch', '-q', 'main');
    rmSync(path.join(fx.primary, 'node_modules'), { recursive: true, force: true });
    return canary;
  }

  it('a branch with its own node_modules/.bin/worktree-guard and .worktreeguardrc.cjs: neither runs', () => {
    const fx = makeRepo();
    const canary = branchWithCanaries(fx);
    expect(guard(fx.primary, ['install']).code).toBe(0);
    const review = path.join(fx.root, 'review');
    const add = gitWith({}, fx.primary, 'worktree', 'add', review, 'pr-branch');
    expect(add.code).toBe(0);
    expect(add.stderr).toMatch(/bootstrapped/);
    expect(gitWith({}, review, 'commit', '-q', '--allow-empty', '-m', 'x').code).toBe(0);
    dirtyUp(review);
    expect(gitWith({}, review, 'stash').code).not.toBe(0);
    expect(guard(review, ['doctor']).code).toBe(0);
    expect(guard(fx.primary, ['doctor']).code).toBe(0);
    expect(existsSync(canary)).toBe(false);
  });

  it("a branch's JSON configuration with setup commands: the worktree is bootstrapped with the primary's, nothing of the branch runs", () => {
    const fx = makeRepo();
    const canary = path.join(fx.root, 'SETUP-CANARY');
    git(fx.primary, 'switch', '-q', '-c', 'pr-setup');
    write(path.join(fx.primary, '.worktreeguardrc.json'), JSON.stringify({ setup: [`touch '${canary}'`] }));
    git(fx.primary, 'add', '.worktreeguardrc.json');
    git(fx.primary, 'commit', '-qm', 'setup from a branch');
    git(fx.primary, 'switch', '-q', 'main');
    expect(guard(fx.primary, ['install']).code).toBe(0);
    const review = path.join(fx.root, 'review-setup');
    expect(gitWith({}, fx.primary, 'worktree', 'add', review, 'pr-setup').code).toBe(0);
    expect(guard(review, ['bootstrap']).code).toBe(0);
    expect(existsSync(canary)).toBe(false);
  });
});

describe('a broken installation is named, never undefined', () => {
  it('guard install without its shim templates: exit 2, naming the missing file', () => {
    const fx = makeRepo();
    const cli = cliCopy();
    rmSync(path.join(cli.dir, 'hooks'), { recursive: true, force: true });
    const r = spawnSync(process.execPath, [cli.bin, 'install'], {
      cwd: fx.primary,
      encoding: 'utf8',
      env: process.env,
    });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      `worktree-guard is not installed completely: ${path.join(cli.dir, 'hooks', 'lib.sh')} is missing`,
    );
    expect(r.stderr).not.toMatch(/undefined/);
  });
});
