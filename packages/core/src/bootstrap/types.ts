import type { RecordedBase } from '../worktree/baseRecord';
import type { Identity } from '../worktree/identity';

/** One change bootstrap will make. Every action only creates; none replaces or removes anything. */
export type Action =
  | { kind: 'enable-worktree-config'; commonDir: string; moves: { key: string; value: string }[] }
  | {
      kind: 'pin-identity';
      worktree: string;
      gitDir: string;
      commonDir: string;
      identity: Identity;
      reason: 'unpinned' | 'inherited';
    }
  | { kind: 'link'; rel: string; dest: string; target: string }
  | { kind: 'copy'; rel: string; dest: string; source: string; mode: number }
  | { kind: 'copy-link'; rel: string; dest: string; target: string }
  | { kind: 'create-dir'; path: string }
  | { kind: 'share-dir'; dest: string; target: string }
  | { kind: 'arm-hooks'; from: string; dir: string }
  | { kind: 'exclude-inside'; commonDir: string; rel: string }
  | { kind: 'setup'; worktree: string; gitDir: string; commands: string[]; hash: string }
  | { kind: 'record-base'; worktree: string; gitDir: string; branch: string; base: RecordedBase };

/** Something already as bootstrap wants it. */
export interface Satisfied {
  what: 'worktree-config' | 'identity' | 'link' | 'copy' | 'shared-dir' | 'hooks' | 'setup' | 'excluded';
  path: string;
}

export type ProblemKind =
  | 'conflict'
  | 'link-not-ignored'
  | 'dangling-source'
  | 'not-ignored'
  | 'key-too-long'
  | 'no-identity'
  | 'setup-failed';

/** What bootstrap could not do and a person has to look at. `error` makes the exit code 1. */
export interface Problem {
  kind: ProblemKind;
  severity: 'error' | 'warning';
  path: string | null;
  message: string;
  /** For a conflict: what is there, and what bootstrap wanted. */
  found?: string;
  wanted?: string;
}

export interface Plan {
  actions: Action[];
  satisfied: Satisfied[];
  problems: Problem[];
}

export interface BootstrapReport extends Plan {
  worktree: string;
  dryRun: boolean;
  /** Actions carried out (all of `actions` unless one failed, which then shows up in `problems`). */
  done: Action[];
}

export type BootstrapEvent =
  | { type: 'setup-start'; command: string }
  | { type: 'setup-end'; command: string; exitCode: number | string };
