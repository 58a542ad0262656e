/** `guard list` on real repositories, and how many git processes doctor and list start per worktree. */
import { rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { checkRepo, gatherListFacts, gitStats, loadRepoConfig, openRepo } from '@worktree-guard/core';
import { advanceOrigin, git, guard, healthyRepo, write } from '../helpers/repo';

describe('guard list', () => {
  it('shows each worktree: branch, HEAD, identity, ahead/behind, dirty counts, fetch age, links', () => {
    const fx = healthyRepo(['feat/a', 'feat/b']);
    const [a, b] = fx.worktrees as [string, string];
    // feat/a: one commit ahead, then staged, unstaged and untracked changes
    write(path.join(a, 'done.txt'), 'done\n');
    git(a, 'add', 'done.txt');
    git(a, 'commit', '-qm', 'ahead');
    write(path.join(a, 'staged.txt'), 's\n');
    git(a, 'add', 'staged.txt');
    write(path.join(a, 'README.md'), '# changed\n');
    write(path.join(a, 'new1.txt'), 'n\n');
    write(path.join(a, 'new2.txt'), 'n\n');
    // origin moves on: feat/b is one behind
    advanceOrigin(fx);
    git(fx.primary, 'fetch', '-q', 'origin');
    rmSync(path.join(b, '.env'));

    const r = guard(fx.primary, ['list', '--json']);
    expect(r.code).toBe(0);
    const { worktrees, lastFetch } = JSON.parse(r.stdout);
    expect(Date.now() - Date.parse(lastFetch)).toBeLessThan(3_600_000);
    expect(worktrees.map((w: { path: string }) => w.path)).toEqual([fx.primary, a, b]);
    expect(worktrees[1]).toMatchObject({
      branch: 'feat/a',
      head: git(a, 'rev-parse', 'HEAD').trim(),
      identity: { name: 'Ada Lovelace', email: 'ada@example.com' },
      aheadBehind: { ref: 'origin/main', ahead: 1, behind: 1 },
      dirty: { staged: 1, unstaged: 1, untracked: 2, conflicted: 0 },
      links: { ok: 2, expected: 2 },
    });
    expect(worktrees[1].lastFetch).toBeNull(); // guard new fetched from the primary, before feat/a existed
    expect(worktrees[0].lastFetch).toMatch(/^\d{4}-/);
    expect(worktrees[2]).toMatchObject({
      aheadBehind: { ahead: 0, behind: 1 },
      dirty: { staged: 0, unstaged: 0, untracked: 0, conflicted: 0 },
      links: { ok: 1, expected: 2 },
    });
    expect(worktrees[0]).toMatchObject({ primary: true, branch: 'main', links: null });

    // the clock fixed ten minutes after the last fetch (FETCH_HEAD's time)
    const fetched = statSync(path.join(fx.primary, '.git', 'FETCH_HEAD')).mtimeMs;
    const table = guard(fx.primary, ['list'], {
      WORKTREE_GUARD_NOW: new Date(fetched + 10 * 60_000).toISOString(),
    });
    expect(table.code).toBe(0);
    const [header, ...lines] = table.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^origin\/main: last fetched 10 min ago/);
    expect(lines[0]).toMatch(
      /^WORKTREE\s+BRANCH\s+HEAD\s+IDENTITY\s+BASE ±\s+DIRTY\s+FETCHED\s+LINKS\s+INTEGRATED$/,
    );
    expect(lines[1]).toContain(`${fx.primary} (primary)`);
    expect(lines[2]).toMatch(/feat\/a .* \+1 -1 +1 staged, 1 changed, 2 new +never +2\/2 +—$/);
    expect(lines[3]).toMatch(/feat\/b .* \+0 -1 +clean .* 1\/2 +—$/);
    expect(table.stdout).not.toContain('\u001b['); // no colour off a TTY
  });

  it('marks a worktree whose directory is gone, and a detached one', () => {
    const fx = healthyRepo(['feat/a']);
    const det = path.join(fx.root, 'det');
    git(fx.primary, 'worktree', 'add', '-q', '--detach', det);
    rmSync(fx.worktrees[0] as string, { recursive: true, force: true });
    const r = guard(fx.primary, ['list']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/app-feat-a \(gone\)\s+feat\/a/);
    expect(r.stdout).toMatch(/det\s+\(detached\)/);
  });
});

describe('git processes grow by a small constant per worktree', () => {
  async function processes(primary: string, forList: boolean): Promise<number> {
    const before = gitStats.calls;
    const repo = await openRepo(primary);
    const loaded = await loadRepoConfig(repo);
    if (forList) await gatherListFacts({ repo, loaded });
    else await checkRepo({ repo, loaded });
    return gitStats.calls - before;
  }

  it('doctor: at most 1.5 per worktree; list: at most 3', async () => {
    const small = healthyRepo(['a1', 'a2']);
    const large = healthyRepo(['b1', 'b2', 'b3', 'b4', 'b5', 'b6']);
    await processes(small.primary, false); // once-per-process calls (git's own list of local env vars)
    for (const [forList, bound] of [
      [false, 1.5],
      [true, 3],
    ] as const) {
      const perWorktree =
        ((await processes(large.primary, forList)) - (await processes(small.primary, forList))) / 4;
      expect(perWorktree).toBeLessThanOrEqual(bound);
    }
  }, 180_000); // it counts processes; the bound is only for a hang (8 guard new on a busy 2-core machine)
});
