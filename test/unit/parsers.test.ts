/** Pure parsers and namers: stash list, status, rescue names, the hooks directory, the last fetch. */
import {
  ConfigView,
  hooksDirFrom,
  parseConfigList,
  parseReflog,
  parseStashList,
  parseStatusV2,
  rescueBranchName,
  rescueBranchNames,
  resolveStashBranch,
  type StashEntry,
  stashOrigin,
} from '@worktree-guard/core';

describe('stashOrigin', () => {
  it.each([
    ['WIP on main: 1a2b3c4 init', 'branch', 'main'],
    ['On feat/x: my message: with colons', 'branch', 'feat/x'],
    ['WIP on (no branch): 1a2b3c4 init', 'detached', null],
    ['WIP on ünï/cødé: abc x', 'branch', 'ünï/cødé'],
    ['autostash', 'stored', null],
    ['lint-staged automatic backup', 'stored', null],
  ])('%s → %s %s', (subject, origin, branch) => expect(stashOrigin(subject)).toEqual({ origin, branch }));
});

describe('resolveStashBranch (git 2.31–2.35 wrote only the last component)', () => {
  it.each([
    ['main', ['main', 'feat/main'], 'main'],
    ['x', ['main', 'feat/x'], 'feat/x'],
    ['x', ['a/x', 'b/x'], 'x'],
    ['gone', ['main'], 'gone'],
  ])('%s among %j → %s', (name, branches, want) => expect(resolveStashBranch(name, branches)).toBe(want));
});

describe('parseStashList', () => {
  it('reads every field of entries with and without untracked files', () => {
    const rec = (n: number, parents: string, subject: string) =>
      [
        `stash@{${n}}`,
        `c${n}`,
        `t${n}`,
        parents,
        subject,
        '1700000000',
        'A U',
        'a@x',
        '2023-11-14T22:13:20+00:00',
      ].join('\0');
    const text = `${rec(0, 'b0 i0 u0', 'WIP on main: x')}\0\n${rec(1, 'b1 i1', 'On (no branch): y')}\0\n`;
    expect(parseStashList(text)).toEqual([
      expect.objectContaining({
        ref: 'stash@{0}',
        index: 0,
        commit: 'c0',
        tree: 't0',
        base: 'b0',
        indexCommit: 'i0',
        untracked: 'u0',
        branch: 'main',
      }),
      expect.objectContaining({
        ref: 'stash@{1}',
        index: 1,
        untracked: null,
        branch: null,
        time: 1_700_000_000,
      }),
    ]);
    expect(parseStashList('')).toEqual([]);
  });
});

describe('parseStatusV2', () => {
  it('counts staged, unstaged, untracked and conflicted paths; a rename carries one extra field', () => {
    const text = [
      '1 M. N... 100644 100644 100644 a b staged.txt',
      '1 .M N... 100644 100644 100644 a b changed.txt',
      '1 MM N... 100644 100644 100644 a b both.txt',
      '1 .A N... 000000 000000 100644 0 b intent to add.txt',
      '2 R. N... 100644 100644 100644 a b R100 new name.txt',
      'old name.txt',
      'u UU N... 100644 100644 100644 100644 a b c conflict.txt',
      '? new.txt',
      '? dir/',
      '',
    ].join('\0');
    expect(parseStatusV2(text)).toEqual({
      staged: 3,
      unstaged: 3,
      untracked: 2,
      conflicted: 1,
      untrackedPaths: ['new.txt', 'dir/'],
      intentToAdd: ['intent to add.txt'],
    });
  });
});

describe('rescue branch names', () => {
  const entry = (index: number, branch: string | null, subject = '') =>
    ({ index, branch, subject, origin: branch ? 'branch' : subject ? 'stored' : 'detached' }) as StashEntry;

  it.each([
    ['nothing in the way', 'main', [], 'rescued/main/1'],
    ['the name exists: the next n', 'main', ['rescued/main/1', 'rescued/main/2'], 'rescued/main/3'],
    ['a ref below the name', 'main', ['rescued/main/1/x'], 'rescued/main/2'],
    ['a branch where a directory goes', 'main', ['rescued/main'], 'rescued-2/main/1'],
    ['a branch named "rescued"', 'feat/x', ['rescued', 'rescued-2/feat'], 'rescued-3/feat/x/1'],
    ['slashes and unicode', 'feat/ü', ['rescued/feat/ü/1'], 'rescued/feat/ü/2'],
  ])('%s', (_what, origin, taken, want) => expect(rescueBranchName(origin, new Set(taken))).toBe(want));

  it('counts per origin branch, oldest entry first; a detached HEAD is "detached", a stored entry its message', () => {
    const names = rescueBranchNames(
      [entry(0, 'main'), entry(1, null), entry(2, 'main'), entry(3, 'x'), entry(4, null, 'autostash')],
      ['rescued/main/1', 'feat/x'],
    );
    expect(Object.fromEntries(names)).toEqual({
      4: 'rescued/autostash/1',
      3: 'rescued/feat/x/1',
      2: 'rescued/main/2',
      1: 'rescued/detached/1',
      0: 'rescued/main/3',
    });
  });
});

describe('hooksDirFrom', () => {
  const view = (entries: string) => new ConfigView(parseConfigList(entries));
  const at = { worktree: '/w/app-x', bare: false, commonDir: '/w/app/.git' };

  it.each([
    ['no core.hooksPath: the common hooks dir', '', '/w/app/.git/hooks', null],
    ['relative: inside this worktree', 'local\0core.hookspath\n.husky/_\0', '/w/app-x/.husky/_', 'local'],
    ['absolute', 'local\0core.hookspath\n/srv/hooks\0', '/srv/hooks', 'local'],
    ['a leading ~/', 'global\0core.hookspath\n~/hooks\0', '/home/u/hooks', 'global'],
    [
      'the worktree scope wins',
      'local\0core.hookspath\n.husky/_\0worktree\0core.hookspath\n/own\0',
      '/own',
      'worktree',
    ],
  ])('%s', (_what, entries, dir, scope) => {
    const h = hooksDirFrom(view(entries), at, '/home/u');
    expect(h.dir).toBe(dir);
    expect(h.hooksPath?.scope ?? null).toBe(scope);
  });

  it('a bare repository resolves a relative path from its git dir', () => {
    expect(hooksDirFrom(view('local\0core.hookspath\nmy-hooks\0'), { ...at, bare: true }, '/h').dir).toBe(
      '/w/app/.git/my-hooks',
    );
  });
});

describe('parseReflog', () => {
  it('reads each entry with its own time (from %gd under --date=unix), not the commit time', () => {
    const text = `${'a'.repeat(40)}\0origin/main@{1700000000}\0fetch: fast-forward\n${'b'.repeat(40)}\0origin/main@{1600000000}\0clone: from /x\n`;
    expect(parseReflog(text)).toEqual([
      { commit: 'a'.repeat(40), subject: 'fetch: fast-forward', time: 1_700_000_000 },
      { commit: 'b'.repeat(40), subject: 'clone: from /x', time: 1_600_000_000 },
    ]);
    expect(parseReflog('')).toEqual([]);
  });
});
