/** File operations on hooks directories: create-only writes and renames that never replace a hook. */
import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, readdir, readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from '../fs/pathInfo';
import type { HookAction } from './install';

export async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    return null;
  }
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

const SHIM_MODE = 0o755;

/** Applies a hooks plan in order. A rename never replaces a file (checked again here, not only when planning). */
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
        await writeFile(`${a.file}.guard-tmp`, a.content, { mode: SHIM_MODE });
        await chmod(`${a.file}.guard-tmp`, SHIM_MODE);
        await rename(`${a.file}.guard-tmp`, a.file);
        break;
      case 'chain':
        await rename(a.file, a.chained); // replaces only an identical <hook>.guard-chained (checked when planning)
        await writeFile(a.file, a.content, { mode: SHIM_MODE, flag: 'wx' });
        await chmod(a.file, SHIM_MODE);
        break;
      case 'remove':
        await unlink(a.file);
        break;
      case 'rename':
        if ((await inspect(a.to)).kind === 'missing') await rename(a.from, a.to);
        break;
    }
  }
}
