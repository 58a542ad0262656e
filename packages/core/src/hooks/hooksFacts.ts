/** What is in a worktree's hooks directory: each shim's state, read from the file system. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from '../fs/pathInfo';
import type { ConfigView } from '../git/config';
import type { HooksFacts } from '../state/types';
import { hooksDirFrom } from './hooksDirs';
import { MOVED_ASIDE, occupantOf } from './neighbours';
import { SHIM_NAMES, SHIM_VERSION, type ShimState, shimVersionOf } from './shims';

async function fileState(file: string): Promise<{ state: ShimState; version: number | null; text: string }> {
  const info = await inspect(file);
  if (info.kind === 'missing') return { state: 'missing', version: null, text: '' };
  const text = info.kind === 'file' ? await readFile(file, 'utf8').catch(() => '') : '';
  const version = shimVersionOf(text);
  if (version === null) return { state: 'foreign', version, text };
  if (version < SHIM_VERSION) return { state: 'old', version, text };
  if (info.kind === 'file' && (info.mode & 0o111) === 0) return { state: 'not-executable', version, text };
  return { state: 'ok', version, text };
}

/**
 * What git runs for one hook: guard's shim itself; or a manager's hook that runs guard's shim (the
 * pre-commit framework runs `<hook>.legacy`); or a manager's hook that moved guard's shim aside and never
 * runs it (lefthook's `<hook>.old`).
 */
async function shimState(file: string): Promise<{ file: string; state: ShimState; version: number | null }> {
  const main = await fileState(file);
  if (main.state !== 'foreign') return { file, state: main.state, version: main.version };
  const occupant = occupantOf(main.text);
  if (occupant !== 'pre-commit-framework' && occupant !== 'lefthook')
    return { file, state: 'foreign', version: null };
  const aside = `${file}${MOVED_ASIDE[occupant].suffix}`;
  const moved = await fileState(aside);
  if (moved.state === 'missing' || moved.state === 'foreign')
    return { file, state: 'foreign', version: null };
  if (!MOVED_ASIDE[occupant].runs) return { file: aside, state: 'moved-aside', version: moved.version };
  return { file: aside, state: moved.state, version: moved.version };
}

export async function readHooksFacts(
  view: ConfigView,
  at: { worktree: string; bare: boolean; commonDir: string },
  home: string | undefined,
): Promise<HooksFacts> {
  const where = hooksDirFrom(view, at, home);
  const dirExists = (await inspect(where.dir)).kind === 'dir';
  const shims: HooksFacts['shims'] = [];
  for (const name of SHIM_NAMES) {
    const file = path.join(where.dir, name);
    shims.push({
      name,
      ...(dirExists ? await shimState(file) : { file, state: 'missing' as const, version: null }),
    });
  }
  return { where, dirExists, shims };
}

/** Every guard shim is there, current and executable. */
export const armed = (h: HooksFacts): boolean => h.shims.every((s) => s.state === 'ok');
