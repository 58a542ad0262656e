/** `guard port <name>... [--env|--release|--json]`, `guard port --list [--json]`: port leases per worktree. */
import {
  assertName,
  leasePorts,
  readRegistry,
  releasePorts,
  samePath,
  UsageError,
  validConfig,
} from '@worktree-guard/core';
import { parse } from '../args';
import { loadContext } from '../context';
import { messages, serial as t } from '../messages';
import { age, out, printJson } from '../render';
import { table } from '../table';

/** `api` → `API_PORT`, `web.v2` → `WEB_V2_PORT` (a leading digit gets a "_"). */
export function envName(name: string): string {
  const stem = name.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return `${/^\d/.test(stem) ? '_' : ''}${stem}_PORT`;
}

async function list(json: boolean): Promise<number> {
  const { repo } = await loadContext();
  const present = repo.worktrees.filter((w) => w.prunable === null).map((w) => w.path);
  const leases = (await readRegistry(repo.commonDir)).leases.map((l) => ({
    ...l,
    present: present.some((p) => samePath(p, l.worktree)),
  }));
  if (json) printJson({ ports: leases });
  else if (!leases.length) process.stdout.write(`${out.dim(t.noLeases)}\n`);
  else {
    const rows = leases.map((l) => [
      l.name,
      String(l.port),
      `${l.worktree}${l.present ? '' : t.gone}`,
      age(l.since),
    ]);
    process.stdout.write(`${table(t.portColumns, rows)}\n`);
  }
  return 0;
}

export async function runPort(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    'port',
    args,
    {
      env: { type: 'boolean' },
      release: { type: 'boolean' },
      list: { type: 'boolean' },
      json: { type: 'boolean' },
    },
    Number.POSITIVE_INFINITY,
  );
  if (values.list) {
    if (positionals.length) throw new UsageError('usage', t.listWithName);
    return list(values.json === true);
  }
  if (!positionals.length) throw new UsageError('usage', messages.missingArg('port', '<name>'));
  const names = positionals.map((n) => assertName('port', n));
  const { repo, loaded } = await loadContext();
  if (values.release) {
    const gone = await releasePorts(repo, names);
    if (values.json) printJson({ released: gone });
    else
      for (const name of names) {
        const lease = gone.find((l) => l.name === name);
        process.stdout.write(`${lease ? t.released(name, lease.port) : t.notLeased(name)}\n`);
      }
    return 0;
  }
  const leases = await leasePorts(repo, names, validConfig(loaded).ports.range);
  if (values.json) printJson({ ports: leases });
  else if (values.env) process.stdout.write(leases.map((l) => `${envName(l.name)}=${l.port}\n`).join(''));
  else process.stdout.write(leases.map((l) => `${l.port}\n`).join(''));
  return 0;
}
