/**
 * `guard doctor --fix`: repairs only what cannot lose data, by the same create-only means as bootstrap and
 * install — re-pin identities, re-link, share memory, re-arm hooks — and removes the links guard made for
 * worktrees that are gone (each a symlink still as it was found; never a directory or a file). A stash is
 * never dropped, a tree never reset, a person's file never deleted or overwritten: what is in the way is
 * reported and left for a person.
 */
import { bootstrapWorktree } from '../bootstrap/bootstrap';
import type { BootstrapReport } from '../bootstrap/types';
import { applyHooksPlan } from '../hooks/hookFiles';
import { type HooksPlan, type InstallOptions, planInstall } from '../hooks/install';
import { orphanIds, removeLeftover } from '../remove/leftovers';
import type { LeftoverOutcome } from '../remove/types';
import type { Finding } from '../rules/finding';
import type { RepoFacts } from '../state/types';
import { type FreedShared, freeShared } from './freeShared';

/** Findings bootstrap repairs in the worktree they are about. */
const BY_BOOTSTRAP = new Set([
  'identity-not-pinned',
  'link-missing',
  'memory-not-shared',
  'worktree-not-ignored',
]);

export interface RepairInput {
  facts: RepoFacts;
  findings: readonly Finding[];
  /** How to arm hooks (the shim templates and the CLI to record live with the CLI). */
  install: InstallOptions;
}

export interface RepairResult {
  hooks: HooksPlan | null;
  bootstraps: BootstrapReport[];
  /** Locks and port leases of worktrees that no longer exist, freed. */
  freed: FreedShared;
  /** Orphans removed (or kept, with why): only symlinks guard made, each still as it was found. */
  orphans: LeftoverOutcome[];
}

export async function repairFindings(input: RepairInput): Promise<RepairResult> {
  const { facts } = input;
  const fixable = input.findings.filter((f) => f.autofix);
  let hooks: HooksPlan | null = null;
  if (fixable.some((f) => f.id === 'hooks-disarmed')) {
    hooks = await planInstall(facts.repo, input.install);
    await applyHooksPlan(hooks.actions);
  }
  const targets = new Set(fixable.filter((f) => BY_BOOTSTRAP.has(f.id)).map((f) => f.worktree));
  const bootstraps: BootstrapReport[] = [];
  // one worktree at a time: they write the same config files
  for (const w of facts.worktrees) {
    if (!w.present || !targets.has(w.record.path)) continue;
    bootstraps.push(
      await bootstrapWorktree({
        repo: facts.repo,
        loaded: facts.loaded,
        worktree: w.record.path,
        noSetup: true,
      }),
    );
  }
  return {
    hooks,
    bootstraps,
    freed: await freeShared(facts.repo, fixable),
    orphans: await removeOrphans(facts, fixable),
  };
}

async function removeOrphans(facts: RepoFacts, fixable: readonly Finding[]): Promise<LeftoverOutcome[]> {
  const ids = orphanIds();
  const paths = new Set(fixable.filter((f) => ids.has(f.id)).map((f) => f.data?.path));
  const out: LeftoverOutcome[] = [];
  for (const l of facts.orphans ?? []) {
    if (!paths.has(l.path)) continue;
    const done = await removeLeftover(l);
    out.push({ ...l, action: done.removed ? 'removed' : 'kept', note: done.note });
  }
  return out;
}
