import {
  markBarePrimary,
  parseWorktreeListLines,
  parseWorktreeListZ,
  unquoteCPath,
} from '@worktree-guard/core';
import fc from 'fast-check';

const Z = (...records: string[][]) => records.map((r) => `${r.join('\0')}\0\0`).join('');

describe('parseWorktreeListZ', () => {
  it('reads primary, linked, detached, locked, prunable and bare entries', () => {
    const text = Z(
      ['worktree /repo', 'HEAD 1111111111111111111111111111111111111111', 'branch refs/heads/main'],
      [
        'worktree /wt/a b\nc',
        'HEAD 2222222222222222222222222222222222222222',
        'branch refs/heads/feat/é',
        'locked on a usb disk',
      ],
      [
        'worktree /wt/d',
        'HEAD 3333333333333333333333333333333333333333',
        'detached',
        'prunable gitdir file points to non-existent location',
      ],
      ['worktree /wt/e', 'HEAD 4444444444444444444444444444444444444444', 'branch refs/heads/x', 'locked'],
    );
    expect(parseWorktreeListZ(text)).toEqual([
      {
        path: '/repo',
        head: '1'.repeat(40),
        branch: 'main',
        detached: false,
        bare: false,
        locked: null,
        prunable: null,
      },
      {
        path: '/wt/a b\nc',
        head: '2'.repeat(40),
        branch: 'feat/é',
        detached: false,
        bare: false,
        locked: 'on a usb disk',
        prunable: null,
      },
      {
        path: '/wt/d',
        head: '3'.repeat(40),
        branch: null,
        detached: true,
        bare: false,
        locked: null,
        prunable: 'gitdir file points to non-existent location',
      },
      {
        path: '/wt/e',
        head: '4'.repeat(40),
        branch: 'x',
        detached: false,
        bare: false,
        locked: '',
        prunable: null,
      },
    ]);
  });

  it('reads a bare primary and an unborn branch', () => {
    const text = Z(
      ['worktree /srv/app.git', 'bare'],
      ['worktree /wt/new', `HEAD ${'0'.repeat(40)}`, 'branch refs/heads/new'],
    );
    const [bare, unborn] = parseWorktreeListZ(text);
    expect(bare).toMatchObject({ path: '/srv/app.git', bare: true, head: null, branch: null });
    expect(unborn).toMatchObject({ head: null, branch: 'new' });
  });

  it('ignores fields a later git adds', () => {
    expect(
      parseWorktreeListZ(Z(['worktree /r', 'HEAD abc', 'branch refs/heads/m', 'future-field yes'])),
    ).toHaveLength(1);
  });

  it('round-trips any path, including newlines and NUL-free binary-ish text', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }).filter((s) => !s.includes('\0')),
        (p) => {
          const [rec] = parseWorktreeListZ(Z([`worktree /x/${p}`, 'HEAD abc', 'detached']));
          return rec?.path === `/x/${p}`;
        },
      ),
    );
  });
});

/** git's C quoting (quote_c_style), to generate inputs for the unquoter. */
function cQuote(s: string): string {
  const bytes = Buffer.from(s, 'utf8');
  let out = '"';
  const names: Record<number, string> = {
    7: 'a',
    8: 'b',
    9: 't',
    10: 'n',
    11: 'v',
    12: 'f',
    13: 'r',
    34: '"',
    92: '\\',
  };
  for (const b of bytes) {
    if (names[b]) out += `\\${names[b]}`;
    else if (b < 0x20 || b >= 0x7f) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

describe('unquoteCPath', () => {
  it.each([
    ['plain/path', 'plain/path'],
    ['"a\\tb"', 'a\tb'],
    ['"new\\nline"', 'new\nline'],
    ['"caf\\303\\251"', 'café'],
    ['"q\\"uote\\\\"', 'q"uote\\'],
  ])('%s → %j', (input, want) => expect(unquoteCPath(input)).toBe(want));

  it('inverts git quoting for any string', () => {
    fc.assert(fc.property(fc.string(), (s) => unquoteCPath(cQuote(s)) === s));
  });

  it('parses the pre-2.36 line form, where paths are raw: a newline in a path goes on in the next line', () => {
    // as git 2.31.8 and 2.55.0 print it (checked on both)
    const text = `worktree /repo\nHEAD ${'1'.repeat(40)}\nbranch refs/heads/main\n\nworktree /wt/new\nline\nHEAD ${'2'.repeat(40)}\ndetached\n\nworktree /wt/quo"te\nHEAD ${'2'.repeat(40)}\nlocked "on a \\"usb\\" disk"\n\n`;
    const records = parseWorktreeListLines(text);
    expect(records.map((r) => r.path)).toEqual(['/repo', '/wt/new\nline', '/wt/quo"te']);
    expect(records[1]).toMatchObject({ detached: true, head: '2'.repeat(40) });
    expect(records[2]?.locked).toBe('on a "usb" disk');
  });
});

describe('markBarePrimary', () => {
  const rec = (p: string, branch: string | null, bare = false) => ({
    path: p,
    head: bare ? null : 'a'.repeat(40),
    branch,
    detached: false,
    bare,
    locked: null,
    prunable: null,
  });
  const isCommon = (p: string) => p === '/r/app.git';

  it('marks a primary listed at the common dir as bare, as git lists it from a linked worktree', () => {
    const out = markBarePrimary([rec('/r/app.git', 'main'), rec('/r/wt', 'main')], isCommon);
    expect(out[0]).toMatchObject({ bare: true, branch: null, head: null });
    expect(out[1]).toMatchObject({ bare: false, branch: 'main' });
  });

  it('leaves a non-bare primary (its common dir is .git inside it) alone', () => {
    const records = [rec('/r/app', 'main'), rec('/r/wt', 'x')];
    expect(markBarePrimary(records, isCommon)).toBe(records);
  });
});
