import { isDatabaseUnavailable } from './database-errors.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    withCode('ECONNREFUSED'),
    withCode('ECONNRESET'),
    withCode('57P01', 'terminating connection due to administrator command'),
    withCode('08006'),
    withCode('53300'),
    new Error('Connection terminated unexpectedly'),
    new Error('timeout exceeded when trying to connect'),
    // TypeORM wraps the driver's error.
    Object.assign(new Error('Query failed'), { driverError: withCode('ECONNREFUSED') }),
    { message: 'Connection terminated', code: undefined },
    // The next statement of a transaction whose connection ended.
    new Error('Query runner already released. Cannot run queries anymore.'),
    new Error(
      'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
    ),
  ])('takes %p for an outage', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    withCode('23505', 'duplicate key value violates unique constraint'),
    withCode('42P01', 'relation does not exist'),
    new TypeError('cannot read properties of undefined'),
    'ECONNREFUSED',
    null,
  ])('takes %p for a bug, not an outage', (error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
