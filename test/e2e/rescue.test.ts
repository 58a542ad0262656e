/**
 * `guard rescue` on real repositories: each stash entry becomes a branch holding exactly its changes, the
 * stash shrinks by exactly those entries, and no working tree or index moves.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { git, gitWith, guard, makeRepo, write } from '../helpers/repo';
import { applySpec, seedTracked, snapshot, stateSpecs } from '../helpers/worktreeState';

/** The files a stash of this worktree would hold: tracked ones as they are now, untracked ones with -u. */
function expectedFiles(wt: string, withUntracked: boolean): Record<string, string> {
  const tracked = new Set(git(wt, 'ls-files', '-z').split('\0').filter(Boolean));
  const untracked = git(wt, 'ls-files', '-z', '--others', '--exclude-standard').split('\0').filter(Boolean);
  const out: Record<string, string> = {};
  for (const rel of [...tracked, ...(withUntracked ? untracked : [])]) {
    const p = path.join(wt, rel);
    const st = lstatSync(p, { throwIfNoEntry: false });
    if (!st) continue; // deleted
    out[rel] = `${st.mode & 0o111 ? '100755' : '100644'}:${readFileSync(p).toString('base64')}`;
  }
  return out;
}

/** What a branch's tip holds, read back from git. */
function branchFiles(wt: string, branch: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rec of git(wt, 'ls-tree', '-r', '-z', branch).split('\0').filter(Boolean)) {
    const [meta, rel] = rec.split('\t') as [string, string];
    const [mode, , oid] = meta.split(' ') as [string, string, string];
    const bytes = execFileSync('git', ['cat-file', 'blob', oid], { cwd: wt, env: process.env });
    out[rel] = `${mode}:${bytes.toString('base64')}`;
  }
  return out;
}

const allow = ['-c', 'worktreeguard.stash=allow'];

describe('guard rescue', () => {
  it('for random stash contents, each rescued branch holds exactly the entry, on the commit it was made on', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            spec: stateSpecs({ intentToAdd: false }), // git stash itself refuses `git add -N` entries
            untracked: fc.boolean(),
            onBranch: fc.constantFrom('main', 'feat/ü'),
          }),
          {
            minLength: 1,
            maxLength: 3,
          },
        ),
        (entries) => {
          const fx = makeRepo({ remote: false, env: false });
          const wt = fx.primary;
          seedTracked(wt);
          git(wt, 'branch', 'feat/ü');
          const want: { files: Record<string, string>; base: string; branch: string }[] = [];
          for (const e of entries) {
            git(wt, 'switch', '-q', e.onBranch);
            git(wt, 'reset', '-q', '--hard'); // test set-up only: each entry starts from its branch
            git(wt, 'clean', '-fdq');
            if (!applySpec(wt, e.spec)) continue;
            const files = expectedFiles(wt, e.untracked);
            const base = git(wt, 'rev-parse', 'HEAD').trim();
            const stashed = gitWith({}, wt, ...allow, 'stash', 'push', '-q', ...(e.untracked ? ['-u'] : []));
            expect(stashed.stderr).toBe('');
            expect(stashed.code).toBe(0);
            want.unshift({ files, base, branch: e.onBranch }); // stash@{0} is the newest
          }
          git(wt, 'switch', '-q', 'main');
          git(wt, 'clean', '-fdq');
          git(wt, 'worktree', 'add', '-q', '-b', 'second', path.join(fx.root, 'second'));
          const before = snapshot(wt);

          const r = guard(wt, ['rescue', '--json']);
          expect(r.code).toBe(0);
          const doc = JSON.parse(r.stdout);
          expect(doc.items).toHaveLength(want.length);
          expect(doc.dropped).toHaveLength(want.length);
          expect(git(wt, 'stash', 'list')).toBe('');
          doc.items.forEach((item: { stash: string; branch: string; originBranch: string }, i: number) => {
            const w = want[i] as (typeof want)[number];
            expect(item.originBranch).toBe(w.branch);
            expect(item.branch).toMatch(new RegExp(`^rescued/${w.branch}/\\d+$`));
            expect(branchFiles(wt, item.branch)).toEqual(w.files);
            expect(git(wt, 'rev-parse', `${item.branch}^1`).trim()).toBe(w.base);
            expect(git(wt, 'rev-list', '--count', `${w.base}..${item.branch}`).trim()).toBe('1');
          });
          expect(snapshot(wt)).toEqual(before); // no working tree or index touched
        },
      ),
      { numRuns: 8 },
    );
  });

  it('keeps the subject and date, names a detached HEAD "detached", picks the next n, and says how to apply', () => {
    const fx = makeRepo();
    git(fx.primary, 'branch', 'rescued/main/1'); // the name is taken
    write(path.join(fx.primary, 'README.md'), '# on main\n');
    git(fx.primary, 'stash', 'push', '-q', '-m', 'my careful message');
    git(fx.primary, 'switch', '-q', '--detach');
    write(path.join(fx.primary, 'README.md'), '# detached\n');
    git(fx.primary, 'stash', '-q');
    git(fx.primary, 'switch', '-q', 'main');
    const date = git(fx.primary, 'log', '-1', '--format=%aI', 'stash@{1}').trim();

    const dry = guard(fx.primary, ['rescue', '--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('stash@{1} → rescued/main/2');
    expect(dry.stdout).toContain('stash@{0} → rescued/detached/1');
    expect(git(fx.primary, 'stash', 'list').split('\n').filter(Boolean)).toHaveLength(2);

    const r = guard(fx.primary, ['rescue']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/dropped 2 entries from the stash/);
    expect(r.stdout).toContain(`git -C '${fx.primary}' cherry-pick --no-commit rescued/main/2`);
    expect(git(fx.primary, 'log', '-1', '--format=%s%n%aI', 'rescued/main/2')).toBe(
      `On main: my careful message\n${date}\n`,
    );
    expect(git(fx.primary, 'log', '-1', '--format=%b', 'rescued/main/2')).toMatch(
      /Rescued-Stash: [0-9a-f]{40}/,
    );
    // applying it where it belongs gives the change back
    expect(git(fx.primary, 'cherry-pick', '--no-commit', 'rescued/main/2')).toBeDefined();
    expect(readFileSync(path.join(fx.primary, 'README.md'), 'utf8')).toBe('# on main\n');
  });

  it('drops nothing when the branches cannot be made, and nothing when the stash changes meanwhile; a rerun finishes', () => {
    const fx = makeRepo();
    write(path.join(fx.primary, 'README.md'), '# one\n');
    git(fx.primary, 'stash', '-q');
    const stashed = git(fx.primary, 'rev-parse', 'stash@{0}').trim();
    write(path.join(fx.primary, 'README.md'), '# another\n');
    const another = git(fx.primary, 'stash', 'create').trim(); // a stash commit, not stored
    git(fx.primary, 'checkout', '--', 'README.md');
    const hook = path.join(fx.primary, '.git', 'hooks', 'reference-transaction');

    // 1. a hook refuses the rescued branches: all kept in the stash, exit 1
    writeFileSync(
      hook,
      '#!/bin/sh\n[ "$1" = prepared ] || exit 0\ngrep -q refs/heads/rescued/ && exit 1\nexit 0\n',
    );
    chmodSync(hook, 0o755);
    const refused = guard(fx.primary, ['rescue']);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toMatch(/stash@\{0\}: .* — kept in the stash/);
    expect(git(fx.primary, 'rev-parse', 'stash@{0}').trim()).toBe(stashed);

    // 2. the stash grows while rescuing (another worktree stashes): branches made, nothing dropped
    const marker = path.join(fx.root, 'stored-once');
    writeFileSync(
      hook,
      `#!/bin/sh\n[ "$1" = prepared ] || exit 0\ngrep -q refs/heads/rescued/ || exit 0\n[ -f '${marker}' ] && exit 0\ntouch '${marker}'\ngit stash store -m 'On main: made meanwhile' ${another}\n`,
    );
    const changed = guard(fx.primary, ['rescue']);
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(/the stash changed while rescuing, so nothing was dropped/);
    expect(git(fx.primary, 'stash', 'list').split('\n').filter(Boolean)).toHaveLength(2);

    // 3. run again: the entry rescued before is recognised (not rescued twice), both leave the stash
    writeFileSync(hook, '#!/bin/sh\nexit 0\n');
    const again = guard(fx.primary, ['rescue', '--json']);
    expect(again.code).toBe(0);
    const doc = JSON.parse(again.stdout);
    expect(doc.items.map((i: { already: boolean }) => i.already)).toEqual([false, true]);
    expect(git(fx.primary, 'stash', 'list')).toBe('');
    expect(git(fx.primary, 'for-each-ref', '--format=%(refname)', 'refs/heads/rescued/')).toBe(
      'refs/heads/rescued/main/1\nrefs/heads/rescued/main/2\n',
    );
    expect(git(fx.primary, 'show', 'rescued/main/1:README.md')).toBe('# one\n');
    expect(git(fx.primary, 'show', 'rescued/main/2:README.md')).toBe('# another\n');
  });

  it('handles 500 entries', () => {
    const fx = makeRepo({ env: false });
    const head = git(fx.primary, 'rev-parse', 'HEAD').trim();
    // 500 stash-shaped commits in one fast-import run, then stored as entries
    const stream: string[] = [];
    for (let i = 1; i <= 500; i++) {
      const msg = `WIP on main: entry ${i}`;
      stream.push(
        `commit refs/fixture/i${i}`,
        `mark :${2 * i}`,
        'committer A <a@x> 1700000000 +0000',
        'data 5',
        'index',
        `from ${head}`,
        '',
        `commit refs/fixture/w${i}`,
        `mark :${2 * i + 1}`,
        'committer A <a@x> 1700000000 +0000',
        `data ${Buffer.byteLength(msg)}`,
        msg,
        `from ${head}`,
        `merge :${2 * i}`,
        'M 100644 inline README.md',
        `data ${String(i).length + 1}`,
        `${i}`,
        '',
      );
    }
    execFileSync('git', ['fast-import', '--quiet'], {
      cwd: fx.primary,
      input: `${stream.join('\n')}\n`,
      env: process.env,
    });
    const oids = git(
      fx.primary,
      'for-each-ref',
      '--sort=refname',
      '--format=%(refname:strip=2) %(objectname)',
      'refs/fixture/',
    );
    const ws = oids
      .split('\n')
      .filter((l) => l.startsWith('w'))
      .map((l) => l.split(' ') as [string, string])
      .sort((a, b) => Number(a[0].slice(1)) - Number(b[0].slice(1)));
    for (const [name, oid] of ws)
      git(fx.primary, 'stash', 'store', '-m', `WIP on main: entry ${name.slice(1)}`, oid);
    expect(git(fx.primary, 'stash', 'list').split('\n').filter(Boolean)).toHaveLength(500);

    const r = guard(fx.primary, ['rescue', '--json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.dropped).toHaveLength(500);
    expect(git(fx.primary, 'stash', 'list')).toBe('');
    // oldest first: entry 1 (stored first) is rescued/main/1, and holds "1"
    expect(git(fx.primary, 'show', 'rescued/main/1:README.md')).toBe('1\n');
    expect(git(fx.primary, 'show', 'rescued/main/500:README.md')).toBe('500\n');
    expect(readdirSync(path.join(fx.primary, '.git', 'refs', 'heads', 'rescued', 'main'))).toHaveLength(500);
  });

  it('says so when there is nothing to rescue', () => {
    const fx = makeRepo();
    const r = guard(fx.primary, ['rescue']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/nothing to rescue: the stash is empty/);
  });
});
