/**
 * `guard remove` on branches that reached origin/main however they got there — a merge
 * commit, a fast-forward, a squash made in another clone, a rebase-and-merge: each worktree removed, its
 * branch deleted, its memory link gone, and the primary (its files and its memory) and the other
 * worktrees untouched. Run on an old git too: PATH=/tmp/git-2.31.8/bin:$PATH npx jest remove
 */
import { readlinkSync } from 'node:fs';
import path from 'node:path';
import {
  commit,
  expectGone,
  FILES,
  feature,
  hasMergeTree,
  type Merge,
  memoryOf,
  merges,
  onOrigin,
  removeJson,
  there,
  tree,
} from '../helpers/remove';
import { type Fixture, git, guard, healthyRepo, write } from '../helpers/repo';
import { snapshot } from '../helpers/worktreeState';

/** What must not change: the primary's files and memory, and the other worktree with its link. */
function untouched(fx: Fixture & { worktrees: string[] }) {
  const other = fx.worktrees[1] as string;
  write(path.join(memoryOf(fx.primary), 'MEMORY.md'), 'what the primary remembers\n');
  const before = {
    primary: snapshot(fx.primary),
    memory: tree(memoryOf(fx.primary)),
    other: snapshot(other),
    otherLink: readlinkSync(memoryOf(other)),
  };
  return () => {
    expect(snapshot(fx.primary)).toEqual(before.primary);
    expect(tree(memoryOf(fx.primary))).toEqual(before.memory);
    expect(snapshot(other)).toEqual(before.other);
    expect(readlinkSync(memoryOf(other))).toBe(before.otherLink);
  };
}

describe('guard remove: an integrated branch goes, with its worktree and its memory link', () => {
  it.each(merges)('%s', (_name, merge, rule) => {
    const fx = healthyRepo(['feat/m', 'feat/other']);
    const wt = fx.worktrees[0] as string;
    feature(wt);
    merge(fx, wt, 'feat/m');
    const check = untouched(fx);
    const expected = rule(hasMergeTree(fx.primary));

    const { r, doc } = removeJson(fx.primary, [wt]);
    expect(r.code).toBe(0);
    expect(doc.fetch).toEqual({ remote: 'origin', fetched: true, skipped: null });
    expect(doc.target).toBe('origin/main');
    expect(doc.worktrees[0]).toMatchObject({
      action: 'removed',
      reasons: [],
      integration: { state: 'integrated', rule: expected },
      branchAction: { name: 'feat/m', action: 'deleted' },
      leftovers: [{ kind: 'shared-dir-link', path: memoryOf(wt), action: 'removed' }],
      gitError: null,
    });
    if (!hasMergeTree(fx.primary) && expected !== 'ancestor')
      expect(doc.worktrees[0]?.integration?.unavailable.map((u) => u.rule)).toEqual(['merge-noop']);
    expectGone(fx, wt, 'feat/m');
    check();
  });

  it('says which rule matched, in words; --keep-branch keeps an integrated branch', () => {
    const fx = healthyRepo(['feat/k', 'feat/other']);
    const wt = fx.worktrees[0] as string;
    feature(wt);
    const [, merge] = merges[1] as [string, Merge, unknown];
    merge(fx, wt, 'feat/k');
    const head = git(wt, 'rev-parse', 'HEAD').trim();
    const r = guard(fx.primary, ['remove', '--keep-branch', wt]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('integrated: its tip is in origin/main (merged or fast-forwarded)');
    expect(r.stdout).toContain('branch feat/k kept: --keep-branch');
    expect(git(fx.primary, 'rev-parse', 'refs/heads/feat/k').trim()).toBe(head);
    expect(there(memoryOf(wt))).toBe(false);
  });

  it('by patch ids when merging would conflict: rebased, and main changed those lines again since', () => {
    const fx = healthyRepo(['feat/r', 'feat/other']);
    const wt = fx.worktrees[0] as string;
    feature(wt);
    git(wt, 'push', '-q', '-u', 'origin', 'feat/r');
    onOrigin(fx, (c) => {
      git(c, 'cherry-pick', `origin/feat/r~1`, 'origin/feat/r');
      commit(c, { 'feature/b.txt': 'beta, improved\n' }, 'follow-up');
    });
    const { r, doc } = removeJson(fx.primary, [wt]);
    expect(r.code).toBe(0);
    expect(doc.worktrees[0]?.integration).toMatchObject({ state: 'integrated', rule: 'patch-ids' });
    expectGone(fx, wt, 'feat/r');
  });

  it('by the squash patch id when merging would conflict: squashed, and main changed those lines again since', () => {
    const fx = healthyRepo(['feat/q', 'feat/other']);
    const wt = fx.worktrees[0] as string;
    feature(wt);
    const squash = onOrigin(fx, (c) => commit(c, FILES, 'feature (#7)'));
    onOrigin(fx, (c) => commit(c, { 'feature/a.txt': 'alpha, improved\n' }, 'follow-up'));
    const { r, doc } = removeJson(fx.primary, [wt]);
    expect(r.code).toBe(0);
    expect(doc.worktrees[0]?.integration).toMatchObject({
      state: 'integrated',
      rule: 'squash-patch-id',
      commit: squash,
    });
    expectGone(fx, wt, 'feat/q');
  });

  it('a branch with no commit of its own is not "integrated", but removing it loses nothing', () => {
    const fx = healthyRepo(['feat/fresh', 'feat/other']);
    const wt = fx.worktrees[0] as string;
    const { r, doc } = removeJson(fx.primary, [wt]);
    expect(r.code).toBe(0);
    expect(doc.worktrees[0]).toMatchObject({
      integration: { state: 'nothing' },
      branchAction: { action: 'deleted' },
    });
    expectGone(fx, wt, 'feat/fresh');
  });
});

describe('guard list marks integrated worktrees', () => {
  it('adds integration to each row (--json stays additive) and an INTEGRATED column', () => {
    const fx = healthyRepo(['feat/l', 'feat/other']);
    const wt = fx.worktrees[0] as string;
    feature(wt);
    (merges[0] as [string, Merge, unknown])[1](fx, wt, 'feat/l');
    git(fx.primary, 'fetch', '-q', 'origin');
    const r = guard(fx.primary, ['list', '--json']);
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout).worktrees;
    expect(rows[0].integration).toBeNull(); // the primary
    expect(rows[1].integration).toMatchObject({
      state: 'integrated',
      rule: 'ancestor',
      target: 'origin/main',
    });
    expect(rows[2].integration).toMatchObject({ state: 'nothing', rule: null });
    const table = guard(fx.primary, ['list']).stdout.split('\n');
    expect(table[1]).toMatch(/LINKS\s+INTEGRATED$/);
    expect(table.find((l) => l.includes('feat/l'))).toMatch(/ancestor$/);
    expect(table.find((l) => l.includes('feat/other'))).toMatch(/—$/);
  });
});
