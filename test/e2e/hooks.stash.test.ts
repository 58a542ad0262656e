/**
 * The stash guard end to end: `guard install`, then plain git. A person's or an agent's `git stash` is
 * refused while several worktrees exist, and nothing moves; a program's backup (`git stash store`: git's
 * own autostash, lint-staged, lefthook) is let through, because refusing it would lose what it saves.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { dirtyUp, installed, workState } from '../helpers/hooks';
import { bareClone, git, gitResult, gitWith, guard, makeRepo, write } from '../helpers/repo';

const withTwo = () => {
  const fx = installed();
  const wt = path.join(fx.root, 'wt stash');
  git(fx.primary, 'worktree', 'add', '-q', '-b', 'stashy', wt);
  return { ...fx, wt };
};

function stashKnowsStaged(): boolean {
  const r = spawnSync('git', ['stash', 'push', '-h'], { encoding: 'utf8' });
  return `${r.stdout}${r.stderr}`.includes('--staged');
}

describe('a git stash by a person or an agent', () => {
  const commands: [string, string[]][] = [
    ['git stash', ['stash']],
    ['git stash -u', ['stash', '-u']],
    ['git stash push -- <path>', ['stash', 'push', '--', 'README.md']],
    ['git stash --keep-index', ['stash', '--keep-index']],
    // git stash push --staged exists from git 2.35: asked of this git's own usage text
    ...(stashKnowsStaged()
      ? [['git stash push --staged', ['stash', 'push', '--staged']] as [string, string[]]]
      : []),
  ];

  describe.each([
    ['in a linked worktree', true],
    ['in the primary', false],
  ])('%s', (_where, linked) => {
    const fx = withTwo();
    const here = linked ? fx.wt : fx.primary;

    it.each(commands)('%s is refused and nothing moves', (_name, args) => {
      dirtyUp(here);
      const before = workState(here);
      const r = gitResult(here, ...args);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/git stash refused — the stash is one stack shared by every worktree/);
      expect(r.stderr).toMatch(/Nothing was stashed; your changes are where they were/);
      expect(r.stderr).toMatch(/guard park/);
      expect(r.stderr).toMatch(/git switch -c <branch>/);
      expect(r.stderr).toMatch(/git -c worktreeguard\.stash=allow stash/);
      expect(workState(here)).toEqual(before);
      expect(gitResult(here, 'rev-parse', '-q', '--verify', 'refs/stash').code).not.toBe(0);
    });
  });

  it('through an alias too (git re-runs itself: the hook sees the real command)', () => {
    const fx = withTwo();
    git(fx.primary, 'config', 'alias.st', 'stash');
    dirtyUp(fx.wt);
    const before = workState(fx.wt);
    expect(gitResult(fx.wt, 'st').code).not.toBe(0);
    expect(workState(fx.wt)).toEqual(before);
  });

  it('under a coding agent the refusal offers no one-off escape hatch', () => {
    const fx = withTwo();
    dirtyUp(fx.wt);
    for (const env of [{ CLAUDECODE: '1' }, { CODEX_THREAD_ID: 't-1' }, { CURSOR_AGENT: '1' }]) {
      const r = gitWith(env, fx.wt, 'stash');
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/guard park/);
      expect(r.stderr).not.toMatch(/worktreeguard\.stash=allow/);
    }
  });

  it('works with a single worktree', () => {
    const fx = installed();
    dirtyUp(fx.primary);
    expect(gitResult(fx.primary, 'stash', '-u').code).toBe(0);
    expect(git(fx.primary, 'stash', 'list')).toMatch(/stash@\{0\}/);
    expect(gitResult(fx.primary, 'stash', 'pop').code).toBe(0);
  });

  it('counts working trees: a bare primary and one worktree may stash; a second worktree may not', () => {
    const fx = makeRepo();
    const bare = bareClone(fx, 'bare.git');
    expect(guard(bare, ['install']).code).toBe(0);
    const one = path.join(fx.root, 'one');
    git(bare, 'worktree', 'add', '-q', one, 'main');
    write(path.join(one, 'README.md'), '# one\n');
    expect(gitResult(one, 'stash').code).toBe(0);
    git(one, 'stash', 'pop', '-q');
    git(bare, 'worktree', 'add', '-q', '-b', 'two', path.join(fx.root, 'two'));
    const r = gitResult(one, 'stash');
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/git stash refused/);
  });

  it('a locked worktree whose directory is gone is no place to work: it does not count', () => {
    const fx = installed();
    const gone = path.join(fx.root, 'usb', 'gone');
    mkdirSync(path.dirname(gone));
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'gone', gone);
    git(fx.primary, 'worktree', 'lock', '--reason', 'on a USB disk', gone);
    rmSync(path.dirname(gone), { recursive: true, force: true });
    dirtyUp(fx.primary);
    expect(gitResult(fx.primary, 'stash').code).toBe(0);
  });

  it('lets git gc, git pack-refs and dropping a stash through when a stash already exists', () => {
    const fx = installed();
    dirtyUp(fx.primary);
    git(fx.primary, 'stash', '-u');
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'later', path.join(fx.root, 'later'));
    expect(gitResult(fx.primary, 'pack-refs', '--all').code).toBe(0);
    expect(gitResult(fx.primary, 'gc', '-q').code).toBe(0);
    expect(git(fx.primary, 'stash', 'list')).toMatch(/stash@\{0\}/);
    expect(gitResult(fx.primary, 'stash', 'drop').code).toBe(0);
  });

  it('has a one-command escape hatch, a "warn" mode, and is off with WORKTREE_GUARD=0', () => {
    const fx = withTwo();
    dirtyUp(fx.primary);
    expect(gitResult(fx.primary, '-c', 'worktreeguard.stash=allow', 'stash').code).toBe(0);
    git(fx.primary, 'stash', 'pop', '-q');
    const off = execFileSync('sh', ['-c', 'WORKTREE_GUARD=0 git stash 2>&1; echo "rc=$?"'], {
      cwd: fx.primary,
      encoding: 'utf8',
      env: process.env,
    });
    expect(off).toMatch(/worktree-guard: off/);
    expect(off).toMatch(/rc=0/);
    git(fx.primary, 'stash', 'pop', '-q');
    write(path.join(fx.primary, '.worktreeguardrc.json'), '{ "stash": "warn" }');
    const warned = gitResult(fx.primary, 'stash', '-u');
    expect(warned.code).toBe(0);
    expect(warned.stderr).toMatch(/pop this stash in this worktree only/);
  });

  it('holds with a broken configuration, which it names in one line: file and key', () => {
    const fx = withTwo();
    dirtyUp(fx.primary);
    const file = path.join(fx.primary, '.worktreeguardrc.json');
    write(file, '{ "stash": "sometimes" }');
    const before = workState(fx.primary);
    const r = gitResult(fx.primary, 'stash');
    expect(r.code).not.toBe(0);
    const line = r.stderr.split('\n').find((l) => l.includes('configuration error')) ?? '';
    expect(line).toContain(`${file}: stash: must be one of "block", "warn", "allow", got "sometimes"`);
    expect(line).toMatch(/the stash rule holds/);
    expect(r.stderr).toMatch(/git stash refused/);
    expect(workState(fx.primary)).toEqual(before);
  });

  it('holds with a configuration that cannot be parsed, named in one line (no code frame)', () => {
    const fx = withTwo();
    dirtyUp(fx.primary);
    write(path.join(fx.primary, '.worktreeguardrc.json'), '{ broken');
    const r = gitResult(fx.primary, 'stash');
    expect(r.code).not.toBe(0);
    const lines = r.stderr.split('\n').filter((l) => l.includes('.worktreeguardrc.json'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/cannot be read: .*JSON/);
    expect(r.stderr).not.toMatch(/^\s*> 1 \|/m);
  });
});

describe("a program's backup (git stash store) is let through, and said to be there", () => {
  it('lint-staged style: stash create + stash store; the warning names the entry and what becomes of it', () => {
    const fx = withTwo();
    dirtyUp(fx.wt);
    const oid = git(fx.wt, 'stash', 'create').trim();
    const r = gitResult(fx.wt, 'stash', 'store', '--quiet', '--message', 'lint-staged automatic backup', oid);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`stored stash entry ${oid.slice(0, 10)} as a backup`);
    expect(r.stderr).toMatch(/guard doctor reports it and guard rescue turns it into a branch/);
    expect(git(fx.wt, 'stash', 'list')).toMatch(/lint-staged automatic backup/);
    git(fx.wt, 'stash', 'drop', '-q');
  });

  it("git's autostash whose re-apply conflicts: kept in the stash, as git says", () => {
    const fx = withTwo();
    write(path.join(fx.primary, 'a.txt'), 'base\n');
    git(fx.primary, 'add', 'a.txt');
    git(fx.primary, 'commit', '-qm', 'a');
    git(fx.primary, 'branch', 'up');
    git(fx.primary, 'switch', '-q', 'up');
    write(path.join(fx.primary, 'a.txt'), 'upstream\n');
    git(fx.primary, 'commit', '-qam', 'upstream change');
    git(fx.primary, 'switch', '-q', 'main');
    write(path.join(fx.primary, 'a.txt'), 'my local work\n');
    const r = gitResult(fx.primary, 'rebase', '--autostash', 'up');
    expect(r.stderr).toMatch(/stored stash entry [0-9a-f]{10} as a backup/);
    // older gits: "Your changes are safe in the stash"; newer (2.55 here): "Your local changes are stashed, however applying them resulted in conflicts"
    expect(`${r.stdout}${r.stderr}`).toMatch(
      /Your changes are safe in the stash|Your local changes are stashed/,
    );
    expect(git(fx.primary, 'stash', 'list')).toMatch(/autostash/);
    expect(git(fx.primary, 'stash', 'show', '-p', 'stash@{0}')).toContain('+my local work');
  });

  it('git rebase --quit with an autostash: the work lands in the stash, not in an unreachable object', () => {
    const fx = withTwo();
    write(path.join(fx.primary, 'b.txt'), 'base\n');
    git(fx.primary, 'add', 'b.txt');
    git(fx.primary, 'commit', '-qm', 'b');
    git(fx.primary, 'switch', '-q', '-c', 'up');
    write(path.join(fx.primary, 'b.txt'), 'upstream\n');
    git(fx.primary, 'commit', '-qam', 'upstream b');
    git(fx.primary, 'switch', '-q', 'main');
    write(path.join(fx.primary, 'b.txt'), 'mine\n');
    git(fx.primary, 'commit', '-qam', 'my b');
    write(path.join(fx.primary, 'README.md'), '# my local work\n');
    expect(gitResult(fx.primary, 'rebase', '--autostash', 'up').code).not.toBe(0); // stops on the conflict
    const quit = gitResult(fx.primary, 'rebase', '--quit');
    expect(quit.code).toBe(0);
    expect(quit.stderr).not.toMatch(/cannot store/);
    expect(git(fx.primary, 'stash', 'show', '-p', 'stash@{0}')).toContain('+# my local work');
  });
});
