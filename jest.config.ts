import type { Config } from 'jest';

const config: Config = {
  testEnvironment: 'node',
  // Both cores: the corpus, certification and mutant suites are CPU-bound and independent.
  maxWorkers: 2,
  roots: ['<rootDir>/reference', '<rootDir>/conformance'],
  testMatch: ['**/*.test.ts'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: { isolatedModules: true } }],
  },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

export default config;
