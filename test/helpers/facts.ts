/**
 * Hand-built facts for the rule tables. Facts are what git and the file system say — a worktree's
 * configuration is a ConfigView of scoped entries — so a fixture states only those, and everything the
 * rules derive (pinned, primary, several, guard installed) follows from them as it does on a real repo.
 */
import {
  type ConfigEntry,
  ConfigError,
  ConfigView,
  DEFAULT_CONFIG,
  type GuardConfig,
  type HooksFacts,
  type Identity,
  type LinkFacts,
  type RecordedBase,
  type RepoFacts,
  type SharedDirFacts,
  type ShimState,
  type StashEntry,
  type WorktreeFacts,
  type WorktreeRecord,
} from '@worktree-guard/core';

export const NOW = Date.parse('2026-11-25T12:00:00Z');
export const HOUR = 3_600_000;
export const ada: Identity = { name: 'Ada', email: 'ada@x' };
export const PRIMARY = '/r/app';
const COMMON = '/r/app/.git';

export function hooks(dir: string, preCommit: ShimState = 'ok'): HooksFacts {
  const shims = ['post-checkout', 'pre-commit', 'reference-transaction'].map((name) => ({
    file: `${dir}/${name}`,
    name,
    state: name === 'pre-commit' ? preCommit : ('ok' as const),
    version: name === 'pre-commit' && preCommit === 'old' ? 1 : 2,
  }));
  return { where: { dir, worktree: dir, hooksPath: null }, dirExists: true, shims };
}

export function link(wt: string, over: Partial<LinkFacts> = {}): LinkFacts {
  return {
    rel: '.env',
    source: `${PRIMARY}/.env`,
    sourceInfo: { kind: 'file', size: 10, mode: 0o600 },
    ignoredInPrimary: { rule: '.gitignore:1:.env', pattern: '.env' },
    dest: `${wt}/.env`,
    destInfo: { kind: 'symlink', target: `${PRIMARY}/.env`, targetExists: true },
    ignoredHere: true,
    ...over,
  };
}

export function memory(wt: string, over: Partial<SharedDirFacts> = {}): SharedDirFacts {
  return {
    entry: '{claude}/projects/{key}/memory',
    primaryDir: '/c/app/memory',
    primaryInfo: { kind: 'dir' },
    dest: `/c${wt}/memory`,
    destInfo: { kind: 'symlink', target: '/c/app/memory', targetExists: true },
    claudeMissing: false,
    ...over,
  };
}

export interface WtSpec {
  branch?: string | null;
  detached?: boolean;
  present?: boolean;
  locked?: string | null;
  prunable?: string | null;
  /** The worktree-scoped identity: guard's own pin (default), none, or one inherited from another worktree. */
  pin?: Identity | null | 'inherited';
  hooks?: HooksFacts | null;
  links?: LinkFacts[];
  sharedDirs?: SharedDirFacts[];
  base?: RecordedBase;
  sitsOnStart?: boolean | null;
}

const gitDirOf = (p: string) => (p === PRIMARY ? COMMON : `${COMMON}/worktrees/${p.split('/').pop()}`);

export function wt(p: string, spec: WtSpec = {}): WorktreeFacts {
  const isPrimary = p === PRIMARY;
  const present = spec.present ?? spec.prunable == null;
  const record: WorktreeRecord = {
    path: p,
    head: 'a'.repeat(40),
    branch: spec.branch !== undefined ? spec.branch : isPrimary ? 'main' : (p.split('-').pop() ?? null),
    detached: spec.detached ?? false,
    bare: false,
    locked: spec.locked ?? null,
    prunable: spec.prunable ?? null,
  };
  if (record.detached) record.branch = null;
  const gitDir = gitDirOf(p);
  const worktree: ConfigEntry[] = [];
  const pin = spec.pin === undefined ? ada : spec.pin;
  if (pin) {
    const id = pin === 'inherited' ? { name: 'Other', email: 'other@x' } : pin;
    worktree.push({ scope: 'worktree', key: 'user.name', value: id.name });
    worktree.push({ scope: 'worktree', key: 'user.email', value: id.email });
    const madeFor =
      pin === 'inherited'
        ? 'worktrees/somewhere-else'
        : p === PRIMARY
          ? '.'
          : `worktrees/${p.split('/').pop()}`;
    worktree.push({ scope: 'worktree', key: 'worktreeguard.pinnedfor', value: madeFor });
  }
  if (spec.base) {
    worktree.push({ scope: 'worktree', key: 'worktreeguard.base', value: spec.base.commit });
    if (spec.base.ref)
      worktree.push({ scope: 'worktree', key: 'worktreeguard.baseref', value: spec.base.ref });
    if (spec.base.behind !== null)
      worktree.push({ scope: 'worktree', key: 'worktreeguard.basebehind', value: String(spec.base.behind) });
    if (spec.base.fetchedAt)
      worktree.push({ scope: 'worktree', key: 'worktreeguard.basefetchedat', value: spec.base.fetchedAt });
    if (spec.base.startedAt)
      worktree.push({ scope: 'worktree', key: 'worktreeguard.startedat', value: spec.base.startedAt });
  }
  return {
    record,
    present,
    gitDir: present ? gitDir : null,
    // the common entries are filled in by facts(), which knows them
    view: present ? new ConfigView(worktree) : null,
    hooks: present ? (spec.hooks === undefined ? hooks(`${COMMON}/hooks`) : spec.hooks) : null,
    links: spec.links ?? (isPrimary || !present ? [] : [link(p)]),
    sharedDirs: spec.sharedDirs ?? (isPrimary || !present ? [] : [memory(p)]),
    inside: null,
    lastFetchAttempt: null,
    sitsOnStart: spec.sitsOnStart ?? null,
  };
}

export interface RepoSpec {
  stash?: StashEntry[];
  lastFetch?: Date | null;
  remote?: boolean;
  extension?: boolean;
  sharedIdentity?: Partial<Identity>;
  localBaseCarriers?: string[];
  config?: Partial<GuardConfig>;
  configError?: boolean;
}

export function facts(worktrees: WorktreeFacts[], spec: RepoSpec = {}): RepoFacts {
  const records = worktrees.map((w) => w.record);
  const shared = spec.sharedIdentity ?? ada;
  const common: ConfigEntry[] = [];
  if (spec.extension !== false)
    common.push({ scope: 'local', key: 'extensions.worktreeconfig', value: 'true' });
  if (shared.name) common.push({ scope: 'local', key: 'user.name', value: shared.name });
  if (shared.email) common.push({ scope: 'local', key: 'user.email', value: shared.email });
  if (spec.remote !== false)
    common.push({ scope: 'local', key: 'remote.origin.url', value: '/r/origin.git' });
  for (const w of worktrees) if (w.view) w.view = new ConfigView([...common, ...w.view.entries]);
  const file = `${PRIMARY}/.worktreeguardrc.json`;
  return {
    repo: {
      topLevel: PRIMARY,
      gitDir: COMMON,
      commonDir: COMMON,
      worktrees: records,
      primary: records[0] as WorktreeRecord,
      current: records[0] as WorktreeRecord,
    },
    loaded: {
      config: { ...DEFAULT_CONFIG, ...spec.config },
      file: spec.configError || spec.config ? file : null,
      error: spec.configError ? new ConfigError(file, [{ key: 'stash', message: 'bad' }]) : null,
    },
    now: NOW,
    worktrees,
    commonView: new ConfigView(common),
    stash: spec.stash ?? [],
    lastFetch: spec.lastFetch === undefined ? new Date(NOW - HOUR) : spec.lastFetch,
    remoteBase: spec.remote === false ? null : { ref: 'origin/main', commit: 'b'.repeat(40) },
    localBaseCarriers: spec.localBaseCarriers ?? [],
  };
}

export const stashEntry = (over: Partial<StashEntry> = {}): StashEntry => ({
  ref: 'stash@{0}',
  index: 0,
  commit: 'c',
  tree: 't',
  base: 'b',
  indexCommit: 'i',
  untracked: null,
  subject: 'WIP on x: 1234567 work',
  branch: 'x',
  origin: 'branch',
  time: (NOW - 3 * 86_400_000) / 1000,
  author: { name: 'A', email: 'a', date: '' },
  ...over,
});
