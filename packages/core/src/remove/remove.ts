/**
 * `guard remove` and `guard sweep`: fetch, gather what each worktree would lose, decide (pure), then
 * remove what nothing stands in the way of — or, dry, say what would happen.
 */
import { validConfig } from '../config/load';
import type { GuardConfig, LoadedConfig } from '../config/types';
import { RefusedError, UsageError } from '../errors';
import { canonical } from '../fs/paths';
import { remoteHeads } from '../git/lsRemote';
import { isPrimaryRecord, primaryCheckout, type Repo } from '../git/repo';
import { git, runGit } from '../git/run';
import { messages } from '../messages';
import { freeLeases, readRegistry } from '../ports/leases';
import type { PortLease } from '../ports/registry';
import { mapLimit } from '../util/mapLimit';
import { applyRemoval } from './apply';
import { decideRemoval, forceNames, sweepable } from './decide';
import { gatherRemoval, gitHome, integrationTarget, type RemovalContext } from './gather';
import { resolveTargets } from './targets';
import type { RemovalItem, RemovalOutcome } from './types';

export type RemoveEvent = { type: 'fetch-start'; remote: string } | { type: 'removing'; path: string };

export interface RemoveCommon {
  repo: Repo;
  loaded: LoadedConfig;
  /** The directory guard was started in. */
  cwd: string;
  fetch: boolean;
  dryRun: boolean;
  env?: NodeJS.ProcessEnv;
  onEvent?: (event: RemoveEvent) => void;
}

export interface RemoveInput extends RemoveCommon {
  /** Worktree paths or branch names; none: the worktree `cwd` is in. */
  targets: readonly string[];
  /** `--force` names (each may be a comma-separated list). */
  force: readonly string[];
  keepBranch: boolean;
}

export interface FetchOutcome {
  remote: string;
  fetched: boolean;
  /** Why it did not fetch. */
  skipped: 'no-fetch' | 'no-remote' | null;
}

export interface RemoveReport {
  fetch: FetchOutcome;
  /** What integrated means here, e.g. `origin/main`; null when there is nothing to compare with. */
  target: string | null;
  dryRun: boolean;
  outcomes: RemovalOutcome[];
  /** The current directory was in a removed worktree: where to go instead. */
  moveTo: string | null;
  /** The port leases (`guard port`) of the removed worktrees, given back (dry run: that would be). */
  ports: PortLease[];
}

const PARALLEL = 4;

/** The `--force` names given, each checked: an unknown one is a usage error that lists the known. */
export function parseForce(values: readonly string[]): Set<string> {
  const known = forceNames();
  const names = values.flatMap((v) => v.split(',')).map((n) => n.trim());
  for (const n of names)
    if (!known.includes(n)) throw new UsageError('bad-force', messages.removeBadForce(n, known));
  return new Set(names);
}

async function fetchRemote(input: RemoveCommon, config: GuardConfig) {
  const home = gitHome(input.repo);
  const remote = config.remote;
  const remotes = (await git(['remote'], { cwd: home })).split('\n').filter(Boolean);
  const fetch: FetchOutcome = { remote, fetched: false, skipped: null };
  if (!remotes.includes(remote))
    return { fetch: { ...fetch, skipped: 'no-remote' as const }, remoteNow: null };
  if (!input.fetch) return { fetch: { ...fetch, skipped: 'no-fetch' as const }, remoteNow: null };
  input.onEvent?.({ type: 'fetch-start', remote });
  const r = await runGit(['fetch', '--quiet', '--', remote], { cwd: home, ok: [0, 1, 128] });
  if (r.exitCode !== 0)
    throw new RefusedError('fetch-failed', messages.removeFetchFailed(remote, r.stderr.trim()));
  return { fetch: { ...fetch, fetched: true }, remoteNow: await remoteHeads(home, remote) };
}

async function context(input: RemoveCommon) {
  const config = validConfig(input.loaded);
  const { fetch, remoteNow } = await fetchRemote(input, config);
  const ctx: RemovalContext = {
    repo: input.repo,
    config,
    env: input.env ?? process.env,
    cwd: input.cwd,
    target: await integrationTarget(input.repo, config),
    remoteNow,
  };
  return { ctx, fetch };
}

function decideAll(
  ctx: RemovalContext,
  facts: RemovalItem['facts'][],
  force: Set<string>,
  keepBranch: boolean,
) {
  const opts = {
    force,
    keepBranch,
    remote: ctx.config.remote,
    home: gitHome(ctx.repo),
    primary: primaryCheckout(ctx.repo),
  };
  return facts.map((f) => ({ facts: f, decision: decideRemoval(f, opts) }));
}

/** Gives back the port leases of the worktrees removed (a dry run only reads them). */
async function releasePorts(input: RemoveCommon, outcomes: RemovalOutcome[]): Promise<PortLease[]> {
  const gone = outcomes
    .filter((o) => o.action === 'removed' || o.action === 'would-remove')
    .flatMap((o) => [o.item.facts.record.path, canonical(o.item.facts.record.path)]);
  if (!gone.length) return [];
  const registry = await readRegistry(input.repo.commonDir).catch(() => ({ leases: [] as PortLease[] }));
  const leases = registry.leases.filter((l) => gone.includes(l.worktree));
  return input.dryRun ? leases : freeLeases(input.repo, leases);
}

async function carryOut(
  input: RemoveCommon,
  items: RemovalItem[],
): Promise<{ outcomes: RemovalOutcome[]; moveTo: string | null; ports: PortLease[] }> {
  const home = gitHome(input.repo);
  const outcomes: RemovalOutcome[] = [];
  for (const item of items) {
    if (item.decision.remove && !input.dryRun)
      input.onEvent?.({ type: 'removing', path: item.facts.record.path });
    outcomes.push(await applyRemoval(item, { home, dryRun: input.dryRun }));
  }
  const leaves = outcomes.some(
    (o) => o.item.facts.holdsCwd && (o.action === 'removed' || o.action === 'would-remove'),
  );
  return { outcomes, moveTo: leaves ? home : null, ports: await releasePorts(input, outcomes) };
}

/** Decides for the named worktrees (usage errors before any fetch) and removes those nothing stands in the way of. */
export async function removeWorktrees(input: RemoveInput): Promise<RemoveReport> {
  const records = resolveTargets(input.repo, input.targets, input.cwd);
  const force = parseForce(input.force);
  const { ctx, fetch } = await context(input);
  const facts = await mapLimit(records, PARALLEL, (r) => gatherRemoval(ctx, r));
  const items = decideAll(ctx, facts, force, input.keepBranch);
  const { outcomes, moveTo, ports } = await carryOut(input, items);
  return { fetch, target: ctx.target?.name ?? null, dryRun: input.dryRun, outcomes, moveTo, ports };
}

export interface SweepPlan {
  fetch: FetchOutcome;
  target: string | null;
  /** Integrated, with nothing to lose: what sweep removes. */
  candidates: RemovalItem[];
  /** Integrated, but kept: something would be lost, or guard runs inside it. */
  kept: RemovalItem[];
}

/** Every linked worktree that `guard remove` would remove without `--force` and whose work is integrated. */
export async function planSweep(input: RemoveCommon): Promise<SweepPlan> {
  const { ctx, fetch } = await context(input);
  const records = input.repo.worktrees.filter((w) => !w.bare && !isPrimaryRecord(input.repo, w));
  const facts = await mapLimit(records, PARALLEL, (r) => gatherRemoval(ctx, r));
  const items = decideAll(ctx, facts, new Set(), false).filter(
    (i) => i.facts.integration?.state === 'integrated',
  );
  return {
    fetch,
    target: ctx.target?.name ?? null,
    candidates: items.filter((i) => sweepable(i.facts, i.decision)),
    kept: items.filter((i) => !sweepable(i.facts, i.decision)),
  };
}

/** Removes a sweep's candidates (or, dry, says what it would). */
export async function sweep(input: RemoveCommon, plan: SweepPlan): Promise<RemoveReport> {
  const { outcomes, moveTo, ports } = await carryOut(input, plan.candidates);
  return { fetch: plan.fetch, target: plan.target, dryRun: input.dryRun, outcomes, moveTo, ports };
}
