/** `guard bootstrap`: make a worktree faithful to the primary — gather, plan, then (unless dry) apply. */
import type { GuardConfig } from '../config/types';
import { type ApplyOptions, applyPlan } from './apply';
import { gatherBootstrapState, type Target } from './gather';
import { planBootstrap } from './plan';
import type { BootstrapReport } from './types';

export interface BootstrapInput extends ApplyOptions {
  target: Target;
  primaryPath: string | null;
  commonDir: string;
  config: GuardConfig;
  dryRun?: boolean;
  env?: NodeJS.ProcessEnv;
  /** The branch was just made by guard new from this commit, named so (see gatherBootstrapState). */
  newBranch?: { commit: string; ref: string };
}

export async function bootstrapWorktree(input: BootstrapInput): Promise<BootstrapReport> {
  const state = await gatherBootstrapState(input);
  const plan = planBootstrap(state);
  const report: BootstrapReport = {
    ...plan,
    worktree: input.target.path,
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
