/** Which git this is, and how `rev-parse` output is split where paths may hold newlines. */
import { atLeast, MIN_GIT, parseGitVersion, splitGitDirs } from '@worktree-guard/core';
import fc from 'fast-check';

describe('parseGitVersion / atLeast', () => {
  it.each([
    ['git version 2.39.5', [2, 39, 5], true],
    ['git version 2.39.5 (Apple Git-154)', [2, 39, 5], true],
    ['git version 2.45.0.windows.1', [2, 45, 0], true],
    ['git version 2.31.0', [2, 31, 0], true],
    ['git version 2.30.9', [2, 30, 9], false], // checked by hand on a build of 2.30.9: every command exits 2, one line
    ['git version 3.0.0', [3, 0, 0], true],
  ])('%s', (text, [major, minor, patch], supported) => {
    const v = parseGitVersion(text);
    expect(v).toMatchObject({ major, minor, patch });
    expect(atLeast(v as NonNullable<typeof v>, ...MIN_GIT)).toBe(supported);
  });
});

describe('splitGitDirs', () => {
  const segment = fc.stringMatching(/^[a-z\n ]{1,6}$/).filter((s) => s.trim() !== '');
  it('finds the git dir and the common dir, whatever newlines their paths hold', () => {
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        fc.stringMatching(/^[a-z0-9-]{1,8}$/),
        fc.boolean(),
        (parts, id, linked) => {
          const common = `/${parts.join('/')}/.git`;
          const gitDir = linked ? `${common}/worktrees/${id}` : common;
          expect(splitGitDirs(`${gitDir}\n${common}\n`)).toEqual({ gitDir, commonDir: common });
        },
      ),
    );
  });
});
