/** `guard new` on real repositories: a bare origin, a clone, the real binary. */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  advanceOrigin,
  bareClone,
  git,
  gitResult,
  guard,
  makeRepo,
  scopedConfig,
  tempDir,
  write,
} from '../helpers/repo';

describe('guard new — the everyday case', () => {
  it('makes ../<repo>-feat-x on feat/x at the freshly fetched origin/main, equipped like the primary', () => {
    const fx = makeRepo();
    const upstream = advanceOrigin(fx); // local main is now stale
    const localMain = git(fx.primary, 'rev-parse', 'main').trim();

    const r = guard(fx.primary, ['new', 'feat/x']);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);

    const wt = path.join(fx.root, 'app-feat-x');
    expect(git(wt, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('feat/x');
    expect(git(wt, 'rev-parse', 'HEAD').trim()).toBe(upstream);
    expect(upstream).not.toBe(localMain);
    // the new branch does not track origin/main (a plain `git push` must not go to main)
    expect(gitResult(wt, 'config', '--get', 'branch.feat/x.merge').code).toBe(1);

    for (const rel of ['.env', '.venv']) {
      expect(lstatSync(path.join(wt, rel)).isSymbolicLink()).toBe(true);
      expect(readlinkSync(path.join(wt, rel))).toBe(path.join(fx.primary, rel));
    }
    expect(readFileSync(path.join(wt, '.env'), 'utf8')).toBe('SECRET=primary\n');

    expect(scopedConfig(fx.primary, 'extensions.worktreeConfig')).toEqual(['local', 'true']);
    expect(scopedConfig(wt, 'user.email')).toEqual(['worktree', 'ada@example.com']);
    expect(scopedConfig(fx.primary, 'user.email')).toEqual(['worktree', 'ada@example.com']);
    expect(git(wt, 'status', '--porcelain')).toBe('');

    // the banner names what a person needs
    expect(r.stdout).toContain(`worktree ready: ${wt}`);
    expect(r.stdout).toMatch(/feat\/x \(new, from origin\/main @ [0-9a-f]{10}\)/);
    expect(r.stdout).toContain('linked   .venv, .env');
    expect(r.stdout).toContain('Ada Lovelace <ada@example.com> (pinned at worktree scope)');
    expect(r.stdout).toMatch(/no git stash/);
    expect(r.stdout).toMatch(/one branch per worktree/);

    // the base is recorded at worktree scope for doctor
    expect(scopedConfig(wt, 'worktreeguard.base')).toEqual(['worktree', upstream]);
    expect(scopedConfig(wt, 'worktreeguard.baseRef')).toEqual(['worktree', 'origin/main']);
    expect(scopedConfig(wt, 'worktreeguard.baseFetchedAt')?.[1]).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('--json prints one document and nothing else on stdout', () => {
    const fx = makeRepo();
    const r = guard(fx.primary, ['new', '--json', 'feat/json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc).toMatchObject({
      branch: 'feat/json',
      mode: 'new',
      exitCode: 0,
      identity: { email: 'ada@example.com' },
    });
    expect(doc.bootstrap.done.map((a: { kind: string }) => a.kind)).toEqual(
      expect.arrayContaining(['link', 'pin-identity']),
    );
  });

  it('--no-fetch branches from what was fetched last', () => {
    const fx = makeRepo();
    git(fx.primary, 'fetch', '-q', 'origin');
    const before = git(fx.primary, 'rev-parse', 'origin/main').trim();
    advanceOrigin(fx);
    const r = guard(fx.primary, ['new', '--no-fetch', 'offline']);
    expect(r.code).toBe(0);
    expect(git(path.join(fx.root, 'app-offline'), 'rev-parse', 'HEAD').trim()).toBe(before);
    expect(r.stdout).toMatch(/not fetched \(--no-fetch\)/);
  });

  it('--no-fetch in a fresh clone: the clone itself is the last fetch (a clone writes no FETCH_HEAD)', () => {
    const fx = makeRepo();
    const clone = path.join(fx.root, 'fresh');
    git(fx.root, 'clone', '-q', fx.origin, clone);
    git(clone, 'config', 'user.name', 'Clone User');
    git(clone, 'config', 'user.email', 'clone@example.com');
    // the clock fixed five minutes after the clone (its reflog entry), so the age does not depend on the machine
    const cloned = /@\{(\d+)\}/.exec(
      git(clone, 'log', '-g', '-1', '--date=unix', '--format=%gd', 'refs/remotes/origin/HEAD'),
    )?.[1];
    const at = new Date((Number(cloned) + 5 * 60) * 1000).toISOString();
    const r = guard(clone, ['new', '--no-fetch', 'from-clone'], { WORKTREE_GUARD_NOW: at });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/not fetched \(--no-fetch\); origin last fetched 5 min ago/);
  });

  it('honours an explicit dir and base', () => {
    const fx = makeRepo();
    const tag = git(fx.primary, 'rev-parse', 'HEAD').trim();
    git(fx.primary, 'tag', 'v1');
    const dir = path.join(fx.root, `odd dir 'q' "dq" $(touch pwned) é`);
    const r = guard(fx.primary, ['new', 'feat/y', dir, 'v1']);
    expect(r.code).toBe(0);
    expect(git(dir, 'rev-parse', 'HEAD').trim()).toBe(tag);
    expect(existsSync(path.join(fx.primary, 'pwned'))).toBe(false);
    expect(existsSync(path.join(fx.root, 'pwned'))).toBe(false);
  });

  it('attaches an existing branch, and creates a remote-only branch tracking the remote', () => {
    const fx = makeRepo();
    git(fx.primary, 'branch', 'existing');
    expect(guard(fx.primary, ['new', 'existing']).code).toBe(0);
    expect(git(path.join(fx.root, 'app-existing'), 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe(
      'existing',
    );

    git(fx.primary, 'push', '-q', 'origin', 'main:refs/heads/pr/42');
    const r = guard(fx.primary, ['new', 'pr/42']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/tracking origin\/pr\/42/);
    expect(git(path.join(fx.root, 'app-pr-42'), 'rev-parse', '--abbrev-ref', '@{upstream}').trim()).toBe(
      'origin/pr/42',
    );
  });

  it('works with branch names in unicode and with shell characters, none reaching a shell', () => {
    const fx = makeRepo();
    for (const [branch, dir] of [
      ['feat/ünïcödé', 'app-feat-ünïcödé'],
      // biome-ignore lint/suspicious/noTemplateCurlyInString: the literal shell text is the point
      ["fix/$(touch${IFS}pwned)-it's;&|<>", 'app-fix-touch-IFS-pwned-it-s'],
    ] as const) {
      const r = guard(fx.primary, ['new', branch]);
      expect(r.code).toBe(0);
      expect(git(path.join(fx.root, dir), 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe(branch);
    }
    expect(readdirSync(fx.root).some((f) => f.includes('pwned') && !f.startsWith('app-'))).toBe(false);
  });
});

describe('guard new — refusals and bad input', () => {
  const fx = makeRepo();

  it.each([
    [['new', '--', '-rf'], /invalid branch name: '-rf' is not a valid branch name/],
    [['new', '--', '--help'], /'--help' is not a valid branch name/],
    [['new', 'a..b'], /'a\.\.b' is not a valid branch name/],
    [['new', '@{-1}'], /not a valid branch name/],
    [['new', 'has space'], /not a valid branch name/],
    [['new', '-rf'], /Unknown option '-r'|unknown option/i],
    [['new'], /missing <branch>/],
    [['new', 'a', 'b', 'c', 'd'], /unexpected argument: d/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ])('guard %j → exit 2', (args, message) => {
    const r = guard(fx.primary, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(git(fx.primary, 'worktree', 'list', '--porcelain').match(/^worktree /gm)).toHaveLength(1);
  });

  it('refuses a branch checked out in another worktree, naming it (exit 1)', () => {
    const r = guard(fx.primary, ['new', 'main']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`already checked out in ${fx.primary}`);
  });

  it('refuses a dir inside the repository (exit 2)', () => {
    const r = guard(fx.primary, ['new', 'inside', 'sub/dir']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is inside the repository/);
    expect(existsSync(path.join(fx.primary, 'sub'))).toBe(false);
  });

  it('refuses an existing non-empty dir and leaves it byte for byte (exit 1)', () => {
    const dir = path.join(fx.root, 'occupied');
    write(path.join(dir, 'keep.txt'), 'mine\n');
    const r = guard(fx.primary, ['new', 'occupied', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/already exists and is not empty/);
    expect(readdirSync(dir)).toEqual(['keep.txt']);
    expect(readFileSync(path.join(dir, 'keep.txt'), 'utf8')).toBe('mine\n');
    expect(gitResult(fx.primary, 'rev-parse', '--verify', 'refs/heads/occupied').code).not.toBe(0);
  });

  it('accepts an existing empty dir', () => {
    const dir = path.join(fx.root, 'empty');
    mkdirSync(dir);
    expect(guard(fx.primary, ['new', 'empty-ok', dir]).code).toBe(0);
  });

  it('refuses a base that is not a commit (exit 2)', () => {
    const r = guard(fx.primary, ['new', 'b1', path.join(fx.root, 'b1'), 'no-such-ref']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/base "no-such-ref" is not a commit/);
  });

  it('says "not a git repository" outside one (exit 2)', () => {
    const r = guard(tempDir('plain'), ['new', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/not a git repository/);
  });

  it('names the file and every bad key of an invalid configuration (exit 2)', () => {
    const other = makeRepo();
    writeFileSync(
      path.join(other.primary, '.worktreeguardrc.json'),
      JSON.stringify({ linkz: [], stash: 'never', links: ['../x'] }),
    );
    const r = guard(other.primary, ['new', 'cfg']);
    expect(r.code).toBe(2);
    const file = path.join(other.primary, '.worktreeguardrc.json');
    expect(r.stderr).toContain(`${file}: linkz: unknown key`);
    expect(r.stderr).toContain(`${file}: stash: must be one of`);
    expect(r.stderr).toContain(`${file}: links[0]:`);
    expect(existsSync(path.join(other.root, 'app-cfg'))).toBe(false);
  });

  it('reports a broken config file as a configuration error (exit 2)', () => {
    const other = makeRepo();
    writeFileSync(path.join(other.primary, '.worktreeguardrc.json'), '{ not json');
    const r = guard(other.primary, ['new', 'cfg']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('.worktreeguardrc.json');
  });

  it('refuses to go on when the fetch fails, and says how to skip it (exit 1)', () => {
    const other = makeRepo();
    git(other.primary, 'remote', 'set-url', 'origin', path.join(other.root, 'gone.git'));
    const r = guard(other.primary, ['new', 'nofetch']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/git fetch origin failed/);
    expect(r.stderr).toMatch(/--no-fetch/);
  });
});

describe('guard new — unusual repositories', () => {
  it('without a remote: a warning, and the base is the local main', () => {
    const fx = makeRepo({ remote: false });
    const r = guard(fx.primary, ['new', 'local-only']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/no remote "origin": nothing fetched, the base is the local "main"/);
    expect(git(path.join(fx.root, 'app-local-only'), 'rev-parse', 'HEAD').trim()).toBe(
      git(fx.primary, 'rev-parse', 'main').trim(),
    );
  });

  it('from a bare primary: a worktree beside it, the bare repository still bare', () => {
    const fx = makeRepo();
    const bare = bareClone(fx, 'srv.git');
    // a bare clone keeps no origin/main: guard says so instead of branching from a local main
    const refused = guard(bare, ['new', 'from-bare']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`git config remote.origin.fetch '+refs/heads/*:refs/remotes/origin/*'`);
    git(bare, 'config', 'remote.origin.fetch', '+refs/heads/*:refs/remotes/origin/*');
    const r = guard(bare, ['new', 'from-bare']);
    expect(r.code).toBe(0);
    // a bare repository keeps no reflog for the new branch: guard new records its start itself
    const made = path.join(fx.root, 'srv-from-bare');
    expect(scopedConfig(made, 'worktreeguard.base')).toEqual([
      'worktree',
      git(bare, 'rev-parse', 'origin/main').trim(),
    ]);
    expect(scopedConfig(made, 'worktreeguard.baseRef')).toEqual(['worktree', 'origin/main']);
    expect(scopedConfig(made, 'worktreeguard.baseBehind')).toEqual(['worktree', '0']);
    const wt = path.join(fx.root, 'srv-from-bare');
    expect(scopedConfig(wt, 'user.email')).toEqual(['worktree', 'bare@example.com']);
    expect(git(bare, 'rev-parse', '--is-bare-repository').trim()).toBe('true');
    expect(scopedConfig(bare, 'core.bare')).toEqual(['worktree', 'true']);
    expect(git(wt, 'status', '--porcelain')).toBe('');
  });
});
