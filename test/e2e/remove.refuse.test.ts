/**
 * `guard remove` refuses when removing would lose something — on real repositories with a bare origin —
 * and leaves the worktree byte for byte as it was: files, index, status, branch, the memory link.
 */
import { spawn } from 'node:child_process';
import { readlinkSync } from 'node:fs';
import path from 'node:path';
import { forceNames } from '@worktree-guard/core';
import { commit, memoryOf, removeJson, there } from '../helpers/remove';
import { BIN, git, gitResult, guard, healthyRepo, makeRepo, write } from '../helpers/repo';
import { snapshot } from '../helpers/worktreeState';

async function waitFor(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(cond()).toBe(true);
}

/** Runs guard remove and expects a refusal with exactly these reasons, and nothing changed. */
function expectRefused(primary: string, wt: string, args: string[], ids: string[]) {
  const before = snapshot(wt);
  const head = git(wt, 'rev-parse', 'HEAD').trim();
  const branch = git(wt, 'branch', '--show-current').trim();
  const link = readlinkSync(memoryOf(wt));
  const { r, doc } = removeJson(primary, [...args, wt]);
  expect(r.code).toBe(1);
  const [item] = doc.worktrees;
  expect(item?.action).toBe('refused');
  expect(item?.reasons.map((x) => x.id)).toEqual(ids);
  expect(snapshot(wt)).toEqual(before);
  expect(git(primary, 'worktree', 'list', '--porcelain')).toContain(`worktree ${wt}\n`);
  expect(git(primary, 'rev-parse', `refs/heads/${branch}`).trim()).toBe(head);
  expect(readlinkSync(memoryOf(wt))).toBe(link);
  return item;
}

describe('guard remove refuses, and the worktree stays byte-identical', () => {
  it('uncommitted changes, staged or not: names the commit that resolves it and --force=uncommitted', () => {
    const fx = healthyRepo(['feat/x']);
    const wt = fx.worktrees[0] as string;
    write(path.join(wt, 'README.md'), '# changed\n');
    write(path.join(wt, 'staged.txt'), 'staged\n');
    git(wt, 'add', 'staged.txt');
    const item = expectRefused(fx.primary, wt, [], ['uncommitted']);
    expect(item?.reasons[0]).toMatchObject({ force: 'uncommitted', forced: false });
    expect(item?.reasons[0]?.message).toMatch(/1 file staged, 1 file changed/);

    const text = guard(fx.primary, ['remove', wt]);
    expect(text.code).toBe(1);
    expect(text.stdout).toContain(`resolve: cd '${wt}' && git add -A && git commit`);
    expect(text.stdout).toContain('--force=uncommitted');
    expect(text.stdout).not.toContain('\u001b[');
  });

  it('untracked files git does not ignore (ignored ones, like the linked .env, do not count)', () => {
    const fx = healthyRepo(['feat/x']);
    const wt = fx.worktrees[0] as string;
    write(path.join(wt, 'notes', 'todo.txt'), 'todo\n');
    const item = expectRefused(fx.primary, wt, [], ['untracked']);
    expect(item?.reasons[0]?.message).toContain('notes/');
    // forcing a reason that is not the one in the way changes nothing
    expectRefused(fx.primary, wt, ['--force=uncommitted'], ['untracked']);
  });

  it('a "copies" file that differs from the primary\'s, which git ignores and would delete silently', () => {
    const fx = makeRepo({ gitignore: '.env\n.venv\n.env.local\n' });
    write(path.join(fx.primary, '.worktreeguardrc.json'), '{ "copies": [".env.local"] }\n');
    git(fx.primary, 'add', '.worktreeguardrc.json');
    git(fx.primary, 'commit', '-qm', 'guard config');
    git(fx.primary, 'push', '-q');
    write(path.join(fx.primary, '.env.local'), 'PORT=3000\n');
    expect(guard(fx.primary, ['install']).code).toBe(0);
    expect(guard(fx.primary, ['new', 'feat/c']).code).toBe(0);
    const wt = path.join(fx.root, 'app-feat-c');
    expect(guard(fx.primary, ['remove', '--dry-run', wt]).code).toBe(0); // an equal copy is not a loss
    write(path.join(wt, '.env.local'), 'PORT=3001\n');
    const item = expectRefused(fx.primary, wt, [], ['local-files']);
    expect(item?.reasons[0]?.message).toContain(".env.local (differs from the primary's)");
    expect(item?.reasons[0]?.resolve).toBe(`diff -- '${fx.primary}/.env.local' '${wt}/.env.local'`);

    const forced = removeJson(fx.primary, ['--force=local-files', wt]);
    expect(forced.r.code).toBe(0);
    expect(there(wt)).toBe(false);
    expect(git(fx.primary, 'status', '--porcelain', '--ignored')).toContain('!! .env.local');
    expect(gitResult(fx.primary, 'diff', '--no-index', '--', '.env.local', '/dev/null').stdout).toContain(
      '-PORT=3000',
    );
  });

  it('commits neither integrated nor pushed; once pushed, the worktree goes and the branch keeps them', () => {
    const fx = healthyRepo(['feat/u']);
    const wt = fx.worktrees[0] as string;
    const head = commit(wt, { 'u.txt': 'u\n' }, 'unpushed work');
    const item = expectRefused(fx.primary, wt, [], ['unpushed']);
    expect(item?.reasons[0]?.message).toMatch(
      /1 commit \(\w{10} "unpushed work"\) neither in origin\/main nor pushed/,
    );
    expect(item?.reasons[0]?.resolve).toBe(`git -C '${wt}' push -u origin feat/u`);

    git(wt, 'push', '-q', '-u', 'origin', 'feat/u');
    const { r, doc } = removeJson(fx.primary, [wt]);
    expect(r.code).toBe(0);
    expect(doc.worktrees[0]).toMatchObject({
      action: 'removed',
      integration: { state: 'not-integrated' },
      branchAction: { name: 'feat/u', action: 'kept', why: 'not-integrated' },
    });
    expect(git(fx.primary, 'rev-parse', 'refs/heads/feat/u').trim()).toBe(head);
    expect(there(memoryOf(wt))).toBe(false);
  });

  it('a commit on top of the upstream names a plain push; an upstream the remote deleted is no copy', () => {
    const fx = healthyRepo(['feat/g']);
    const wt = fx.worktrees[0] as string;
    commit(wt, { 'g.txt': 'g\n' }, 'pushed');
    git(wt, 'push', '-q', '-u', 'origin', 'feat/g');
    commit(wt, { 'h.txt': 'h\n' }, 'not yet pushed');
    const ahead = expectRefused(fx.primary, wt, [], ['unpushed']);
    expect(ahead?.reasons[0]?.message).toMatch(/1 commit .*"not yet pushed".* nor on origin\/feat\/g/);
    expect(ahead?.reasons[0]?.resolve).toBe(`git -C '${wt}' push`);

    git(wt, 'push', '-q');
    git(fx.primary, 'push', '-q', 'origin', '--delete', 'feat/g'); // deleted unmerged, e.g. a closed PR
    git(wt, 'update-ref', 'refs/remotes/origin/feat/g', 'HEAD'); // the stale remote-tracking ref a fetch keeps
    const gone = expectRefused(fx.primary, wt, [], ['unpushed']);
    expect(gone?.reasons[0]?.message).toMatch(
      /2 commits .* nor pushed: origin\/feat\/g is gone from the remote/,
    );
  });

  it('a park commit at HEAD (and its commit is unpushed too)', () => {
    const fx = healthyRepo(['feat/p']);
    const wt = fx.worktrees[0] as string;
    write(path.join(wt, 'wip.txt'), 'half done\n');
    expect(guard(wt, ['park']).code).toBe(0);
    const item = expectRefused(fx.primary, wt, [], ['unpushed', 'parked']);
    expect(item?.reasons[1]?.resolve).toBe(`cd '${wt}' && guard unpark`);
  });

  it("a locked worktree (as Claude Code locks a live agent's); --force=locked removes it with git -f -f", () => {
    const fx = healthyRepo(['feat/l']);
    const wt = fx.worktrees[0] as string;
    git(fx.primary, 'worktree', 'lock', '--reason', 'claude agent agent-1 (pid 4242)', wt);
    const item = expectRefused(fx.primary, wt, [], ['locked']);
    expect(item?.reasons[0]?.message).toContain('claude agent agent-1 (pid 4242)');
    expect(item?.reasons[0]?.resolve).toBe(`git worktree unlock '${wt}'`);

    const forced = guard(fx.primary, ['remove', '--force=locked', wt]);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain('ran: git worktree remove --force --force');
    expect(there(wt)).toBe(false);
  });

  it('a run of guard run --serial started there: refused until it ends (live agent sessions: agents.sessions.test.ts); its ports are given back', async () => {
    const fx = healthyRepo(['feat/s']);
    const wt = fx.worktrees[0] as string;
    const port = JSON.parse(guard(wt, ['port', 'web', '--json']).stdout).ports[0].port as number;
    const run = spawn(process.execPath, [BIN, 'run', '--serial', 'db', '--', 'sleep', '30'], { cwd: wt });
    try {
      await waitFor(() => JSON.parse(guard(fx.primary, ['locks', '--json']).stdout).locks.length === 1);
      const item = expectRefused(fx.primary, wt, [], ['serial-run']);
      expect(item?.reasons[0]?.message).toMatch(/holds lock "db" \(pid \d+: sleep 30\)/);
      expect(item?.reasons[0]?.force).toBe('serial-run');
    } finally {
      run.kill('SIGTERM');
      await new Promise((r) => run.once('exit', r));
    }
    const r = guard(fx.primary, ['remove', '--json', wt]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).ports).toEqual([expect.objectContaining({ name: 'web', port })]);
    expect(JSON.parse(guard(fx.primary, ['port', '--list', '--json']).stdout).ports).toEqual([]);
  });

  it('another worktree inside this one can never be forced', () => {
    const fx = healthyRepo(['feat/n']);
    const wt = fx.worktrees[0] as string;
    git(fx.primary, 'worktree', 'add', '-q', '-b', 'inner', path.join(wt, 'inner'));
    expectRefused(fx.primary, wt, [`--force=${forceNames().join(',')}`], ['nested-worktree', 'untracked']);
  });

  it('the primary checkout, whatever is forced', () => {
    const fx = healthyRepo(['feat/a']);
    const before = snapshot(fx.primary);
    const { r, doc } = removeJson(fx.primary, [`--force=${forceNames().join(',')}`, fx.primary]);
    expect(r.code).toBe(1);
    expect(doc.worktrees[0]?.reasons.map((x) => [x.id, x.force])).toEqual([['primary', null]]);
    expect(guard(fx.primary, ['remove']).code).toBe(1); // no argument, in the primary
    expect(snapshot(fx.primary)).toEqual(before);
  });

  it('a removal git refuses (a worktree with a submodule) is reported, and nothing else is done', () => {
    const fx = healthyRepo(['feat/s']);
    const wt = fx.worktrees[0] as string;
    git(wt, 'submodule', '-q', 'add', fx.origin, 'sub');
    git(wt, 'commit', '-qm', 'a submodule');
    const link = readlinkSync(memoryOf(wt));
    const { r, doc } = removeJson(fx.primary, ['--force=unpushed', wt]);
    expect(r.code).toBe(1);
    expect(doc.worktrees[0]).toMatchObject({ action: 'failed', branchAction: null, leftovers: [] });
    expect(doc.worktrees[0]?.gitError).toMatch(/submodule/);
    expect(there(path.join(wt, 'sub', 'README.md'))).toBe(true);
    expect(readlinkSync(memoryOf(wt))).toBe(link);
    expect(git(fx.primary, 'branch', '--list', 'feat/s')).toContain('feat/s');
  });
});

describe('guard remove: arguments', () => {
  it('a bare --force, an unknown reason and an unknown worktree are usage errors (exit 2) that change nothing', () => {
    const fx = healthyRepo(['feat/a']);
    const wt = fx.worktrees[0] as string;
    const before = snapshot(wt);
    const bare = guard(fx.primary, ['remove', '--force', wt]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--force=<reason>');
    expect(bare.stderr).toContain('uncommitted, untracked, local-files, unpushed, parked, locked');
    const unknown = guard(fx.primary, ['remove', '--force=everything', wt]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--force=everything: no such reason');
    const nowhere = guard(fx.primary, ['remove', 'no-such-branch']);
    expect(nowhere.code).toBe(2);
    expect(nowhere.stderr).toContain('"no-such-branch" is neither a worktree\'s directory nor a branch');
    expect(snapshot(wt)).toEqual(before);
    expect(there(wt)).toBe(true);
  });

  it('a branch name names the worktree it is checked out in', () => {
    const fx = healthyRepo(['feat/a']);
    const { r, doc } = removeJson(fx.primary, ['--dry-run', 'feat/a']);
    expect(r.code).toBe(0);
    expect(doc.worktrees[0]).toMatchObject({ path: fx.worktrees[0], action: 'would-remove' });
    expect(there(fx.worktrees[0] as string)).toBe(true);
  });

  it('no argument: the worktree guard runs in — removed from the primary, then it says where to go', () => {
    const fx = healthyRepo(['feat/h']);
    const wt = fx.worktrees[0] as string;
    const sub = path.join(wt, 'deep', 'er');
    write(path.join(sub, '.gitkeep'), '');
    git(wt, 'add', '.');
    git(wt, 'commit', '-qm', 'a directory');
    git(wt, 'push', '-q', '-u', 'origin', 'feat/h');
    const r = guard(sub, ['remove']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`you are inside ${wt}: guard runs the removal from ${fx.primary}`);
    expect(r.stdout).toContain(`removed ${wt} (feat/h)`);
    expect(r.stdout).toContain(`Move out: cd '${fx.primary}'`);
    expect(there(wt)).toBe(false);
    expect(git(fx.primary, 'worktree', 'list')).not.toContain(wt);
  });
});
