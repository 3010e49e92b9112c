/** Unit tests beside the code; contract and end-to-end tests in test/, against the real broker. */
const base = {
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleNameMapper: {
    '^@nestjs-modules/mailer/adapters/(.*)$': '<rootDir>/node_modules/@nestjs-modules/mailer/dist/adapters/$1',
  },
  testEnvironment: 'node',
};

module.exports = {
  testTimeout: 120000,
  projects: [
    { ...base, displayName: 'unit', rootDir: '.', testMatch: ['<rootDir>/src/**/*.spec.ts'] },
    { ...base, displayName: 'contract', rootDir: '.', testMatch: ['<rootDir>/test/contract/**/*.contract-spec.ts'] },
    { ...base, displayName: 'e2e', rootDir: '.', testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'] },
  ],
};
