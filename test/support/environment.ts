import { redisReachable } from './redis.js';

/**
 * `describe` when the test Redis answers, `describe.skip` when it does not (under CI a missing
 * Redis fails the run instead; see {@link redisReachable}). `file` names the spec in the line
 * that says it was skipped.
 */
export async function describeWithRedis(file: string): Promise<typeof describe> {
  return (await redisReachable(file)) ? describe : describe.skip;
}
