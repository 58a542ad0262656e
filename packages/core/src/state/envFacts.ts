/**
 * The environment a linked worktree shares with the primary: configured links (the primary's side read
 * once for all worktrees) and shared directories.
 */
import path from 'node:path';
import { inspect, type PathInfo } from '../fs/pathInfo';
import { type IgnoreMatch, ignoredPaths } from '../git/checkIgnore';
import type { StatusCounts } from '../git/status';
import { sharedDirFor } from '../worktree/sharedDirs';
import { linkExpected } from './derive';
import type { LinkFacts, SharedDirFacts } from './types';

export interface PrimarySide {
  path: string;
  info: Map<string, PathInfo>;
  ignored: Map<string, IgnoreMatch | null>;
}

/** The primary's copy of every path some worktree links: what is there, and whether git ignores it. */
export async function readPrimarySide(primary: string, rels: readonly string[]): Promise<PrimarySide> {
  const info = new Map(
    await Promise.all(rels.map(async (rel) => [rel, await inspect(path.join(primary, rel))] as const)),
  );
  const ignored = await ignoredPaths(
    primary,
    rels.filter((rel) => info.get(rel)?.kind !== 'missing'),
  );
  return { path: primary, info, ignored };
}

/** Is `rel` (or a directory above it) among the untracked paths `git status` printed? */
function shownUntracked(rel: string, untracked: readonly string[]): boolean {
  return untracked.some((u) => u === rel || (u.endsWith('/') && rel.startsWith(u)));
}

/**
 * Each link of a worktree. Whether git would ignore what is (or would be) at the link is judged for
 * expected links that are missing or symlinks: from `git status` when it was read (list), else with
 * one `git check-ignore` for the worktree.
 */
export async function readLinks(
  worktree: string,
  rels: readonly string[],
  primary: PrimarySide,
  status: StatusCounts | null,
): Promise<LinkFacts[]> {
  const links: LinkFacts[] = [];
  for (const rel of rels) {
    const dest = path.join(worktree, rel);
    links.push({
      rel,
      source: path.join(primary.path, rel),
      sourceInfo: primary.info.get(rel) ?? { kind: 'missing' },
      ignoredInPrimary: primary.ignored.get(rel) ?? null,
      dest,
      destInfo: await inspect(dest),
      ignoredHere: null,
    });
  }
  const judge = links.filter(
    (l) => linkExpected(l) && (l.destInfo.kind === 'missing' || l.destInfo.kind === 'symlink'),
  );
  if (status) {
    for (const l of judge)
      if (l.destInfo.kind === 'symlink') l.ignoredHere = !shownUntracked(l.rel, status.untrackedPaths);
  } else if (judge.length) {
    const ignored = await ignoredPaths(
      worktree,
      judge.map((l) => l.rel),
    );
    for (const l of judge) l.ignoredHere = Boolean(ignored.get(l.rel));
  }
  return links;
}

export async function readSharedDirs(
  entries: readonly string[],
  worktree: string,
  primary: string,
  env: NodeJS.ProcessEnv,
): Promise<SharedDirFacts[]> {
  const out: SharedDirFacts[] = [];
  for (const entry of entries) {
    const mine = sharedDirFor(entry, worktree, env);
    const theirs = sharedDirFor(entry, primary, env);
    out.push({
      entry,
      primaryDir: theirs.path,
      primaryInfo: await inspect(theirs.path),
      dest: mine.path,
      destInfo: await inspect(mine.path),
      claudeMissing: mine.claudeMissing,
    });
  }
  return out;
}
