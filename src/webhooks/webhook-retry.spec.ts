import { MAX_RETRY_DELAY_SECONDS, retryDelaySeconds } from './webhook-retry.js';

describe('webhook retry delay', () => {
  it('doubles from the base per failed attempt', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelaySeconds(attempt, 30, 0.5))).toEqual([
      30, 60, 120, 240,
    ]);
  });

  it('stays within 20% of that, whatever the jitter', () => {
    expect(retryDelaySeconds(3, 30, 0)).toBe(96);
    expect(retryDelaySeconds(3, 30, 0.999999)).toBe(144);
  });

  it('is capped at about an hour, even after very many attempts', () => {
    expect(retryDelaySeconds(12, 30, 0.5)).toBe(MAX_RETRY_DELAY_SECONDS);
    expect(retryDelaySeconds(1000, 30, 1)).toBe(MAX_RETRY_DELAY_SECONDS * 1.2);
  });

  it('retries 30 attempts over about a day with the defaults', () => {
    let total = 0;
    for (let attempt = 1; attempt < 30; attempt++) total += retryDelaySeconds(attempt, 30, 0.5);
    expect(total / 3600).toBeGreaterThan(20);
    expect(total / 3600).toBeLessThan(26);
  });
});
