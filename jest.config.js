/** Unit tests beside the code; contract and end-to-end tests in test/, against the real broker. */
const base = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleNameMapper: {
    '^@nestjs-modules/mailer/adapters/(.*)$': '<rootDir>/node_modules/@nestjs-modules/mailer/dist/adapters/$1',
  },
  testEnvironment: 'node',
  // Stryker's sandbox is a copy of the project; jest must not see it as a second one.
  modulePathIgnorePatterns: ['<rootDir>/.stryker-tmp'],
};

module.exports = {
  testTimeout: 120000,
  // Over all of src/, not only the files some test happened to load; unit, contract and e2e
  // together. Thresholds sit just under the level measured when they were set: they only go up.
  collectCoverageFrom: ['src/**/*.ts', '!src/**/*.spec.ts', '!src/**/*.fixtures.ts'],
  coverageReporters: ['text-summary', 'json-summary', 'lcov'],
  coverageThreshold: { global: { statements: 89, branches: 76, functions: 82, lines: 90 } },
  projects: [
    { ...base, displayName: 'unit', rootDir: '.', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...base, displayName: 'contract', rootDir: '.', testMatch: ['<rootDir>/test/contract/**/*.contract-spec.ts'] },
    { ...base, displayName: 'tooling', rootDir: '.', testMatch: ['<rootDir>/test/tooling/**/*.spec.ts'] },
    { ...base, displayName: 'e2e', rootDir: '.', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
