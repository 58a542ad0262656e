/** What a rule reports: the same shape for the pre-commit hook and for `guard doctor`. */
export interface Finding {
  id: string;
  severity: 'error' | 'warning';
  /** The worktree it is about (absolute path). */
  worktree: string;
  message: string;
  /** A command a person can paste, or null when it needs judgement. */
  fix: string | null;
}
