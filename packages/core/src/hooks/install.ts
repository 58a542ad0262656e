/**
 * `guard install` / `guard uninstall`: arm or disarm the shims in every worktree's hooks directory.
 * A hook that was there keeps running: it is renamed to `<hook>.guard-chained` (its bytes untouched),
 * and the shim runs it after guard's check. Uninstall deletes only files guard wrote and renames the
 * chained hooks back, so the directory ends byte for byte as it was. Installing twice is installing once.
 */
import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from '../fs/pathInfo';
import type { Repo } from '../git/repo';
import { allHooksDirs, type HooksDir, isRelativeHooksPath } from './hooksDirs';
import { CHAINED_SUFFIX, renderShim, SHIM_LIB, SHIM_NAMES, shimVersionOf } from './shims';

export type HookAction =
  | { kind: 'create-dir'; dir: string }
  | { kind: 'seed-dir'; from: string; dir: string }
  | { kind: 'write'; file: string; content: string; mode: number; replaces: 'nothing' | 'older-shim' }
  | { kind: 'chain'; file: string; chained: string; content: string; mode: number }
  | { kind: 'remove'; file: string }
  | { kind: 'unchain'; chained: string; file: string };

export interface HookProblem {
  file: string;
  message: string;
}

export interface HooksPlan {
  dirs: HooksDir[];
  actions: HookAction[];
  /** Files already as wanted. */
  satisfied: string[];
  problems: HookProblem[];
}

async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
}

function uniqueDirs(dirs: HooksDir[]): HooksDir[] {
  const seen = new Set<string>();
  return dirs.filter((d) => !seen.has(d.dir) && seen.add(d.dir));
}

export interface InstallInput {
  repo: Repo;
  templates: Map<string, string>;
  /** Recorded in the shims: where to find the CLI when no other is found. */
  cliPath: string;
  messages: { chainedDiffers: (file: string, chained: string) => string; notAFile: (file: string) => string };
}

export async function planInstall(input: InstallInput): Promise<HooksPlan> {
  const dirs = uniqueDirs(await allHooksDirs(input.repo));
  const plan: HooksPlan = { dirs, actions: [], satisfied: [], problems: [] };
  const primaryDir = input.repo.primary.bare
    ? null
    : dirs.find((d) => d.worktree === input.repo.primary.path);
  const seeds: HookAction[] = [];
  for (const hooksDir of dirs) {
    const { dir } = hooksDir;
    if ((await inspect(dir)).kind === 'missing') {
      // A relative core.hooksPath (husky) leaves linked worktrees without the directory: give them a copy
      // of the primary's, once that one is armed, so that its own hooks run there too.
      if (
        primaryDir &&
        primaryDir.dir !== dir &&
        isRelativeHooksPath(hooksDir) &&
        (await inspect(primaryDir.dir)).kind === 'dir'
      ) {
        seeds.push({ kind: 'seed-dir', from: primaryDir.dir, dir });
        continue;
      }
      plan.actions.push({ kind: 'create-dir', dir });
    }
    for (const name of [SHIM_LIB, ...SHIM_NAMES]) {
      const file = path.join(dir, name);
      const content = renderShim(input.templates.get(name) as string, input.cliPath);
      const mode = name === SHIM_LIB ? 0o644 : 0o755;
      const info = await inspect(file);
      const current = info.kind === 'file' ? await readText(file) : null;
      if (info.kind === 'missing') {
        plan.actions.push({ kind: 'write', file, content, mode, replaces: 'nothing' });
      } else if (current !== null && shimVersionOf(current) !== null) {
        if (current === content && info.kind === 'file' && (info.mode & 0o111) === (mode & 0o111))
          plan.satisfied.push(file);
        else plan.actions.push({ kind: 'write', file, content, mode, replaces: 'older-shim' });
      } else if (name === SHIM_LIB || (info.kind !== 'file' && info.kind !== 'symlink')) {
        plan.problems.push({ file, message: input.messages.notAFile(file) });
      } else {
        const chained = `${file}${CHAINED_SUFFIX}`;
        const existing = await readText(chained);
        if (existing !== null && existing !== current)
          plan.problems.push({ file, message: input.messages.chainedDiffers(file, chained) });
        else plan.actions.push({ kind: 'chain', file, chained, content, mode });
      }
    }
  }
  plan.actions.push(...seeds);
  return plan;
}

/** Copies every file of one hooks directory into another that lacks them; never replaces a file. */
export async function seedHooksDir(from: string, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const copied: string[] = [];
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const dest = path.join(dir, entry.name);
    if ((await inspect(dest)).kind !== 'missing') continue;
    await copyFile(path.join(from, entry.name), dest, constants.COPYFILE_EXCL);
    await chmod(dest, (await stat(path.join(from, entry.name))).mode & 0o7777);
    copied.push(dest);
  }
  return copied;
}

export async function planUninstall(repo: Repo): Promise<HooksPlan> {
  const dirs = uniqueDirs(await allHooksDirs(repo));
  const plan: HooksPlan = { dirs, actions: [], satisfied: [], problems: [] };
  for (const { dir } of dirs) {
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of [SHIM_LIB, ...SHIM_NAMES]) {
      const file = path.join(dir, name);
      const text = await readText(file);
      const ours = text !== null && shimVersionOf(text) !== null;
      if (ours) plan.actions.push({ kind: 'remove', file });
      if (names.includes(`${name}${CHAINED_SUFFIX}`) && (ours || text === null)) {
        plan.actions.push({ kind: 'unchain', chained: `${file}${CHAINED_SUFFIX}`, file });
      }
    }
  }
  return plan;
}

/** Applies a hooks plan in order. Renames never replace a file that differs (checked when planning). */
export async function applyHooksPlan(actions: readonly HookAction[]): Promise<void> {
  for (const a of actions) {
    switch (a.kind) {
      case 'create-dir':
        await mkdir(a.dir, { recursive: true });
        break;
      case 'seed-dir':
        await seedHooksDir(a.from, a.dir);
        break;
      case 'write':
        await writeFile(`${a.file}.guard-tmp`, a.content, { mode: a.mode });
        await chmod(`${a.file}.guard-tmp`, a.mode);
        await rename(`${a.file}.guard-tmp`, a.file);
        break;
      case 'chain':
        await rename(a.file, a.chained);
        await writeFile(a.file, a.content, { mode: a.mode, flag: 'wx' });
        await chmod(a.file, a.mode);
        break;
      case 'remove':
        await unlink(a.file);
        break;
      case 'unchain':
        if ((await inspect(a.file)).kind === 'missing') await rename(a.chained, a.file);
        break;
    }
  }
}
