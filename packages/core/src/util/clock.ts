/**
 * What time it is, for everything guard reports as an age ("3 days ago", "last fetched 5 min ago").
 * `WORKTREE_GUARD_NOW` (an ISO time) fixes it: output that can be reproduced, and tests that do not depend on
 * how fast a machine is.
 */
export function now(env: NodeJS.ProcessEnv = process.env): number {
  const fixed = env.WORKTREE_GUARD_NOW ? Date.parse(env.WORKTREE_GUARD_NOW) : Number.NaN;
  return Number.isNaN(fixed) ? Date.now() : fixed;
}
