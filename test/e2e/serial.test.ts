/** `guard run --serial` and `guard locks` on real repositories, with real processes and signals. */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { exitOf, start, tickets, until } from '../helpers/procs';
import { git, guard, makeRepo, write } from '../helpers/repo';

function repoWithWorktree() {
  const fx = makeRepo({ env: false, remote: false });
  const wt = path.join(fx.root, 'wt');
  git(fx.primary, 'worktree', 'add', '-q', '-b', 'feat/wt', wt);
  return { ...fx, wt };
}

const holdUntil = (file: string, ready: string) =>
  `touch '${ready}'; while [ ! -f '${file}' ]; do sleep 0.05; done`;

describe('guard run --serial', () => {
  it('exits with the command’s code, 127 when it is not found, and leaves no lock either way', () => {
    const fx = repoWithWorktree();
    expect(guard(fx.wt, ['run', '--serial', 'db', '--', 'sh', '-c', 'exit 3']).code).toBe(3);
    const missing = guard(fx.wt, ['run', '--serial', 'db', '--', 'no-such-command-here']);
    expect(missing.code).toBe(127);
    expect(missing.stderr).toMatch(/no-such-command-here: command not found/);
    expect(tickets(fx.primary, 'db')).toEqual([]);
    const ok = guard(fx.primary, [
      'run',
      '--serial',
      'db',
      '--wait',
      '0',
      '--',
      'sh',
      '-c',
      'echo "$0 ran"',
      'it',
    ]);
    expect(ok).toMatchObject({ code: 0, stdout: 'it ran\n' });
    // without --, the command starts at the first word that is not an option
    expect(guard(fx.primary, ['run', '--serial', 'db', 'sh', '-c', 'exit 4']).code).toBe(4);
  });

  let plain: string;
  beforeAll(() => {
    plain = makeRepo({ env: false, remote: false }).primary;
  });

  it.each([
    [['run', '--serial', 'a/b', '--', 'true'], /lock name "a\/b": it holds "\/"/],
    [['run', '--serial', '-x', '--', 'true'], /--serial/],
    [['run', '--serial', '.hidden', '--', 'true'], /starts with "\."/],
    [['run', '--serial', 'x'.repeat(65), '--', 'true'], /65 characters long \(at most 64\)/],
    [['run', '--serial', 'db', '--wait', 'soon', '--', 'true'], /--wait "soon" is not a duration/],
    [['run', '--', 'true'], /missing --serial <name>/],
    [['run', '--serial', 'db'], /missing the command/],
  ])('refuses %j with exit 2, naming the rule', (args, why) => {
    const r = guard(plain, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(why);
  });

  it('--wait 0 fails at once while another worktree holds it, naming the holder; then takes it once free', async () => {
    const fx = repoWithWorktree();
    const release = path.join(fx.root, 'release');
    const ready = path.join(fx.root, 'ready');
    const holder = start(fx.wt, ['run', '--serial', 'db', '--', 'sh', '-c', holdUntil(release, ready)]);
    await until(() => existsSync(ready), 'the holder to run');

    const refused = guard(fx.primary, ['run', '--serial', 'db', '--wait', '0', '--', 'touch', 'never']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`lock "db" is held by ${fx.wt} · feat/wt · pid ${holder.pid}`);
    expect(existsSync(path.join(fx.primary, 'never'))).toBe(false);

    const locks = JSON.parse(guard(fx.primary, ['locks', '--json']).stdout);
    expect(locks.locks).toEqual([
      {
        name: 'db',
        holder: expect.objectContaining({
          pid: holder.pid,
          worktree: fx.wt,
          branch: 'feat/wt',
          state: 'alive',
        }),
        waiters: [],
      },
    ]);
    expect(locks.locks[0].holder.command).toMatch(/^sh -c /);
    const table = guard(fx.primary, ['locks']);
    expect(table.stdout).toMatch(/^LOCK\s+HOLDER\s+PID\s+SINCE\s+COMMAND\s+WAITERS\n/);
    expect(table.stdout).toContain(`db    ${fx.wt} (feat/wt)`);

    // guard list shows which worktree holds which lock
    const list = JSON.parse(guard(fx.primary, ['list', '--json']).stdout);
    expect(list.worktrees.map((w: { locks: string[] }) => w.locks)).toEqual([[], ['db']]);
    expect(guard(fx.primary, ['list']).stdout).toMatch(
      /LINKS\s+INTEGRATED\s+LOCKS\n[^\n]*\n[^\n]*feat\/wt .* db\n/,
    );

    const waiter = start(fx.primary, ['run', '--serial', 'db', '--wait', '10m', '--', 'touch', 'after']);
    await until(() => waiter.stderr().includes('waiting for lock "db": held by'), 'the waiter to wait');
    writeFileSync(release, '');
    expect(await exitOf(holder, 'the holder')).toBe(0);
    expect(await exitOf(waiter, 'the waiter')).toBe(0);
    expect(existsSync(path.join(fx.primary, 'after'))).toBe(true);
    expect(tickets(fx.primary, 'db')).toEqual([]);
  });

  it('SIGKILL of a whole run: the next waiter takes over and says the old holder is gone', async () => {
    const fx = repoWithWorktree();
    const ready = path.join(fx.root, 'ready');
    const holder = start(fx.primary, [
      'run',
      '--serial',
      'k',
      '--',
      'sh',
      '-c',
      holdUntil('/nonexistent', ready),
    ]);
    await until(() => existsSync(ready), 'the holder to run');
    const waiter = start(fx.wt, ['run', '--serial', 'k', '--', 'touch', 'took-over']);
    await until(() => waiter.stderr().includes('waiting for lock "k"'), 'the waiter to wait');

    process.kill(-holder.pid, 'SIGKILL'); // guard and its command
    expect(await exitOf(waiter, 'the waiter')).toBe(0);
    expect(waiter.stderr()).toMatch(
      new RegExp(`lock "k": the old holder is gone \\(${fx.primary} · main · pid ${holder.pid}`),
    );
    expect(existsSync(path.join(fx.wt, 'took-over'))).toBe(true);
    expect(tickets(fx.primary, 'k')).toEqual([]);
  });

  it('SIGKILL of guard alone: the lock stays held while its command runs, then passes on', async () => {
    const fx = repoWithWorktree();
    const go = path.join(fx.root, 'go');
    const ready = path.join(fx.root, 'ready');
    const done = path.join(fx.root, 'first-done');
    const first = `${holdUntil(go, ready)}; touch '${done}'`;
    const holder = start(fx.primary, ['run', '--serial', 'k', '--', 'sh', '-c', first]);
    await until(() => existsSync(ready), 'the holder to run');
    // the waiter's command checks that the first command had finished before it started
    const waiter = start(fx.wt, ['run', '--serial', 'k', '--', 'sh', '-c', `test -f '${done}'`]);
    await until(() => waiter.stderr().includes('waiting for lock "k"'), 'the waiter to wait');

    holder.child.kill('SIGKILL');
    await exitOf(holder, 'guard');
    const view = JSON.parse(guard(fx.primary, ['locks', '--json']).stdout).locks[0];
    expect(view.holder).toMatchObject({ pid: holder.pid, state: 'alive' }); // its command still runs
    expect(view.waiters).toHaveLength(1);

    writeFileSync(go, '');
    expect(await exitOf(waiter, 'the waiter')).toBe(0);
    expect(waiter.stderr()).toMatch(/the old holder is gone/);
  });

  it('SIGINT to a holder reaches its command, guard exits with its code, and the lock is free', async () => {
    const fx = repoWithWorktree();
    const ready = path.join(fx.root, 'ready');
    const got = path.join(fx.root, 'got-int');
    const script = `const fs = require('fs'); process.on('SIGINT', () => { fs.writeFileSync(${JSON.stringify(got)}, ''); process.exit(7); }); fs.writeFileSync(${JSON.stringify(ready)}, ''); setInterval(() => {}, 1000);`;
    const holder = start(fx.wt, ['run', '--serial', 's', '--', process.execPath, '-e', script]);
    await until(() => existsSync(ready), 'the command to run');
    holder.child.kill('SIGINT');
    expect(await exitOf(holder, 'the holder')).toBe(7);
    expect(existsSync(got)).toBe(true);
    expect(tickets(fx.primary, 's')).toEqual([]);
    expect(guard(fx.primary, ['run', '--serial', 's', '--wait', '0', '--', 'true']).code).toBe(0);
  });

  it('a signal while waiting ends the wait with 128+n and leaves no ticket', async () => {
    const fx = repoWithWorktree();
    const ready = path.join(fx.root, 'ready');
    const release = path.join(fx.root, 'release');
    const holder = start(fx.wt, ['run', '--serial', 'w', '--', 'sh', '-c', holdUntil(release, ready)]);
    await until(() => existsSync(ready), 'the holder to run');
    const waiter = start(fx.primary, ['run', '--serial', 'w', '--', 'touch', 'never']);
    await until(() => tickets(fx.primary, 'w').length === 2, 'the waiter to queue');
    waiter.child.kill('SIGTERM');
    expect(await exitOf(waiter, 'the waiter')).toBe(143);
    expect(tickets(fx.primary, 'w')).toHaveLength(1);
    writeFileSync(release, '');
    expect(await exitOf(holder, 'the holder')).toBe(0);
    expect(existsSync(path.join(fx.primary, 'never'))).toBe(false);
  });

  it('a holder on another host is never broken without --break', () => {
    const fx = repoWithWorktree();
    const queue = path.join(fx.primary, '.git', 'worktree-guard', 'locks', 'gpu', 'queue');
    mkdirSync(queue, { recursive: true });
    const other = {
      host: `not-${os.hostname()}`,
      pid: 4242,
      start: 'x',
      worktree: '/elsewhere/app',
      branch: 'main',
      command: 'train',
      queued: new Date().toISOString(),
      since: new Date().toISOString(),
    };
    write(path.join(queue, '000000000001-4242-abcdef01'), JSON.stringify(other));
    const refused = guard(fx.wt, ['run', '--serial', 'gpu', '--wait', '0', '--', 'touch', 'ran']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`pid 4242 on not-${os.hostname()}`);
    const broke = guard(fx.wt, ['run', '--serial', 'gpu', '--break', '--wait', '0', '--', 'touch', 'ran']);
    expect(broke.code).toBe(0);
    expect(broke.stderr).toMatch(
      /lock "gpu": breaking the hold of \/elsewhere\/app · main · pid 4242 on not-/,
    );
    expect(existsSync(path.join(fx.wt, 'ran'))).toBe(true);
    expect(readdirSync(queue)).toEqual([]);
  });

  it('an unusable lock directory is an error, and the command does not run without the lock', () => {
    const fx = repoWithWorktree();
    write(path.join(fx.primary, '.git', 'worktree-guard', 'locks'), 'a file where the directory goes\n');
    const r = guard(fx.wt, ['run', '--serial', 'db', '--', 'touch', 'ran']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      /cannot use .*worktree-guard\/locks\/db \(ENOTDIR\).*nothing was run without the lock/,
    );
    expect(existsSync(path.join(fx.wt, 'ran'))).toBe(false);
    rmSync(path.join(fx.primary, '.git', 'worktree-guard', 'locks'));
  });
});
