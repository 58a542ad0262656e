/** `guard port`: leases unique per worktree, from a registry in the common git dir, probed free on this machine. */
import net from 'node:net';
import path from 'node:path';
import { exitOf, start } from '../helpers/procs';
import { git, guard, makeRepo, write } from '../helpers/repo';

function listen(port: number, host: string): Promise<net.Server | null> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(null));
    server.listen({ port, host, exclusive: true }, () => resolve(server));
  });
}

/** A range of `size` ports where this test listens on `busy` of them (on 127.0.0.1, 0.0.0.0 and ::). */
async function rangeWithListeners(size: number) {
  const hosts = ['127.0.0.1', '0.0.0.0', '::'];
  for (;;) {
    const lo = 30000 + Math.floor(Math.random() * 20000);
    const busy = [lo + 1, lo + Math.floor(size / 2), lo + size - 2];
    const servers = await Promise.all(busy.map((p, i) => listen(p, hosts[i] as string)));
    if (servers.every(Boolean))
      return { range: [lo, lo + size - 1] as [number, number], busy, servers: servers as net.Server[] };
    for (const s of servers) s?.close();
  }
}

describe('guard port', () => {
  it('16 concurrent calls in 16 worktrees: 16 distinct ports, the same on every call, none a process listens on', async () => {
    const fx = makeRepo({ env: false, remote: false });
    const { range, busy, servers } = await rangeWithListeners(28);
    try {
      write(path.join(fx.primary, '.worktreeguardrc.json'), JSON.stringify({ ports: { range } }));
      const worktrees = Array.from({ length: 16 }, (_, i) => {
        const wt = path.join(fx.root, `wt-${i}`);
        git(fx.primary, 'worktree', 'add', '-q', '-b', `w${i}`, wt);
        return wt;
      });
      const once = async () => {
        const procs = worktrees.map((wt) => start(wt, ['port', 'api']));
        const codes = await Promise.all(procs.map((p, i) => exitOf(p, `guard port in wt-${i}`)));
        expect(codes).toEqual(Array(16).fill(0));
        return procs.map((p) => Number(p.stdout().trim()));
      };
      const ports = await once();
      expect(new Set(ports).size).toBe(16);
      for (const p of ports) {
        expect(p).toBeGreaterThanOrEqual(range[0]);
        expect(p).toBeLessThanOrEqual(range[1]);
        expect(busy).not.toContain(p);
      }
      expect(await once()).toEqual(ports);
      const listed = JSON.parse(guard(fx.primary, ['port', '--list', '--json']).stdout).ports;
      expect(listed).toHaveLength(16);
      expect(listed.every((l: { present: boolean }) => l.present)).toBe(true);
    } finally {
      for (const s of servers) s.close();
    }
  }, 180_000);

  it('refuses to lease a port another process listens on, even when it is the only one', async () => {
    const fx = makeRepo({ env: false, remote: false });
    const { range, busy, servers } = await rangeWithListeners(8);
    try {
      write(
        path.join(fx.primary, '.worktreeguardrc.json'),
        JSON.stringify({ ports: { range: [busy[0], busy[0]] } }),
      );
      const r = guard(fx.primary, ['port', 'api']);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(
        `no port for "api" in ports.range [${busy[0]}, ${busy[0]}]: 0 leased, every other one in use`,
      );
      expect(range).toHaveLength(2);
    } finally {
      for (const s of servers) s.close();
    }
  });

  it('--env, --json, --release and --list', () => {
    const fx = makeRepo({ env: false, remote: false });
    const env = guard(fx.primary, ['port', 'api', 'web.v2', '--env']);
    expect(env.code).toBe(0);
    const [api, web] = env.stdout.trimEnd().split('\n');
    expect(api).toMatch(/^API_PORT=2\d{4}$/);
    expect(web).toMatch(/^WEB_V2_PORT=2\d{4}$/);
    const apiPort = Number(api?.split('=')[1]);
    const json = JSON.parse(guard(fx.primary, ['port', 'api', '--json']).stdout);
    expect(json.ports).toEqual([
      { name: 'api', worktree: fx.primary, port: apiPort, since: expect.any(String), fresh: false },
    ]);
    expect(guard(fx.primary, ['port', '--list']).stdout).toMatch(
      new RegExp(`^NAME\\s+PORT\\s+WORKTREE\\s+SINCE\\napi\\s+${apiPort}\\s+${fx.primary}\\s+just now\\n`),
    );
    expect(guard(fx.primary, ['port', 'web.v2', '--release']).stdout).toMatch(
      /^released web.v2 \(port 2\d{4}\)\n$/,
    );
    expect(guard(fx.primary, ['port', 'web.v2', '--release']).stdout).toBe(
      'web.v2: no lease in this worktree\n',
    );
    expect(JSON.parse(guard(fx.primary, ['port', '--list', '--json']).stdout).ports).toHaveLength(1);

    const bad = guard(fx.primary, ['port', 'my api']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/port name "my api": it holds " "/);
    expect(guard(fx.primary, ['port', '--list', 'api']).code).toBe(2);
    expect(guard(fx.primary, ['port']).code).toBe(2);
  });
});
