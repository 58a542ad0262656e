export type StashMode = 'block' | 'warn' | 'allow';

/** A second live agent session in a worktree: told (`warn`), or also kept from writing there (`block`). */
export type SessionsMode = 'warn' | 'block';

/** What guard's agent hooks do (`guard install --agents`). */
export interface AgentsConfig {
  sessions: SessionsMode;
}

export interface IdentityTemplates {
  name?: string;
  email?: string;
}

/** The validated configuration. Every key has a value: defaults fill what the file leaves out. */
export interface GuardConfig {
  remote: string;
  baseBranch: string;
  /** As written, e.g. "24h" (see {@link maxFetchAgeMs}). */
  maxFetchAge: string;
  links: string[];
  copies: string[];
  sharedDirs: string[];
  identity: IdentityTemplates | null;
  stash: StashMode;
  setup: string[];
  protectedBranches: string[];
  agents: AgentsConfig;
}

export interface LoadedConfig {
  /** The configuration in force: the file's, or the defaults when there is none or it is invalid. */
  config: GuardConfig;
  /** The file it came from, or null when there is none. */
  file: string | null;
  /** Why the file could not be used (then `config` holds the defaults), or null. */
  error: import('../errors').ConfigError | null;
}
