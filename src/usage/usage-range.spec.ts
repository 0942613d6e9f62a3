import { DomainError } from '../common/errors/domain-error.js';
import { usageRange } from './usage-range.js';

const NOW = Date.parse('2026-03-10T14:25:00Z');

describe('usageRange', () => {
  it('defaults to the last 24 hours by hour, the current hour last', () => {
    const range = usageRange({}, NOW);
    expect(range).toMatchObject({ granularity: 'hour', bucketSeconds: 3600, count: 24 });
    expect(range.start.toISOString()).toBe('2026-03-09T15:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-03-10T15:00:00.000Z');
  });

  it('defaults to the last 30 days by day, today last', () => {
    const range = usageRange({ granularity: 'day' }, NOW);
    expect(range.count).toBe(30);
    expect(range.start.toISOString()).toBe('2026-02-09T00:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-03-11T00:00:00.000Z');
  });

  it('covers the bucket of from up to the bucket of the last instant before to', () => {
    const range = usageRange({ from: '2026-03-01T10:30:00Z', to: '2026-03-01T12:00:00Z' }, NOW);
    expect(range.count).toBe(2);
    expect(range.start.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });

  it('reads dates with an offset as the UTC instant they name', () => {
    const range = usageRange({ from: '2026-03-01T02:00:00+02:00', to: '2026-03-02' }, NOW);
    expect(range.count).toBe(24);
    expect(range.start.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-03-02T00:00:00.000Z');
  });

  it.each([
    [{ from: 'yesterday' }, /from must be an ISO-8601/],
    [{ to: '2026-03-01T10:00:00' }, /to must be an ISO-8601/],
    [{ from: '2026-02-30T00:00:00Z' }, /from must be an ISO-8601/],
    [{ from: '2026-03-02', to: '2026-03-01' }, /from must be before to/],
    [{ from: '2026-03-01', to: '2026-03-01' }, /from must be before to/],
    [{ from: '2026-01-01', to: '2026-03-01' }, /covers 1416 hours; at most 400 may/],
  ])('refuses %j', (input, message) => {
    let thrown: unknown;
    try {
      usageRange(input, NOW);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).code).toBe('BadRequest');
    expect((thrown as Error).message).toMatch(message);
  });

  it('takes exactly 400 buckets, and a year by day', () => {
    expect(usageRange({ from: '2026-01-01', to: '2026-01-17T16:00:00Z' }, NOW).count).toBe(400);
    expect(
      usageRange({ from: '2025-01-01', to: '2026-01-01', granularity: 'day' }, NOW).count,
    ).toBe(365);
  });
});
