/** `guard run --serial --remote`: the lock as a ref on the remote, raced by two clones of one bare repository. */
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { lockMessage } from '@worktree-guard/core';
import { exitOf, type Proc, start, tickets, until } from '../helpers/procs';
import { git, guard, tempDir, write } from '../helpers/repo';

const REF = 'refs/worktree-guard/locks/deploy';

function twoClones() {
  const root = tempDir('remote lock');
  const origin = path.join(root, 'origin.git');
  git(root, 'init', '-q', '--bare', '--initial-branch=main', origin);
  const seed = path.join(root, 'seed');
  git(root, 'clone', '-q', origin, seed);
  git(
    seed,
    '-c',
    'user.name=S',
    '-c',
    'user.email=s@example.com',
    'commit',
    '-q',
    '--allow-empty',
    '-m',
    'initial',
  );
  git(seed, 'push', '-q', 'origin', 'HEAD:main');
  const a = path.join(root, 'alice');
  const b = path.join(root, 'bob');
  git(root, 'clone', '-q', origin, a);
  git(root, 'clone', '-q', origin, b);
  return { root, origin, a, b };
}

const onRemote = (origin: string) =>
  git(origin, 'for-each-ref', '--format=%(refname)', 'refs/worktree-guard/');
const hold = (marker: string, release: string) =>
  `touch '${marker}'; while [ ! -f '${release}' ]; do sleep 0.05; done`;

describe('guard run --serial --remote', () => {
  it('two clones race many rounds: exactly one wins each, the held lock is a ref on the remote, release frees it', async () => {
    const fx = twoClones();
    const wins = { a: 0, b: 0 };
    for (let round = 0; round < 6; round++) {
      const release = path.join(fx.root, `release-${round}`);
      const marker = (who: string) => path.join(fx.root, `won-${round}-${who}`);
      const run = (who: 'a' | 'b') =>
        start(fx[who], [
          'run',
          '--serial',
          'deploy',
          '--remote',
          '--wait',
          '0',
          '--',
          'sh',
          '-c',
          hold(marker(who), release),
        ]);
      const procs: Record<'a' | 'b', Proc> = { a: run('a'), b: run('b') };
      const loser = await Promise.race([
        procs.a.exited.then(() => 'a' as const),
        procs.b.exited.then(() => 'b' as const),
      ]);
      const winner = loser === 'a' ? 'b' : 'a';
      expect(await procs[loser].exited).toBe(1);
      expect(procs[loser].stderr()).toMatch(/lock "deploy" on origin is held by .* \(--wait 0\)/);
      await until(() => existsSync(marker(winner)), `the winner of round ${round} to run`);
      expect(existsSync(marker(loser))).toBe(false);
      expect(onRemote(fx.origin)).toBe(`${REF}\n`);
      expect(tickets(fx[loser], 'deploy')).toEqual([]);
      wins[winner]++;
      writeFileSync(release, '');
      expect(await exitOf(procs[winner], `the winner of round ${round}`)).toBe(0);
      expect(onRemote(fx.origin)).toBe('');
    }
    expect(wins.a + wins.b).toBe(6);
  }, 300_000);

  it('a waiting clone shows who holds it, and goes in when the holder releases (serial.remote in the configuration)', async () => {
    const fx = twoClones();
    write(path.join(fx.b, '.worktreeguardrc.json'), JSON.stringify({ serial: { remote: true } }));
    const release = path.join(fx.root, 'release');
    const ready = path.join(fx.root, 'ready');
    const holder = start(fx.a, [
      'run',
      '--serial',
      'deploy',
      '--remote',
      '--',
      'sh',
      '-c',
      hold(ready, release),
    ]);
    await until(() => existsSync(ready), 'the holder to run');
    const waiter = start(fx.b, ['run', '--serial', 'deploy', '--', 'touch', 'deployed']);
    await until(() => waiter.stderr().includes('waiting for lock "deploy" on origin'), 'the waiter to wait');
    expect(waiter.stderr()).toContain(`held by ${fx.a} · main · pid ${holder.pid} on ${os.hostname()}`);
    const listed = JSON.parse(guard(fx.b, ['locks', '--remote', '--json']).stdout);
    // the waiter holds bob's local lock while it waits for the remote one: bob's other worktrees queue behind it
    expect(listed.locks).toEqual([
      {
        name: 'deploy',
        holder: expect.objectContaining({ pid: waiter.pid, command: 'touch deployed' }),
        waiters: [],
      },
    ]);
    expect(listed.remote).toEqual([
      expect.objectContaining({
        name: 'deploy',
        ref: REF,
        expired: false,
        holder: expect.objectContaining({ pid: holder.pid }),
      }),
    ]);
    writeFileSync(release, '');
    expect(await exitOf(holder, 'the holder')).toBe(0);
    expect(await exitOf(waiter, 'the waiter')).toBe(0);
    expect(existsSync(path.join(fx.b, 'deployed'))).toBe(true);
    expect(onRemote(fx.origin)).toBe('');
  }, 120_000);

  it('renews the lease while the command runs; an expired one is broken only with --break', async () => {
    const fx = twoClones();
    write(path.join(fx.a, '.worktreeguardrc.json'), JSON.stringify({ serial: { ttl: '1s' } }));
    const release = path.join(fx.root, 'release');
    const ready = path.join(fx.root, 'ready');
    const holder = start(fx.a, [
      'run',
      '--serial',
      'deploy',
      '--remote',
      '--',
      'sh',
      '-c',
      hold(ready, release),
    ]);
    await until(() => existsSync(ready), 'the holder to run');
    const first = git(fx.origin, 'rev-parse', REF).trim();
    await until(() => git(fx.origin, 'rev-parse', REF).trim() !== first, 'a renewal');
    writeFileSync(release, '');
    expect(await exitOf(holder, 'the holder')).toBe(0);

    // a lease left by a machine that went away an hour ago
    const old = new Date(Date.now() - 3_600_000).toISOString();
    const stale = {
      host: 'laptop',
      pid: 77,
      start: 's',
      worktree: '/home/x/app',
      branch: 'main',
      command: 'deploy',
      queued: old,
      since: old,
      renewed: old,
      child: null,
    };
    const tree = git(fx.b, 'mktree').trim();
    const env = {
      ...process.env,
      GIT_AUTHOR_NAME: 'x',
      GIT_AUTHOR_EMAIL: 'x@x',
      GIT_COMMITTER_NAME: 'x',
      GIT_COMMITTER_EMAIL: 'x@x',
    };
    const commit = execFileSync('git', ['commit-tree', tree, '-m', lockMessage('deploy', stale)], {
      cwd: fx.b,
      env,
      encoding: 'utf8',
    }).trim();
    git(fx.b, 'push', '-q', 'origin', `${commit}:${REF}`);

    const refused = guard(fx.a, [
      'run',
      '--serial',
      'deploy',
      '--remote',
      '--wait',
      '0',
      '--',
      'touch',
      'ran',
    ]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /held by \/home\/x\/app · main · pid 77 on laptop · "deploy" — not renewed within serial.ttl \(1s\): --break takes it over/,
    );
    const broke = guard(fx.a, ['run', '--serial', 'deploy', '--remote', '--break', '--', 'touch', 'ran']);
    expect(broke.code).toBe(0);
    expect(broke.stderr).toMatch(
      /lock "deploy" on origin: breaking the lease of \/home\/x\/app · main · pid 77 on laptop · "deploy", last renewed 1 h ago \(--break\)/,
    );
    expect(existsSync(path.join(fx.a, 'ran'))).toBe(true);
    expect(onRemote(fx.origin)).toBe('');
  }, 120_000);

  it('a remote that refuses the push, or cannot be reached, is an error: the command never runs without the lock', () => {
    const fx = twoClones();
    write(
      path.join(fx.origin, 'hooks', 'pre-receive'),
      '#!/bin/sh\necho "refs/worktree-guard/* is protected" >&2\nexit 1\n',
    );
    execFileSync('chmod', ['+x', path.join(fx.origin, 'hooks', 'pre-receive')]);
    const refused = guard(fx.a, ['run', '--serial', 'deploy', '--remote', '--', 'touch', 'ran']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /remote "origin" refuses updates to refs\/worktree-guard\/locks\/deploy \(pre-receive hook declined\)/,
    );
    expect(existsSync(path.join(fx.a, 'ran'))).toBe(false);
    expect(tickets(fx.a, 'deploy')).toEqual([]);

    git(fx.a, 'remote', 'set-url', 'origin', path.join(fx.root, 'nowhere.git'));
    const unreachable = guard(fx.a, ['run', '--serial', 'deploy', '--remote', '--', 'touch', 'ran']);
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(
      /cannot take refs\/worktree-guard\/locks\/deploy on remote "origin": .* nothing was run without the lock/,
    );
    expect(existsSync(path.join(fx.a, 'ran'))).toBe(false);
  });
});
