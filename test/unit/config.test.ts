import { DEFAULT_CONFIG, parseDuration, validateConfig } from '@worktree-guard/core';

describe('validateConfig', () => {
  it('gives the defaults for no configuration', () => {
    expect(validateConfig(undefined)).toEqual({ config: DEFAULT_CONFIG, problems: [] });
  });

  it('accepts every documented key', () => {
    const { config, problems } = validateConfig({
      remote: 'upstream',
      baseBranch: 'develop',
      maxFetchAge: '2d',
      links: ['.venv', 'config/local.yml/'],
      copies: ['.env.local'],
      sharedDirs: ['~/.cache/tool/{dir}'],
      identity: { name: '{name}', email: '{name}+{slug}@example.com' },
      stash: 'warn',
      setup: ['npm ci'],
      protectedBranches: ['main'],
      agents: { sessions: 'block' },
    });
    expect(problems).toEqual([]);
    expect(config).toMatchObject({
      remote: 'upstream',
      maxFetchAge: '2d',
      links: ['.venv', 'config/local.yml'],
      stash: 'warn',
      agents: { sessions: 'block' },
    });
    expect(validateConfig({ agents: {} }).config.agents).toEqual({ sessions: 'warn' });
  });

  it.each([
    [{ colour: true }, 'colour', /unknown key/],
    [{ remote: 3 }, 'remote', /must be a non-empty string, got number/],
    [{ remote: 'my origin' }, 'remote', /white space/],
    [{ maxFetchAge: 'soon' }, 'maxFetchAge', /not a duration/],
    [{ links: '.env' }, 'links', /array of strings, got string/],
    [{ links: ['../secrets'] }, 'links[0]', /not a path inside the repository/],
    [{ links: ['/etc/passwd'] }, 'links[0]', /not a path inside the repository/],
    [{ copies: ['ok', 'a/../../b'] }, 'copies[1]', /not a path inside/],
    [{ copies: [7] }, 'copies[0]', /got number/],
    [{ sharedDirs: ['~/.cache/shared'] }, 'sharedDirs[0]', /same directory for every worktree/],
    [{ sharedDirs: ['{home}/{key}'] }, 'sharedDirs[0]', /unknown placeholder \{home\}/],
    [{ identity: 'me' }, 'identity', /object/],
    [{ identity: { mail: 'x' } }, 'identity.mail', /unknown key/],
    [{ identity: { email: '{user}@x' } }, 'identity.email', /unknown placeholder \{user\}/],
    [{ stash: 'never' }, 'stash', /one of "block", "warn", "allow"/],
    [{ setup: 'npm ci' }, 'setup', /array/],
    [{ protectedBranches: [''] }, 'protectedBranches[0]', /non-empty string/],
    [{ links: ['.git'] }, 'links[0]', /not a path inside/],
    [{ links: ['.git/config'] }, 'links[0]', /not a path inside/],
    [{ copies: ['./'] }, 'copies[0]', /not a path inside/],
    [{ copies: ['.'] }, 'copies[0]', /not a path inside/],
    [{ agents: 'block' }, 'agents', /an object/],
    [{ agents: { sessions: 'deny' } }, 'agents.sessions', /one of "warn", "block"/],
    [{ agents: { session: 'block' } }, 'agents.session', /unknown key; known keys: "sessions"/],
    [{ serial: { commands: [] } }, 'serial.commands', /an object, got array/],
    [{ serial: { commands: { 'a b': ['x *'] } } }, 'serial.commands.a b', /not a lock or port name/],
    [{ serial: { commands: { deploy: 'helm *' } } }, 'serial.commands.deploy', /array of strings/],
    [{ serial: { commands: { deploy: [' '] } } }, 'serial.commands.deploy[0]', /non-empty string/],
    [{ ports: { session: ['web', '.x'] } }, 'ports.session[1]', /not a lock or port name/],
  ])('%j → a problem at %s', (raw, key, message) => {
    const { problems } = validateConfig(raw);
    expect(problems).toEqual([{ key, message: expect.stringMatching(message) }]);
  });

  it('serial.commands and ports.session keep the other keys of their section', () => {
    const { config, problems } = validateConfig({
      serial: { commands: { deploy: ['helm upgrade *'] } },
      ports: { session: ['web'] },
    });
    expect(problems).toEqual([]);
    expect(config.serial).toEqual({ remote: false, ttl: '5m', commands: { deploy: ['helm upgrade *'] } });
    expect(config.ports).toEqual({ range: [20000, 29999], session: ['web'] });
  });

  it('collects every problem at once', () => {
    expect(validateConfig({ a: 1, remote: 2, stash: 'x' }).problems.map((p) => p.key)).toEqual([
      'a',
      'remote',
      'stash',
    ]);
  });

  it('rejects a non-object document', () => {
    expect(validateConfig(['links']).problems[0]?.message).toMatch(/must be an object, got array/);
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['24h', 86_400_000],
    ['1.5h', 5_400_000],
    ['7d', 604_800_000],
    ['2w', 1_209_600_000],
    ['24', null],
    ['h', null],
    ['-1h', null],
  ])('%s → %s', (text, ms) => expect(parseDuration(text)).toBe(ms));
});
