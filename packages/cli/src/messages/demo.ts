/** guard demo's narration. */
export const demo = {
  repo: 'A repository with an origin, an ignored .env and .venv — like yours',
  install: 'guard install — from now on, plain git keeps the rules',
  stillThere: (status: string) => `the change is still there: ${status}`,
  parkWhy: '(the alternative: WIP as a commit on this branch, not in the shared stash)',
  newcomer: 'What a newcomer sees in each worktree',
  doctor: 'guard doctor — damage done by hand is found, and what is safe is repaired',
  leakFix: '(the fix doctor printed for the leak)',
  summary: `Four worktrees, one .env and one .venv; each identity pinned at worktree scope, so a plain
"git config user.email" in one worktree cannot leak into the others; git stash refused while they share it.`,
  kept: (dir: string) => `sandbox kept: ${dir}`,
};
