/** Doctor and the shared resources: locks and port leases left by worktrees that no longer exist. */
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { exitOf, start, tickets, until } from '../helpers/procs';
import { git, guard, makeRepo } from '../helpers/repo';

interface Finding {
  id: string;
  worktree: string;
  autofix: boolean;
  fix: string | null;
  data: Record<string, unknown>;
}

const shared = (r: { stdout: string }) =>
  (JSON.parse(r.stdout).findings as Finding[]).filter(
    (f) => f.id === 'lock-orphaned' || f.id === 'port-lease-orphaned',
  );

describe('guard doctor: locks and ports of worktrees that no longer exist', () => {
  it('reports them; --fix frees exactly those whose process is gone', async () => {
    const fx = makeRepo({ env: false, remote: false });
    const [gone, alive, keep] = ['gone', 'alive', 'keep'].map((n) => {
      const wt = path.join(fx.root, n);
      git(fx.primary, 'worktree', 'add', '-q', '-b', n, wt);
      return wt;
    }) as [string, string, string];
    const gonePort = Number(guard(gone, ['port', 'api']).stdout);
    const keepPort = Number(guard(keep, ['port', 'api']).stdout);

    // a run from "gone" killed with its command: its ticket stays behind
    const readyA = path.join(fx.root, 'ready-a');
    const dead = start(gone, ['run', '--serial', 'db', '--', 'sh', '-c', `touch '${readyA}'; sleep 600`]);
    await until(() => existsSync(readyA), 'the first run');
    process.kill(-dead.pid, 'SIGKILL');
    await exitOf(dead, 'the killed run');
    // a run from "alive" that still runs after its worktree is deleted
    const readyB = path.join(fx.root, 'ready-b');
    const release = path.join(fx.root, 'release');
    const script = `touch '${readyB}'; while [ ! -f '${release}' ]; do sleep 0.05; done`;
    const running = start(alive, ['run', '--serial', 'cache', '--', 'sh', '-c', script]);
    await until(() => existsSync(readyB), 'the second run');
    // and one from a worktree that stays: not a finding
    const readyC = path.join(fx.root, 'ready-c');
    const kept = start(keep, [
      'run',
      '--serial',
      'gpu',
      '--',
      'sh',
      '-c',
      `touch '${readyC}'; while [ ! -f '${release}' ]; do sleep 0.05; done`,
    ]);
    await until(() => existsSync(readyC), 'the third run');

    rmSync(gone, { recursive: true, force: true });
    rmSync(alive, { recursive: true, force: true });
    git(fx.primary, 'worktree', 'prune');

    const before = shared(guard(fx.primary, ['doctor', '--json']));
    expect(before).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          id: 'lock-orphaned',
          worktree: gone,
          autofix: true,
          fix: 'guard doctor --fix',
          data: expect.objectContaining({ lock: 'db', pid: dead.pid }),
        }),
        expect.objectContaining({
          id: 'lock-orphaned',
          worktree: alive,
          autofix: false,
          fix: `kill ${running.pid}`,
        }),
        expect.objectContaining({
          id: 'port-lease-orphaned',
          worktree: gone,
          autofix: true,
          data: expect.objectContaining({ name: 'api', port: gonePort }),
        }),
      ]),
    );
    expect(before).toHaveLength(3);
    expect(guard(fx.primary, ['doctor']).stdout).toMatch(
      /lock "db" is held by pid \d+ of this worktree, which no longer exists; that process is gone/,
    );

    const fixed = guard(fx.primary, ['doctor', '--fix']);
    expect(fixed.stdout).toContain(`freed lock "db" (pid ${dead.pid}`);
    expect(fixed.stdout).toContain(`freed port ${gonePort} ("api" of ${gone})`);
    const after = shared(guard(fx.primary, ['doctor', '--json']));
    expect(after.map((f) => [f.id, f.worktree])).toEqual([['lock-orphaned', alive]]);
    expect(tickets(fx.primary, 'db')).toEqual([]);
    expect(tickets(fx.primary, 'cache')).toHaveLength(1);
    const leases = JSON.parse(guard(fx.primary, ['port', '--list', '--json']).stdout).ports;
    expect(leases.map((l: { port: number }) => l.port)).toEqual([keepPort]);

    writeFileSync(release, '');
    expect(await exitOf(running, 'the second run')).toBe(0);
    expect(await exitOf(kept, 'the third run')).toBe(0);
    expect(shared(guard(fx.primary, ['doctor', '--json']))).toEqual([]);
  }, 180_000);
});
