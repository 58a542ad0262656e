/**
 * A pure validator: raw configuration in, `{config, problems}` out. One check per key, in a table; every
 * problem is collected so that one run names every bad key at once.
 */
import path from 'node:path';
import type { ConfigProblem } from '../errors';
import { messages } from '../messages';
import { DEFAULT_CONFIG, IDENTITY_PLACEHOLDERS, SHARED_DIR_PLACEHOLDERS } from './defaults';
import { parseDuration } from './duration';
import type { AgentsConfig, GuardConfig, IdentityTemplates, SessionsMode, StashMode } from './types';

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

/** `agents: { sessions }`: an object of its own keys, each checked; the ones left out keep their default. */
const agents: Check<'agents'> = (value, key, problems) => {
  if (typeOf(value) !== 'object') {
    problems.push({ key, message: messages.configWrongType('an object { sessions }', typeOf(value)) });
    return undefined;
  }
  const out: AgentsConfig = { ...DEFAULT_CONFIG.agents };
  let ok = true;
  for (const [sub, v] of Object.entries(value as Record<string, unknown>)) {
    const k = `${key}.${sub}`;
    if (sub !== 'sessions') {
      problems.push({ key: k, message: messages.configUnknownKey(['sessions']) });
      ok = false;
    } else if (typeof v === 'string' && (SESSIONS_MODES as readonly string[]).includes(v)) {
      out.sessions = v as SessionsMode;
    } else {
      problems.push({ key: k, message: messages.configOneOf(SESSIONS_MODES, v) });
      ok = false;
    }
  }
  return ok ? out : undefined;
};

const CHECKS: { [K in keyof GuardConfig]: Check<K> } = {
  remote: word,
  baseBranch: word,
  maxFetchAge: (value, key, problems) => {
    const s = str(value, key, problems);
    if (s === undefined || parseDuration(s) !== null) return s;
    problems.push({ key, message: messages.configBadDuration(s) });
    return undefined;
  },
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
  agents,
};

export const CONFIG_KEYS = Object.keys(CHECKS) as (keyof GuardConfig)[];

export function validateConfig(raw: unknown): Validation {
  const problems: ConfigProblem[] = [];
  const config: GuardConfig = structuredClone(DEFAULT_CONFIG);
  if (raw === null || raw === undefined) return { config, problems };
  if (typeOf(raw) !== 'object')
    return { config, problems: [{ key: '', message: messages.configNotObject(typeOf(raw)) }] };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const check = (CHECKS as Record<string, Check<keyof GuardConfig>>)[key];
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
