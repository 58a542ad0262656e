/**
 * What only bootstrap reads, for the one worktree it equips: the files it copies (`copies` and
 * `.worktreeinclude`), and where a branch it meets for the first time started.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { GuardConfig } from '../config/types';
import { inspect, type PathInfo, sameBytes } from '../fs/pathInfo';
import { ignoredPaths } from '../git/checkIgnore';
import { readReflog } from '../git/reflog';
import { runGit } from '../git/run';
import { baseOf, configOf, hasRemote, primaryOf } from '../state/derive';
import type { BootstrapExtras, CopyFacts, RepoFacts, WorktreeFacts } from '../state/types';
import type { RecordedBase } from '../worktree/baseRecord';
import { lastFetchTime } from '../worktree/lastFetch';

/** The files under `rel` (itself when it is not a directory), relative to `root`. */
export async function walkFiles(root: string, rel: string): Promise<string[]> {
  const info = await inspect(path.join(root, rel));
  if (info.kind !== 'dir') return [rel];
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => walkFiles(root, path.posix.join(rel, e.name))));
  return nested.flat();
}

/** Untracked files of the primary that match `.worktreeinclude` (gitignore syntax). */
export async function worktreeIncludeFiles(primary: string): Promise<string[]> {
  const file = path.join(primary, '.worktreeinclude');
  if ((await inspect(file)).kind !== 'file') return [];
  const r = await runGit(['ls-files', '-z', '--others', '--ignored', `--exclude-from=${file}`], {
    cwd: primary,
  });
  return r.stdout.split('\0').filter(Boolean);
}

function sameContent(a: PathInfo, b: PathInfo, source: string, dest: string): Promise<boolean> | boolean {
  if (a.kind === 'file' && b.kind === 'file') return a.size === b.size && sameBytes(source, dest);
  return a.kind === 'symlink' && b.kind === 'symlink' && a.target === b.target;
}

async function readCopies(config: GuardConfig, primary: string, target: WorktreeFacts): Promise<CopyFacts[]> {
  const rels: string[] = [];
  for (const entry of config.copies)
    if ((await inspect(path.join(primary, entry))).kind !== 'missing')
      rels.push(...(await walkFiles(primary, entry)));
  rels.push(...(await worktreeIncludeFiles(primary)));
  const linked = new Set(config.links);
  const unique = [...new Set(rels)].filter((rel) => !linked.has(rel));
  const infos = await Promise.all(unique.map((rel) => inspect(path.join(primary, rel))));
  const ignored = await ignoredPaths(
    primary,
    unique.filter((_, i) => infos[i]?.kind !== 'missing'),
  );
  return Promise.all(
    unique.map(async (rel, i) => {
      const source = path.join(primary, rel);
      const dest = path.join(target.record.path, rel);
      const sourceInfo = infos[i] ?? { kind: 'missing' as const };
      const destInfo = await inspect(dest);
      return {
        rel,
        source,
        sourceInfo,
        ignoredInPrimary: Boolean(ignored.get(rel)),
        dest,
        destInfo,
        same: await sameContent(sourceInfo, destInfo, source, dest),
      };
    }),
  );
}

/** Bootstrap running this soon after a branch was created sees the fetch state it started from. */
const FRESH_START_MS = 10 * 60 * 1000;

export interface NewBranch {
  commit: string;
  ref: string;
}

/** Where the branch started, by its reflog: only its creation (`branch: Created from <ref>`) means new. */
async function createdFromReflog(cwd: string, branch: string): Promise<(NewBranch & { at: Date }) | null> {
  const entries = await readReflog(cwd, `refs/heads/${branch}`, 2);
  const [only] = entries;
  const created = entries.length === 1 && only ? /^branch: Created from (.+)$/.exec(only.subject) : null;
  return only && created
    ? { commit: only.commit, ref: created[1] as string, at: new Date(only.time * 1000) }
    : null;
}

/**
 * A new branch — made by guard new, or whose reflog holds only its creation — gets its start recorded.
 * How fresh that start was (last fetch, commits behind the remote base) is only known while it is new;
 * later the record keeps just the commit, the name and the time.
 */
async function newBranchStart(
  s: RepoFacts,
  target: WorktreeFacts,
  made?: NewBranch,
): Promise<RecordedBase | null> {
  const branch = target.record.branch;
  const cwd = target.record.path;
  if (!branch || baseOf(target)) return null;
  const created = made ? { ...made, at: new Date(s.now) } : await createdFromReflog(cwd, branch);
  if (!created) return null;
  const start: RecordedBase = {
    commit: created.commit,
    ref: created.ref,
    fetchedAt: null,
    behind: null,
    startedAt: created.at.toISOString(),
  };
  const { remote, baseBranch } = configOf(s);
  if (s.now - created.at.getTime() > FRESH_START_MS || !hasRemote(s)) return start;
  const last = await lastFetchTime({ commonDir: s.repo.commonDir, cwd, remote, baseBranch });
  start.fetchedAt = last?.toISOString() ?? null;
  // left: commits of the remote base the start lacks; right: the start's own. Behind only if it has none.
  const ab = await runGit(
    ['rev-list', '--left-right', '--count', `refs/remotes/${remote}/${baseBranch}...${created.commit}`, '--'],
    { cwd, ok: [0, 128] },
  );
  const [behind, own] = ab.stdout.trim().split(/\s+/).map(Number);
  if (ab.exitCode === 0 && own === 0) start.behind = behind ?? 0;
  return start;
}

export async function readBootstrapExtras(
  s: RepoFacts,
  target: WorktreeFacts,
  made?: NewBranch,
): Promise<BootstrapExtras> {
  const primary = primaryOf(s);
  if (primary === target) return { copies: [], start: null };
  const [copies, start] = await Promise.all([
    primary ? readCopies(configOf(s), primary.record.path, target) : [],
    newBranchStart(s, target, made),
  ]);
  return { copies, start };
}
