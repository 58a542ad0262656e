/** What a rule reports: the same shape for the pre-commit hook and for `guard doctor`. */
export interface Finding {
  /** Stable identifier scripts can match on, e.g. `live-stash`. */
  id: string;
  severity: 'error' | 'warning';
  /** The worktree it is about (absolute path). */
  worktree: string;
  message: string;
  /** A command a person can paste, or null when it needs judgement. */
  fix: string | null;
  /** `guard doctor --fix` repairs it without losing anything. */
  autofix: boolean;
  /** Facts a script may want (e.g. the stash entry), beyond the sentence. */
  data?: Record<string, unknown>;
}

export function finding(
  id: string,
  severity: Finding['severity'],
  worktree: string,
  message: string,
  fix: string | null,
  autofix = false,
  data?: Record<string, unknown>,
): Finding {
  return data
    ? { id, severity, worktree, message, fix, autofix, data }
    : { id, severity, worktree, message, fix, autofix };
}
