/** `guard park` / `guard unpark` on real repositories: a round trip gives back every byte and the index. */
import { chmodSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { git, gitResult, guard, healthyRepo, makeRepo, write } from '../helpers/repo';
import { applySpec, seedTracked, snapshot, stateSpecs } from '../helpers/worktreeState';

describe('guard park then guard unpark', () => {
  it('returns a byte-identical tree and index, for any mix of staged, unstaged, untracked and intent-to-add changes', () => {
    const fx = healthyRepo(['feat/p']);
    const wt = fx.worktrees[0] as string;
    seedTracked(wt);
    const head = git(wt, 'rev-parse', 'HEAD').trim();
    fc.assert(
      fc.property(stateSpecs({ intentToAdd: true }), (spec) => {
        git(wt, 'reset', '-q', '--hard', head); // test set-up only: back to the committed state
        git(wt, 'clean', '-fdq');
        if (!applySpec(wt, spec)) return;
        const before = snapshot(wt);

        const p = guard(wt, ['park', '--json']);
        expect(p.code).toBe(0);
        const parked = JSON.parse(p.stdout);
        expect(parked).toMatchObject({ parked: true, base: head, branch: 'feat/p' });
        expect(git(wt, 'status', '--porcelain')).toBe(''); // a clean tree…
        const files = (s: Record<string, string>) =>
          Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith('#')));
        expect(files(snapshot(wt))).toEqual(files(before)); // …without writing a single file
        expect(git(wt, 'rev-parse', 'HEAD^1').trim()).toBe(head);

        const u = guard(wt, ['unpark']);
        expect(u.code).toBe(0);
        expect(git(wt, 'rev-parse', 'HEAD').trim()).toBe(head);
        expect(snapshot(wt)).toEqual(before);
      }),
      { numRuns: 12 },
    );
  });

  it('leaves ignored files (the linked .env, .venv) where they are and out of the commit', () => {
    const fx = healthyRepo(['feat/i']);
    const wt = fx.worktrees[0] as string;
    write(path.join(wt, 'work.txt'), 'w\n');
    expect(guard(wt, ['park', '-m', 'half done']).code).toBe(0);
    expect(git(wt, 'log', '-1', '--format=%s')).toBe('WIP: half done\n');
    expect(git(wt, 'ls-tree', '--name-only', 'HEAD')).not.toMatch(/\.env|\.venv/);
    expect(guard(wt, ['unpark']).code).toBe(0);
    expect(git(wt, 'status', '--porcelain')).toBe('?? work.txt\n');
  });

  it('is not stopped by commit hooks: a pre-commit that refuses everything does not run', () => {
    const fx = makeRepo();
    const hook = path.join(fx.primary, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho "lint failed" >&2\nexit 1\n');
    chmodSync(hook, 0o755);
    write(path.join(fx.primary, 'README.md'), '# wip\n');
    expect(gitResult(fx.primary, 'commit', '-qam', 'wip').code).toBe(1);
    expect(guard(fx.primary, ['park']).code).toBe(0);
    expect(git(fx.primary, 'status', '--porcelain')).toBe('');
  });

  it('works on a detached HEAD, with guard installed and several worktrees', () => {
    const fx = healthyRepo(['feat/d']);
    const wt = fx.worktrees[0] as string;
    git(wt, 'switch', '-q', '--detach');
    write(path.join(wt, 'README.md'), '# detached work\n');
    const before = snapshot(wt);
    const r = guard(wt, ['park']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/on a detached HEAD/);
    expect(guard(wt, ['unpark']).code).toBe(0);
    expect(snapshot(wt)).toEqual(before);
  });
});

describe("guard park and git's racy-clean entries", () => {
  it('parks an edit git can only see by content (same size, same second as the index)', () => {
    const fx = makeRepo({ env: false });
    const readme = path.join(fx.primary, 'README.md');
    const index = path.join(fx.primary, '.git', 'index');
    const then = new Date(Math.floor(Date.now() / 1000 - 100) * 1000);
    git(fx.primary, 'config', 'core.trustctime', 'false'); // a test cannot set ctime
    utimesSync(readme, then, then);
    git(fx.primary, 'update-index', '-q', '--refresh'); // the index caches mtime = then
    utimesSync(index, then, then); // …and was written that same second: the entry is racily clean
    writeFileSync(readme, '# wip\n'); // same size as "# app\n"
    utimesSync(readme, then, then); // same mtime: only git's racy-git check sees the change
    expect(git(fx.primary, '--no-optional-locks', 'status', '--porcelain')).toBe(' M README.md\n'); // writes no index
    expect(guard(fx.primary, ['park']).code).toBe(0);
    expect(git(fx.primary, 'show', 'HEAD:README.md')).toBe('# wip\n');
    expect(git(fx.primary, 'status', '--porcelain')).toBe('');
  });
});

describe('guard park and unpark refuse what would lose something', () => {
  it('nothing to park: exit 0, nothing made', () => {
    const fx = makeRepo();
    const head = git(fx.primary, 'rev-parse', 'HEAD');
    const r = guard(fx.primary, ['park']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing to park/);
    expect(git(fx.primary, 'rev-parse', 'HEAD')).toBe(head);
  });

  it('an unborn branch, a merge in progress, conflicts: exit 1, the tree untouched', () => {
    const fx = makeRepo();
    // a conflict: two branches change the same line
    git(fx.primary, 'switch', '-q', '-c', 'other');
    write(path.join(fx.primary, 'README.md'), '# other\n');
    git(fx.primary, 'commit', '-qam', 'other');
    git(fx.primary, 'switch', '-q', 'main');
    write(path.join(fx.primary, 'README.md'), '# main\n');
    git(fx.primary, 'commit', '-qam', 'main');
    expect(gitResult(fx.primary, 'merge', '-q', 'other').code).not.toBe(0);
    const before = snapshot(fx.primary);
    const r = guard(fx.primary, ['park']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a merge is in progress \(MERGE_HEAD\)/);
    expect(snapshot(fx.primary)).toEqual(before);

    const unborn = makeRepo({ name: 'unborn' });
    git(unborn.primary, 'switch', '-q', '--orphan', 'empty');
    const u = guard(unborn.primary, ['park']);
    expect(u.code).toBe(1);
    expect(u.stderr).toMatch(/no commit yet/);
  });

  it('unpark: HEAD not a park commit, or changes on top of it: exit 1, nothing moves', () => {
    const fx = makeRepo();
    const plain = guard(fx.primary, ['unpark']);
    expect(plain.code).toBe(1);
    expect(plain.stderr).toMatch(/is not a park commit/);
    // a plain commit that only looks like a park commit (one parent) is not one either
    git(fx.primary, 'commit', '-q', '--allow-empty', '-m', 'WIP: x\n\nWorktree-Guard-Park: v1');
    expect(guard(fx.primary, ['unpark']).code).toBe(1);

    write(path.join(fx.primary, 'README.md'), '# parked\n');
    expect(guard(fx.primary, ['park']).code).toBe(0);
    write(path.join(fx.primary, 'after.txt'), 'made after the park\n');
    const before = snapshot(fx.primary);
    const dirty = guard(fx.primary, ['unpark']);
    expect(dirty.code).toBe(1);
    expect(dirty.stderr).toMatch(/changes on top of the park commit/);
    expect(snapshot(fx.primary)).toEqual(before);
  });
});
