/** Worktree paths that trip up line-based parsing: a newline, spaces and quotes, unicode. */
import path from 'node:path';
import { git, gitResult, guard, makeRepo, scopedConfig } from '../helpers/repo';

describe('a worktree path holding a newline', () => {
  it('is bootstrapped by plain git worktree add, its commits are checked, and doctor reads it', () => {
    const fx = makeRepo();
    expect(guard(fx.primary, ['install']).code).toBe(0);
    const wt = path.join(fx.root, 'new\nline "quoted" ü');
    const add = gitResult(fx.primary, 'worktree', 'add', '-b', 'nl', wt);
    expect(add.code).toBe(0);
    expect(add.stderr).toContain('worktree-guard: bootstrapped');
    expect(scopedConfig(wt, 'user.email')).toEqual(['worktree', 'ada@example.com']);
    git(wt, 'config', '--worktree', '--unset', 'user.email');
    const refused = gitResult(wt, 'commit', '-q', '--allow-empty', '-m', 'x');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/no user\.name\/user\.email at worktree scope/);
    const doctor = JSON.parse(guard(fx.primary, ['doctor', '--json']).stdout);
    expect(doctor.findings).toEqual([expect.objectContaining({ id: 'identity-not-pinned', worktree: wt })]);
    expect(doctor.worktrees.map((w: { path: string }) => w.path)).toContain(wt);
  });
});
