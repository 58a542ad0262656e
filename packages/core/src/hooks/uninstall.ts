/**
 * `guard uninstall`: remove exactly what guard installed — its shims, wherever another manager moved them
 * (`.legacy`, `.old`) — and put each chained hook back where it came from: under the hook's own name, or
 * where the manager that moved guard's shim aside keeps the hook it replaced (so the pre-commit framework
 * still runs it, and `lefthook uninstall` restores it). The directories end as they were.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Repo } from '../git/repo';
import { readText } from './hookFiles';
import { type HooksPlan, repoHooksDirs } from './install';
import { MOVED_ASIDE } from './neighbours';
import { CHAINED_SUFFIX, SHIM_NAMES, shimVersionOf, V1_LIB } from './shims';

const ours = (text: string | null) => text !== null && shimVersionOf(text) !== null;

export async function planUninstall(repo: Repo, opts: { allowGlobal?: boolean } = {}): Promise<HooksPlan> {
  const dirs = await repoHooksDirs(repo, Boolean(opts.allowGlobal), 'uninstall');
  const plan: HooksPlan = { dirs, actions: [], satisfied: [], problems: [] };
  for (const { dir } of dirs) {
    const names = new Set(await readdir(dir).catch(() => [] as string[]));
    for (const name of SHIM_NAMES) {
      const file = path.join(dir, name);
      const chained = `${file}${CHAINED_SUFFIX}`;
      // where guard's shim is: its own name, or where a manager moved it
      const spots = [file, ...Object.values(MOVED_ASIDE).map((m) => `${file}${m.suffix}`)];
      let home: string | null = null;
      for (const spot of spots) {
        if (!names.has(path.basename(spot)) || !ours(await readText(spot))) continue;
        plan.actions.push({ kind: 'remove', file: spot });
        home ??= spot;
      }
      // the chained hook goes back where guard's shim stood (or to its name, if guard's shim is gone)
      if (names.has(path.basename(chained)) && (home !== null || !names.has(name)))
        plan.actions.push({
          kind: 'rename',
          from: chained,
          to: home ?? file,
          why: home === file || !home ? 'unchain' : 'restore-moved',
        });
    }
    const v1 = path.join(dir, V1_LIB);
    if (names.has(V1_LIB) && ours(await readText(v1))) plan.actions.push({ kind: 'remove', file: v1 });
  }
  return plan;
}
