/** What is in a worktree's hooks directory: each shim's state, read from the file system. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from '../fs/pathInfo';
import type { ConfigView } from '../git/config';
import type { HooksFacts } from '../state/types';
import { hooksDirFrom } from './hooksDirs';
import { SHIM_NAMES, SHIM_VERSION, type ShimState, shimVersionOf } from './shims';

async function shimState(file: string): Promise<{ state: ShimState; version: number | null }> {
  const info = await inspect(file);
  if (info.kind === 'missing') return { state: 'missing', version: null };
  const text = info.kind === 'file' ? await readFile(file, 'utf8').catch(() => '') : '';
  const version = shimVersionOf(text);
  if (version === null) return { state: 'foreign', version };
  if (version < SHIM_VERSION) return { state: 'old', version };
  if (info.kind === 'file' && (info.mode & 0o111) === 0) return { state: 'not-executable', version };
  return { state: 'ok', version };
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
      file,
      name,
      ...(dirExists ? await shimState(file) : { state: 'missing' as const, version: null }),
    });
  }
  return { where, dirExists, shims };
}

/** Every guard shim is there, current and executable. */
export const armed = (h: HooksFacts): boolean => h.shims.every((s) => s.state === 'ok');
