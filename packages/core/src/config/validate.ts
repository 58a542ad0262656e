/**
 * A pure validator: raw configuration in, `{config, problems}` out. One check per key, in a table; every
 * problem is collected so that one run names every bad key at once.
 */
import path from 'node:path';
import type { ConfigProblem } from '../errors';
import { messages } from '../messages';
import { validName } from '../serial/nameRule';
import { DEFAULT_CONFIG, IDENTITY_PLACEHOLDERS, SHARED_DIR_PLACEHOLDERS } from './defaults';
import { parseDuration } from './duration';
import type {
  AgentsConfig,
  GuardConfig,
  IdentityTemplates,
  PortsConfig,
  SerialConfig,
  SessionsMode,
  StashMode,
} from './types';

export interface Validation {
  config: GuardConfig;
  problems: ConfigProblem[];
}

const STASH_MODES: readonly StashMode[] = ['block', 'warn', 'allow'];
const SESSIONS_MODES: readonly SessionsMode[] = ['warn', 'block'];

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

function normalRel(p: string): string {
  return path.posix.normalize(p.replace(/\\/g, '/')).replace(/\/+$/, '');
}

/** A repository-relative path that leaves the working tree, or names the tree itself or git's own files. */
export function escapesRepo(p: string): boolean {
  if (path.isAbsolute(p) || p.startsWith('~')) return true;
  const normal = normalRel(p);
  const first = normal.split('/')[0];
  return normal === '..' || normal.startsWith('../') || normal === '.' || normal === '' || first === '.git';
}

function placeholdersIn(template: string): string[] {
  return [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string);
}

/** What a key's check may report: problems, and the value to use when there are none. */
type Check<K extends keyof GuardConfig> = (
  value: unknown,
  key: string,
  problems: ConfigProblem[],
) => GuardConfig[K] | undefined;

function str(value: unknown, key: string, problems: ConfigProblem[]): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value;
  problems.push({ key, message: messages.configWrongType('a non-empty string', typeOf(value)) });
  return undefined;
}

function strList(value: unknown, key: string, problems: ConfigProblem[]): string[] | undefined {
  if (!Array.isArray(value)) {
    problems.push({ key, message: messages.configWrongType('an array of strings', typeOf(value)) });
    return undefined;
  }
  const out = value.map((item, i) => str(item, `${key}[${i}]`, problems));
  return out.every((s) => s !== undefined) ? (out as string[]) : undefined;
}

function word(value: unknown, key: string, problems: ConfigProblem[]): string | undefined {
  const s = str(value, key, problems);
  if (s !== undefined && /\s/.test(s)) {
    problems.push({ key, message: messages.configWhitespace(s) });
    return undefined;
  }
  return s;
}

function pathList(value: unknown, key: string, problems: ConfigProblem[]): string[] | undefined {
  const list = strList(value, key, problems);
  if (!list) return undefined;
  const bad = list.filter((p, i) => {
    if (!escapesRepo(p)) return false;
    problems.push({ key: `${key}[${i}]`, message: messages.configPathEscapes(p) });
    return true;
  });
  return bad.length ? undefined : list.map(normalRel);
}

function withPlaceholders(
  value: string,
  key: string,
  known: readonly string[],
  problems: ConfigProblem[],
): boolean {
  const unknown = placeholdersIn(value).filter((n) => !known.includes(n));
  if (unknown.length) problems.push({ key, message: messages.configUnknownPlaceholder(unknown, known) });
  return unknown.length === 0;
}

const sharedDirs: Check<'sharedDirs'> = (value, key, problems) => {
  const list = strList(value, key, problems);
  if (!list) return undefined;
  const ok = list.every((entry, i) => {
    const k = `${key}[${i}]`;
    if (!withPlaceholders(entry, k, SHARED_DIR_PLACEHOLDERS, problems)) return false;
    const names = placeholdersIn(entry);
    if (names.includes('key') || names.includes('dir')) return true;
    problems.push({ key: k, message: messages.configSharedDirSame(entry) });
    return false;
  });
  return ok ? list : undefined;
};

const identity: Check<'identity'> = (value, key, problems) => {
  if (value === null) return null;
  if (typeOf(value) !== 'object') {
    problems.push({ key, message: messages.configWrongType('an object { name, email }', typeOf(value)) });
    return undefined;
  }
  const templates: IdentityTemplates = {};
  let ok = true;
  for (const [sub, template] of Object.entries(value as Record<string, unknown>)) {
    const k = `${key}.${sub}`;
    if (sub !== 'name' && sub !== 'email') {
      problems.push({ key: k, message: messages.configUnknownKey(['name', 'email']) });
      ok = false;
      continue;
    }
    const s = str(template, k, problems);
    if (s === undefined || !withPlaceholders(s, k, IDENTITY_PLACEHOLDERS, problems)) ok = false;
    else templates[sub] = s;
  }
  return ok ? templates : undefined;
};

const duration: Check<'maxFetchAge'> = (value, key, problems) => {
  const s = str(value, key, problems);
  if (s === undefined || parseDuration(s) !== null) return s;
  problems.push({ key, message: messages.configBadDuration(s) });
  return undefined;
};

const bool = (value: unknown, key: string, problems: ConfigProblem[]) => {
  if (typeof value === 'boolean') return value;
  problems.push({ key, message: messages.configWrongType('true or false', typeOf(value)) });
  return undefined;
};

const portRange = (value: unknown, key: string, problems: ConfigProblem[]): [number, number] | undefined => {
  const [lo, hi] = Array.isArray(value) ? value : [];
  const port = (n: unknown) => Number.isInteger(n) && (n as number) >= 1024 && (n as number) <= 65535;
  if (Array.isArray(value) && value.length === 2 && port(lo) && port(hi) && lo <= hi) return [lo, hi];
  problems.push({ key, message: messages.configPortRange(value) });
  return undefined;
};

/** An object key whose sub-keys each have a check; what it leaves out keeps its default. */
function section<T extends object>(
  checks: { [K in keyof T]: (value: unknown, key: string, problems: ConfigProblem[]) => T[K] | undefined },
  defaults: T,
) {
  return (value: unknown, key: string, problems: ConfigProblem[]): T | undefined => {
    if (typeOf(value) !== 'object') {
      problems.push({ key, message: messages.configWrongType('an object', typeOf(value)) });
      return undefined;
    }
    const out: Record<string, unknown> = structuredClone(defaults as Record<string, unknown>);
    let ok = true;
    for (const [sub, v] of Object.entries(value as Record<string, unknown>)) {
      // own keys only: "toString" in a file is an unknown key, not Object.prototype's
      const check = Object.hasOwn(checks, sub)
        ? (checks as Record<string, Check<keyof GuardConfig>>)[sub]
        : undefined;
      const result = check ? check(v, `${key}.${sub}`, problems) : undefined;
      if (!check)
        problems.push({ key: `${key}.${sub}`, message: messages.configUnknownKey(Object.keys(checks)) });
      if (result === undefined) ok = false;
      else out[sub] = result;
    }
    return ok ? (out as T) : undefined;
  };
}

/** Lock and port names: the one rule `guard run --serial` and `guard port` apply. */
function nameList(value: unknown, key: string, problems: ConfigProblem[]): string[] | undefined {
  const list = strList(value, key, problems);
  const bad = list?.flatMap((n, i) => (validName(n) ? [] : [i])) ?? [];
  for (const i of bad)
    problems.push({ key: `${key}[${i}]`, message: messages.configBadName(list?.[i] ?? '') });
  return bad.length ? undefined : list;
}

/** `serial.commands`: lock name → command patterns (non-empty strings). */
function serialCommands(value: unknown, key: string, problems: ConfigProblem[]) {
  if (typeOf(value) !== 'object') {
    problems.push({ key, message: messages.configWrongType('an object', typeOf(value)) });
    return undefined;
  }
  const out: Record<string, string[]> = {};
  let ok = true;
  for (const [name, patterns] of Object.entries(value as Record<string, unknown>)) {
    const bad = !validName(name);
    if (bad) problems.push({ key: `${key}.${name}`, message: messages.configBadName(name) });
    const list = strList(patterns, `${key}.${name}`, problems);
    if (bad || !list) ok = false;
    else out[name] = list;
  }
  return ok ? out : undefined;
}

const sessionsMode = (value: unknown, key: string, problems: ConfigProblem[]): SessionsMode | undefined => {
  if (typeof value === 'string' && (SESSIONS_MODES as readonly string[]).includes(value))
    return value as SessionsMode;
  problems.push({ key, message: messages.configOneOf(SESSIONS_MODES, value) });
  return undefined;
};

const CHECKS: { [K in keyof GuardConfig]: Check<K> } = {
  remote: word,
  baseBranch: word,
  maxFetchAge: duration,
  links: pathList,
  copies: pathList,
  sharedDirs,
  identity,
  stash: (value, key, problems) => {
    if (typeof value === 'string' && (STASH_MODES as readonly string[]).includes(value))
      return value as StashMode;
    problems.push({ key, message: messages.configOneOf(STASH_MODES, value) });
    return undefined;
  },
  setup: strList,
  protectedBranches: strList,
  serial: section<SerialConfig>(
    { remote: bool, ttl: duration, commands: serialCommands },
    DEFAULT_CONFIG.serial,
  ),
  ports: section<PortsConfig>({ range: portRange, session: nameList }, DEFAULT_CONFIG.ports),
  agents: section<AgentsConfig>({ sessions: sessionsMode }, DEFAULT_CONFIG.agents),
};

export const CONFIG_KEYS = Object.keys(CHECKS) as (keyof GuardConfig)[];

export function validateConfig(raw: unknown): Validation {
  const problems: ConfigProblem[] = [];
  const config: GuardConfig = structuredClone(DEFAULT_CONFIG);
  if (raw === null || raw === undefined) return { config, problems };
  if (typeOf(raw) !== 'object')
    return { config, problems: [{ key: '', message: messages.configNotObject(typeOf(raw)) }] };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const check = Object.hasOwn(CHECKS, key)
      ? (CHECKS as Record<string, Check<keyof GuardConfig>>)[key]
      : undefined;
    if (!check) {
      problems.push({ key, message: messages.configUnknownKey(CONFIG_KEYS) });
      continue;
    }
    const result = check(value, key, problems);
    if (result !== undefined) (config as unknown as Record<string, unknown>)[key] = result;
  }
  return { config, problems };
}

/** `maxFetchAge` in milliseconds (validated, so it parses). */
export function maxFetchAgeMs(config: GuardConfig): number {
  return parseDuration(config.maxFetchAge) ?? 86_400_000;
}

/** `serial.ttl` in milliseconds (validated, so it parses). */
export function serialTtlMs(config: GuardConfig): number {
  return Math.max(1000, parseDuration(config.serial.ttl) ?? 300_000);
}
