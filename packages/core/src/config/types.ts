export type StashMode = 'block' | 'warn' | 'allow';

export interface IdentityTemplates {
  name?: string;
  email?: string;
}

/** The validated configuration. Every key has a value: defaults fill what the file leaves out. */
export interface GuardConfig {
  remote: string;
  baseBranch: string;
  /** As written (e.g. "24h"), and in milliseconds. */
  maxFetchAge: string;
  maxFetchAgeMs: number;
  links: string[];
  copies: string[];
  sharedDirs: string[];
  identity: IdentityTemplates | null;
  stash: StashMode;
  setup: string[];
  protectedBranches: string[];
}

export interface LoadedConfig {
  config: GuardConfig;
  /** The file it came from, or null when defaults apply. */
  file: string | null;
}
