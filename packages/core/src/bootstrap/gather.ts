/** Reads everything bootstrap decides on: a few git calls per worktree, then the file system. */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { GuardConfig } from '../config/types';
import { inspect, type PathInfo, sameBytes } from '../fs/pathInfo';
import { type IgnoreMatch, ignoredPaths } from '../git/checkIgnore';
import { type ConfigView, readConfig } from '../git/config';
import { canonical } from '../git/repo';
import { runGit } from '../git/run';
import { hooksDirFrom } from '../hooks/hooksDirs';
import { shimVersionOf } from '../hooks/shims';
import { type RecordedBase, recordedBaseOf } from '../worktree/baseRecord';
import { claudeConfigDir, claudeProjectKey } from '../worktree/claude';
import {
  desiredIdentity,
  effectiveIdentity,
  type Identity,
  type PinState,
  pinStateOf,
  worktreeConfigMoves,
} from '../worktree/identity';
import { lastFetchTime } from '../worktree/lastFetch';
import { branchSlug } from '../worktree/slug';

export const SETUP_KEY = 'worktreeguard.setup';

export interface Target {
  path: string;
  gitDir: string;
  branch: string | null;
}

export interface LinkState {
  rel: string;
  source: string;
  sourceInfo: PathInfo;
  ignoredInPrimary: IgnoreMatch | null;
  dest: string;
  destInfo: PathInfo;
  /** Would git ignore a link at `dest`? (Only asked when nothing is there yet.) */
  ignoredHere: boolean;
}

export interface CopyState {
  rel: string;
  source: string;
  sourceInfo: PathInfo;
  ignoredInPrimary: boolean;
  dest: string;
  destInfo: PathInfo;
  same: boolean;
}

export interface SharedDirState {
  entry: string;
  primaryDir: string | null;
  primaryInfo: PathInfo;
  dest: string | null;
  destInfo: PathInfo;
  /** The worktree whose directory name could not be worked out (Claude's hashed long keys). */
  unresolvedFor: string | null;
}

export interface WorktreePin {
  path: string;
  gitDir: string;
  pin: PinState;
}

export interface BootstrapState {
  target: Target;
  isPrimary: boolean;
  primaryPath: string | null;
  commonDir: string;
  extensionOn: boolean;
  moves: { key: string; value: string }[];
  desired: Identity | null;
  /** The primary's effective identity (what it pins for itself). */
  primaryIdentity: Identity | null;
  pins: WorktreePin[];
  links: LinkState[];
  copies: CopyState[];
  sharedDirs: SharedDirState[];
  /** Set when this worktree uses its own hooks directory (relative core.hooksPath) and guard is armed. */
  hooks: { from: string; dir: string; armedHere: boolean } | null;
  setup: { commands: string[]; hash: string; doneHash: string | null };
  /** Where a branch bootstrap meets for the first time started, to record for doctor; else null. */
  start: RecordedBase | null;
}

async function hasShim(dir: string): Promise<boolean> {
  const text = await readFile(path.join(dir, 'reference-transaction'), 'utf8').catch(() => '');
  return shimVersionOf(text) !== null;
}

export interface GatherInput {
  target: Target;
  primaryPath: string | null;
  commonDir: string;
  config: GuardConfig;
  env?: NodeJS.ProcessEnv;
  /** The branch was just made by guard new from this commit, named so (e.g. `origin/main`). */
  newBranch?: { commit: string; ref: string };
}

function setupHash(commands: readonly string[]): string {
  return createHash('sha256').update(JSON.stringify(commands)).digest('hex').slice(0, 16);
}

async function walkFiles(root: string, rel: string): Promise<string[]> {
  const info = await inspect(path.join(root, rel));
  if (info.kind !== 'dir') return [rel];
  const entries = await readdir(path.join(root, rel), { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => walkFiles(root, path.posix.join(rel, e.name))));
  return nested.flat();
}

/** Untracked files of the primary that match `.worktreeinclude` (gitignore syntax). */
async function worktreeIncludeFiles(primary: string): Promise<string[]> {
  const file = path.join(primary, '.worktreeinclude');
  if ((await inspect(file)).kind !== 'file') return [];
  const r = await runGit(['ls-files', '-z', '--others', '--ignored', `--exclude-from=${file}`], {
    cwd: primary,
  });
  return r.stdout.split('\0').filter(Boolean);
}

function expandSharedDir(
  entry: string,
  worktree: string,
  env: NodeJS.ProcessEnv,
): { path: string; exact: boolean } {
  const { key, exact } = claudeProjectKey(canonical(worktree));
  const home = env.HOME || '';
  const expanded = entry
    .replace(/^~(?=\/|$)/, home)
    .replace(/\{claude\}/g, claudeConfigDir(env))
    .replace(/\{dir\}/g, path.basename(worktree))
    .replace(/\{key\}/g, key);
  return { path: path.resolve(expanded), exact: exact || !entry.includes('{key}') };
}

/** A long Claude key ends in a hash: find the one existing directory whose name starts with the cut key. */
export async function resolveSharedDir(
  entry: string,
  worktree: string,
  env: NodeJS.ProcessEnv,
): Promise<string | null> {
  const { path: p, exact } = expandSharedDir(entry, worktree, env);
  if (exact) return p;
  const { key } = claudeProjectKey(canonical(worktree));
  const [before] = entry.split('{key}');
  const parent = path.resolve(expandSharedDir(before ?? '', worktree, env).path);
  const rest = p.slice(parent.length + 1 + key.length); // what follows the key, e.g. "/memory"
  const names = await readdir(parent).catch(() => [] as string[]);
  const hits = names.filter((n) => n.startsWith(key) && n !== key);
  return hits.length === 1 ? path.join(parent, `${hits[0]}${rest}`) : null;
}

/** Bootstrap running this soon after a branch was created sees the fetch state it started from. */
const FRESH_START_MS = 10 * 60 * 1000;

/** Where the branch started, by its reflog: only its creation (`branch: Created from <ref>`) means new. */
async function createdFromReflog(target: Target): Promise<{ commit: string; ref: string; at: Date } | null> {
  const log = await runGit(['log', '-g', '--format=%H%x00%gs%x00%ct', `refs/heads/${target.branch}`, '--'], {
    cwd: target.path,
    ok: [0, 128],
  });
  const entries = log.stdout.split('\n').filter(Boolean);
  if (log.exitCode !== 0 || entries.length !== 1) return null;
  const [commit = '', subject = '', time = '0'] = (entries[0] as string).split('\0');
  const created = /^branch: Created from (.+)$/.exec(subject);
  return created ? { commit, ref: created[1] as string, at: new Date(Number(time) * 1000) } : null;
}

/**
 * A new branch — made by guard new, or whose reflog holds only its creation — gets its start recorded.
 * How fresh that start was (last fetch, commits behind the remote base) is only known while it is new;
 * later the record keeps just the commit and the name. Bare repositories log no ref updates by default,
 * so there only guard new's branches are recorded.
 */
async function newBranchStart(input: GatherInput, view: ConfigView): Promise<RecordedBase | null> {
  const { target, config } = input;
  if (!target.branch || recordedBaseOf(view)) return null;
  const created = input.newBranch ? { ...input.newBranch, at: new Date() } : await createdFromReflog(target);
  if (!created) return null;
  const { commit } = created;
  const startedAt = created.at;
  const start: RecordedBase = {
    commit,
    ref: created.ref,
    fetchedAt: null,
    behind: null,
    startedAt: startedAt.toISOString(),
  };
  if (Date.now() - startedAt.getTime() > FRESH_START_MS) return start;
  const remoteBase = `refs/remotes/${config.remote}/${config.baseBranch}`;
  start.fetchedAt = lastFetchTime(input.commonDir, config.remote, config.baseBranch)?.toISOString() ?? null;
  // left: commits of the remote base the start lacks; right: the start's own. Behind only if it has none.
  const ab = await runGit(['rev-list', '--left-right', '--count', `${remoteBase}...${commit}`, '--'], {
    cwd: target.path,
    ok: [0, 128],
  });
  const [behind, own] = ab.stdout.trim().split(/\s+/).map(Number);
  if (ab.exitCode === 0 && own === 0) start.behind = behind ?? 0;
  return start;
}

export async function gatherBootstrapState(input: GatherInput): Promise<BootstrapState> {
  const { target, primaryPath, commonDir, config } = input;
  const env = input.env ?? process.env;
  const isPrimary = primaryPath !== null && canonical(primaryPath) === canonical(target.path);

  const targetView = await readConfig(target.path);
  const primaryView: ConfigView = isPrimary ? targetView : await readConfig(primaryPath ?? commonDir);
  const pins: WorktreePin[] = [{ path: target.path, gitDir: target.gitDir, pin: pinStateOf(targetView) }];
  if (primaryPath !== null && !isPrimary)
    pins.push({ path: primaryPath, gitDir: commonDir, pin: pinStateOf(primaryView) });

  const primaryIdentity = effectiveIdentity(primaryView);
  const desired = desiredIdentity(primaryIdentity, config.identity, {
    branch: target.branch ?? '',
    slug: branchSlug(target.branch ?? 'detached'),
    dir: path.basename(target.path),
  });

  const base: BootstrapState = {
    target,
    isPrimary,
    primaryPath,
    commonDir,
    extensionOn: primaryView.get('extensions.worktreeconfig', 'local') === 'true',
    moves: worktreeConfigMoves(primaryView),
    desired,
    primaryIdentity:
      primaryIdentity.name && primaryIdentity.email
        ? { name: primaryIdentity.name, email: primaryIdentity.email }
        : null,
    pins,
    links: [],
    copies: [],
    sharedDirs: [],
    hooks: null,
    setup: {
      commands: config.setup,
      hash: setupHash(config.setup),
      doneHash: targetView.get(SETUP_KEY, 'worktree'),
    },
    start: isPrimary ? null : await newBranchStart(input, targetView),
  };
  if (isPrimary || primaryPath === null) return base;

  // hooks: with a relative core.hooksPath (husky) this worktree has its own directory, empty when new
  const mine = hooksDirFrom(targetView, { worktree: target.path, bare: false, commonDir }, env.HOME);
  const theirs = hooksDirFrom(primaryView, { worktree: primaryPath, bare: false, commonDir }, env.HOME);
  if (mine.dir !== theirs.dir && (await hasShim(theirs.dir))) {
    base.hooks = { from: theirs.dir, dir: mine.dir, armedHere: await hasShim(mine.dir) };
  }

  // links and copies: sources in the primary, only if git ignores them there
  const linkRels = config.links;
  const copyEntries = [...config.copies];
  const copyRels: string[] = [];
  for (const entry of copyEntries) {
    if ((await inspect(path.join(primaryPath, entry))).kind !== 'missing')
      copyRels.push(...(await walkFiles(primaryPath, entry)));
  }
  const included = await worktreeIncludeFiles(primaryPath);
  const sourceInfos = new Map<string, PathInfo>();
  for (const rel of new Set([...linkRels, ...copyRels, ...included]))
    sourceInfos.set(rel, await inspect(path.join(primaryPath, rel)));
  const present = [...sourceInfos].filter(([, i]) => i.kind !== 'missing').map(([rel]) => rel);
  const ignoredPrimary = await ignoredPaths(primaryPath, present);

  const destInfos = new Map<string, PathInfo>();
  for (const rel of sourceInfos.keys()) destInfos.set(rel, await inspect(path.join(target.path, rel)));
  const toPredict = linkRels.filter(
    (rel) => destInfos.get(rel)?.kind === 'missing' && ignoredPrimary.get(rel),
  );
  const ignoredTarget = await ignoredPaths(target.path, toPredict);

  for (const rel of linkRels) {
    base.links.push({
      rel,
      source: path.join(primaryPath, rel),
      sourceInfo: sourceInfos.get(rel) ?? { kind: 'missing' },
      ignoredInPrimary: ignoredPrimary.get(rel) ?? null,
      dest: path.join(target.path, rel),
      destInfo: destInfos.get(rel) ?? { kind: 'missing' },
      ignoredHere: Boolean(ignoredTarget.get(rel)),
    });
  }
  const linked = new Set(linkRels);
  for (const rel of new Set([...copyRels, ...included])) {
    if (linked.has(rel)) continue;
    const source = path.join(primaryPath, rel);
    const dest = path.join(target.path, rel);
    const sourceInfo = sourceInfos.get(rel) ?? { kind: 'missing' };
    const destInfo = destInfos.get(rel) ?? { kind: 'missing' };
    const same =
      sourceInfo.kind === 'file' && destInfo.kind === 'file'
        ? sourceInfo.size === destInfo.size && (await sameBytes(source, dest))
        : sourceInfo.kind === 'symlink' &&
          destInfo.kind === 'symlink' &&
          sourceInfo.target === destInfo.target;
    base.copies.push({
      rel,
      source,
      sourceInfo,
      ignoredInPrimary: Boolean(ignoredPrimary.get(rel)),
      dest,
      destInfo,
      same,
    });
  }

  for (const entry of config.sharedDirs) {
    const primaryDir = await resolveSharedDir(entry, primaryPath, env);
    const dest = await resolveSharedDir(entry, target.path, env);
    base.sharedDirs.push({
      entry,
      primaryDir,
      primaryInfo: primaryDir ? await inspect(primaryDir) : { kind: 'missing' },
      dest,
      destInfo: dest ? await inspect(dest) : { kind: 'missing' },
      unresolvedFor: primaryDir === null ? primaryPath : dest === null ? target.path : null,
    });
  }
  return base;
}
