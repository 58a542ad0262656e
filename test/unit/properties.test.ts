/** Properties over many generated inputs (fast-check): what must hold for any input, not only the ones we thought of. */
import { spawnSync } from 'node:child_process';
import {
  branchSlug,
  DEFAULT_CONFIG,
  rescueBranchNames,
  type StashEntry,
  shellQuote,
  validateConfig,
} from '@worktree-guard/core';
import fc from 'fast-check';

describe('shellQuote', () => {
  it('round-trips any string through a real sh', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary' }).filter((s) => !s.includes('\0')),
        (s) => {
          const r = spawnSync('sh', ['-c', `printf '%s' ${shellQuote(s)}`], { encoding: 'utf8' });
          return r.status === 0 && r.stdout === s;
        },
      ),
      { numRuns: 150 },
    );
  });

  it('leaves plain words as they are', () => {
    fc.assert(fc.property(fc.stringMatching(/^[\w@%+=:,./-]+$/), (s) => shellQuote(s) === s));
  });
});

describe('branchSlug', () => {
  it('is a safe, visible, non-empty directory name, and a fixed point', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (branch) => {
        const slug = branchSlug(branch);
        return (
          /^[\p{L}\p{N}._-]+$/u.test(slug) &&
          !/^[-.]/.test(slug) &&
          !/[-.]$/.test(slug) &&
          !slug.includes('--') &&
          branchSlug(slug) === slug
        );
      }),
    );
  });
});

/** Values the validator must accept, and what it must make of them. */
const validConfig = fc.record(
  {
    remote: fc.stringMatching(/^[a-z][a-z0-9_-]{0,10}$/),
    baseBranch: fc.stringMatching(/^[a-z][a-z0-9/_-]{0,10}$/),
    maxFetchAge: fc
      .tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom('s', 'm', 'h', 'd', 'w'))
      .map(([n, u]) => `${n}${u}`),
    links: fc.array(fc.stringMatching(/^[a-z][a-z0-9._-]{0,8}(\/[a-z0-9_-]{1,8})?$/), { maxLength: 4 }),
    stash: fc.constantFrom('block', 'warn', 'allow'),
    setup: fc.array(
      fc.string({ minLength: 1 }).filter((s) => s.trim() !== ''),
      { maxLength: 3 },
    ),
    protectedBranches: fc.array(fc.stringMatching(/^[a-z][a-z0-9/_-]{0,10}$/), { maxLength: 3 }),
  },
  { requiredKeys: [] },
);

describe('validateConfig', () => {
  it('accepts any valid configuration as it is, defaults filling the rest', () => {
    fc.assert(
      fc.property(validConfig, (raw) => {
        const { config, problems } = validateConfig(raw);
        expect(problems).toEqual([]);
        expect(config).toEqual({ ...DEFAULT_CONFIG, ...raw });
      }),
    );
  });

  it('never throws, always answers with a full configuration, and names every unknown key', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const { config, problems } = validateConfig(raw);
        expect(Object.keys(config).sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
        if (raw && typeof raw === 'object' && !Array.isArray(raw))
          for (const key of Object.keys(raw))
            if (!(key in DEFAULT_CONFIG)) expect(problems.map((p) => p.key)).toContain(key);
      }),
    );
  });
});

describe('rescue branch names', () => {
  const refName = /^(?!.*\/\.)(?!.*\.\.)(?!.*\/\/)[^\s~^:?*[\\]+$/;
  it('are distinct, valid, and never clash with an existing branch or a directory of one', () => {
    const branch = fc.stringMatching(/^[a-z]{1,4}(\/[a-z]{1,4}){0,2}$/);
    fc.assert(
      fc.property(
        fc.array(fc.option(branch, { nil: null }), { minLength: 1, maxLength: 8 }),
        fc.array(
          fc.oneof(
            branch,
            branch.map((b) => `rescued/${b}`),
            branch.map((b) => `rescued/${b}/1`),
          ),
          { maxLength: 8 },
        ),
        (origins, existing) => {
          const entries = origins.map(
            (b, index) =>
              ({ index, branch: b, origin: b ? 'branch' : 'detached', subject: '' }) as StashEntry,
          );
          const names = [...rescueBranchNames(entries, existing).values()];
          expect(new Set(names).size).toBe(names.length);
          for (const n of names) {
            expect(n).toMatch(refName);
            for (const e of existing) {
              expect(n).not.toBe(e);
              expect(e.startsWith(`${n}/`)).toBe(false); // n would be a directory of an existing ref
              expect(n.startsWith(`${e}/`)).toBe(false); // an existing ref would be a directory of n
            }
          }
        },
      ),
    );
  });
});
