/** Locks and ports as pure logic: names, the port registry, and the parsers of /proc, git push and lock commits. */
import { execFileSync } from 'node:child_process';
import {
  candidatePorts,
  choosePort,
  emptyRegistry,
  lockMessage,
  nameProblem,
  type PortLease,
  type PortRegistry,
  parseLockCommit,
  parseProcStat,
  parsePushPorcelain,
  parseRegistry,
  processStart,
  type RemoteHolder,
  validateConfig,
  withLease,
  withoutLeases,
} from '@worktree-guard/core';
import fc from 'fast-check';
import { envName } from '../../packages/cli/src/commands/port';
import { parseWait, splitCommand } from '../../packages/cli/src/commands/run';

describe('lock and port names', () => {
  it.each([['db'], ['gpu-0'], ['a.b_c-D'], ['9'], ['x'.repeat(64)], ['_x']])('%j is valid', (name) =>
    expect(nameProblem(name)).toBeNull(),
  );

  it.each([
    ['', /empty/],
    ['x'.repeat(65), /65 characters long \(at most 64\)/],
    ['a/b', /holds "\/"/],
    ['a b', /holds " "/],
    ['é', /holds "é"/],
    ['-x', /starts with "-"/],
    ['.x', /starts with "\."/],
    ['a..b', /not a valid git ref component/],
    ['a.', /not a valid git ref component/],
    ['a.lock', /not a valid git ref component/],
  ])('%j is refused: %s', (name, why) => expect(nameProblem(name)).toMatch(why));

  it('accepts exactly what git accepts as a ref component, among names of the allowed characters', () => {
    const chars = fc.constantFrom(...'ab9._-'.split(''));
    fc.assert(
      fc.property(fc.array(chars, { minLength: 1, maxLength: 12 }), (cs) => {
        const name = cs.join('');
        if (nameProblem(name) !== null) return;
        // every valid name makes a valid ref
        execFileSync('git', ['check-ref-format', `refs/worktree-guard/locks/${name}`]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('guard run arguments', () => {
  it.each([
    [
      ['--serial', 'x', '--', 'npm', 'test', '--', '-w'],
      ['--serial', 'x'],
      ['npm', 'test', '--', '-w'],
    ],
    [
      ['--serial', 'x', '--wait', '0', 'make', '-j4'],
      ['--serial', 'x', '--wait', '0'],
      ['make', '-j4'],
    ],
    [['--serial=x', '--remote', 'true'], ['--serial=x', '--remote'], ['true']],
    [['--serial', 'x'], ['--serial', 'x'], []],
  ])('%j → options %j, command %j', (args, options, command) =>
    expect(splitCommand(args)).toEqual({ options, command }),
  );

  it.each([
    ['0', 0],
    ['2.5', 2500],
    ['30s', 30_000],
    ['10m', 600_000],
  ])('--wait %s = %d ms', (text, ms) => expect(parseWait(text)).toBe(ms));

  it('refuses a --wait that is no duration (exit 2)', () => {
    expect(() => parseWait('soon')).toThrow(expect.objectContaining({ exitCode: 2 }));
  });

  it.each([
    ['api', 'API_PORT'],
    ['web.v2', 'WEB_V2_PORT'],
    ['my-db', 'MY_DB_PORT'],
    ['9p', '_9P_PORT'],
  ])('guard port %s --env prints %s=…', (name, env) => expect(envName(name)).toBe(env));
});

describe('serial and ports configuration', () => {
  it('has defaults, and takes valid values', () => {
    expect(validateConfig(undefined).config).toMatchObject({
      serial: { remote: false, ttl: '5m', commands: {} },
      ports: { range: [20000, 29999], session: [] },
    });
    const { config, problems } = validateConfig({ serial: { remote: true }, ports: { range: [3000, 3099] } });
    expect(problems).toEqual([]);
    expect(config.serial).toEqual({ remote: true, ttl: '5m', commands: {} });
    expect(config.ports.range).toEqual([3000, 3099]);
  });

  it.each([
    [{ serial: true }, 'serial', /must be an object, got boolean/],
    [{ serial: { remote: 'yes' } }, 'serial.remote', /true or false, got string/],
    [{ serial: { ttl: 'long' } }, 'serial.ttl', /not a duration/],
    [{ serial: { wait: '1m' } }, 'serial.wait', /unknown key; known keys: "remote", "ttl"/],
    [{ ports: { range: [30000, 20000] } }, 'ports.range', /first ≤ last/],
    [{ ports: { range: [80, 8080] } }, 'ports.range', /from 1024 to 65535/],
    [{ ports: { range: [20000] } }, 'ports.range', /\[first, last\]/],
    [{ ports: { range: [20000.5, 20010] } }, 'ports.range', /whole numbers/],
  ])('%j: %s', (raw, key, why) => {
    const { problems } = validateConfig(raw);
    expect(problems).toEqual([{ key, message: expect.stringMatching(why) }]);
  });
});

describe('the port registry', () => {
  const lease = (worktree: string, name: string, port: number): PortLease => ({
    worktree,
    name,
    port,
    since: '2026-01-01T00:00:00.000Z',
  });
  const allFree = async (c: Iterable<number>, exclude: ReadonlySet<number>) => {
    for (const p of c) if (!exclude.has(p)) return p;
    return null;
  };

  it('reads what it writes, and nothing else', () => {
    const reg = withLease(emptyRegistry(), lease('/w/a', 'api', 20001));
    expect(parseRegistry(JSON.stringify(reg))).toEqual(reg);
    expect(parseRegistry('{"version":2,"leases":[]}')).toBeNull();
    expect(parseRegistry('{"version":1,"leases":[{"name":"x"}]}')).toBeNull();
    expect(parseRegistry('not json')).toBeNull();
  });

  it('visits every port of the range exactly once, from a start that depends on worktree and name', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1024, max: 65000 }),
        fc.integer({ min: 0, max: 300 }),
        fc.string(),
        (lo, n, key) => {
          const ports = [...candidatePorts([lo, lo + n], '/w', key)];
          expect(ports).toHaveLength(n + 1);
          expect(new Set(ports).size).toBe(n + 1);
          expect(Math.min(...ports)).toBe(lo);
          expect(Math.max(...ports)).toBe(lo + n);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('keeps a lease stable, never hands out a leased or busy port, and says when the range is full', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('/w/a', '/w/b', '/w/c'), fc.constantFrom('api', 'web', 'db')), {
          maxLength: 30,
        }),
        fc.uniqueArray(fc.integer({ min: 20000, max: 20011 }), { maxLength: 4 }),
        async (calls, busy) => {
          const range = [20000, 20011] as const;
          const free = async (c: Iterable<number>, exclude: ReadonlySet<number>) =>
            allFree(
              [...c].filter((p) => !busy.includes(p)),
              exclude,
            );
          let reg: PortRegistry = emptyRegistry();
          for (const [worktree, name] of calls) {
            const before = reg.leases.find((l) => l.worktree === worktree && l.name === name);
            const choice = await choosePort(reg, worktree, name, range, free);
            if (before) expect(choice).toEqual({ port: before.port, fresh: false });
            else if (choice.port === null) expect(reg.leases.length + busy.length).toBe(12);
            else {
              expect(busy).not.toContain(choice.port);
              expect(reg.leases.map((l) => l.port)).not.toContain(choice.port);
              reg = withLease(reg, lease(worktree, name, choice.port));
            }
          }
          expect(new Set(reg.leases.map((l) => l.port)).size).toBe(reg.leases.length);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('moves a lease that the range no longer holds, and frees what it is asked to free', async () => {
    const reg = withLease(emptyRegistry(), lease('/w/a', 'api', 3000));
    expect(await choosePort(reg, '/w/a', 'api', [20000, 20000], allFree)).toEqual({
      port: 20000,
      fresh: true,
    });
    expect(withoutLeases(reg, (l) => l.worktree === '/w/a').leases).toEqual([]);
  });
});

describe('parsers', () => {
  it('reads the start time from /proc/<pid>/stat, whatever the command name holds', () => {
    const rest = 'S 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 424242 20 21';
    expect(parseProcStat(`123 (node) ${rest}`)?.startTicks).toBe('424242');
    expect(parseProcStat(`123 (a) b (c) ${rest}`)?.startTicks).toBe('424242');
    expect(parseProcStat('garbage')).toBeNull();
    expect(parseProcStat(`123 (node) Z${rest.slice(1)}`)).toBeNull(); // ended, not yet reaped
  });

  it('identifies this process, and no process for a pid that does not run', async () => {
    const me = await processStart(process.pid);
    expect(me).toEqual(expect.any(String));
    expect(await processStart(process.pid)).toBe(me);
    expect(await processStart(2 ** 22 + 1)).toBeNull();
  });

  it.each([
    [
      '*\tabc:refs/worktree-guard/locks/x\t[new reference]\nDone\n',
      { flag: '*', summary: '[new reference]' },
    ],
    [
      '!\tabc:refs/worktree-guard/locks/x\t[rejected] (stale info)\n',
      { flag: '!', summary: '[rejected] (stale info)' },
    ],
    ['-\t:refs/worktree-guard/locks/x\t[deleted]\n', { flag: '-', summary: '[deleted]' }],
    ['!\tabc:refs/worktree-guard/locks/xy\t[rejected]\n', null],
  ])('git push --porcelain %j', (text, line) =>
    expect(parsePushPorcelain(text, 'refs/worktree-guard/locks/x')).toEqual(line),
  );

  it('reads back the holder a lock commit records', () => {
    const holder: RemoteHolder = {
      host: 'h',
      pid: 1,
      start: 's',
      worktree: '/w/a',
      branch: 'main',
      command: "sh -c 'echo\nhi'",
      queued: 'q',
      since: 's',
      renewed: 'r',
      child: null,
    };
    const commit = `tree 4b82\nauthor a <a> 1 +0000\ncommitter a <a> 1 +0000\n\n${lockMessage('x', holder)}`;
    expect(parseLockCommit(commit)).toEqual(holder);
    expect(parseLockCommit('tree 4b82\n\nsome other commit\n')).toBeNull();
  });
});
