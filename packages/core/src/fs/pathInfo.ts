/** What is at a path, without following a final symlink: the facts a conflict report needs. */
import { lstat, readFile, readlink, stat } from 'node:fs/promises';
import { messages } from '../messages';

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

/** What is at a path, in words: for conflict reports. */
export function describeFound(info: PathInfo): string {
  switch (info.kind) {
    case 'file':
      return messages.foundFile(info.size);
    case 'dir':
      return messages.foundDir();
    case 'symlink':
      return messages.foundSymlink(info.target);
    default:
      return messages.foundOther();
  }
}
