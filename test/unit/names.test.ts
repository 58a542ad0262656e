import {
  branchSlug,
  ConfigView,
  claudeProjectKey,
  defaultWorktreeDir,
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
    expect(claudeProjectKey('/home/me/my app.v2/é')).toEqual({ key: '-home-me-my-app-v2--', exact: true });
  });
  it('cuts keys over 200 characters and says the real one carries a hash', () => {
    const { key, exact } = claudeProjectKey(`/${'a'.repeat(300)}`);
    expect(key).toHaveLength(200);
    expect(exact).toBe(false);
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
