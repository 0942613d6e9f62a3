import { DomainError } from '../errors/domain-error.js';

/**
 * Opaque page cursors over `(timestamp, id)` in descending order. The timestamp is kept in
 * microseconds, PostgreSQL's precision, so rows made within one millisecond are not skipped.
 */
export interface Cursor {
  /** Microseconds since the epoch, as text. */
  us: string;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.us}:${cursor.id}`).toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  const match = /^(\d{1,17}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(
    Buffer.from(text, 'base64url').toString(),
  );
  if (!match) throw new DomainError('BadRequest', 'cursor is not one this API returned');
  return { us: match[1], id: match[2] };
}

/** SQL: `(ts, id)` strictly after the cursor `:us`/`:id` in descending order. */
export function beforeCursor(ts: string, id: string): string {
  return `(${ts}, ${id}) < (timestamptz 'epoch' + CAST(:us AS bigint) * interval '1 microsecond', CAST(:id AS uuid))`;
}

/** SQL expression of `ts` in microseconds, to build the next cursor from. */
export function microseconds(ts: string): string {
  return `(extract(epoch FROM ${ts}) * 1000000)::bigint`;
}
