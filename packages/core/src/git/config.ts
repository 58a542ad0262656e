/** Reading git configuration in bulk: one `git config --list --show-scope -z` per worktree. */
import { git } from './run';

export type ConfigScope = 'system' | 'global' | 'local' | 'worktree' | 'command' | 'unknown';

export interface ConfigEntry {
  scope: ConfigScope;
  /** Lower-cased section and variable name, as git lists them (subsections keep their case). */
  key: string;
  /** null for a boolean written without `= value`. */
  value: string | null;
}

/** Parses `git config --list --show-scope -z`: `scope NUL key LF value NUL` per entry. */
export function parseConfigList(text: string): ConfigEntry[] {
  const tokens = text.split('\0');
  const entries: ConfigEntry[] = [];
  for (let i = 0; i + 1 < tokens.length; i += 2) {
    const scope = tokens[i] as ConfigScope;
    const entry = tokens[i + 1] as string;
    const nl = entry.indexOf('\n');
    entries.push(
      nl === -1
        ? { scope, key: entry, value: null }
        : { scope, key: entry.slice(0, nl), value: entry.slice(nl + 1) },
    );
  }
  return entries;
}

export class ConfigView {
  constructor(readonly entries: readonly ConfigEntry[]) {}

  /** The value git would use: the last one listed (later scopes win). */
  get(key: string, scope?: ConfigScope): string | null {
    const k = key.toLowerCase();
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i] as ConfigEntry;
      if (e.key === k && (scope === undefined || e.scope === scope)) return e.value ?? 'true';
    }
    return null;
  }

  /** The value git would use and the scope it comes from, or null. */
  lookup(key: string): { value: string; scope: ConfigScope } | null {
    const k = key.toLowerCase();
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i] as ConfigEntry;
      if (e.key === k) return { value: e.value ?? 'true', scope: e.scope };
    }
    return null;
  }

  /** Every scope that sets `key`, in git's order. */
  scopesOf(key: string): ConfigScope[] {
    const k = key.toLowerCase();
    return this.entries.filter((e) => e.key === k).map((e) => e.scope);
  }
}

export function isTrue(value: string | null): boolean {
  return value !== null && /^(true|yes|on|1)$/i.test(value);
}

export async function readConfig(cwd: string): Promise<ConfigView> {
  return new ConfigView(parseConfigList(await git(['config', '--list', '--show-scope', '-z'], { cwd })));
}

/** Writes one value into a specific config file (e.g. a worktree's `config.worktree`). */
export async function setConfigInFile(cwd: string, file: string, key: string, value: string): Promise<void> {
  await git(['config', '--file', file, '--', key, value], { cwd, retryOnLock: true });
}
