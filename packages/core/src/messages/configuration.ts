/** Core's sentences: configuration. */
import { list, oneLine } from './text';

export const configuration = {
  configNotObject: (got: string) => `the configuration must be an object, got ${got}`,
  configWrongType: (want: string, got: string) => `must be ${want}, got ${got}`,
  configWhitespace: (value: string) => `must not contain white space, got "${value}"`,
  configBadDuration: (value: string) => `"${value}" is not a duration: write e.g. "90m", "24h" or "7d"`,
  configPathEscapes: (p: string) => `"${p}" is not a path inside the repository (absolute, "~" or "..")`,
  configUnknownKey: (known: readonly string[]) => `unknown key; known keys: ${list(known)}`,
  configUnknownPlaceholder: (names: readonly string[], known: readonly string[]) =>
    `unknown placeholder ${names.map((n) => `{${n}}`).join(', ')}; known: ${known.map((n) => `{${n}}`).join(', ')}`,
  configSharedDirSame: (entry: string) =>
    `"${entry}" names the same directory for every worktree: use {key} or {dir} to make it per worktree`,
  configOneOf: (allowed: readonly string[], got: unknown) =>
    `must be one of ${list(allowed)}, got ${JSON.stringify(got)}`,
  configPortRange: (got: unknown) =>
    `must be [first, last]: two whole numbers from 1024 to 65535, first ≤ last; got ${JSON.stringify(got)}`,
  configBadName: (name: string) =>
    `"${name}" is not a lock or port name: letters, digits, ".", "_" and "-", at most 64, not starting with "-" or ".", without ".." and not ending in "." or ".lock"`,
  configUnreadable: (why: string) => `cannot be read: ${oneLine(why)}`,
};
