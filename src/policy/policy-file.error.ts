/** sysexits.h EX_CONFIG: the process stops because its configuration is wrong. */
export const POLICY_FILE_EXIT_CODE = 78;

/**
 * A policy file that cannot be used. The message names the file and, one line each, every
 * entry that is wrong and why, so that one failed start shows all the problems at once.
 */
export class PolicyFileError extends Error {
  readonly exitCode = POLICY_FILE_EXIT_CODE;

  constructor(
    readonly file: string,
    readonly problems: readonly string[],
  ) {
    super(`Invalid policy file ${file}:\n  - ${problems.join('\n  - ')}`);
    this.name = 'PolicyFileError';
  }
}
