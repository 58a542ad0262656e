/**
 * The product as users get it: `npm pack`, then the tarball installed into a temp prefix (a global install)
 * and into a JS project with husky and the README's prepare script — then plain git in real repositories.
 * Only the worktree-guard tarball is installed: it must need nothing else from this repository.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { dirtyUp, ROOT, workState } from '../helpers/hooks';
import { git, gitWith, makeRepo, PATH_WITHOUT_GUARD, tempDir, write } from '../helpers/repo';

function npm(cwd: string, args: string[]) {
  // packages come from npm's cache when it holds them (what `npm ci` fetched), the registry otherwise
  const r = spawnSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: process.env,
  });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed (exit ${r.status}):\n${r.stderr}`);
  return r.stdout;
}

let tarballs: string[];
beforeAll(() => {
  const out = tempDir('packed');
  // the bundle is already built by `npm test`; rebuilding it here would race the other test files
  npm(ROOT, ['pack', '--workspaces', '--ignore-scripts', '--pack-destination', out]);
  tarballs = readdirSync(out).map((f) => path.join(out, f));
}, 120_000);

const cliTarball = () => tarballs.find((t) => /worktree-guard-\d/.test(path.basename(t))) as string;

/** What a user checks after installing: a new worktree bootstrapped, the stash refused, commits working. */
function plainGitWorks(fx: ReturnType<typeof makeRepo>, env: NodeJS.ProcessEnv) {
  const wt = path.join(fx.root, 'second');
  const add = gitWith(env, fx.primary, 'worktree', 'add', '-b', 'second', wt);
  expect(add.code).toBe(0);
  expect(add.stderr).toContain(`worktree-guard: bootstrapped ${wt}`);
  expect(readlinkSync(path.join(wt, '.env'))).toBe(path.join(fx.primary, '.env'));
  dirtyUp(wt);
  const before = workState(wt);
  const stash = gitWith(env, wt, 'stash');
  expect(stash.code).not.toBe(0);
  expect(stash.stderr).toMatch(/git stash refused/);
  expect(workState(wt)).toEqual(before);
  const commit = gitWith(env, wt, 'commit', '-qm', 'works');
  expect(commit.code).toBe(0);
  expect(commit.stderr).not.toMatch(/guard could not run/);
}

describe('the packed package', () => {
  it('ships the shim templates, the bundles and the bin — and not the sources', () => {
    const listing = spawnSync('tar', ['-tzf', cliTarball()], { encoding: 'utf8' }).stdout.split('\n');
    for (const f of [
      'bin/guard.js',
      'dist/guard.js',
      'dist/hook.js',
      'hooks/reference-transaction',
      'hooks/lib.sh',
    ])
      expect(listing).toContain(`package/${f}`);
    expect(listing.some((f) => f.startsWith('package/src/'))).toBe(false);
  });

  it('npm i -g (a temp prefix), then guard install in a repository that is not a JS project', () => {
    const prefix = tempDir('prefix');
    npm(ROOT, ['install', '--global', '--prefix', prefix, cliTarball()]);
    const env = { PATH: `${path.join(prefix, 'bin')}${path.delimiter}${PATH_WITHOUT_GUARD}` };
    const fx = makeRepo();
    const version = spawnSync('guard', ['--version'], {
      cwd: fx.primary,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    expect(version.stdout.trim()).toBe(
      JSON.parse(readFileSync(path.join(ROOT, 'packages/cli/package.json'), 'utf8')).version,
    );
    const install = spawnSync('guard', ['install'], {
      cwd: fx.primary,
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
    expect(install.status).toBe(0);
    expect(readFileSync(path.join(fx.primary, '.git/hooks/pre-commit'), 'utf8')).toContain(prefix);
    plainGitWorks(fx, env);
  }, 120_000);

  it('as a devDependency of a JS project with husky and "prepare": "husky && guard install"', () => {
    const fx = makeRepo({ gitignore: '.env\n.venv\nnode_modules\n' });
    write(
      path.join(fx.primary, 'package.json'),
      JSON.stringify({ name: 'app', private: true, scripts: { prepare: 'husky && guard install' } }, null, 2),
    );
    npm(fx.primary, ['install', '--save-dev', cliTarball(), 'husky@9']);
    npm(fx.primary, ['install']); // as everyone who clones the project runs it: prepare arms the hooks
    expect(git(fx.primary, 'config', '--get', 'core.hooksPath').trim()).toBe('.husky/_');
    expect(existsSync(path.join(fx.primary, '.husky/_/reference-transaction'))).toBe(true);
    git(fx.primary, 'add', 'package.json', 'package-lock.json');
    git(fx.primary, 'commit', '-qm', 'tools');
    plainGitWorks(fx, { PATH: PATH_WITHOUT_GUARD });
  }, 180_000);
});
