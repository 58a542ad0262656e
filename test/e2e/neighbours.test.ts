/**
 * guard beside the tools people already have, all real: lint-staged 16 with husky 9, lefthook 2, and the
 * pre-commit framework (Debian's package), in temp repositories with two worktrees.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { dirSnapshot, installed, ROOT } from '../helpers/hooks';
import { git, gitResult, guard, makeRepo, scopedConfig, write } from '../helpers/repo';

const LEFTHOOK = path.join(ROOT, 'node_modules', 'lefthook-linux-x64', 'bin', 'lefthook');

function npm(cwd: string, args: string[]) {
  const r = spawnSync('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd,
    encoding: 'utf8',
    env: process.env,
  });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} failed:\n${r.stderr}`);
}

/** A partially staged file: what makes lint-staged and lefthook back up the unstaged part. */
function partiallyStaged(wt: string, name: string) {
  write(path.join(wt, name), 'foo staged\n');
  git(wt, 'add', name);
  write(path.join(wt, name), 'foo staged\nunstaged line\n');
}

function commitAsync(cwd: string, message: string): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('git', ['commit', '-qm', message], { cwd, env: process.env });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('husky 9 + lint-staged 16, the most common JS setup', () => {
  let fx: ReturnType<typeof makeRepo> & { wt: string };

  beforeAll(() => {
    const repo = makeRepo({ gitignore: '.env\n.venv\nnode_modules\n' });
    write(
      path.join(repo.primary, 'package.json'),
      JSON.stringify(
        {
          name: 'app',
          private: true,
          scripts: {
            prepare: `husky && node ${JSON.stringify(path.join(ROOT, 'packages/cli/bin/guard.js'))} install`,
          },
          'lint-staged': { '*.txt': 'sed -i s/foo/bar/' },
        },
        null,
        2,
      ),
    );
    write(
      path.join(repo.primary, '.worktreeguardrc.json'),
      JSON.stringify({ links: ['.env', 'node_modules'] }),
    );
    npm(repo.primary, ['install', '--save-dev', 'husky@9', 'lint-staged@16']);
    npm(repo.primary, ['install']);
    write(path.join(repo.primary, '.husky', 'pre-commit'), 'npx lint-staged\n');
    git(repo.primary, 'add', '.');
    git(repo.primary, 'commit', '-qm', 'tooling');
    const wt = path.join(repo.root, 'second');
    git(repo.primary, 'worktree', 'add', '-q', '-b', 'second', wt);
    fx = { ...repo, wt };
  }, 180_000);

  it('commits pass in both worktrees, lint-staged does its work, and no stash entry is left', () => {
    for (const [i, wt] of [fx.primary, fx.wt].entries()) {
      partiallyStaged(wt, `f${i}.txt`);
      const r = gitResult(wt, 'commit', '-qm', `lint ${i}`);
      expect(r.stderr).not.toMatch(/lint-staged failed/);
      expect(r.code).toBe(0);
      expect(git(wt, 'show', `HEAD:f${i}.txt`)).toBe('bar staged\n');
      expect(readFileSync(path.join(wt, `f${i}.txt`), 'utf8')).toBe('bar staged\nunstaged line\n');
    }
    expect(git(fx.primary, 'stash', 'list')).toBe('');
  }, 60_000);

  /**
   * lint-staged finds its backup again by position in the one shared stack, so two worktrees running it at the
   * same moment can make one fail ("lint-staged automatic backup is missing!") and leave an entry behind —
   * lint-staged's own race, seen here without guard too (2 of 12 rounds). What guard guarantees: every backup
   * goes through at once (no process while git holds the refs/stash lock), is written down, and nothing is lost.
   */
  it('two worktrees committing at the same time: nothing lost, every backup written down, leftovers reported', async () => {
    const logFile = path.join(fx.primary, '.git', 'worktree-guard', 'stash-backups.log');
    const logged = () =>
      existsSync(logFile) ? readFileSync(logFile, 'utf8').split('\n').filter(Boolean) : [];
    const before = logged().length;
    for (let round = 0; round < 3; round++) {
      partiallyStaged(fx.primary, `p${round}.txt`);
      partiallyStaged(fx.wt, `w${round}.txt`);
      await Promise.all([commitAsync(fx.primary, `p${round}`), commitAsync(fx.wt, `w${round}`)]);
      expect(readFileSync(path.join(fx.primary, `p${round}.txt`), 'utf8')).toMatch(/unstaged line/);
      expect(readFileSync(path.join(fx.wt, `w${round}.txt`), 'utf8')).toMatch(/unstaged line/);
    }
    const records = logged().slice(before);
    expect(records).toHaveLength(6);
    for (const r of records)
      expect(gitResult(fx.primary, 'cat-file', '-e', r.split('\t')[1] as string).code).toBe(0);
    const left = git(fx.primary, 'stash', 'list').split('\n').filter(Boolean);
    const doctor = JSON.parse(guard(fx.primary, ['doctor', '--json']).stdout);
    expect(doctor.findings.filter((f: { id: string }) => f.id === 'live-stash')).toHaveLength(left.length);
  }, 120_000);
});

describe('lefthook 2', () => {
  it("stage_fixed's backup (git stash store) goes through; installed after lefthook, guard chains its hook", () => {
    const fx = makeRepo();
    write(
      path.join(fx.primary, 'lefthook.yml'),
      'pre-commit:\n  jobs:\n    - name: fix\n      glob: "*.txt"\n      run: sed -i s/foo/bar/ {staged_files}\n      stage_fixed: true\n',
    );
    git(fx.primary, 'add', 'lefthook.yml');
    git(fx.primary, 'commit', '-qm', 'lefthook');
    spawnSync(LEFTHOOK, ['install'], { cwd: fx.primary, env: process.env });
    expect(readFileSync(path.join(fx.primary, '.git', 'hooks', 'pre-commit'), 'utf8')).toMatch(
      /LEFTHOOK|lefthook/,
    );
    expect(guard(fx.primary, ['install']).code).toBe(0);
    const wt = path.join(fx.root, 'second');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'second', wt);
    partiallyStaged(wt, 'a.txt');
    const r = gitResult(wt, 'commit', '-qm', 'fixed');
    expect(r.code).toBe(0);
    // lefthook keeps its git commands' output to itself; guard wrote the backup down all the same
    const log = readFileSync(path.join(fx.primary, '.git', 'worktree-guard', 'stash-backups.log'), 'utf8');
    expect(log).toMatch(/lefthook auto backup/);
    expect(git(wt, 'show', 'HEAD:a.txt')).toBe('bar staged\n');
    expect(git(wt, 'stash', 'list')).toBe('');
    expect(guard(fx.primary, ['doctor']).stdout).not.toMatch(/hooks-disarmed/);
  });

  it('lefthook installed after guard moves guard aside: doctor says so, and guard install takes the name back', () => {
    const fx = installed();
    write(path.join(fx.primary, 'lefthook.yml'), 'pre-commit:\n  jobs:\n    - run: "true"\n');
    spawnSync(LEFTHOOK, ['install'], { cwd: fx.primary, env: process.env });
    expect(existsSync(path.join(fx.primary, '.git', 'hooks', 'pre-commit.old'))).toBe(true);
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'second', path.join(fx.root, 'second'));
    const disarmed = guard(fx.primary, ['doctor']);
    expect(disarmed.stdout).toMatch(/hooks-disarmed: .*lefthook\) replaced guard's pre-commit/);
    expect(guard(fx.primary, ['doctor', '--fix']).code).toBe(0);
    expect(existsSync(path.join(fx.primary, '.git', 'hooks', 'pre-commit.old'))).toBe(false);
    expect(readFileSync(path.join(fx.primary, '.git', 'hooks', 'pre-commit.guard-chained'), 'utf8')).toMatch(
      /lefthook/i,
    );
  });
});

describe('the pre-commit framework (migration mode)', () => {
  const preCommit = (cwd: string, ...args: string[]) =>
    spawnSync('pre-commit', args, { cwd, encoding: 'utf8', env: process.env });

  it('installed after guard, it runs guard as <hook>.legacy: armed, doctor agrees; guard uninstall leaves commits working', () => {
    const fx = installed();
    write(path.join(fx.primary, '.pre-commit-config.yaml'), 'repos: []\n');
    git(fx.primary, 'add', '.pre-commit-config.yaml');
    git(fx.primary, 'commit', '-qm', 'pre-commit config');
    const hooks = path.join(fx.primary, '.git', 'hooks');
    const r = preCommit(fx.primary, 'install');
    expect(r.status).toBe(0);
    expect(existsSync(path.join(hooks, 'pre-commit.legacy'))).toBe(true);
    const wt = path.join(fx.root, 'second');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'second', wt);
    expect(guard(fx.primary, ['doctor']).stdout).not.toMatch(/hooks-disarmed/);
    // guard still checks commits, through the framework
    git(wt, 'config', '--worktree', '--unset', 'user.email');
    expect(gitResult(wt, 'commit', '-qm', 'x', '--allow-empty').code).not.toBe(0);
    expect(guard(wt, ['bootstrap']).code).toBe(0);
    expect(gitResult(wt, 'commit', '-qm', 'x', '--allow-empty').code).toBe(0);
    // guard install again keeps the framework's hook and guard's shim where they are
    const snapshot = dirSnapshot(hooks);
    expect(guard(fx.primary, ['install']).code).toBe(0);
    expect(dirSnapshot(hooks)).toEqual(snapshot);
    expect(guard(fx.primary, ['uninstall']).code).toBe(0);
    expect(existsSync(path.join(hooks, 'pre-commit.legacy'))).toBe(false);
    expect(gitResult(wt, 'commit', '-qm', 'after uninstall', '--allow-empty').code).toBe(0);
    expect(scopedConfig(wt, 'user.email')).toEqual(['worktree', 'ada@example.com']);
  });

  it("a user's own hook chained by guard is handed back to the framework on uninstall", () => {
    const fx = makeRepo();
    const hooks = path.join(fx.primary, '.git', 'hooks');
    write(path.join(hooks, 'pre-commit'), '#!/bin/sh\necho "user hook ran" >&2\n');
    chmodSync(path.join(hooks, 'pre-commit'), 0o755);
    expect(guard(fx.primary, ['install']).code).toBe(0);
    write(path.join(fx.primary, '.pre-commit-config.yaml'), 'repos: []\n');
    expect(preCommit(fx.primary, 'install').status).toBe(0);
    expect(gitResult(fx.primary, 'commit', '-qm', 'x', '--allow-empty').stderr).toMatch(/user hook ran/);
    expect(guard(fx.primary, ['uninstall']).code).toBe(0);
    expect(readFileSync(path.join(hooks, 'pre-commit.legacy'), 'utf8')).toMatch(/user hook ran/);
    expect(gitResult(fx.primary, 'commit', '-qm', 'y', '--allow-empty').stderr).toMatch(/user hook ran/);
  });
});
