/**
 * `guard park` / `unpark` in the repository states people and agents reach every day: a sparse checkout,
 * assume-unchanged entries, a cherry-pick in progress — and the reftable ref backend, where some of those
 * states are refs, not files.
 */
import path from 'node:path';
import { git, gitResult, guard, makeRepo, tempDir, write } from '../helpers/repo';
import { snapshot } from '../helpers/worktreeState';

/** The index entry by entry with its bits: `git ls-files -v -s` tags skip-worktree S, assume-unchanged lower case. */
const indexBits = (wt: string) => git(wt, 'ls-files', '-v', '-s', '-z');

describe('park and unpark keep what a tree cannot hold', () => {
  it('in a sparse checkout (skip-worktree bits) with an assume-unchanged entry: a byte-identical round trip', () => {
    const fx = makeRepo({ env: false });
    write(path.join(fx.primary, 'in', 'a.txt'), 'a\n');
    write(path.join(fx.primary, 'out', 'b.txt'), 'b\n');
    git(fx.primary, 'add', '.');
    git(fx.primary, 'commit', '-qm', 'two dirs');
    git(fx.primary, 'sparse-checkout', 'set', 'in');
    write(path.join(fx.primary, 'in', 'a.txt'), 'a\nchanged\n');
    write(path.join(fx.primary, 'in', 'new.txt'), 'new\n');
    git(fx.primary, 'update-index', '--assume-unchanged', 'README.md');
    const before = { files: snapshot(fx.primary), bits: indexBits(fx.primary) };

    const parked = guard(fx.primary, ['park']);
    expect(parked.code).toBe(0);
    expect(git(fx.primary, 'status', '--porcelain')).toBe(''); // out-of-cone files are not "deleted"
    expect(git(fx.primary, 'ls-files', '-v', '--', 'out/b.txt')).toBe('S out/b.txt\n');

    expect(guard(fx.primary, ['unpark']).code).toBe(0);
    expect({ files: snapshot(fx.primary), bits: indexBits(fx.primary) }).toEqual(before);
  });
});

describe('park refuses while an operation is in progress, on every ref backend', () => {
  const backends = ['files'];
  const probe = gitResult(tempDir('probe'), 'init', '-q', '--ref-format=reftable', 'r');
  if (probe.code === 0) backends.push('reftable'); // git 2.45 and newer

  it.each(backends)('a cherry-pick stopped on a conflict (%s)', (backend) => {
    const fx = makeRepo({ env: false, refFormat: backend === 'reftable' ? backend : undefined });
    if (backend === 'reftable')
      expect(git(fx.primary, 'rev-parse', '--show-ref-format').trim()).toBe('reftable');
    write(path.join(fx.primary, 'c.txt'), 'base\n');
    git(fx.primary, 'add', 'c.txt');
    git(fx.primary, 'commit', '-qm', 'c');
    git(fx.primary, 'switch', '-q', '-c', 'other');
    write(path.join(fx.primary, 'c.txt'), 'other\n');
    git(fx.primary, 'commit', '-qam', 'other c');
    git(fx.primary, 'switch', '-q', 'main');
    write(path.join(fx.primary, 'c.txt'), 'mine\n');
    git(fx.primary, 'commit', '-qam', 'my c');
    expect(gitResult(fx.primary, 'cherry-pick', 'other').code).not.toBe(0);
    write(path.join(fx.primary, 'c.txt'), 'resolved by hand, not yet added\n');
    const before = snapshot(fx.primary);
    const r = guard(fx.primary, ['park']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/a cherry-pick is in progress \(CHERRY_PICK_HEAD\)/);
    expect(snapshot(fx.primary)).toEqual(before);
  });
});
