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
  // the default reporter shows only a count of skipped tests; this one lists them, and their names say why
  reporters: ['default', '<rootDir>/test/tools/skipped-reporter.mjs'],
  // Two runs of `npm test` out of about fifteen did not exit after every test had passed. A likely cause was
  // found later: each test file's nock wrapped Node's http client again, seven deep in a full run, leaving
  // mock sockets open; test files now restore nock when done (test/helpers/app.ts), and ten runs without
  // this option since then all exited by themselves. It stays on because a run that hangs would block CI for
  // nothing: Jest exits once the results are in (and says so when it has to).
  forceExit: true,
};
