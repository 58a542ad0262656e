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

/** `guard run --serial`: the lock across machines. */
export interface SerialConfig {
  /** Take the lock on the remote too (as with --remote). */
  remote: boolean;
  /** A remote lease not renewed for this long may be broken with --break, e.g. "5m". */
  ttl: string;
  /**
   * Coding agents' shell commands that must take turns: lock name → command patterns (`*` any text), e.g.
   * `{ "deploy": ["helm upgrade *"] }`. A matching command is run under `guard run --serial <lock>`.
   */
  commands: Record<string, string[]>;
}

/** `guard port`: the range leases come from, inclusive. */
export interface PortsConfig {
  range: [number, number];
  /** Ports leased for every coding-agent session at its start and put in its environment as `NAME_PORT`. */
  session: string[];
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
  serial: SerialConfig;
  ports: PortsConfig;
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
