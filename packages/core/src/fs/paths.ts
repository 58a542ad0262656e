/** Path helpers: one canonical form, so that paths from git, from the user and from the file system compare equal. */
import { realpathSync } from 'node:fs';
import path from 'node:path';

/**
 * The canonical form of a path, existing or not: the longest existing prefix with symlinks resolved, the
 * rest appended as written.
 */
export function canonical(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const rest: string[] = [];
  for (;;) {
    try {
      return path.join(realpathSync(head), ...rest.reverse());
    } catch {
      const parent = path.dirname(head);
      if (parent === head) return abs;
      rest.push(path.basename(head));
      head = parent;
    }
  }
}

export function samePath(a: string, b: string): boolean {
  return canonical(a) === canonical(b);
}

/** Is `child` the same as or below `parent`? Both canonicalised. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(canonical(parent), canonical(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** `child` relative to `parent` in POSIX form when it is inside it, else null. */
export function relativeInside(child: string, parent: string): string | null {
  const rel = path.relative(canonical(parent), canonical(child));
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  return rel.split(path.sep).join('/');
}
