import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/test/tsconfig.json' }] },
  moduleNameMapper: { '^@worktree-guard/core$': '<rootDir>/packages/core/src/index.ts' },
  setupFiles: ['<rootDir>/test/helpers/isolate.ts'],
  testTimeout: 60_000,
};

export default config;
