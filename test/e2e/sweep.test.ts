/**
 * `guard sweep` on real repositories: every worktree whose branch reached origin/main (here by a merge
 * and by a squash) with nothing to lose is listed with why, confirmed on a terminal or with --yes, and
 * removed; one that would lose something, an open branch and a just-started one stay.
 */
import path from 'node:path';
import { shellQuote } from '@worktree-guard/core';
import {
  commit,
  expectGone,
  FILES,
  feature,
  type Merge,
  merges,
  onOrigin,
  type RemoveDoc,
  there,
} from '../helpers/remove';
import { BIN, git, guard, healthyRepo, sh, write } from '../helpers/repo';

describe('guard sweep', () => {
  function scene() {
    const fx = healthyRepo(['feat/ff', 'feat/sq', 'feat/dirty', 'feat/locked', 'feat/open', 'feat/fresh']);
    const [ff, sq, dirty, locked, open] = fx.worktrees as [string, string, string, string, string];
    for (const wt of [ff, dirty, locked]) {
      const b = git(wt, 'branch', '--show-current').trim();
      commit(wt, { [`${b}.txt`]: `${b}\n` }, b);
      git(wt, 'push', '-q', '-u', 'origin', b);
    }
    onOrigin(fx, (c) => {
      for (const b of ['feat/ff', 'feat/dirty', 'feat/locked'])
        git(c, 'merge', '-q', '--no-edit', `origin/${b}`);
    });
    feature(sq);
    onOrigin(fx, (c) => commit(c, FILES, 'squashed feat/sq'));
    commit(open, { 'open.txt': 'open\n' }, 'open work');
    git(open, 'push', '-q', '-u', 'origin', 'feat/open');
    write(path.join(dirty, 'scratch.txt'), 'not committed\n');
    git(fx.primary, 'worktree', 'lock', '--reason', 'agent at work', locked);
    return { fx, ff, sq, dirty, locked };
  }

  const paths = (d: { worktrees: { path: string }[] }) => d.worktrees.map((w) => w.path);

  it('lists what is integrated with nothing to lose, asks (or needs --yes), then removes exactly those', () => {
    const { fx, ff, sq, dirty, locked } = scene();
    const everything = () => fx.worktrees.map((w) => [w, there(w)]);
    const before = everything();

    const dry = guard(fx.primary, ['sweep', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const plan = JSON.parse(dry.stdout) as RemoveDoc & { kept: RemoveDoc['worktrees'] };
    expect(paths(plan)).toEqual([ff, sq]);
    expect(plan.worktrees.map((w) => w.action)).toEqual(['would-remove', 'would-remove']);
    expect(plan.kept.map((w) => [w.path, w.reasons.map((x) => x.id)])).toEqual([
      [dirty, ['untracked']],
      [locked, ['locked']],
    ]);
    expect(everything()).toEqual(before);

    const text = guard(fx.primary, ['sweep']);
    expect(text.code).toBe(1); // no terminal to ask, no --yes
    expect(text.stdout).toContain('2 worktrees integrated into origin/main, nothing to lose:');
    expect(text.stdout).toContain(`${ff} (feat/ff) — its tip is in origin/main (merged or fast-forwarded)`);
    expect(text.stdout).toContain('pass --yes');
    expect(everything()).toEqual(before);

    const done = guard(fx.primary, ['sweep', '--yes', '--json']);
    expect(done.code).toBe(0);
    const doc = JSON.parse(done.stdout) as RemoveDoc & { confirmed: boolean };
    expect(doc.confirmed).toBe(true);
    expect(doc.worktrees.map((w) => [w.path, w.action, w.branchAction?.action])).toEqual([
      [ff, 'removed', 'deleted'],
      [sq, 'removed', 'deleted'],
    ]);
    expectGone(fx, ff, 'feat/ff');
    expectGone(fx, sq, 'feat/sq');
    expect(fx.worktrees.filter(there)).toEqual(fx.worktrees.filter((w) => w !== ff && w !== sq));

    const again = guard(fx.primary, ['sweep', '--no-fetch']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('nothing to sweep');
  });

  it('asks on a terminal: no keeps everything, yes removes', () => {
    const fx = healthyRepo(['feat/t', 'feat/other']);
    const wt = fx.worktrees[0] as string;
    feature(wt);
    (merges[1] as [string, Merge, unknown])[1](fx, wt, 'feat/t');
    // util-linux script(1) gives guard a terminal and passes it the answer
    const guardCommand = `${shellQuote(process.execPath)} ${shellQuote(BIN)} sweep`;
    const onTerminal = (answer: string) =>
      sh(fx.primary, `printf '${answer}\\n' | script -qec ${shellQuote(guardCommand)} /dev/null`);
    const no = onTerminal('n');
    expect(no.stdout).toContain('Remove this worktree? [y/N]');
    expect(no.stdout).toContain('nothing removed');
    expect(no.code).toBe(1);
    expect(there(wt)).toBe(true);
    const yes = onTerminal('y');
    expect(yes.code).toBe(0);
    expect(yes.stdout).toContain(`removed ${wt} (feat/t)`);
    expectGone(fx, wt, 'feat/t');
  });
});
