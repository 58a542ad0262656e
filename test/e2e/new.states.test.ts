/** `guard new` where people and agents run it: inside the worktree that has the branch, and many at once. */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { BIN, git, guard, healthyRepo, makeRepo } from '../helpers/repo';

function guardAsync(cwd: string, args: string[]): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd, env: process.env });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? -1, stderr }));
  });
}

describe('guard new', () => {
  it('run inside the worktree that has the branch: says where the branch is checked out', () => {
    const fx = healthyRepo(['feat/a']);
    const wt = fx.worktrees[0] as string;
    const r = guard(wt, ['new', 'feat/a']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`branch "feat/a" is already checked out in ${wt}`);
    expect(r.stderr).not.toMatch(/inside the repository/);
  });

  it('six at once (as parallel agents start): every one made and bootstrapped, no stray branch', async () => {
    const fx = makeRepo();
    expect(guard(fx.primary, ['install']).code).toBe(0);
    const names = ['p1', 'p2', 'p3', 'p4', 'p5', 'p6'];
    const results = await Promise.all(
      names.map((n) => guardAsync(fx.primary, ['new', '--no-fetch', `par/${n}`])),
    );
    expect(results.map((r) => r.code)).toEqual(names.map(() => 0));
    const listed = git(fx.primary, 'worktree', 'list', '--porcelain');
    for (const n of names) expect(listed).toContain(`branch refs/heads/par/${n}`);
    const branches = git(fx.primary, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/par/')
      .split('\n')
      .filter(Boolean);
    expect(branches.sort()).toEqual(names.map((n) => `par/${n}`));
    for (const n of names)
      expect(
        git(path.join(fx.root, `app-par-${n}`), 'config', '--worktree', '--get', 'user.email').trim(),
      ).toBe('ada@example.com');
  }, 120_000);
});
