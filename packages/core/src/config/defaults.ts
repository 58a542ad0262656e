import type { GuardConfig } from './types';

/** Claude Code's per-project memory, shared between a worktree and the primary. */
export const CLAUDE_MEMORY_DIR = '{claude}/projects/{key}/memory';

export const DEFAULT_CONFIG: GuardConfig = {
  remote: 'origin',
  baseBranch: 'main',
  maxFetchAge: '24h',
  links: ['.venv', '.env', '.claude/settings.json', '.claude/settings.local.json'],
  copies: [],
  sharedDirs: [CLAUDE_MEMORY_DIR],
  identity: null,
  stash: 'block',
  setup: [],
  protectedBranches: [],
  serial: { remote: false, ttl: '5m', commands: {} },
  ports: { range: [20000, 29999], session: [] },
  agents: { sessions: 'warn' },
};

/** Placeholders an `identity` template may use. */
export const IDENTITY_PLACEHOLDERS = ['name', 'email', 'branch', 'slug', 'dir'] as const;
/** Placeholders a `sharedDirs` entry may use; one that differs per worktree is required. */
export const SHARED_DIR_PLACEHOLDERS = ['claude', 'key', 'dir'] as const;
