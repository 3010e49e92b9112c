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
    'src/messaging/consumer/retry-delay.ts',
    'src/messaging/consumer/error-classification.ts',
    'src/messaging/consumer/message-headers.ts',
    'src/messaging/consumer/contract.validator.ts',
    'src/messaging/envelope/*.ts',
    'src/messaging/outbox/in-memory-outbox.store.ts',
    'src/messaging/outbox/outbox.relay.ts',
    'src/messaging/inbox/in-memory-inbox.store.ts',
    '!src/**/*.spec.ts',
  ],
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  thresholds: { high: 90, low: 85, break: 85 },
  concurrency: 2,
  timeoutMS: 10000,
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
};
