/** guard remove's pure half: the decision as a table over hand-built facts, and the orphan rule. */
import {
  type DecideOptions,
  decideRemoval,
  forceNames,
  type Integration,
  type Leftover,
  leftoverKind,
  orphanRules,
  parseForce,
  type RemovalFacts,
  sweepable,
  UsageError,
} from '@worktree-guard/core';
import { facts, PRIMARY, wt } from '../helpers/facts';

const WT = '/r/app-x';
const HEAD = 'c'.repeat(40);
const integrated: Integration = {
  state: 'integrated',
  rule: 'ancestor',
  target: 'origin/main',
  tried: ['ancestor'],
  unavailable: [],
};
const notIntegrated: Integration = { ...integrated, state: 'not-integrated', rule: null };
const clean = { staged: 0, unstaged: 0, untracked: 0, conflicted: 0, untrackedPaths: [], intentToAdd: [] };
const noCommits = { count: 0, sample: [] };
const twoCommits = {
  count: 2,
  sample: [
    { commit: 'd'.repeat(40), subject: 'two' },
    { commit: 'e'.repeat(40), subject: 'one' },
  ],
};

function f(over: Partial<RemovalFacts> = {}): RemovalFacts {
  return {
    record: {
      path: WT,
      head: HEAD,
      branch: 'x',
      detached: false,
      bare: false,
      locked: null,
      prunable: null,
    },
    primary: false,
    present: true,
    holdsCwd: false,
    nested: [],
    status: clean,
    localFiles: [],
    commits: { upstream: null, unsafe: noCommits, unreachable: null },
    integration: integrated,
    parked: null,
    holds: [],
    leftovers: [],
    branchElsewhere: null,
    branchProtected: false,
    ...over,
  };
}

const opts = (force: string[] = [], keepBranch = false): DecideOptions => ({
  force: new Set(force),
  keepBranch,
  remote: 'origin',
  home: PRIMARY,
  primary: PRIMARY,
});

const locked = {
  id: 'locked',
  message: 'locked',
  resolve: 'git worktree unlock /r/app-x',
  force: 'locked',
};
const detached = { ...f().record, branch: null, detached: true };

describe('decideRemoval', () => {
  const cases: [string, RemovalFacts, string[], string[], boolean, number][] = [
    ['clean and integrated', f(), [], [], true, 0],
    ['the primary, even with every force', f({ primary: true }), forceNames(), ['primary'], false, 0],
    [
      'staged and unstaged changes',
      f({ status: { ...clean, staged: 1, unstaged: 2 } }),
      [],
      ['uncommitted'],
      false,
      0,
    ],
    [
      'changes, forced: git needs one --force',
      f({ status: { ...clean, unstaged: 1, untracked: 1, untrackedPaths: ['n'] } }),
      ['uncommitted', 'untracked'],
      ['uncommitted', 'untracked'],
      true,
      1,
    ],
    [
      'forcing one reason leaves the other standing',
      f({ status: { ...clean, unstaged: 1, untracked: 1, untrackedPaths: ['n'] } }),
      ['untracked'],
      ['uncommitted', 'untracked'],
      false,
      1,
    ],
    [
      'a diverged copy',
      f({ localFiles: [{ rel: '.env.local', why: 'differs' }] }),
      [],
      ['local-files'],
      false,
      0,
    ],
    [
      'commits neither integrated nor pushed',
      f({ integration: notIntegrated, commits: { upstream: null, unsafe: twoCommits, unreachable: null } }),
      [],
      ['unpushed'],
      false,
      0,
    ],
    [
      'commits integrated by content: nothing to lose',
      f({ commits: { upstream: null, unsafe: twoCommits, unreachable: null } }),
      [],
      [],
      true,
      0,
    ],
    ['pushed but not integrated', f({ integration: notIntegrated }), [], [], true, 0],
    ['a park commit', f({ parked: HEAD, integration: notIntegrated }), [], ['parked'], false, 0],
    ['a lock', f({ holds: [locked] }), [], ['locked'], false, 0],
    ['a lock, forced: git needs two', f({ holds: [locked] }), ['locked'], ['locked'], true, 2],
    [
      'commits only a detached HEAD holds: never forced',
      f({
        record: detached,
        integration: notIntegrated,
        commits: { upstream: null, unsafe: noCommits, unreachable: twoCommits },
      }),
      forceNames(),
      ['unreachable-commits'],
      false,
      0,
    ],
    [
      'another worktree inside',
      f({ nested: ['/r/app-x/inner'] }),
      forceNames(),
      ['nested-worktree'],
      false,
      0,
    ],
  ];
  it.each(cases)('%s', (_name, facts, force, ids, remove, gitForce) => {
    const d = decideRemoval(facts, opts(force));
    expect(d.reasons.map((r) => r.id)).toEqual(ids);
    expect(d.remove).toBe(remove);
    expect(d.gitForce).toBe(gitForce);
    for (const r of d.reasons) expect(r.message).not.toBe('');
  });

  it('names a resolving command for every reason that has one, and the force for every forceable one', () => {
    const d = decideRemoval(
      f({
        status: { ...clean, unstaged: 1, untracked: 1, untrackedPaths: ['n'] },
        integration: notIntegrated,
        commits: { upstream: null, unsafe: twoCommits, unreachable: null },
        parked: HEAD,
        localFiles: [{ rel: '.env.local', why: 'only-here' }],
      }),
      opts(),
    );
    expect(Object.fromEntries(d.reasons.map((r) => [r.id, [r.resolve, r.force]]))).toEqual({
      uncommitted: [`cd ${WT} && git add -A && git commit`, 'uncommitted'],
      untracked: [`cd ${WT} && git add -A && git commit`, 'untracked'],
      'local-files': [`cp -p -- ${WT}/.env.local ${PRIMARY}/.env.local`, 'local-files'],
      unpushed: [`git -C ${WT} push -u origin x`, 'unpushed'],
      parked: [`cd ${WT} && guard unpark`, 'parked'],
    });
  });

  const fates: [string, RemovalFacts, boolean, unknown][] = [
    ['integrated: deleted', f(), false, { action: 'delete', name: 'x', commit: HEAD }],
    ['integrated, --keep-branch', f(), true, { action: 'keep', name: 'x', why: 'asked' }],
    [
      'not integrated: kept',
      f({ integration: notIntegrated }),
      false,
      { action: 'keep', why: 'not-integrated' },
    ],
    [
      'no commit of its own: deleted',
      f({ integration: { ...notIntegrated, state: 'nothing' } }),
      false,
      { action: 'delete' },
    ],
    [
      'no commit of its own, but commits nowhere else: kept',
      f({
        integration: { ...notIntegrated, state: 'nothing' },
        commits: { upstream: null, unsafe: twoCommits, unreachable: null },
      }),
      false,
      { action: 'keep', why: 'not-integrated' },
    ],
    [
      'the base branch: kept',
      f({ branchProtected: true }),
      false,
      { action: 'keep', why: 'base-or-protected' },
    ],
    [
      'checked out elsewhere: kept',
      f({ branchElsewhere: '/r/app-y' }),
      false,
      { action: 'keep', why: 'checked-out-elsewhere', where: '/r/app-y' },
    ],
    ['a detached HEAD: no branch', f({ record: detached }), false, null],
  ];
  it.each(fates)('the branch: %s', (_name, facts, keep, fate) => {
    const d = decideRemoval(facts, opts([], keep));
    if (fate === null) expect(d.branch).toBeNull();
    else expect(d.branch).toMatchObject(fate as object);
  });

  it('sweeps only what is integrated, has nothing to lose, and is not where guard runs', () => {
    const sweeps = (x: RemovalFacts) => sweepable(x, decideRemoval(x, opts()));
    expect(sweeps(f())).toBe(true);
    expect(sweeps(f({ holdsCwd: true }))).toBe(false);
    expect(sweeps(f({ integration: { ...notIntegrated, state: 'nothing' } }))).toBe(false);
    expect(sweeps(f({ status: { ...clean, staged: 1 } }))).toBe(false);
    expect(sweeps(f({ holds: [locked] }))).toBe(false);
  });
});

describe('parseForce', () => {
  it('accepts every known name, repeated or comma-separated', () => {
    expect([...parseForce(['untracked,uncommitted', 'locked'])]).toEqual([
      'untracked',
      'uncommitted',
      'locked',
    ]);
  });
  it.each([['all'], ['yes'], ['feat/x'], ['']])(
    'refuses %j as a usage error naming the known ones',
    (name) => {
      expect(() => parseForce([name])).toThrow(UsageError);
      expect(() => parseForce([name])).toThrow(
        /uncommitted, untracked, local-files, unpushed, parked, locked/,
      );
    },
  );
});

describe('orphan rule', () => {
  const link = leftoverKind('shared-dir-link');
  const orphan = (l: Leftover) => ({ ...l, findingId: link?.orphanId ?? '', fix: link?.fix(l) ?? '' });

  it('reports each orphan as a warning --fix repairs, with the command that removes only the link', () => {
    const s = facts([wt(PRIMARY), wt(WT)]);
    s.orphans = [
      orphan({
        kind: 'shared-dir-link',
        path: "/c/p/-r-app y'/memory",
        target: '/c/p/-r-app/memory',
        worktree: null,
        why: 'worktree-gone',
      }),
      orphan({
        kind: 'shared-dir-link',
        path: '/c/p/-r-gone/memory',
        target: '/c/p/-r-old/memory',
        worktree: '/r/gone',
        why: 'points-nowhere',
      }),
    ];
    const found = orphanRules(s);
    expect(found.map((x) => [x.id, x.worktree, x.severity, x.autofix, x.fix])).toEqual([
      ['orphan-link', PRIMARY, 'warning', true, `rm -- '/c/p/-r-app y'\\''/memory'`],
      ['orphan-link', '/r/gone', 'warning', true, 'rm -- /c/p/-r-gone/memory'],
    ]);
    expect(orphanRules(facts([wt(PRIMARY)]))).toEqual([]);
  });
});
