/**
 * Worktrees that live inside the primary checkout — Claude Code makes them in `.claude/worktrees/<name>`
 * on branch `worktree-<name>` — and a core.hooksPath another tool wrote to bypass guard's shims.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { dirtyUp, installed } from '../helpers/hooks';
import { git, gitResult, gitWith, guard, tempDir } from '../helpers/repo';

const doctor = (cwd: string, ...args: string[]) => {
  const r = guard(cwd, ['doctor', '--json', ...args]);
  return {
    code: r.code,
    findings: JSON.parse(r.stdout).findings as { id: string; worktree: string; fix: string }[],
  };
};

describe('a worktree inside the primary checkout', () => {
  it("bootstrap keeps it out of the primary's git status, in .git/info/exclude (never a tracked file)", () => {
    const fx = installed();
    const rel = '.claude/worktrees/x';
    const add = gitResult(fx.primary, 'worktree', 'add', '-b', 'worktree-x', rel);
    expect(add.code).toBe(0);
    expect(add.stderr).toMatch(/keep \.claude\/worktrees\/x out of the primary's git status/);
    expect(git(fx.primary, 'status', '--porcelain')).toBe('');
    expect(readFileSync(path.join(fx.primary, '.git', 'info', 'exclude'), 'utf8')).toContain(
      '/.claude/worktrees/x/\n',
    );
    expect(git(fx.primary, 'diff', '--stat')).toBe('');
    // bootstrapping again adds nothing
    const before = readFileSync(path.join(fx.primary, '.git', 'info', 'exclude'), 'utf8');
    expect(guard(path.join(fx.primary, rel), ['bootstrap']).code).toBe(0);
    expect(readFileSync(path.join(fx.primary, '.git', 'info', 'exclude'), 'utf8')).toBe(before);
  });

  it('doctor reports one the primary shows (git add -A would commit it), and --fix excludes it', () => {
    const fx = installed();
    const rel = '.claude/worktrees/y';
    const wt = path.join(fx.primary, rel);
    expect(
      gitWith({ WORKTREE_GUARD: '0' }, fx.primary, 'worktree', 'add', '-q', '-b', 'worktree-y', rel).code,
    ).toBe(0);
    expect(git(fx.primary, 'status', '--porcelain')).toContain('?? .claude/');
    guard(wt, ['bootstrap']); // equip it otherwise …
    writeFileSync(path.join(fx.primary, '.git', 'info', 'exclude'), ''); // … but as if the exclusion were lost
    const { code, findings } = doctor(fx.primary);
    expect(code).toBe(0); // a warning
    expect(findings).toEqual([expect.objectContaining({ id: 'worktree-not-ignored', worktree: wt })]);
    expect(doctor(fx.primary, '--fix').findings).toEqual([]);
    expect(git(fx.primary, 'status', '--porcelain')).toBe('');
  });
});

describe('a core.hooksPath another tool wrote', () => {
  it('an absolute one at worktree scope, pointing where guard is not armed: hooks-disarmed, and --fix arms it', () => {
    const fx = installed();
    const wt = path.join(fx.root, 'agent');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'agent', wt);
    const elsewhere = tempDir('tool hooks');
    git(wt, 'config', '--worktree', 'core.hooksPath', elsewhere);
    const { findings } = doctor(fx.primary);
    expect(findings).toEqual([
      expect.objectContaining({ id: 'hooks-disarmed', worktree: wt, fix: 'guard install' }),
    ]);
    expect(doctor(fx.primary, '--fix').findings).toEqual([]);
    dirtyUp(wt);
    expect(gitResult(wt, 'stash').code).not.toBe(0);
  });
});
