/** `guard bootstrap`: make a worktree faithful to the primary — gather, plan, then (unless dry) apply. */
import type { LoadedConfig } from '../config/types';
import { UsageError } from '../errors';
import { samePath } from '../fs/paths';
import type { Repo } from '../git/repo';
import { messages } from '../messages';
import { gatherFacts } from '../state/gather';
import type { RepoFacts } from '../state/types';
import { type ApplyOptions, applyPlan } from './apply';
import { type NewBranch, readBootstrapExtras } from './extras';
import { planBootstrap } from './plan';
import type { BootstrapReport } from './types';

export interface BootstrapInput extends ApplyOptions {
  repo: Repo;
  loaded: LoadedConfig;
  /** The worktree to equip (its top level). */
  worktree: string;
  dryRun?: boolean;
  env?: NodeJS.ProcessEnv;
  /** The branch was just made by guard new from this commit, named so (e.g. `origin/main`). */
  newBranch?: NewBranch;
  /** Leave `setup` commands out (doctor --fix repairs; it does not install). */
  noSetup?: boolean;
}

/** Plans for one worktree of gathered facts (which must hold it in depth). */
export async function planFor(facts: RepoFacts, worktree: string, newBranch?: NewBranch) {
  const target = facts.worktrees.find((w) => samePath(w.record.path, worktree) && w.view);
  if (!target) throw new UsageError('not-a-worktree', messages.notAWorktree(worktree));
  const extras = await readBootstrapExtras(facts, target, newBranch);
  return planBootstrap({ facts, target, extras });
}

export async function bootstrapWorktree(input: BootstrapInput): Promise<BootstrapReport> {
  const facts = await gatherFacts({
    repo: input.repo,
    loaded: input.loaded,
    depth: 'bootstrap',
    only: [input.worktree],
    env: input.env,
  });
  const plan = await planFor(facts, input.worktree, input.newBranch);
  if (input.noSetup) plan.actions = plan.actions.filter((a) => a.kind !== 'setup');
  const report: BootstrapReport = {
    ...plan,
    worktree: input.worktree,
    dryRun: Boolean(input.dryRun),
    done: [],
  };
  if (input.dryRun) return report;
  const { done, problems } = await applyPlan(plan.actions, input);
  return { ...report, done, problems: [...plan.problems, ...problems] };
}

/** 1 when something needs a person (a conflict, a failed setup), else 0. */
export function bootstrapExitCode(report: BootstrapReport): 0 | 1 {
  return report.problems.some((p) => p.severity === 'error') ? 1 : 0;
}
