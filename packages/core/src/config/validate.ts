/**
 * A pure validator: raw configuration in, `{config, problems}` out. Every problem is collected so that
 * one run names every bad key at once.
 */
import path from 'node:path';
import type { ConfigProblem } from '../errors';
import { messages } from '../messages';
import { DEFAULT_CONFIG, IDENTITY_PLACEHOLDERS, SHARED_DIR_PLACEHOLDERS } from './defaults';
import { parseDuration } from './duration';
import type { GuardConfig, IdentityTemplates, StashMode } from './types';

export interface Validation {
  config: GuardConfig;
  problems: ConfigProblem[];
}

const KEYS = Object.keys(DEFAULT_CONFIG).filter((k) => k !== 'maxFetchAgeMs');
const STASH_MODES: readonly StashMode[] = ['block', 'warn', 'allow'];

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'array' : typeof value;
}

/** A repository-relative path that stays inside the repository. */
export function escapesRepo(p: string): boolean {
  if (path.isAbsolute(p) || p.startsWith('~')) return true;
  const normal = path.posix.normalize(p.replace(/\\/g, '/'));
  return normal === '..' || normal.startsWith('../') || normal === '.' || normal === '';
}

function placeholdersIn(template: string): string[] {
  return [...template.matchAll(/\{([^}]*)\}/g)].map((m) => m[1] as string);
}

export function validateConfig(raw: unknown): Validation {
  const problems: ConfigProblem[] = [];
  const config: GuardConfig = structuredClone(DEFAULT_CONFIG);
  if (raw === null || raw === undefined) return { config, problems };
  if (typeOf(raw) !== 'object') {
    return { config, problems: [{ key: '', message: messages.configNotObject(typeOf(raw)) }] };
  }
  const input = raw as Record<string, unknown>;

  const str = (key: string, value: unknown): string | null => {
    if (typeof value === 'string' && value.trim() !== '') return value;
    problems.push({ key, message: messages.configWrongType('a non-empty string', typeOf(value)) });
    return null;
  };
  const strList = (key: string, value: unknown): string[] | null => {
    if (!Array.isArray(value)) {
      problems.push({ key, message: messages.configWrongType('an array of strings', typeOf(value)) });
      return null;
    }
    const out: string[] = [];
    value.forEach((item, i) => {
      const s = str(`${key}[${i}]`, item);
      if (s !== null) out.push(s);
    });
    return out.length === value.length ? out : null;
  };
  const pathList = (key: string, value: unknown): string[] | null => {
    const list = strList(key, value);
    if (!list) return null;
    const bad = list.filter((p, i) => {
      if (!escapesRepo(p)) return false;
      problems.push({ key: `${key}[${i}]`, message: messages.configPathEscapes(p) });
      return true;
    });
    return bad.length
      ? null
      : list.map((p) => path.posix.normalize(p.replace(/\\/g, '/')).replace(/\/$/, ''));
  };

  for (const [key, value] of Object.entries(input)) {
    switch (key) {
      case 'remote':
      case 'baseBranch': {
        const s = str(key, value);
        if (s !== null && /\s/.test(s)) problems.push({ key, message: messages.configWhitespace(s) });
        else if (s !== null) config[key] = s;
        break;
      }
      case 'maxFetchAge': {
        const s = str(key, value);
        const ms = s === null ? null : parseDuration(s);
        if (s !== null && ms === null) problems.push({ key, message: messages.configBadDuration(s) });
        if (s !== null && ms !== null) {
          config.maxFetchAge = s;
          config.maxFetchAgeMs = ms;
        }
        break;
      }
      case 'links':
      case 'copies': {
        const list = pathList(key, value);
        if (list) config[key] = list;
        break;
      }
      case 'sharedDirs': {
        const list = strList(key, value);
        if (!list) break;
        const bad = list.filter((entry, i) => {
          const names = placeholdersIn(entry);
          const unknown = names.filter((n) => !(SHARED_DIR_PLACEHOLDERS as readonly string[]).includes(n));
          if (unknown.length) {
            problems.push({
              key: `${key}[${i}]`,
              message: messages.configUnknownPlaceholder(unknown, SHARED_DIR_PLACEHOLDERS),
            });
            return true;
          }
          if (!names.includes('key') && !names.includes('dir')) {
            problems.push({ key: `${key}[${i}]`, message: messages.configSharedDirSame(entry) });
            return true;
          }
          return false;
        });
        if (!bad.length) config.sharedDirs = list;
        break;
      }
      case 'identity': {
        if (value === null) {
          config.identity = null;
          break;
        }
        if (typeOf(value) !== 'object') {
          problems.push({
            key,
            message: messages.configWrongType('an object { name, email }', typeOf(value)),
          });
          break;
        }
        const templates: IdentityTemplates = {};
        let ok = true;
        for (const [sub, template] of Object.entries(value as Record<string, unknown>)) {
          const subKey = `${key}.${sub}`;
          if (sub !== 'name' && sub !== 'email') {
            problems.push({ key: subKey, message: messages.configUnknownKey(['name', 'email']) });
            ok = false;
            continue;
          }
          const s = str(subKey, template);
          if (s === null) {
            ok = false;
            continue;
          }
          const unknown = placeholdersIn(s).filter(
            (n) => !(IDENTITY_PLACEHOLDERS as readonly string[]).includes(n),
          );
          if (unknown.length) {
            problems.push({
              key: subKey,
              message: messages.configUnknownPlaceholder(unknown, IDENTITY_PLACEHOLDERS),
            });
            ok = false;
            continue;
          }
          templates[sub] = s;
        }
        if (ok) config.identity = templates;
        break;
      }
      case 'stash': {
        if (typeof value === 'string' && (STASH_MODES as readonly string[]).includes(value))
          config.stash = value as StashMode;
        else problems.push({ key, message: messages.configOneOf(STASH_MODES, value) });
        break;
      }
      case 'setup':
      case 'protectedBranches': {
        const list = strList(key, value);
        if (list) config[key] = list;
        break;
      }
      default:
        problems.push({ key, message: messages.configUnknownKey(KEYS) });
    }
  }
  return { config, problems };
}
