/** What is at a path, without following a final symlink: the facts a conflict report needs. */
import { lstat, readFile, readlink, stat } from 'node:fs/promises';

export type PathInfo =
  | { kind: 'missing' }
  | { kind: 'file'; size: number; mode: number }
  | { kind: 'dir' }
  | { kind: 'symlink'; target: string; targetExists: boolean }
  | { kind: 'other' };

export async function inspect(p: string): Promise<PathInfo> {
  let st: Awaited<ReturnType<typeof lstat>>;
  try {
    st = await lstat(p);
  } catch {
    return { kind: 'missing' };
  }
  if (st.isSymbolicLink()) {
    const target = await readlink(p);
    const targetExists = await stat(p).then(
      () => true,
      () => false,
    );
    return { kind: 'symlink', target, targetExists };
  }
  if (st.isDirectory()) return { kind: 'dir' };
  if (st.isFile()) return { kind: 'file', size: st.size, mode: st.mode & 0o7777 };
  return { kind: 'other' };
}

export async function sameBytes(a: string, b: string): Promise<boolean> {
  const [x, y] = await Promise.all([readFile(a), readFile(b)]);
  return x.equals(y);
}
