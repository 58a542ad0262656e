/**
 * Every rule, in the order doctor's report lists them. Each is a pure function of the gathered facts.
 * The commit check is the rules that concern the worktree being committed in, on the same facts.
 */
import type { RepoFacts } from '../state/types';
import { localBase, staleBase } from './baseRules';
import { detachedHead, duplicateBranch, protectedBranch } from './branchRules';
import type { Finding } from './finding';
import { hooksRules } from './hooksRules';
import { identityLeak, identityNotPinned } from './identityRules';
import { insideNotIgnored } from './insideRules';
import { linkRules, memoryNotShared } from './linkRules';
import { orphanRules } from './orphanRules';
import { sessionsShareWorktree } from './sessionRules';
import { lockOrphaned, portLeaseOrphaned } from './sharedRules';
import { liveStash } from './stashRules';
import { configInvalid, prunable } from './worktreeRules';

export type Rule = (s: RepoFacts) => Finding[];

export const DOCTOR_RULES: readonly Rule[] = [
  configInvalid,
  liveStash,
  identityNotPinned,
  identityLeak,
  duplicateBranch,
  protectedBranch,
  detachedHead,
  localBase,
  staleBase,
  hooksRules,
  linkRules,
  memoryNotShared,
  insideNotIgnored,
  prunable,
  lockOrphaned,
  portLeaseOrphaned,
  orphanRules,
  sessionsShareWorktree,
];

/** What `git commit` checks: who commits, on which branch — facts the commit's own worktree decides. */
export const COMMIT_RULES: readonly Rule[] = [identityNotPinned, duplicateBranch, protectedBranch];

export function doctorFindings(s: RepoFacts): Finding[] {
  return DOCTOR_RULES.flatMap((rule) => rule(s));
}

/** The commit check: the commit rules' findings about the worktree at `worktree`. */
export function commitFindings(s: RepoFacts, worktree: string): Finding[] {
  return COMMIT_RULES.flatMap((rule) => rule(s)).filter((f) => f.worktree === worktree);
}
