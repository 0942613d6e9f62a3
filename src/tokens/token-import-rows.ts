import { validateSync, type ValidationError } from 'class-validator';
import type { AuthPrincipal } from '../common/auth/principal.js';
import type { AppConfig } from '../common/config/app-config.js';
import { sha256 } from '../common/crypto/crypto.js';
import { isAccountEmail } from '../common/validation/email.js';
import { illFormedText } from '../common/validation/text.js';
import type { ScopeRegistry } from '../policy/scope-registry.js';
import { normalizeEmail } from '../users/email.js';
import { ImportTokenRowDto, type ImportErrorDto } from './dto/token-import.dto.js';
import type { ImportedToken } from './token-import.repository.js';

/** Clocks of the exporting system and this one may differ a little. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/** A row that passed the checks that need no database. */
export interface Parsed {
  index: number;
  owner: { id: string } | { email: string } | { org: string };
  token: Omit<ImportedToken, 'userId' | 'orgId' | 'createdBy'>;
}

/** Who imports over the API: its scopes bound what it imports; it is an org token's creator. */
export type Importer = Pick<AuthPrincipal, 'role' | 'scopes' | 'userId' | 'restrictions'>;

/** The checks of import rows that need no database. */
export class ImportRowParser {
  constructor(
    private readonly registry: ScopeRegistry,
    private readonly config: AppConfig,
  ) {}

  /** The checks that need no database; bad rows go to `errors`. */
  parse(rows: readonly unknown[], errors: ImportErrorDto[], importer?: Importer): Parsed[] {
    const now = Date.now();
    const parsed: Parsed[] = [];
    const seen = new Map<string, number>();
    rows.forEach((raw, index) => {
      const problems: string[] = [];
      const row = this.validRow(raw, problems);
      if (!row) {
        errors.push({ index, message: problems.join('; ') });
        return;
      }
      let owner: Parsed['owner'] | undefined;
      const named = [row.ownerEmail, row.ownerId, row.ownerOrg].filter((v) => v !== undefined);
      if (named.length !== 1) {
        problems.push('give one of ownerEmail, ownerId or ownerOrg');
      } else if (row.ownerOrg !== undefined) {
        owner = { org: row.ownerOrg };
      } else if (row.ownerId !== undefined) {
        owner = { id: row.ownerId.toLowerCase() };
      } else {
        const email = normalizeEmail(row.ownerEmail!);
        if (isAccountEmail(email)) owner = { email };
        else problems.push('ownerEmail must be an email');
      }
      let tokenHash: Buffer | undefined;
      if ((row.sha256 === undefined) === (row.plaintext === undefined)) {
        problems.push('give either sha256 or plaintext');
      } else {
        // The plaintext is hashed here and goes no further: no message ever quotes it.
        tokenHash = row.sha256 ? Buffer.from(row.sha256, 'hex') : sha256(row.plaintext!);
        const key = tokenHash.toString('hex');
        const first = seen.get(key);
        if (first !== undefined) problems.push(`the same token as row ${first}`);
        else seen.set(key, index);
      }
      const unknown = row.scopes.filter((scope) => !this.registry.isKnown(scope));
      if (unknown.length > 0) problems.push(`unknown scopes: ${unknown.join(', ')}`);
      // The rule of every create and rotation: only scopes the caller holds (and its role may
      // grant) are handed out, an import's included.
      const beyond = importer
        ? row.scopes.filter(
            (scope) =>
              this.registry.isKnown(scope) &&
              // An organization's token (role "service") grants by its scopes alone.
              ((importer.role !== 'service' && !this.registry.mayHold(importer.role, scope)) ||
                !importer.scopes.includes(scope)),
          )
        : [];
      if (beyond.length > 0) {
        problems.push(`the importing credential does not hold: ${beyond.join(', ')}`);
      }
      const at = (value?: string) => (value === undefined ? null : new Date(value));
      const [expiresAt, createdAt, lastUsedAt] = [
        at(row.expiresAt),
        at(row.createdAt),
        at(row.lastUsedAt),
      ];
      const maxDays = this.config.tokenMaxDays;
      if (expiresAt && expiresAt.getTime() > now + maxDays * DAY_MS) {
        problems.push(`expiresAt must be within ${maxDays} days from now (TOKEN_MAX_DAYS)`);
      }
      if (createdAt && createdAt.getTime() > now + CLOCK_SKEW_MS) {
        problems.push('createdAt must not be in the future');
      }
      if (lastUsedAt && lastUsedAt.getTime() > now + CLOCK_SKEW_MS) {
        problems.push('lastUsedAt must not be in the future');
      }
      if (createdAt && expiresAt && expiresAt <= createdAt) {
        problems.push('expiresAt must be after createdAt');
      }
      // An API token cannot make, by importing, a token that outlives it (as by creating one);
      // a row without an expiry gets the importing token's, as a created one does.
      const endsAt = importer?.restrictions?.endsAt ?? null;
      if (endsAt !== null && expiresAt && expiresAt.getTime() > endsAt) {
        problems.push(
          `expiresAt must be no later than ${new Date(endsAt).toISOString()}, when the importing API token expires`,
        );
      }
      if (createdAt && lastUsedAt && lastUsedAt < createdAt) {
        problems.push('lastUsedAt must not be before createdAt');
      }
      if (problems.length > 0 || !owner || !tokenHash) {
        errors.push({ index, message: problems.join('; ') });
        return;
      }
      parsed.push({
        index,
        owner,
        token: {
          name: row.name,
          tokenHash,
          scopes: row.scopes,
          // Under TOKEN_MAX_DAYS, a token without an expiry gets the longest lifetime allowed,
          // as a created one does.
          expiresAt: earliest(
            expiresAt ??
              (this.config.tokenMaxDaysSet
                ? new Date(now + this.config.tokenMaxDays * DAY_MS)
                : null),
            endsAt,
          ),
          lastUsedAt,
          createdAt,
          externalId: row.externalId ?? null,
        },
      });
    });
    return parsed;
  }

  /** The row's fields, typed and checked one by one, or null with `problems` saying why. */
  private validRow(raw: unknown, problems: string[]): ImportTokenRowDto | null {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      problems.push('must be a JSON object');
      return null;
    }
    // Copied as own properties (`__proto__` too, which the whitelist then refuses): no
    // transformation is declared on a row, and plainToInstance cost a thousand rows 0.5 s.
    const row = new ImportTokenRowDto();
    for (const [key, value] of Object.entries(raw)) {
      Object.defineProperty(row, key, { value, enumerable: true, writable: true });
    }
    // The HTTP body was checked as a whole already; the CLI's rows come here unchecked.
    const text = illFormedText(raw);
    if (text) {
      problems.push(text);
      return null;
    }
    const failures = validateSync(row, {
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
    });
    if (failures.length === 0) return row;
    problems.push(...failures.flatMap(messagesOf));
    return null;
  }
}

function messagesOf(error: ValidationError): string[] {
  const own = Object.values(error.constraints ?? {});
  return [...own, ...(error.children ?? []).flatMap(messagesOf)];
}

/** The earlier of an expiry (null: never) and an end in epoch ms (null: none). */
function earliest(expiresAt: Date | null, endsAt: number | null): Date | null {
  if (endsAt === null) return expiresAt;
  return expiresAt === null || expiresAt.getTime() > endsAt ? new Date(endsAt) : expiresAt;
}
