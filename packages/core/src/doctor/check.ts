/** `guard doctor`: gather the facts once, run every rule over them. */
import { doctorFindings } from '../rules/doctorRules';
import type { Finding } from '../rules/finding';
import { gatherRepoFacts, type RepoGatherInput } from '../state/gather';
import type { RepoFacts } from '../state/types';
import { summarize, type WorktreeSummary } from './summary';

export interface DoctorResult {
  findings: Finding[];
  worktrees: WorktreeSummary[];
  facts: RepoFacts;
}

export async function checkRepo(input: RepoGatherInput): Promise<DoctorResult> {
  const facts = await gatherRepoFacts(input);
  return { findings: doctorFindings(facts), worktrees: summarize(facts), facts };
}

/** 1 when any finding is an error, else 0 (warnings allowed). */
export function doctorExitCode(findings: readonly Finding[]): 0 | 1 {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
