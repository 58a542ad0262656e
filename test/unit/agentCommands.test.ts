/**
 * How guard reads an agent's shell command: the real shell grammar (tree-sitter-bash) finds every git
 * command in it — in compound commands, after cd, behind env/sudo/timeout, inside $(…), sh -c and eval —
 * and git's own option rules say what each does. Tables of command lines, no repository needed.
 */
import { spawnSync } from 'node:child_process';
import {
  branchTarget,
  bypassDenials,
  configCall,
  type GitInvocation,
  gitInvocation,
  gitWrites,
  identityWrite,
  parseShellLine,
  patternWord,
  runsUnderGuard,
  serialLocks,
  serialRewrite,
  skipsCommitHooks,
  stashAction,
} from '@worktree-guard/core';

const CWD = '/work/app';
const HOME = '/home/ada';

function invocations(line: string): GitInvocation[] {
  const parsed = parseShellLine(line, CWD, HOME);
  if (!parsed) throw new Error(`could not parse: ${line}`);
  return parsed.commands.map(gitInvocation).filter((i): i is GitInvocation => i !== null);
}

function only(line: string): GitInvocation {
  const all = invocations(line);
  if (all.length !== 1) throw new Error(`${all.length} git commands in: ${line}`);
  return all[0] as GitInvocation;
}

describe('finding the git commands in a line', () => {
  it.each([
    ['git stash', CWD, 'stash', []],
    ['cd ../other && git stash pop', '/work/other', 'stash', ['pop']],
    ['cd /tmp/x; git -C sub stash', '/tmp/x/sub', 'stash', []],
    ['git -C "a b" -c x.y=1 --no-pager stash push -u', '/work/app/a b', 'stash', ['push', '-u']],
    ['git --git-dir=/r/.git --work-tree /r status', '/r', 'status', []],
    ['/usr/bin/git stash', CWD, 'stash', []],
    ['FOO=1 git st"as"h', CWD, 'stash', []],
    ["g'i't stash", CWD, 'stash', []],
    ['env -i HOME=/x git stash', CWD, 'stash', []],
    ['sudo -u bob git stash', CWD, 'stash', []],
    ['timeout 10 git stash', CWD, 'stash', []],
    ['echo start && (cd sub && git stash) | cat', '/work/app/sub', 'stash', []],
    ['echo "$(git stash)"', CWD, 'stash', []],
    ['echo `git stash`', CWD, 'stash', []],
    ['if true; then git stash; fi', CWD, 'stash', []],
    ['for i in 1; do git stash; done', CWD, 'stash', []],
    ['f() { git stash; }; f', CWD, 'stash', []],
    ["sh -c 'git stash'", CWD, 'stash', []],
    ['bash -lc "cd sub && git stash"', '/work/app/sub', 'stash', []],
    ["eval 'git stash'", CWD, 'stash', []],
    ['cat <<EOF\n$(git stash)\nEOF', CWD, 'stash', []],
    ['cd ~/repo && git stash', '/home/ada/repo', 'stash', []],
    ['git -c alias.wip=stash wip', CWD, 'stash', []],
    ['git -c alias.save="stash push -u" save', CWD, 'stash', ['push', '-u']],
  ])('%j runs git %s', (line, dir, sub, args) => {
    const inv = only(line);
    expect({ dir: inv.dir, sub: inv.sub, args: inv.args }).toEqual({ dir, sub, args });
  });

  it('a cd inside a subshell, a pipeline or $(…) does not move what follows', () => {
    expect(invocations('(cd a); git stash').map((i) => i.dir)).toEqual([CWD]);
    expect(invocations('cd a | cat; git stash').map((i) => i.dir)).toEqual([CWD]);
    expect(invocations('echo $(cd a); git stash').map((i) => i.dir)).toEqual([CWD]);
  });

  it('an unknown directory or word stays unknown', () => {
    expect(only('cd "$DIR" && git stash').dir).toBeNull();
    expect(only('git $SUB').sub).toBeNull();
  });

  it.each([
    ['echo git stash'],
    ['grep -r "git stash" .'],
    ['echo hi # git stash'],
    ["printf '%s' 'git stash'"],
    ['cat > notes.md <<EOF\ngit stash\nEOF'],
    ["cat <<'EOF'\n$(git stash)\nEOF"],
  ])('%j runs no git command', (line) => {
    expect(invocations(line)).toEqual([]);
  });

  it.each([['echo "unterminated'], ['if then fi'], ['git commit -m "$(cat <<EOF']])(
    '%j cannot be parsed: null (the caller lets it through)',
    (line) => {
      expect(parseShellLine(line, CWD, HOME)).toBeNull();
    },
  );

  it('reads the commit Claude Code writes (a here-document inside $(…), blank lines and all)', () => {
    const line = `git add -A && git commit --no-verify -m "$(cat <<'EOF'\nFix the thing\n\nCo-Authored-By: Claude <noreply@anthropic.com>\nEOF\n)"`;
    const [add, commit] = invocations(line);
    expect(add?.sub).toBe('add');
    expect(commit && skipsCommitHooks(commit)).toBe('--no-verify');
  });
});

describe("git's own option rules", () => {
  it.each([
    ['git stash', 'push'],
    ['git stash -u', 'push'],
    ['git stash push -m x', 'push'],
    ['git stash save x', 'save'],
    ['git stash pop', 'pop'],
    ['git stash apply stash@{1}', 'apply'],
    ['git stash drop', 'drop'],
    ['git stash clear', 'clear'],
    ['git stash store -m x abc', 'store'],
    ['git stash list', null],
    ['git stash show -p', null],
    ['git status', null],
  ])('%j: stash action %s', (line, action) => {
    expect(stashAction(only(line))).toBe(action);
  });

  it.each([
    ['git commit -m x', null],
    ['git commit --no-verify -m x', '--no-verify'],
    ['git commit -n -m x', '-n'],
    ['git commit -nm x', '-nm'],
    ['git commit -anm x', '-anm'],
    ['git commit --no-veri -m x', '--no-veri'],
    ['git commit --no-verify --verify -m x', null],
    ['git commit -m -n', null],
    ['git commit -m "-n"', null],
    ['git commit -mn', null],
    ['git commit --message -n', null],
    ['git commit -C HEAD -n', '-n'],
    ['git commit -- -n', null],
    ['git merge --no-verify x', null],
  ])('%j skips the commit hooks: %s', (line, skip) => {
    expect(skipsCommitHooks(only(line))).toBe(skip);
  });

  it.each([
    ['git config user.email', 'user.email', false, 'local'],
    ['git config user.email a@b', 'user.email', true, 'local'],
    ['git config --worktree user.email a@b', 'user.email', true, 'worktree'],
    ['git config --global user.name Ada', 'user.name', true, 'global'],
    ['git config --get user.email', 'user.email', false, 'local'],
    ['git config --unset user.email', 'user.email', true, 'local'],
    ['git config -f x.cfg user.email a@b', 'user.email', true, 'file'],
    ['git config --type=bool core.bare false', 'core.bare', true, 'local'],
    ['git config --type bool core.bare', 'core.bare', false, 'local'],
    ['git config set user.email a@b', 'user.email', true, 'local'],
    ['git config set --worktree user.email a@b', 'user.email', true, 'worktree'],
    ['git config get user.email', 'user.email', false, 'local'],
    ['git config --list', null, false, 'local'],
  ])('%j: key %s, write %s, scope %s', (line, key, write, scope) => {
    expect(configCall(only(line))).toEqual({ key, write, scope });
  });

  it.each([
    ['git config user.email a@b', 'user.email'],
    ['git config User.Email a@b', 'user.email'],
    ['git config --global user.name Ada', 'user.name'],
    ['git config committer.email a@b', 'committer.email'],
    ['git config --worktree user.email a@b', null],
    ['git config user.email', null],
    ['git config core.editor vim', null],
  ])('%j writes identity %s outside this worktree', (line, key) => {
    expect(identityWrite(only(line))?.key ?? null).toBe(key);
  });

  it.each([
    ['git switch feat', 'feat'],
    ['git switch -c new', 'new'],
    ['git switch -C feat origin/main', 'feat'],
    ['git switch --detach feat', null],
    ['git switch -d feat', null],
    ['git checkout feat', 'feat'],
    ['git checkout refs/heads/feat', 'feat'],
    ['git checkout -b new feat', 'new'],
    ['git checkout -B feat', 'feat'],
    ['git checkout feat -- file.txt', null],
    ['git checkout -- file.txt', null],
    ['git checkout HEAD file.txt', null],
    ['git checkout --detach feat', null],
    ['git worktree add ../x feat', 'feat'],
    ['git worktree add -f ../x feat', 'feat'],
    ['git worktree add -b new ../x', 'new'],
    ['git worktree add --detach ../x feat', null],
    ['git worktree list', null],
  ])('%j puts a worktree on branch %s', (line, branch) => {
    expect(branchTarget(only(line))?.branch ?? null).toBe(branch);
  });

  it.each([
    ['git status', false],
    ['git log --oneline', false],
    ['git diff HEAD', false],
    ['git branch', false],
    ['git branch -v', false],
    ['git branch --list "feat/*"', false],
    ['git remote -v', false],
    ['git tag', false],
    ['git worktree list', false],
    ['git stash list', false],
    ['git config --get user.email', false],
    ['git fetch origin', false],
    ['git add -A', true],
    ['git commit -m x', true],
    ['git branch new', true],
    ['git reset --hard', true],
    ['git checkout -- x', true],
    ['git stash', true],
    ['git worktree add ../x', true],
    ['git config user.email a@b', true],
  ])('%j writes: %s', (line, writes) => {
    expect(gitWrites(only(line))).toBe(writes);
  });
});

describe('the ways around the hooks', () => {
  const rules = (line: string) => {
    const parsed = parseShellLine(line, CWD, HOME);
    if (!parsed) throw new Error(`could not parse: ${line}`);
    const invs = parsed.commands.map(gitInvocation).filter((i): i is GitInvocation => i !== null);
    return [...new Set(bypassDenials(parsed, invs).map((d) => d.rule))];
  };

  it.each([
    ['git -c worktreeguard.stash=allow stash', ['stash-override']],
    ['git -c WorktreeGuard.Stash=allow stash', ['stash-override']],
    ['git --config-env=worktreeguard.stash=X stash', ['stash-override']],
    ['git config worktreeguard.stash allow', ['stash-override']],
    ['git -c core.hooksPath=/dev/null commit -m x', ['hooks-path']],
    ['git -c core.hookspath= commit -m x', ['hooks-path']],
    ['git config core.hooksPath /tmp/none', ['hooks-path']],
    ['git config --unset core.hooksPath', ['hooks-path']],
    ['GIT_CONFIG_COUNT=1 GIT_CONFIG_KEY_0=core.hooksPath GIT_CONFIG_VALUE_0=/x git commit', ['hooks-path']],
    ['WORKTREE_GUARD=0 git stash', ['hooks-off']],
    ['HUSKY=0 git commit -m x', ['hooks-off']],
    ['export WORKTREE_GUARD=0; git stash', ['hooks-off']],
    ['export WORKTREE_GUARD=0', ['hooks-off']],
    ['env HUSKY=0 git commit -m x', ['hooks-off']],
    ['HUSKY=0; git commit -m x', ['hooks-off']],
    ['git commit --no-verify -m x', ['no-verify']],
    ['cd sub && git commit -nm x', ['no-verify']],
  ])('%j: %j', (line, expected) => {
    expect(rules(line)).toEqual(expected);
  });

  it.each([
    ['git config core.hooksPath'],
    ['git config --get core.hooksPath'],
    ['HUSKY=0 npm ci'],
    ['WORKTREE_GUARD=1 git stash list'],
    ['git commit -m "--no-verify is not used here"'],
    ['echo WORKTREE_GUARD=0'],
    ['git -c user.name=Ada log'],
    ['bash -c "echo hi"'],
  ])('%j goes through', (line) => {
    expect(rules(line)).toEqual([]);
  });
});

// serial.commands: in this file too, since tree-sitter's native module loads once per process (a
// second test file in the same jest worker would get a broken copy)
const COMMANDS = { deploy: ['helm upgrade *', 'kubectl apply -f ?*'], db: ['alembic upgrade *'] };

function lineOf(text: string) {
  const parsed = parseShellLine(text, '/work/app', '/home/ada');
  if (!parsed) throw new Error(`could not parse: ${text}`);
  return parsed;
}

describe('serialLocks', () => {
  it.each([
    ['helm upgrade api ./chart', ['deploy']],
    ['cd infra && helm upgrade api .', ['deploy']],
    ['NS=x helm upgrade "my api" .', ['deploy']],
    ['alembic upgrade head && helm upgrade api .', ['db', 'deploy']],
    ['echo $(alembic upgrade head)', ['db']],
    ['kubectl apply -f k.yaml', ['deploy']],
    ['helm list', []],
    ['echo helm upgrade api', []],
    ['helm upgrade', []],
    ['helm upgrade $RELEASE .', []], // a word from an expansion: cannot be judged, not rewritten
  ])('%s → %j', (text, locks) => {
    expect(serialLocks(lineOf(text), COMMANDS)).toEqual(locks);
  });

  it('a line already under guard run is left as it is', () => {
    expect(runsUnderGuard(lineOf('guard run --serial deploy -- helm upgrade api .'))).toBe(true);
    expect(
      runsUnderGuard(lineOf("'/usr/bin/node' '/x/guard.js' run --serial deploy -- sh -c 'helm upgrade a .'")),
    ).toBe(true);
    expect(
      serialRewrite(lineOf('guard run --serial deploy -- helm upgrade a .'), 'x', COMMANDS, ['guard']),
    ).toBeNull();
  });
});

describe('serialRewrite', () => {
  it('the rewritten line, run by sh, runs the original line word for word', () => {
    const original = `helm upgrade 'it'"'"'s' "a b" $HOME`;
    const r = serialRewrite(lineOf(original.replace(' $HOME', '')), original, COMMANDS, ['echo']);
    expect(r?.locks).toEqual(['deploy']);
    // with `echo` standing in for guard, the command after `--` is the original, quoted once
    const printed = spawnSync('sh', ['-c', r?.command as string], { encoding: 'utf8' }).stdout;
    expect(printed).toBe(`run --serial deploy -- sh -c ${original}\n`);
  });
});

describe('patternWord', () => {
  it.each([
    ['helm upgrade *', 'helm'],
    ['  alembic  upgrade', 'alembic'],
    ['*deploy*', ''],
    ['make?deploy', 'make'],
  ])('%s → %s', (pattern, word) => {
    expect(patternWord(pattern)).toBe(word);
  });
});
