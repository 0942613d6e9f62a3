/** sysexits(3) */
export const EXIT = { ok: 0, failed: 1, usage: 64, noInput: 66, busy: 75, config: 78 } as const;

/** A command line that makes no sense: its message and the usage are printed, exit 64. */
export class UsageError extends Error {}
