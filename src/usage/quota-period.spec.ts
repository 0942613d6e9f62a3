import { periodAt } from './quota-period.js';

describe('periodAt', () => {
  it('starts days and months at UTC midnight, and rolls over at the boundary', () => {
    const last = Date.parse('2026-01-31T23:59:59.999Z');
    const first = Date.parse('2026-02-01T00:00:00.000Z');
    expect(periodAt('day', last)).toEqual({
      key: ':q:d2026-1-31',
      start: Date.parse('2026-01-31T00:00:00Z'),
      end: first,
    });
    expect(periodAt('day', first).key).toBe(':q:d2026-2-1');
    expect(periodAt('month', last)).toEqual({
      key: ':q:m2026-1',
      start: Date.parse('2026-01-01T00:00:00Z'),
      end: first,
    });
    expect(periodAt('month', first).key).toBe(':q:m2026-2');
    expect(periodAt('month', Date.parse('2026-12-15T00:00:00Z')).end).toBe(
      Date.parse('2027-01-01T00:00:00Z'),
    );
  });

  it('keeps one counter for ever for total', () => {
    expect(periodAt('total', 0)).toEqual(periodAt('total', Date.parse('2030-05-05T00:00:00Z')));
    expect(periodAt('total', 0).end).toBeNull();
  });
});
