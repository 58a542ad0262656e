/** Refs read through git (`for-each-ref`), so the files and reftable backends read alike. */
import { git } from './run';

/** The object each of `refs` points at, for those that exist (full ref names). */
export async function refOids(cwd: string, refs: readonly string[]): Promise<Map<string, string>> {
  const out = await git(['for-each-ref', '--format=%(refname)%00%(objectname)', '--', ...refs], { cwd });
  const map = new Map<string, string>();
  for (const line of out.split('\n')) {
    const [ref, oid] = line.split('\0');
    if (ref && oid && refs.includes(ref)) map.set(ref, oid);
  }
  return map;
}

/** Which of `refs` exist (full ref names). */
export async function existingRefs(cwd: string, refs: readonly string[]): Promise<Set<string>> {
  return new Set((await refOids(cwd, refs)).keys());
}
