/**
 * `sharedDirs` entries: directories outside the repository that a worktree shares with the primary (by
 * default Claude Code's project memory, `{claude}/projects/{key}/memory`). Each entry names one directory
 * per worktree through `{key}` (Claude's project key of the worktree) or `{dir}` (its directory name).
 */
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { canonical } from '../fs/paths';
import { claudeConfigDir, claudeKeyPrefix, claudeProjectKey } from './claude';

export interface SharedDirPlace {
  /** The directory this entry names for the worktree. */
  path: string;
  /** The entry lives under Claude Code's config dir, which does not exist: Claude Code is not used here. */
  claudeMissing: boolean;
}

function expand(entry: string, worktree: string, key: string, env: NodeJS.ProcessEnv): string {
  return path.resolve(
    entry
      .replace(/^~(?=\/|$)/, env.HOME || '')
      .replace(/\{claude\}/g, claudeConfigDir(env))
      .replace(/\{dir\}/g, path.basename(worktree))
      .replace(/\{key\}/g, key),
  );
}

/**
 * The directory an entry names for a worktree. For a long Claude key, a directory Claude Code already made
 * under the same 200-character prefix (another version's hash) is the one it uses, so it is ours too.
 */
export function sharedDirFor(entry: string, worktree: string, env: NodeJS.ProcessEnv): SharedDirPlace {
  const project = canonical(worktree);
  const key = claudeProjectKey(project);
  const claudeMissing = entry.includes('{claude}') && !existsSync(claudeConfigDir(env));
  const exact = expand(entry, worktree, key, env);
  const prefix = claudeKeyPrefix(project);
  if (!prefix || !entry.includes('{key}') || existsSync(exact)) return { path: exact, claudeMissing };
  const [before = ''] = entry.split('{key}');
  const parent = path.dirname(expand(`${before}x`, worktree, key, env));
  let names: string[] = [];
  try {
    names = readdirSync(parent).filter((n) => n.startsWith(prefix));
  } catch {
    // no such parent yet
  }
  const only = names.length === 1 ? names[0] : undefined;
  return { path: only ? expand(entry, worktree, only, env) : exact, claudeMissing };
}

const SLOT = '\u0001';

/** Where an entry puts each worktree's directory: `<parent>/<prefix><…><suffix>/<rest>`. */
export interface SharedDirSlot {
  parent: string;
  prefix: string;
  suffix: string;
  rest: string;
}

/** The slot of an entry with exactly one per-worktree placeholder (`{key}` or `{dir}`), or null. */
export function sharedDirSlot(entry: string, env: NodeJS.ProcessEnv): SharedDirSlot | null {
  if ((entry.match(/\{(key|dir)\}/g) ?? []).length !== 1) return null;
  const parts = expand(entry.replace(/\{(key|dir)\}/, SLOT), '', '', env).split(path.sep);
  const i = parts.findIndex((p) => p.includes(SLOT));
  const [prefix = '', suffix = ''] = (parts[i] ?? '').split(SLOT);
  if (i < 1) return null;
  return {
    parent: parts.slice(0, i).join(path.sep) || path.sep,
    prefix,
    suffix,
    rest: parts.slice(i + 1).join(path.sep),
  };
}

/** Is `p` some worktree's directory in this slot? Returns the varying name, or null. */
export function slotName(slot: SharedDirSlot, p: string): string | null {
  const rel = path.relative(slot.parent, p);
  const [name = '', ...rest] = rel.split(path.sep);
  if (rel.startsWith('..') || path.isAbsolute(rel) || rest.join(path.sep) !== slot.rest) return null;
  const fits = name.length > slot.prefix.length + slot.suffix.length;
  return fits && name.startsWith(slot.prefix) && name.endsWith(slot.suffix) ? name : null;
}
