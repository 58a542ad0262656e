/**
 * Orphans: what a plain `git worktree remove` (git runs no hook for it) or a deleted directory leaves in
 * agent directories. `guard doctor` reports guard's links there; `--fix` removes exactly those — never a
 * directory, a file, or a link a person made.
 */
import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { type Finding, shellQuote } from '@worktree-guard/core';
import { claudeDir, memoryOf, there, tree } from '../helpers/remove';
import { git, guard, healthyRepo, sh, write } from '../helpers/repo';
import { snapshot } from '../helpers/worktreeState';

function doctor(cwd: string, ...args: string[]) {
  const r = guard(cwd, ['doctor', '--json', ...args]);
  if (r.code === 2) throw new Error(r.stderr);
  return {
    code: r.code,
    doc: JSON.parse(r.stdout) as { findings: Finding[]; repaired?: { orphans: unknown[] } },
  };
}

const orphans = (findings: Finding[]) => findings.filter((f) => f.id === 'orphan-link');

let people = 0;

/** Things a person keeps under the Claude config dir, beside guard's links (names unique in this file). */
function personsThings(primary: string) {
  const projects = path.join(claudeDir(), 'projects');
  const n = ++people;
  const at = (name: string) => path.join(projects, `-their-${name}-${n}`);
  write(path.join(memoryOf(primary), 'MEMORY.md'), 'the primary remembers\n');
  write(path.join(at('notes'), 'memory', 'notes.md'), 'a directory of their own\n');
  mkdirSync(at('link'), { recursive: true });
  symlinkSync(at('notes'), path.join(at('link'), 'memory'));
  mkdirSync(at('dangling'), { recursive: true });
  symlinkSync('/nonexistent/somewhere', path.join(at('dangling'), 'memory'));
  return {
    notes: path.join(at('notes'), 'memory', 'notes.md'),
    link: path.join(at('link'), 'memory'),
    dangling: path.join(at('dangling'), 'memory'),
  };
}

describe('guard doctor: orphaned links', () => {
  it('after a plain git worktree remove, --fix removes the orphaned link and nothing else', () => {
    const fx = healthyRepo(['feat/a', 'feat/b']);
    const [a, b] = fx.worktrees as [string, string];
    personsThings(fx.primary);
    write(path.join(path.dirname(memoryOf(a)), 'session.jsonl'), '{"agent": "transcript"}\n');
    const primaryBefore = snapshot(fx.primary);
    const bBefore = snapshot(b);
    git(fx.primary, 'worktree', 'remove', a);

    const found = doctor(fx.primary);
    expect(found.code).toBe(0); // a warning
    expect(found.doc.findings).toEqual([
      expect.objectContaining({
        id: 'orphan-link',
        severity: 'warning',
        worktree: fx.primary,
        autofix: true,
        fix: `rm -- ${shellQuote(memoryOf(a))}`,
        data: expect.objectContaining({ path: memoryOf(a), why: 'worktree-gone' }),
      }),
    ]);
    const text = guard(fx.primary, ['doctor']);
    expect(text.stdout).toContain(
      `orphan-link: ${memoryOf(a)} is a link guard made for a worktree that git no longer lists`,
    );

    const before = tree(claudeDir());
    const fixed = doctor(fx.primary, '--fix');
    expect(fixed.code).toBe(0);
    expect(fixed.doc.findings).toEqual([]);
    expect(fixed.doc.repaired?.orphans).toEqual([
      expect.objectContaining({ path: memoryOf(a), action: 'removed' }),
    ]);
    const expected = { ...before };
    delete expected[path.relative(claudeDir(), memoryOf(a))];
    expect(tree(claudeDir())).toEqual(expected);
    expect(snapshot(fx.primary)).toEqual(primaryBefore);
    expect(snapshot(b)).toEqual(bBefore);
  });

  it('a deleted worktree directory: its link is an orphan, and the fix doctor prints removes it', () => {
    const fx = healthyRepo(['feat/d', 'feat/e']);
    const [d, e] = fx.worktrees as [string, string];
    rmSync(d, { recursive: true, force: true });
    const { doc } = doctor(fx.primary);
    const [orphan] = orphans(doc.findings);
    expect(orphans(doc.findings)).toHaveLength(1);
    expect(orphan).toMatchObject({ worktree: d, data: { path: memoryOf(d) } });
    expect(orphan?.message).toContain(`for the worktree ${d}, whose directory is gone`);
    expect(doc.findings.map((f) => f.id)).toContain('prunable');
    const pasted = sh(fx.primary, orphan?.fix as string);
    expect(pasted.code).toBe(0);
    expect(there(memoryOf(d))).toBe(false);
    expect(there(memoryOf(e))).toBe(true);
    expect(there(memoryOf(fx.primary))).toBe(true);
    expect(orphans(doctor(fx.primary).doc.findings)).toEqual([]);
  });

  it("a guard link that points nowhere (its repository is gone) is removed; a person's dangling link is not", () => {
    const fx = healthyRepo(['feat/n']);
    const theirs = personsThings(fx.primary);
    const projects = path.join(claudeDir(), 'projects');
    const stale = path.join(projects, '-gone-app-feat', 'memory');
    mkdirSync(path.dirname(stale), { recursive: true });
    symlinkSync(path.join(projects, '-gone-app', 'memory'), stale);
    const { doc } = doctor(fx.primary);
    expect(orphans(doc.findings).map((f) => [f.data?.path, f.data?.why])).toEqual([
      [stale, 'points-nowhere'],
    ]);
    const fixed = doctor(fx.primary, '--fix');
    expect(orphans(fixed.doc.findings)).toEqual([]);
    expect(there(stale)).toBe(false);
    for (const p of Object.values(theirs)) expect(there(p)).toBe(true);
  });

  it('a link that is not the one doctor found any more is left alone', () => {
    const fx = healthyRepo(['feat/c']);
    const [c] = fx.worktrees as [string];
    git(fx.primary, 'worktree', 'remove', c);
    // a person replaced guard's link with memories of their own since
    rmSync(memoryOf(c));
    write(path.join(memoryOf(c), 'mine.md'), 'mine\n');
    const { doc } = doctor(fx.primary, '--fix');
    expect(orphans(doc.findings)).toEqual([]);
    expect(there(path.join(memoryOf(c), 'mine.md'))).toBe(true);
  });
});
