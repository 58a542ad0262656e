import type { Config } from 'jest';

/**
 * Two projects: `unit` (pure functions, parsers, rules as tables — seconds) and `e2e` (real git
 * repositories in temp dirs, the real guard binary and hooks — run `npm run build` first: `npm test`
 * does). Two workers: this machine has two cores, and each e2e test starts many git processes.
 */
const common = {
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  moduleNameMapper: { '^@worktree-guard/core$': '<rootDir>/packages/core/src/index.ts' },
  setupFiles: ['<rootDir>/test/helpers/isolate.ts'],
} satisfies Config['projects'] extends (infer P)[] | undefined ? Exclude<P, string> : never;

const config: Config = {
  maxWorkers: 2,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
  ],
  testTimeout: 60_000,
};

export default config;
