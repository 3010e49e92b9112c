/**
 * The tests Stryker runs against each mutant: unit and contract, no broker, no coverage.
 * One project, so Stryker can map every test to the mutants it covers (perTest analysis).
 */
const { projects } = require('./jest.config');

const unit = projects.find((p) => p.displayName === 'unit');
const contract = projects.find((p) => p.displayName === 'contract');

module.exports = {
  ...unit,
  displayName: 'mutation',
  testMatch: [...unit.testMatch, ...contract.testMatch],
  // Type errors are tsc's job (npm run typecheck); per mutant, transpiling alone is enough.
  transform: { '^.+\\.ts$': ['ts-jest', { isolatedModules: true }] },
  // A mutant that makes a promise never settle is killed by this timeout: keep it short.
  testTimeout: 5000,
};
