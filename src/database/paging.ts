import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { DomainError } from '../common/errors/domain-error.js';

/**
 * Opaque page cursors over `(timestamp, id)` in descending order. The timestamp is kept in
 * microseconds, PostgreSQL's precision, so rows made within one millisecond are not skipped.
 */
interface Cursor {
  /** Microseconds since the epoch, as text. */
  us: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(`${cursor.us}:${cursor.id}`).toString('base64url');
}

function decodeCursor(text: string): Cursor {
  const match = /^(\d{1,17}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(
    Buffer.from(text, 'base64url').toString(),
  );
  if (!match) throw new DomainError('BadRequest', 'cursor is not one this API returned');
  return { us: match[1], id: match[2] };
}

/** SQL: `(ts, id)` strictly after the cursor `:us`/`:id` in descending order. */
function beforeCursor(ts: string, id: string): string {
  return `(${ts}, ${id}) < (timestamptz 'epoch' + CAST(:us AS bigint) * interval '1 microsecond', CAST(:id AS uuid))`;
}

/** SQL expression of `ts` in microseconds, to build the next cursor from. */
function microseconds(ts: string): string {
  return `(extract(epoch FROM ${ts}) * 1000000)::bigint`;
}

/** What a page request says: how many, and after which item. */
export interface PageRequest {
  limit: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * The one way lists are paged: newest first by `(time, id)` of `alias`, one more row than asked
 * to learn whether a next page exists, the cursor built from the last row's microseconds.
 */
export async function pageNewestFirst<E extends ObjectLiteral & { id: string }>(
  qb: SelectQueryBuilder<E>,
  alias: string,
  timeColumn: string,
  request: PageRequest,
): Promise<Page<E>> {
  const ts = `${alias}.${timeColumn}`;
  const id = `${alias}.id`;
  qb.addSelect(microseconds(ts), 'page_us');
  if (request.cursor) qb.andWhere(beforeCursor(ts, id), decodeCursor(request.cursor));
  const { entities, raw } = await qb
    .orderBy(ts, 'DESC')
    .addOrderBy(id, 'DESC')
    .limit(request.limit + 1)
    .getRawAndEntities<{ page_us: string }>();
  const items = entities.slice(0, request.limit);
  const last = items.at(-1);
  return {
    items,
    nextCursor:
      entities.length > request.limit && last
        ? encodeCursor({ us: raw[items.length - 1].page_us, id: last.id })
        : null,
  };
}
