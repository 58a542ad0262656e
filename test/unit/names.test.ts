import {
  branchSlug,
  ConfigView,
  claudeProjectKey,
  defaultWorktreeDir,
  javaStringHash,
  parseCheckIgnore,
  parseConfigList,
} from '@worktree-guard/core';

describe('branchSlug / defaultWorktreeDir', () => {
  it.each([
    ['feat/x', 'feat-x'],
    ['feat//deep/name', 'feat-deep-name'],
    ['fix/ünïcödé', 'fix-ünïcödé'],
    ['it\'s $(rm -rf) "q"', 'it-s-rm-rf-q'],
    ['.hidden', 'hidden'],
    ['-dash', 'dash'],
    ['///', 'worktree'],
  ])('%j → %j', (branch, slug) => expect(branchSlug(branch)).toBe(slug));

  it('puts the worktree beside the primary', () => {
    expect(defaultWorktreeDir('/src/champollion', 'feat/CVN-1')).toBe('/src/champollion-feat-CVN-1');
    expect(defaultWorktreeDir('/srv/app.git', 'x')).toBe('/srv/app-x');
  });
});

describe('claudeProjectKey', () => {
  it('replaces everything outside [A-Za-z0-9] with "-"', () => {
    expect(claudeProjectKey('/home/me/my app.v2/é')).toBe('-home-me-my-app-v2--');
  });
  it('uses the Java 32-bit string hash, as Claude Code does', () => {
    // values of java.lang.String#hashCode
    expect(javaStringHash('hello')).toBe(99162322);
    expect(javaStringHash('')).toBe(0);
    expect(javaStringHash('polygenelubricants')).toBe(-2147483648);
  });
  it('cuts keys over 200 characters and appends "-" and the base-36 hash of the original path', () => {
    const long = `/${'a'.repeat(300)}/my project`;
    const key = claudeProjectKey(long);
    expect(key.slice(0, 200)).toBe(long.replace(/[^a-zA-Z0-9]/g, '-').slice(0, 200));
    expect(key.slice(200)).toBe(`-${Math.abs(javaStringHash(long)).toString(36)}`);
  });
});

describe('parseCheckIgnore', () => {
  it('reads rule and quoted paths', () => {
    const m = parseCheckIgnore(
      '.gitignore:3:.venv/\t.venv\n/home/x/.config/git/ignore:1:*.env\t"caf\\303\\251.env"\n',
    );
    expect(m.get('.venv')).toEqual({ rule: '.gitignore:3:.venv/', pattern: '.venv/' });
    expect(m.get('café.env')?.pattern).toBe('*.env');
  });
});

describe('parseConfigList / ConfigView', () => {
  const view = new ConfigView(
    parseConfigList(
      'global\0user.name\nGlobal Name\0local\0user.name\nLocal\0local\0core.bare\nfalse\0worktree\0user.email\na@b\0local\0flag\0',
    ),
  );
  it('takes the last value as the effective one', () => expect(view.get('user.name')).toBe('Local'));
  it('reads a scope', () => expect(view.get('user.name', 'global')).toBe('Global Name'));
  it('treats a bare key as true', () => expect(view.get('flag')).toBe('true'));
  it('lists the scopes that set a key', () =>
    expect(view.scopesOf('user.name')).toEqual(['global', 'local']));
});
