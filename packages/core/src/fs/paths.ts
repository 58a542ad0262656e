import { realpathSync } from 'node:fs';
import path from 'node:path';

/** Canonical form of a path that may not exist yet: the longest existing prefix resolved, the rest appended. */
export function canonicalMaybe(p: string): string {
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

/** Is `child` the same as or below `parent`? Both canonicalised. */
export function isInside(child: string, parent: string): boolean {
  const rel = path.relative(canonicalMaybe(parent), canonicalMaybe(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
