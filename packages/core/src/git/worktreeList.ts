/**
 * Pure parsers for `git worktree list --porcelain [-z]`.
 * With -z (git 2.36+) fields end in NUL and records end with an empty field; paths are verbatim.
 * Without it (older git) fields end in LF, records with an empty line, and odd paths are C-quoted.
 */

export interface WorktreeRecord {
  path: string;
  /** Commit checked out; null for a bare entry or an unborn branch. */
  head: string | null;
  /** Short branch name (`refs/heads/` removed), or null when detached or bare. */
  branch: string | null;
  detached: boolean;
  bare: boolean;
  /** Lock reason ('' when locked without one), or null when not locked. */
  locked: string | null;
  /** Why git considers it prunable (e.g. its directory is gone), or null. */
  prunable: string | null;
}

import { existsSync } from 'node:fs';
import { unquoteCPath } from './cQuote';

const ZERO_OID = /^0+$/;
const FIELD_KEYS = new Set(['HEAD', 'branch', 'detached', 'bare', 'locked', 'prunable']);

function emptyRecord(path: string): WorktreeRecord {
  return { path, head: null, branch: null, detached: false, bare: false, locked: null, prunable: null };
}

function applyField(record: WorktreeRecord, field: string, quoted: boolean): void {
  const space = field.indexOf(' ');
  const key = space === -1 ? field : field.slice(0, space);
  const value = space === -1 ? null : field.slice(space + 1);
  switch (key) {
    case 'HEAD':
      record.head = value && !ZERO_OID.test(value) ? value : null;
      break;
    case 'branch':
      record.branch = value ? value.replace(/^refs\/heads\//, '') : null;
      break;
    case 'detached':
      record.detached = true;
      break;
    case 'bare':
      record.bare = true;
      break;
    case 'locked':
      record.locked = value === null ? '' : quoted ? unquoteCPath(value) : value;
      break;
    case 'prunable':
      record.prunable = value ?? '';
      break;
    default:
      // Fields added by later git versions are ignored, not fatal.
      break;
  }
}

/** Parses `git worktree list --porcelain -z`. */
export function parseWorktreeListZ(text: string): WorktreeRecord[] {
  return parseFields(text.split('\0'), false);
}

/** Parses `git worktree list --porcelain` (no -z), as printed by git before 2.36. */
export function parseWorktreeListLines(text: string): WorktreeRecord[] {
  return parseFields(text.split('\n'), true);
}

function parseFields(fields: string[], quoted: boolean): WorktreeRecord[] {
  const records: WorktreeRecord[] = [];
  let current: WorktreeRecord | null = null;
  for (const field of fields) {
    if (field === '') {
      if (current) records.push(current);
      current = null;
      continue;
    }
    if (field.startsWith('worktree ')) {
      if (current) records.push(current);
      const raw = field.slice('worktree '.length);
      current = emptyRecord(raw); // paths are printed raw in both forms: only lock reasons are quoted
      continue;
    }
    if (!current) continue;
    const key = field.split(' ', 1)[0] as string;
    // Before -z, a path holding a newline goes on in the next line: a line with no known key continues it.
    if (quoted && !FIELD_KEYS.has(key) && current.head === null && !current.bare && !current.detached)
      current.path += `\n${field}`;
    else applyField(current, field, quoted);
  }
  if (current) records.push(current);
  return records;
}

/**
 * The worktrees people can work in: not a bare entry, not one git marks prunable, not one whose
 * directory is gone (a locked worktree git keeps). "Several worktrees"
 * — when the stash and the shared config become a hazard — means more than one of these.
 */
export function workingTrees(
  records: readonly WorktreeRecord[],
  exists: (p: string) => boolean = existsSync,
): WorktreeRecord[] {
  return records.filter((w) => !w.bare && w.prunable === null && exists(w.path));
}

/**
 * Marks a bare primary as bare even where git does not. With `extensions.worktreeConfig`, `core.bare = true`
 * lives in the primary's own `config.worktree`, which a linked worktree does not read: from there, git lists
 * the bare repository as an ordinary worktree on its HEAD branch. A bare primary's path *is* the common git
 * dir (a non-bare one's common dir is inside or elsewhere), which holds from everywhere.
 */
export function markBarePrimary(
  records: WorktreeRecord[],
  isCommonDir: (p: string) => boolean,
): WorktreeRecord[] {
  const [primary, ...rest] = records;
  if (!primary || primary.bare || !isCommonDir(primary.path)) return records;
  return [{ ...primary, bare: true, head: null, branch: null, detached: false }, ...rest];
}
