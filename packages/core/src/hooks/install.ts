/**
 * `guard install`: arm the shims in every worktree's hooks directory. A hook that was there keeps
 * running: it is renamed to `<hook>.guard-chained` (its bytes untouched) and the shim runs it after
 * guard's check. A shim another manager moved aside is recognised: the pre-commit framework runs it as
 * `<hook>.legacy` (armed, kept current there); lefthook never runs `<hook>.old` (reclaimed). Installing
 * twice is installing once. A hooks directory set in the global or system configuration serves every
 * repository on the machine: it is armed only when asked for explicitly.
 */
import path from 'node:path';
import { UsageError } from '../errors';
import { inspect } from '../fs/pathInfo';
import type { Repo } from '../git/repo';
import { git } from '../git/run';
import { messages } from '../messages';
import { readText } from './hookFiles';
import { allHooksDirs, type HooksDir, isRelativeHooksPath } from './hooksDirs';
import { MOVED_ASIDE, occupantOf } from './neighbours';
import {
  CHAINED_SUFFIX,
  renderShim,
  SHIM_NAMES,
  type ShimName,
  type ShimVars,
  shimVersionOf,
  V1_LIB,
} from './shims';

export type HookAction =
  | { kind: 'create-dir'; dir: string }
  | { kind: 'seed-dir'; from: string; dir: string }
  | { kind: 'write'; file: string; content: string; replaces: 'nothing' | 'older-shim' }
  | { kind: 'chain'; file: string; chained: string; content: string }
  | { kind: 'remove'; file: string }
  | { kind: 'rename'; from: string; to: string; why: 'unchain' | 'restore-moved' };

/** What install cannot do by itself. */
export interface HookProblem {
  kind: 'chained-differs' | 'not-a-file';
  file: string;
  chained?: string;
}

export interface HooksPlan {
  dirs: HooksDir[];
  actions: HookAction[];
  /** Files already as wanted. */
  satisfied: string[];
  problems: HookProblem[];
}

export interface InstallOptions {
  templates: ReadonlyMap<string, string>;
  vars: ShimVars;
  /** Arm a hooks directory that the global or system configuration sets (`guard install --global`). */
  allowGlobal?: boolean;
}

function uniqueDirs(dirs: HooksDir[]): HooksDir[] {
  const seen = new Set<string>();
  return dirs.filter((d) => !seen.has(d.dir) && seen.add(d.dir));
}

/** The hooks directories of a repository; one set outside it (global, system) only with `allowGlobal`. */
export async function repoHooksDirs(repo: Repo, allowGlobal: boolean, doing: string): Promise<HooksDir[]> {
  const dirs = uniqueDirs(await allHooksDirs(repo));
  const outside = dirs.find(
    (d) => d.hooksPath && (d.hooksPath.scope === 'global' || d.hooksPath.scope === 'system'),
  );
  if (outside?.hooksPath && !allowGlobal) {
    const origin = await git(['config', '--show-origin', '--get', 'core.hooksPath'], {
      cwd: outside.worktree,
    }).catch(() => '');
    const file = origin.split('\t')[0]?.replace(/^file:/, '') || outside.hooksPath.scope;
    throw new UsageError(
      'global-hooks-path',
      messages.globalHooksPath(outside.hooksPath.scope, file, outside.dir, doing),
    );
  }
  return dirs;
}

async function planShim(dir: string, name: ShimName, content: string, plan: HooksPlan): Promise<void> {
  const file = path.join(dir, name);
  const chained = `${file}${CHAINED_SUFFIX}`;
  const info = await inspect(file);
  const current = info.kind === 'file' ? await readText(file) : null;
  const same = (text: string | null, mode: number) => text === content && (mode & 0o111) !== 0;
  if (info.kind === 'missing') {
    plan.actions.push({ kind: 'write', file, content, replaces: 'nothing' });
    return;
  }
  const occupant = current === null ? 'other' : occupantOf(current);
  if (occupant === 'guard') {
    if (info.kind === 'file' && same(current, info.mode)) plan.satisfied.push(file);
    else plan.actions.push({ kind: 'write', file, content, replaces: 'older-shim' });
    return;
  }
  if (occupant === 'pre-commit-framework' || occupant === 'lefthook') {
    const aside = `${file}${MOVED_ASIDE[occupant].suffix}`;
    const asideInfo = await inspect(aside);
    const asideText = asideInfo.kind === 'file' ? await readText(aside) : null;
    if (asideText !== null && shimVersionOf(asideText) !== null) {
      if (MOVED_ASIDE[occupant].runs) {
        // the framework runs our shim as <hook>.legacy: armed there; keep it current
        if (asideInfo.kind === 'file' && same(asideText, asideInfo.mode)) plan.satisfied.push(aside);
        else plan.actions.push({ kind: 'write', file: aside, content, replaces: 'older-shim' });
        return;
      }
      plan.actions.push({ kind: 'remove', file: aside }); // lefthook never runs it: take the name back below
    }
  }
  if (info.kind !== 'file' && info.kind !== 'symlink') {
    plan.problems.push({ kind: 'not-a-file', file });
    return;
  }
  const existing = await readText(chained);
  if (existing !== null && existing !== current)
    plan.problems.push({ kind: 'chained-differs', file, chained });
  else plan.actions.push({ kind: 'chain', file, chained, content });
}

export async function planInstall(repo: Repo, opts: InstallOptions): Promise<HooksPlan> {
  const dirs = await repoHooksDirs(repo, Boolean(opts.allowGlobal), 'install');
  const plan: HooksPlan = { dirs, actions: [], satisfied: [], problems: [] };
  const primaryDir = repo.primary.bare ? null : dirs.find((d) => d.worktree === repo.primary.path);
  const seeds: HookAction[] = [];
  for (const hooksDir of dirs) {
    const { dir } = hooksDir;
    if ((await inspect(dir)).kind === 'missing') {
      // A relative core.hooksPath (husky) leaves linked worktrees without the directory: give them a copy
      // of the primary's, once that one is armed, so that its own hooks run there too.
      const seedable = primaryDir && primaryDir.dir !== dir && isRelativeHooksPath(hooksDir);
      if (seedable && (await inspect(primaryDir.dir)).kind === 'dir') {
        seeds.push({ kind: 'seed-dir', from: primaryDir.dir, dir });
        continue;
      }
      plan.actions.push({ kind: 'create-dir', dir });
    }
    for (const name of SHIM_NAMES)
      await planShim(dir, name, renderShim(opts.templates, name, opts.vars), plan);
    const v1 = path.join(dir, V1_LIB);
    const v1Text = await readText(v1);
    if (v1Text !== null && shimVersionOf(v1Text) !== null) plan.actions.push({ kind: 'remove', file: v1 });
  }
  plan.actions.push(...seeds);
  return plan;
}
