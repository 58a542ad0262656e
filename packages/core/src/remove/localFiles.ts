/**
 * Files of a worktree's own that git ignores, so `git worktree remove` deletes them without a word:
 * `copies` and `.worktreeinclude` files that differ from the primary's (they are per-worktree by design)
 * or that the primary lacks, and a `links` path that holds a file instead of bootstrap's link.
 * Tracked and untracked-but-not-ignored files are git status's business, not this.
 */
import path from 'node:path';
import { walkFiles, worktreeIncludeFiles } from '../bootstrap/extras';
import type { GuardConfig } from '../config/types';
import { inspect, sameBytes } from '../fs/pathInfo';
import { ignoredPaths } from '../git/checkIgnore';
import type { LocalFile } from './types';

async function copyRels(config: GuardConfig, primary: string, worktree: string): Promise<string[]> {
  const rels: string[] = [];
  for (const root of [primary, worktree]) {
    for (const entry of config.copies)
      if ((await inspect(path.join(root, entry))).kind !== 'missing')
        rels.push(...(await walkFiles(root, entry)));
    rels.push(...(await worktreeIncludeFiles(root)));
  }
  const linked = new Set(config.links);
  return [...new Set(rels)].filter((rel) => !linked.has(rel));
}

async function judge(
  rel: string,
  primary: string,
  worktree: string,
  link: boolean,
): Promise<LocalFile | null> {
  const mine = path.join(worktree, rel);
  const theirs = path.join(primary, rel);
  const [m, t] = await Promise.all([inspect(mine), inspect(theirs)]);
  if (m.kind === 'missing' || m.kind === 'dir') return null;
  if (link && m.kind !== 'file') return null; // bootstrap's link (or one a person made): no content of its own
  const same =
    (m.kind === 'file' && t.kind === 'file' && m.size === t.size && (await sameBytes(mine, theirs))) ||
    (m.kind === 'symlink' && t.kind === 'symlink' && m.target === t.target);
  if (same) return null;
  if (link) return { rel, why: 'own-file' };
  return { rel, why: t.kind === 'missing' ? 'only-here' : 'differs' };
}

export async function localFiles(
  config: GuardConfig,
  primary: string,
  worktree: string,
): Promise<LocalFile[]> {
  const copies = await copyRels(config, primary, worktree);
  const found = (
    await Promise.all([
      ...copies.map((rel) => judge(rel, primary, worktree, false)),
      ...config.links.map((rel) => judge(rel, primary, worktree, true)),
    ])
  ).filter((f): f is LocalFile => f !== null);
  if (!found.length) return [];
  const ignored = await ignoredPaths(
    worktree,
    found.map((f) => f.rel),
  );
  return found.filter((f) => ignored.get(f.rel));
}
