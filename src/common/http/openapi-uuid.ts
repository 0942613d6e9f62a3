/**
 * The ids the API takes, as its pipes and validators check them (`ParseUUIDPipe`, `IsUUID`):
 * RFC 9562 versions 1 to 8 of the RFC variant (`8`, `9`, `a` or `b` as the first digit of the
 * fourth group), the nil UUID or the max UUID, in either letter case. `format: uuid` alone
 * admits any variant digit, which is refused.
 */
export const UUID_PATTERN =
  '^(?:[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[1-8][0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}|00000000-0000-0000-0000-000000000000|[fF]{8}-[fF]{4}-[fF]{4}-[fF]{4}-[fF]{12})$';

/** Gives every `format: uuid` string schema of the document {@link UUID_PATTERN}. */
export function withUuidPattern(node: unknown): void {
  if (Array.isArray(node)) {
    for (const item of node) withUuidPattern(item);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const record = node as Record<string, unknown>;
  if (record.format === 'uuid' && record.pattern === undefined) record.pattern = UUID_PATTERN;
  for (const value of Object.values(record)) withUuidPattern(value);
}
