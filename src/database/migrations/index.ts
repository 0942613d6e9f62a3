import { Init1763856000000 } from './1763856000000-Init.js';

/** Listed explicitly (no glob) so that the same list works from source, tests and the build. */
export const MIGRATIONS = [Init1763856000000];
