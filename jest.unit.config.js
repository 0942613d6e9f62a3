import base from './jest.config.js';

/**
 * The fast tier (`npm run test:unit`): the unit specs next to the code, with no database, Redis
 * or network, so no global set-up either.
 */
export default {
  ...base,
  testMatch: ['<rootDir>/src/**/*.spec.ts'],
  globalSetup: undefined,
  globalTeardown: undefined,
};
