// @ts-check
/**
 * Mutation testing: the domain and application layers of every module and the messaging core.
 * `npm run test:mutation`; the JSON and HTML reports go to reports/mutation/.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: { configFile: 'jest.mutation.config.js' },
  coverageAnalysis: 'perTest',
  mutate: [
    'src/*/domain/**/*.ts',
    'src/*/application/**/*.ts',
    'src/messaging/consumer/message.pipeline.ts',
    'src/messaging/consumer/failure.router.ts',
    'src/messaging/consumer/copy-options.ts',
    'src/messaging/consumer/retry-delay.ts',
    'src/messaging/consumer/error-classification.ts',
    'src/messaging/consumer/message-headers.ts',
    'src/messaging/consumer/contract.validator.ts',
    'src/messaging/envelope/*.ts',
    'src/messaging/outbox/in-memory-outbox.store.ts',
    'src/messaging/outbox/outbox.relay.ts',
    'src/messaging/inbox/in-memory-inbox.store.ts',
    'src/messaging/inbox/routing-inbox.store.ts',
    'src/messaging/inbox/delivery-scope.ts',
    'src/messaging/unit-of-work/*.ts',
    'src/common/domain/*.ts',
    // Needs a mongod to be tested at all; the contract suites cover it where one runs.
    '!src/messaging/unit-of-work/mongo-*.ts',
    '!src/**/*.spec.ts',
    '!src/**/*.fixtures.ts',
    // Seed data for the demo shop: no rule lives there for a test to guard.
    '!src/inventory/domain/demo-catalog.ts',
  ],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: 85 },
  concurrency: 2,
  // A mutant that loops forever (the relay's fake-timer tests) costs this much plus a restart.
  timeoutMS: 3000,
  // Results per mutant are kept in the repository: a run re-tests only the mutants whose code or
  // covering tests changed since. `npm run test:mutation -- --force` re-tests everything.
  incremental: true,
  incrementalFile: 'test/mutation/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
