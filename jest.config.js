// ESM project: jest runs with --experimental-vm-modules (see the "jest" script) and ts-jest in ESM mode.
// Type checking is done once by `tsc --noEmit` in `npm test`, so ts-jest only transpiles
// (tsconfig's isolatedModules makes it use transpileModule).
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, diagnostics: false }],
  },
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setup-env.ts'],
  testTimeout: 30000,
};
