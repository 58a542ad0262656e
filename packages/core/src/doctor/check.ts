/** `guard doctor`: gather the facts once (and the orphans guard left outside worktrees), run every rule over them. */
import { addSessionFacts } from '../agents/sessionFacts';
import type { LoadedConfig } from '../config/types';
import { primaryCheckout, type Repo } from '../git/repo';
import { findOrphans } from '../remove/leftovers';
import { doctorFindings } from '../rules/doctorRules';
import type { Finding } from '../rules/finding';
import { gatherFacts } from '../state/gather';
import { addSharedFacts } from '../state/sharedFacts';
import type { RepoFacts } from '../state/types';
import { summarize, type WorktreeSummary } from './summary';

export interface DoctorResult {
  findings: Finding[];
  worktrees: WorktreeSummary[];
  facts: RepoFacts;
}

export interface CheckInput {
  repo: Repo;
  loaded: LoadedConfig;
  env?: NodeJS.ProcessEnv;
  now?: number;
}

export async function checkRepo(input: CheckInput): Promise<DoctorResult> {
  const facts = await addSessionFacts(await addSharedFacts(await gatherFacts({ ...input, depth: 'doctor' })));
  facts.orphans = await findOrphans({
    repo: input.repo,
    config: input.loaded.config,
    env: input.env ?? process.env,
    primary: primaryCheckout(input.repo),
  });
  return { findings: doctorFindings(facts), worktrees: summarize(facts), facts };
}

/** 1 when any finding is an error, else 0 (warnings allowed). */
export function doctorExitCode(findings: readonly Finding[]): 0 | 1 {
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}
