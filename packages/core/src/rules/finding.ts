/** What a rule reports: the same shape for the commit check and for `guard doctor`. */
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

export type FindingInput = Omit<Finding, 'autofix' | 'fix'> & { fix?: string | null; autofix?: boolean };

export function finding(f: FindingInput): Finding {
  const { data, ...rest } = f;
  const out: Finding = { ...rest, fix: f.fix ?? null, autofix: f.autofix ?? false };
  return data ? { ...out, data } : out;
}
