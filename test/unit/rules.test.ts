/** Every rule as a table over hand-built facts: the pure half of what test/e2e/doctor.test.ts runs on real git. */
import { commitFindings, doctorFindings, type RepoFacts } from '@worktree-guard/core';
import { facts, HOUR, hooks, link, memory, NOW, PRIMARY, stashEntry, wt } from '../helpers/facts';

const X = '/r/app-x';
const two = () => [wt(PRIMARY), wt(X)];
const behind = { commit: 'a', ref: 'HEAD', fetchedAt: null, behind: 2, startedAt: null };

const cases: [string, RepoFacts, string[]][] = [
  ['a healthy pair of worktrees', facts(two()), []],
  ['one worktree with a stash: no hazard', facts([wt(PRIMARY)], { stash: [stashEntry()] }), []],
  ['two worktrees and a stash', facts(two(), { stash: [stashEntry()] }), [`live-stash ${X}`]],
  ['an unpinned worktree', facts([wt(PRIMARY), wt(X, { pin: null })]), [`identity-not-pinned ${X}`]],
  [
    'a pin inherited from another worktree',
    facts([wt(PRIMARY), wt(X, { pin: 'inherited' })]),
    [`identity-not-pinned ${X}`],
  ],
  [
    'the extension off: every worktree',
    facts(two(), { extension: false }),
    [`identity-not-pinned ${PRIMARY}`, `identity-not-pinned ${X}`],
  ],
  ['a single unpinned worktree is fine', facts([wt(PRIMARY, { pin: null })]), []],
  [
    'a locked worktree gone from disk is no place to work: one worktree, no identity rule',
    facts([wt(PRIMARY, { pin: null }), wt(X, { present: false, locked: 'usb' })]),
    [`worktree-missing ${X}`],
  ],
  [
    'a leaked shared identity',
    facts(two(), { sharedIdentity: { name: 'Ada', email: 'bot@x' } }),
    [`identity-leak ${PRIMARY}`],
  ],
  [
    'a duplicate branch: both worktrees are told',
    facts([wt(PRIMARY), wt(X, { branch: 'main' })]),
    [`duplicate-branch ${PRIMARY}`, `duplicate-branch ${X}`],
  ],
  [
    'a prunable duplicate does not count',
    facts([wt(PRIMARY), wt(X, { branch: 'main', prunable: 'gone' })]),
    [`prunable ${X}`],
  ],
  [
    'a protected branch in a linked worktree',
    facts([wt(PRIMARY), wt(X, { branch: 'release' })], {
      config: { protectedBranches: ['main', 'release'] },
    }),
    [`protected-branch ${X}`],
  ],
  ['the primary may hold a protected branch', facts(two(), { config: { protectedBranches: ['main'] } }), []],
  ['a detached HEAD', facts([wt(PRIMARY), wt(X, { detached: true })]), [`detached-head ${X}`]],
  ['an old last fetch', facts(two(), { lastFetch: new Date(NOW - 30 * HOUR) }), [`stale-base ${PRIMARY}`]],
  ['never fetched', facts(two(), { lastFetch: null }), [`stale-base ${PRIMARY}`]],
  ['no remote, no fetch to judge', facts(two(), { lastFetch: null, remote: false }), []],
  [
    'a start behind the remote base, still there',
    facts([wt(PRIMARY), wt(X, { base: behind, sitsOnStart: true })]),
    [`stale-base ${X}`],
  ],
  ['a stale start since rebased', facts([wt(PRIMARY), wt(X, { base: behind, sitsOnStart: false })]), []],
  ['a branch carrying local main commits', facts(two(), { localBaseCarriers: ['x'] }), [`local-base ${X}`]],
  [
    'guard armed nowhere',
    facts(
      [wt(PRIMARY, { hooks: hooks('/h', 'missing') }), wt(X, { hooks: hooks('/h', 'missing') })].map((w) => {
        if (w.hooks) w.hooks.shims = w.hooks.shims.map((s) => ({ ...s, state: 'missing' as const }));
        return w;
      }),
    ),
    [`hooks-not-installed ${PRIMARY}`],
  ],
  [
    'a shim not executable',
    facts([wt(PRIMARY), wt(X, { hooks: hooks('/h', 'not-executable') })]),
    [`hooks-disarmed ${X}`],
  ],
  [
    'a shim from an older guard',
    facts([wt(PRIMARY), wt(X, { hooks: hooks('/h', 'old') })]),
    [`hooks-disarmed ${X}`],
  ],
  [
    'a link missing',
    facts([wt(PRIMARY), wt(X, { links: [link(X, { destInfo: { kind: 'missing' } })] })]),
    [`link-missing ${X}`],
  ],
  [
    'a link not expected (the primary lacks it)',
    facts([
      wt(PRIMARY),
      wt(X, { links: [link(X, { sourceInfo: { kind: 'missing' }, destInfo: { kind: 'missing' } })] }),
    ]),
    [],
  ],
  [
    'a link not expected (tracked in the primary)',
    facts([
      wt(PRIMARY),
      wt(X, { links: [link(X, { ignoredInPrimary: null, destInfo: { kind: 'missing' } })] }),
    ]),
    [],
  ],
  [
    'a link dangling',
    facts([
      wt(PRIMARY),
      wt(X, { links: [link(X, { destInfo: { kind: 'symlink', target: '/gone', targetExists: false } })] }),
    ]),
    [`link-broken ${X}`],
  ],
  [
    'a link git would show',
    facts([wt(PRIMARY), wt(X, { links: [link(X, { ignoredHere: false })] })]),
    [`link-not-ignored ${X}`],
  ],
  [
    'a real file where a link goes is the user’s choice',
    facts([wt(PRIMARY), wt(X, { links: [link(X, { destInfo: { kind: 'file', size: 3, mode: 0o600 } })] })]),
    [],
  ],
  [
    'memory not linked',
    facts([wt(PRIMARY), wt(X, { sharedDirs: [memory(X, { destInfo: { kind: 'missing' } })] })]),
    [`memory-not-shared ${X}`],
  ],
  [
    'no Claude Code here: no memory to share',
    facts([
      wt(PRIMARY),
      wt(X, { sharedDirs: [memory(X, { destInfo: { kind: 'missing' }, claudeMissing: true })] }),
    ]),
    [],
  ],
  [
    'a prunable worktree',
    facts([wt(PRIMARY), wt(X, { prunable: 'gitdir file points to non-existent location' })]),
    [`prunable ${X}`],
  ],
  [
    'a locked worktree whose directory is gone',
    facts([wt(PRIMARY), wt(X, { present: false, locked: 'usb' })]),
    [`worktree-missing ${X}`],
  ],
  ['a broken configuration', facts(two(), { configError: true }), [`config-invalid ${PRIMARY}`]],
];

describe('doctor rules', () => {
  it.each(cases)('%s', (_what, s, want) => {
    expect(doctorFindings(s).map((f) => `${f.id} ${f.worktree}`)).toEqual(want);
  });

  it('every finding carries a fix or says why not, and only create-only repairs are autofix', () => {
    const autofixable = new Set([
      'identity-not-pinned',
      'link-missing',
      'memory-not-shared',
      'hooks-disarmed',
    ]);
    for (const [, s] of cases)
      for (const f of doctorFindings(s)) {
        expect(f.message.length).toBeGreaterThan(20);
        if (f.autofix) expect(autofixable.has(f.id)).toBe(true);
        if (f.id !== 'config-invalid' && f.id !== 'memory-not-shared') expect(f.fix).toBeTruthy();
      }
  });

  it('a stash entry names its age and where its branch is', () => {
    const [f] = doctorFindings(facts(two(), { stash: [stashEntry()] }));
    expect(f?.message).toMatch(
      /stash@\{0\} was made on "x" 3 days ago \(that branch is checked out in \/r\/app-x\)/,
    );
  });

  it('an entry stored by a program is named by its message, not as a detached HEAD', () => {
    const stored = stashEntry({ subject: 'autostash', branch: null, origin: 'stored' });
    const [f] = doctorFindings(facts(two(), { stash: [stored] }));
    expect(f?.message).toMatch(/stash@\{0\} was stored as "autostash" 3 days ago/);
    expect(f?.message).not.toMatch(/detached/);
  });

  it('git 2.31–2.35 subjects name only the last component of a branch: it is resolved', () => {
    const short = stashEntry({ subject: 'WIP on a: 1234567 w', branch: 'a' });
    const [f] = doctorFindings(
      facts([wt(PRIMARY), wt('/r/app-feat-a', { branch: 'feat/a' })], { stash: [short] }),
    );
    expect(f?.worktree).toBe('/r/app-feat-a');
    expect(f?.data?.branch).toBe('feat/a');
  });
});

/** The commit check is the commit rules' findings about the worktree committed in — the same functions. */
const commitCases: [string, RepoFacts, string, string[]][] = [
  ['healthy', facts(two()), X, []],
  ['unpinned, several worktrees', facts([wt(PRIMARY), wt(X, { pin: null })]), X, ['identity-not-pinned']],
  [
    'unpinned elsewhere is not this commit’s business',
    facts([wt(PRIMARY), wt(X, { pin: null })]),
    PRIMARY,
    [],
  ],
  ['an inherited pin', facts([wt(PRIMARY), wt(X, { pin: 'inherited' })]), X, ['identity-not-pinned']],
  ['alone, unpinned', facts([wt(PRIMARY, { pin: null })]), PRIMARY, []],
  [
    'its branch is checked out elsewhere',
    facts([wt(PRIMARY), wt(X, { branch: 'main' })]),
    X,
    ['duplicate-branch'],
  ],
  [
    '…seen from the other side too',
    facts([wt(PRIMARY), wt(X, { branch: 'main' })]),
    PRIMARY,
    ['duplicate-branch'],
  ],
  [
    'a protected branch from a linked worktree',
    facts([wt(PRIMARY), wt(X, { branch: 'release' })], { config: { protectedBranches: ['release'] } }),
    X,
    ['protected-branch'],
  ],
  [
    'a protected branch in the primary',
    facts(two(), { config: { protectedBranches: ['main'] } }),
    PRIMARY,
    [],
  ],
  ['a stash does not stop a commit', facts(two(), { stash: [stashEntry()] }), X, []],
  [
    'a missing link does not stop a commit',
    facts([wt(PRIMARY), wt(X, { links: [link(X, { destInfo: { kind: 'missing' } })] })]),
    X,
    [],
  ],
];

describe('the commit check', () => {
  it.each(commitCases)('%s', (_what, s, worktree, want) => {
    expect(commitFindings(s, worktree).map((f) => f.id)).toEqual(want);
  });

  it('uses the same findings as doctor, fix text included', () => {
    const s = facts([wt(PRIMARY), wt(X, { pin: null, branch: 'main' })]);
    const fromDoctor = doctorFindings(s).filter((f) => f.worktree === X && f.id !== 'stale-base');
    expect(commitFindings(s, X)).toEqual(fromDoctor);
  });
});
