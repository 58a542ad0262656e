/** Every doctor rule as a table over hand-built facts: the pure half of what test/doctor.test.ts runs on real git. */
import {
  ConfigError,
  DEFAULT_CONFIG,
  doctorFindings,
  type HooksFacts,
  type LinkFacts,
  type RepoFacts,
  type StashEntry,
  type WorktreeFacts,
  type WorktreeRecord,
} from '@worktree-guard/core';

const NOW = Date.parse('2026-11-25T12:00:00Z');
const HOUR = 3_600_000;
const ada = { name: 'Ada', email: 'ada@x' };

function hooks(dir: string, state: 'ok' | 'missing' | 'not-executable' | 'old' = 'ok'): HooksFacts {
  const shims = ['worktree-guard.sh', 'post-checkout', 'pre-commit', 'reference-transaction'].map((n) => ({
    file: `${dir}/${n}`,
    state: n === 'pre-commit' ? state : ('ok' as const),
    version: state === 'old' && n === 'pre-commit' ? 0 : 1,
  }));
  return { where: { dir, worktree: dir, hooksPath: null }, dirExists: true, shims };
}

function link(wt: string, over: Partial<LinkFacts> = {}): LinkFacts {
  return {
    rel: '.env',
    source: '/r/app/.env',
    expected: true,
    dest: `${wt}/.env`,
    destInfo: { kind: 'symlink', target: '/r/app/.env', targetExists: true },
    ignoredHere: true,
    ...over,
  };
}

function wt(
  p: string,
  over: Omit<Partial<WorktreeFacts>, 'record'> & { record?: Partial<WorktreeRecord> } = {},
): WorktreeFacts {
  const { record, ...rest } = over;
  const isPrimary = p === '/r/app';
  return {
    record: {
      path: p,
      head: 'a'.repeat(40),
      branch: isPrimary ? 'main' : (p.split('-').pop() ?? null),
      detached: false,
      bare: false,
      locked: null,
      prunable: null,
      ...record,
    },
    path: p,
    isPrimary,
    present: true,
    gitDir: `${p}/.git`,
    view: null,
    config: DEFAULT_CONFIG,
    configError: null,
    pinned: ada,
    hooks: hooks('/r/app/.git/hooks'),
    links: isPrimary ? [] : [link(p)],
    sharedDirs: isPrimary
      ? []
      : [
          {
            entry: 'm',
            primaryDir: '/c/app/memory',
            dest: `/c/${p}/memory`,
            destInfo: { kind: 'symlink', target: '/c/app/memory', targetExists: true },
          },
        ],
    lastFetch: null,
    base: null,
    sitsOnStart: null,
    ...rest,
  };
}

function facts(worktrees: WorktreeFacts[], over: Partial<RepoFacts> = {}): RepoFacts {
  const records = worktrees.map((w) => w.record);
  return {
    repo: {
      topLevel: '/r/app',
      gitDir: '/r/app/.git',
      commonDir: '/r/app/.git',
      worktrees: records,
      primary: records[0] as WorktreeRecord,
      current: records[0] as WorktreeRecord,
    },
    config: DEFAULT_CONFIG,
    now: NOW,
    worktrees,
    extensionOn: true,
    sharedIdentity: ada,
    stash: [],
    lastFetch: new Date(NOW - HOUR),
    hasRemote: true,
    remoteBase: { ref: 'origin/main', commit: 'b'.repeat(40) },
    localBaseCarriers: [],
    guardInstalled: true,
    ...over,
  };
}

const two = () => [wt('/r/app'), wt('/r/app-x')];
const stashEntry = {
  ref: 'stash@{0}',
  index: 0,
  commit: 'c',
  tree: 't',
  base: 'b',
  indexCommit: 'i',
  untracked: null,
  subject: 'WIP on x: …',
  branch: 'x',
  time: (NOW - 3 * 86_400_000) / 1000,
  author: { name: 'A', email: 'a', date: '' },
} as StashEntry;

const cases: [string, RepoFacts, string[]][] = [
  ['a healthy pair of worktrees', facts(two()), []],
  ['one worktree with a stash: no hazard', facts([wt('/r/app')], { stash: [stashEntry] }), []],
  ['two worktrees and a stash', facts(two(), { stash: [stashEntry] }), ['live-stash /r/app-x']],
  [
    'an unpinned worktree',
    facts([wt('/r/app'), wt('/r/app-x', { pinned: null })]),
    ['identity-not-pinned /r/app-x'],
  ],
  [
    'the extension off: every worktree',
    facts(two(), { extensionOn: false }),
    ['identity-not-pinned /r/app', 'identity-not-pinned /r/app-x'],
  ],
  ['a single unpinned worktree is fine', facts([wt('/r/app', { pinned: null })]), []],
  [
    'a locked worktree gone from disk still counts, as in the pre-commit hook',
    facts([wt('/r/app', { pinned: null }), wt('/r/app-x', { present: false, record: { locked: 'usb' } })]),
    ['identity-not-pinned /r/app', 'worktree-missing /r/app-x'],
  ],
  [
    'a leaked shared identity',
    facts(two(), { sharedIdentity: { name: 'Ada', email: 'bot@x' } }),
    ['identity-leak /r/app'],
  ],
  [
    'a duplicate branch',
    facts([wt('/r/app'), wt('/r/app-x', { record: { branch: 'main' } })]),
    ['duplicate-branch /r/app-x'],
  ],
  [
    'a prunable duplicate does not count',
    facts([wt('/r/app'), wt('/r/app-x', { present: false, record: { branch: 'main', prunable: 'gone' } })]),
    ['prunable /r/app-x'],
  ],
  [
    'a detached HEAD',
    facts([wt('/r/app'), wt('/r/app-x', { record: { branch: null, detached: true } })]),
    ['detached-head /r/app-x'],
  ],
  ['an old last fetch', facts(two(), { lastFetch: new Date(NOW - 30 * HOUR) }), ['stale-base /r/app']],
  ['never fetched', facts(two(), { lastFetch: null }), ['stale-base /r/app']],
  ['no remote, no fetch to judge', facts(two(), { lastFetch: null, hasRemote: false, remoteBase: null }), []],
  [
    'a start behind the remote base, still there',
    facts([
      wt('/r/app'),
      wt('/r/app-x', {
        base: { commit: 'a', ref: 'HEAD', fetchedAt: null, behind: 2, startedAt: null },
        sitsOnStart: true,
      }),
    ]),
    ['stale-base /r/app-x'],
  ],
  [
    'a stale start since rebased',
    facts([
      wt('/r/app'),
      wt('/r/app-x', {
        base: { commit: 'a', ref: 'HEAD', fetchedAt: null, behind: 2, startedAt: null },
        sitsOnStart: false,
      }),
    ]),
    [],
  ],
  [
    'a branch carrying local main commits',
    facts(two(), { localBaseCarriers: ['x'] }),
    ['local-base /r/app-x'],
  ],
  ['guard armed nowhere', facts(two(), { guardInstalled: false }), ['hooks-not-installed /r/app']],
  [
    'a shim not executable',
    facts([wt('/r/app'), wt('/r/app-x', { hooks: hooks('/h', 'not-executable') })]),
    ['hooks-disarmed /r/app-x'],
  ],
  [
    'a shim from an older guard',
    facts([wt('/r/app'), wt('/r/app-x', { hooks: hooks('/h', 'old') })]),
    ['hooks-disarmed /r/app-x'],
  ],
  [
    'a link missing',
    facts([wt('/r/app'), wt('/r/app-x', { links: [link('/r/app-x', { destInfo: { kind: 'missing' } })] })]),
    ['link-missing /r/app-x'],
  ],
  [
    'a link not expected (primary lacks it)',
    facts([
      wt('/r/app'),
      wt('/r/app-x', { links: [link('/r/app-x', { expected: false, destInfo: { kind: 'missing' } })] }),
    ]),
    [],
  ],
  [
    'a link dangling',
    facts([
      wt('/r/app'),
      wt('/r/app-x', {
        links: [link('/r/app-x', { destInfo: { kind: 'symlink', target: '/gone', targetExists: false } })],
      }),
    ]),
    ['link-broken /r/app-x'],
  ],
  [
    'a link git would show',
    facts([wt('/r/app'), wt('/r/app-x', { links: [link('/r/app-x', { ignoredHere: false })] })]),
    ['link-not-ignored /r/app-x'],
  ],
  [
    'a real file where a link goes is the user’s choice',
    facts([
      wt('/r/app'),
      wt('/r/app-x', { links: [link('/r/app-x', { destInfo: { kind: 'file', size: 3, mode: 0o600 } })] }),
    ]),
    [],
  ],
  [
    'memory not linked',
    facts([
      wt('/r/app'),
      wt('/r/app-x', {
        sharedDirs: [
          { entry: 'm', primaryDir: '/c/app/memory', dest: '/c/x/memory', destInfo: { kind: 'missing' } },
        ],
      }),
    ]),
    ['memory-not-shared /r/app-x'],
  ],
  [
    'a prunable worktree',
    facts([
      wt('/r/app'),
      wt('/r/app-x', { present: false, record: { prunable: 'gitdir file points to non-existent location' } }),
    ]),
    ['prunable /r/app-x'],
  ],
  [
    'a locked worktree whose directory is gone',
    facts([wt('/r/app'), wt('/r/app-x', { present: false, record: { locked: 'usb' } })]),
    ['worktree-missing /r/app-x'],
  ],
  [
    'a broken configuration',
    facts([
      wt('/r/app'),
      wt('/r/app-x', {
        configError: new ConfigError('/r/app-x/.worktreeguardrc.json', [{ key: 'stash', message: 'bad' }]),
      }),
    ]),
    ['config-invalid /r/app-x'],
  ],
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

  it('a stash entry names its age', () => {
    const [f] = doctorFindings(facts(two(), { stash: [stashEntry] }));
    expect(f?.message).toMatch(
      /stash@\{0\} was made on "x" 3 days ago \(that branch is checked out in \/r\/app-x\)/,
    );
  });
});
