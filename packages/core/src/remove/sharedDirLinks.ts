/**
 * The links bootstrap makes outside a worktree: each `sharedDirs` entry (by default Claude Code's
 * `{claude}/projects/<key>/memory`) becomes, for a linked worktree, a symlink to the primary's directory.
 * Removal takes the link only — never the primary's directory, never a directory or file a person made.
 */
import { readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { inspect } from '../fs/pathInfo';
import { isPrimaryRecord } from '../git/repo';
import { messages } from '../messages';
import { shellQuote } from '../util/shellQuote';
import { sharedDirFor, sharedDirSlot, slotName } from '../worktree/sharedDirs';
import type { LeftoverContext, LeftoverKind } from './leftovers';
import type { Leftover } from './types';

const KIND = 'shared-dir-link';

async function isThere(p: string): Promise<boolean> {
  return (await inspect(p)).kind === 'dir';
}

async function of(ctx: LeftoverContext, w: { path: string }): Promise<Leftover[]> {
  if (!ctx.primary) return [];
  const found: Leftover[] = [];
  for (const entry of ctx.config.sharedDirs) {
    const dest = sharedDirFor(entry, w.path, ctx.env).path;
    const target = sharedDirFor(entry, ctx.primary, ctx.env).path;
    const info = await inspect(dest);
    if (dest !== target && info.kind === 'symlink' && info.target === target)
      found.push({ kind: KIND, path: dest, target, worktree: w.path, why: null });
  }
  return found;
}

/** Links in one entry's slots that guard made (to a slot) for a worktree that is gone, or to nothing. */
async function orphansOf(ctx: LeftoverContext, entry: string): Promise<Leftover[]> {
  const slot = sharedDirSlot(entry, ctx.env);
  if (!slot) return [];
  const target = ctx.primary ? sharedDirFor(entry, ctx.primary, ctx.env).path : null;
  const owners = new Map(
    ctx.repo.worktrees
      .filter((w) => !w.bare && !isPrimaryRecord(ctx.repo, w))
      .map((w) => [sharedDirFor(entry, w.path, ctx.env).path, w] as const),
  );
  const names = await readdir(slot.parent).catch(() => [] as string[]);
  const found: Leftover[] = [];
  for (const name of names) {
    const link = path.join(slot.parent, name, slot.rest);
    if (!slotName(slot, link) || link === target) continue;
    const info = await inspect(link);
    if (info.kind !== 'symlink') continue;
    if (target && info.target === target) {
      const owner = owners.get(link);
      // a locked worktree whose directory is gone is kept by git on purpose (removable media): not gone
      if (owner && (owner.locked !== null || (owner.prunable === null && (await isThere(owner.path)))))
        continue;
      found.push({ kind: KIND, path: link, target, worktree: owner?.path ?? null, why: 'worktree-gone' });
    } else if (!info.targetExists && slotName(slot, info.target))
      found.push({ kind: KIND, path: link, target: info.target, worktree: null, why: 'points-nowhere' });
  }
  return found;
}

export const sharedDirLinks: LeftoverKind = {
  kind: KIND,
  orphanId: 'orphan-link',
  of,
  orphans: async (ctx) => (await Promise.all(ctx.config.sharedDirs.map((e) => orphansOf(ctx, e)))).flat(),
  async remove(l) {
    const info = await inspect(l.path);
    if (info.kind !== 'symlink' || info.target !== l.target)
      return { removed: false, note: messages.leftoverChanged(l.path) };
    try {
      await unlink(l.path);
      return { removed: true, note: null };
    } catch (error) {
      return { removed: false, note: (error as Error).message };
    }
  },
  fix: (l) => `rm -- ${shellQuote(l.path)}`,
};
