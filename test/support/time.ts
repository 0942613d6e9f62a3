/**
 * Resolves after `ms` milliseconds. `unref`: the timer does not keep the process alive (for a
 * timeout raced against something that usually ends first).
 */
export function sleep(ms: number, { unref = false } = {}): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    if (unref) timer.unref();
  });
}

/** Polls `check` every `intervalMs` until it holds; returns how long that took (ms). */
export async function waitFor(
  check: () => Promise<boolean> | boolean,
  timeoutMs = 5_000,
  intervalMs = 10,
): Promise<number> {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`not so within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
  return Date.now() - started;
}
