/** Random working-tree states for property tests, and an exact snapshot of a worktree to compare. */
import { chmodSync, lstatSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { git, write } from './repo';

/** Tracked in the fixture's first commit (beside .gitignore and README.md). */
export const TRACKED = ['a.txt', 'dir/b.txt', 'run.sh', 'space name.txt', 'ünï.txt'];
const NEW = ['new.txt', 'newdir/n.txt', 'new space.txt'];

export type TrackedOp =
  | 'keep'
  | 'modify'
  | 'delete'
  | 'stage'
  | 'stage-then-modify'
  | 'chmod'
  | 'stage-delete';
export type NewOp = 'absent' | 'untracked' | 'staged' | 'staged-then-modified' | 'intent-to-add';

export interface StateSpec {
  tracked: TrackedOp[];
  added: NewOp[];
  bytes: Uint8Array[];
}

const NEW_OPS: NewOp[] = ['absent', 'untracked', 'staged', 'staged-then-modified', 'intent-to-add'];

/** States to put a worktree in; `git add -N` entries only where wanted (git stash refuses them). */
export function stateSpecs(opts: { intentToAdd: boolean }): fc.Arbitrary<StateSpec> {
  return fc.record({
    tracked: fc.array(
      fc.constantFrom<TrackedOp>(
        'keep',
        'modify',
        'delete',
        'stage',
        'stage-then-modify',
        'chmod',
        'stage-delete',
      ),
      { minLength: TRACKED.length, maxLength: TRACKED.length },
    ),
    added: fc.array(fc.constantFrom(...NEW_OPS.filter((o) => opts.intentToAdd || o !== 'intent-to-add')), {
      minLength: NEW.length,
      maxLength: NEW.length,
    }),
    bytes: fc.array(fc.uint8Array({ minLength: 0, maxLength: 40 }), { minLength: 16, maxLength: 16 }),
  });
}

/** Commits the files the specs act on (call once on a fresh repository). */
export function seedTracked(wt: string): void {
  for (const rel of TRACKED) write(path.join(wt, rel), `${rel}\n`);
  chmodSync(path.join(wt, 'run.sh'), 0o755);
  git(wt, 'add', '--', ...TRACKED);
  git(wt, 'commit', '-qm', 'tracked files');
}

/** Puts a worktree (at its committed state) into the state a spec describes; returns whether anything changed. */
export function applySpec(wt: string, spec: StateSpec): boolean {
  let k = 0;
  const bytes = () =>
    Buffer.concat([Buffer.from(`v${k}:`), Buffer.from(spec.bytes[k++ % spec.bytes.length] ?? [])]);
  let changed = false;
  spec.tracked.forEach((op, i) => {
    const rel = TRACKED[i] as string;
    const p = path.join(wt, rel);
    if (op === 'keep') return;
    changed = true;
    if (op === 'modify') write(p, bytes());
    if (op === 'delete') rmSync(p);
    if (op === 'stage' || op === 'stage-then-modify') {
      write(p, bytes());
      git(wt, 'add', '--', rel);
      if (op === 'stage-then-modify') write(p, bytes());
    }
    if (op === 'chmod') chmodSync(p, lstatSync(p).mode & 0o100 ? 0o644 : 0o755);
    if (op === 'stage-delete') git(wt, 'rm', '-q', '--', rel);
  });
  spec.added.forEach((op, i) => {
    const rel = NEW[i] as string;
    if (op === 'absent') return;
    changed = true;
    write(path.join(wt, rel), bytes());
    if (op === 'intent-to-add') git(wt, 'add', '-N', '--', rel);
    else if (op !== 'untracked') git(wt, 'add', '--', rel);
    if (op === 'staged-then-modified') write(path.join(wt, rel), bytes());
  });
  return changed;
}

/** Every file (bytes and mode; links as their target) outside .git, and the index entry by entry. */
export function snapshot(wt: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === '.git') continue;
      const p = path.join(dir, e.name);
      const rel = path.relative(wt, p);
      if (e.isSymbolicLink()) files[rel] = `link:${readlinkSync(p)}`;
      else if (e.isDirectory()) walk(p);
      else files[rel] = `${(lstatSync(p).mode & 0o777).toString(8)}:${readFileSync(p).toString('base64')}`;
    }
  };
  walk(wt);
  return {
    ...files,
    '#index': git(wt, 'ls-files', '-s', '-z'),
    '#status': git(wt, 'status', '--porcelain=v2', '-z', '--untracked-files=all'),
  };
}
