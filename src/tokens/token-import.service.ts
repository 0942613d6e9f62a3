import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { validateSync, type ValidationError } from 'class-validator';
import type { AuditActor, AuditRecord } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import type { AuthPrincipal } from '../common/auth/principal.js';
import { sha256 } from '../common/crypto/crypto.js';
import { DomainError } from '../common/errors/domain-error.js';
import { isAccountEmail } from '../common/validation/email.js';
import { illFormedText } from '../common/validation/text.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { normalizeEmail } from '../users/email.js';
import { UsersRepository } from '../users/users.repository.js';
import { TokenImportRepository, type ImportedToken } from './token-import.repository.js';
import { isActiveAt } from './token-status.js';
import { TokenCache } from './token-cache.js';
import { TokenImportNotices, type Owner } from './token-import-notices.js';
import { AppConfig } from '../common/config/app-config.js';
import {
  ImportTokenRowDto,
  MAX_IMPORT_ROWS,
  type ImportErrorDto,
  type ImportResultDto,
  type ImportSkippedDto,
} from './dto/token-import.dto.js';

/** Clocks of the exporting system and this one may differ a little. */
const CLOCK_SKEW_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

/** A row that passed the checks that need no database. */
interface Parsed {
  index: number;
  owner: { id: string } | { email: string };
  token: Omit<ImportedToken, 'userId'>;
}

/**
 * Imports API tokens from another system, their secrets kept in the old form (only their
 * SHA-256 is stored), for the admin route and the CLI alike.
 *
 * Each row stands alone: the good ones are imported, each bad one is reported by its index
 * (with a message that quotes no secret) and writes nothing, all in one transaction, so no row
 * is ever half-written. A token whose hash is known already (imported before, by anyone) is
 * skipped, so importing the same file again changes nothing; so is one whose imported token was
 * revoked or deleted since (its hash is kept for this when the token ends), which must not
 * come back.
 * The per-user token limit is not applied: an import may take a user past it, and their next
 * create is refused until they are below it again.
 *
 * No escalation: a credential importing over the API imports only scopes it holds itself (a
 * row with another is a row error). Each owner learns of it as of a token they made: a
 * `token.created` webhook per token (`imported: true`), and one mail per owner after the commit.
 */
@Injectable()
export class TokenImportService {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tokens: TokenImportRepository,
    private readonly users: UsersRepository,
    private readonly audit: AuditService,
    private readonly cache: TokenCache,
    private readonly registry: ScopeRegistry,
    private readonly config: AppConfig,
    private readonly notices: TokenImportNotices,
  ) {}

  /**
   * `rows`: at most {@link MAX_IMPORT_ROWS}. With `dryRun`, checks and counts and writes
   * nothing. `imported + skipped + errors.length` is `rows.length`. `importer`: the credential
   * of an API call, whose scopes bound what it imports; the CLI (the operator, with the
   * database's own access) has none.
   */
  async import(
    rows: readonly unknown[],
    actor: AuditActor,
    options: {
      dryRun?: boolean;
      source: 'api' | 'cli';
      importer?: Pick<AuthPrincipal, 'role' | 'scopes'>;
    },
  ): Promise<ImportResultDto> {
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new DomainError('BadRequest', `At most ${MAX_IMPORT_ROWS} tokens per call`);
    }
    const errors: ImportErrorDto[] = [];
    const parsed = this.parse(rows, errors, options.importer);
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      // Owners locked, in id order, as a token creation locks its owner: the names checked
      // below stay free until the commit.
      const owners = await this.users.findMany(ownerKeys(parsed), m, !options.dryRun);
      const skipped: ImportSkippedDto[] = [];
      const fresh = await this.resolve(parsed, owners, errors, skipped, m);
      const refused = sorted(errors);
      if (options.dryRun) {
        return {
          imported: fresh.length,
          skipped: skipped.length,
          errors: refused,
          skippedRows: sorted(skipped),
        };
      }
      // Expired tokens of those names give them up, as they do to a created token.
      await this.tokens.releaseExpiredNames(
        fresh.map((row) => ({ userId: row.token.userId, name: row.token.name })),
        m,
      );
      const inserted = await this.tokens.insertImported(
        fresh.map((row) => row.token),
        m,
      );
      const byHash = new Map(fresh.map((row) => [row.token.tokenHash.toString('hex'), row]));
      await this.audit.record(
        actor,
        inserted.map((row) =>
          importedEvent(row, byHash.get(row.tokenHash.toString('hex'))!, options.source),
        ),
        m,
      );
      // A "not found" cached a moment ago, here or on another instance, must not hide them.
      tx.afterCommit(() =>
        this.cache.invalidate(inserted.map((row) => row.tokenHash.toString('base64'))),
      );
      await this.notices.tell(
        tx,
        inserted.map((row) => row.id),
        owners,
      );
      // Those left out by the insert were imported (or imported and retired) meanwhile by a
      // concurrent call: skipped too.
      const landed = new Set(inserted.map((row) => row.tokenHash.toString('hex')));
      for (const row of fresh) {
        if (!landed.has(row.token.tokenHash.toString('hex'))) {
          skipped.push({ index: row.index, reason: 'exists' });
        }
      }
      return {
        imported: inserted.length,
        skipped: skipped.length,
        errors: refused,
        skippedRows: sorted(skipped),
      };
    });
  }

  /** The checks that need no database; bad rows go to `errors`. */
  private parse(
    rows: readonly unknown[],
    errors: ImportErrorDto[],
    importer?: Pick<AuthPrincipal, 'role' | 'scopes'>,
  ): Parsed[] {
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
      if ((row.ownerEmail === undefined) === (row.ownerId === undefined)) {
        problems.push('give either ownerEmail or ownerId');
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
          expiresAt:
            expiresAt ??
            (this.config.tokenMaxDaysSet
              ? new Date(now + this.config.tokenMaxDays * DAY_MS)
              : null),
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

  /**
   * The checks against the database: owners exist and may hold the scopes, names are free.
   * Returns the rows to insert: those whose hash no token has yet.
   */
  private async resolve(
    parsed: Parsed[],
    owners: Owner[],
    errors: ImportErrorDto[],
    skipped: ImportSkippedDto[],
    m: EntityManager,
  ): Promise<(Parsed & { token: ImportedToken })[]> {
    const byId = new Map(owners.map((owner) => [owner.id, owner]));
    const byEmail = new Map(owners.map((owner) => [owner.email, owner]));
    const hashes = parsed.map((row) => row.token.tokenHash);
    const hex = (found: Buffer[]) => new Set(found.map((hash) => hash.toString('hex')));
    const known = hex(await this.tokens.existingHashes(hashes, m));
    // An imported token ended since (revoked, rotated away, deleted, purged) stays ended.
    const retired = hex(await this.tokens.retiredHashes(hashes, m));
    const withOwner: (Parsed & { token: ImportedToken })[] = [];
    for (const row of parsed) {
      const owner = 'id' in row.owner ? byId.get(row.owner.id) : byEmail.get(row.owner.email);
      if (!owner) {
        errors.push({
          index: row.index,
          message: `no user has this ${'id' in row.owner ? 'ownerId' : 'ownerEmail'}`,
        });
        continue;
      }
      const granted = this.registry.scopesOf(owner.role);
      const denied = row.token.scopes.filter((scope) => !granted.includes(scope));
      if (denied.length > 0) {
        errors.push({
          index: row.index,
          message: `the owner's role (${owner.role}) may not hold: ${denied.join(', ')}`,
        });
        continue;
      }
      const hash = row.token.tokenHash.toString('hex');
      if (known.has(hash) || retired.has(hash)) {
        skipped.push({ index: row.index, reason: retired.has(hash) ? 'retired' : 'exists' });
        continue;
      }
      withOwner.push({ ...row, token: { ...row.token, userId: owner.id } });
    }
    // An active token's name is its owner's to tell it apart by: no two active ones share it.
    const now = Date.now();
    // An imported token is never revoked: its expiry alone decides.
    const active = (row: { token: ImportedToken }) =>
      isActiveAt(null, row.token.expiresAt?.getTime() ?? null, now);
    const taken = new Set(
      (
        await this.tokens.activeNames([...new Set(withOwner.map((row) => row.token.userId))], m)
      ).map((t) => `${t.userId}/${t.name}`),
    );
    const fresh: (Parsed & { token: ImportedToken })[] = [];
    for (const row of withOwner) {
      const key = `${row.token.userId}/${row.token.name}`;
      if (active(row) && taken.has(key)) {
        errors.push({
          index: row.index,
          message: 'the owner already has an active token of this name',
        });
        continue;
      }
      if (active(row)) taken.add(key);
      fresh.push(row);
    }
    return fresh;
  }
}

function ownerKeys(parsed: Parsed[]): { ids: string[]; emails: string[] } {
  const ids = new Set<string>();
  const emails = new Set<string>();
  for (const { owner } of parsed) {
    if ('id' in owner) ids.add(owner.id);
    else emails.add(owner.email);
  }
  return { ids: [...ids], emails: [...emails] };
}

function sorted<T extends { index: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.index - b.index);
}

function messagesOf(error: ValidationError): string[] {
  const own = Object.values(error.constraints ?? {});
  return [...own, ...(error.children ?? []).flatMap(messagesOf)];
}

function importedEvent(
  row: { id: string; userId: string },
  source: Parsed & { token: ImportedToken },
  via: 'api' | 'cli',
): AuditRecord {
  return {
    action: 'token.imported',
    targetType: 'token',
    targetId: row.id,
    ownerId: row.userId,
    details: {
      name: source.token.name,
      scopes: source.token.scopes,
      expiresAt: source.token.expiresAt?.toISOString() ?? null,
      ...(source.token.externalId ? { externalId: source.token.externalId } : {}),
      source: via,
    },
  };
}
