/** Every rule `guard doctor` checks, in the order its report lists them. Each is a pure function of the facts. */
import type { RepoFacts } from '../state/types';
import { localBase, staleBase } from './baseRules';
import { detachedHead, duplicateBranch } from './branchRules';
import type { Finding } from './finding';
import { hooksRules } from './hooksRules';
import { identityLeak, identityNotPinned } from './identityRules';
import { linkRules, memoryNotShared } from './linkRules';
import { liveStash } from './stashRules';
import { configInvalid, prunable } from './worktreeRules';

export const DOCTOR_RULES: readonly ((s: RepoFacts) => Finding[])[] = [
  configInvalid,
  liveStash,
  identityNotPinned,
  identityLeak,
  duplicateBranch,
  detachedHead,
  localBase,
  staleBase,
  hooksRules,
  linkRules,
  memoryNotShared,
  prunable,
];

export function doctorFindings(s: RepoFacts): Finding[] {
  return DOCTOR_RULES.flatMap((rule) => rule(s));
}
