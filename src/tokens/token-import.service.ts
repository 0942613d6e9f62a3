import { Inject, Injectable, Optional } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AuditActor, AuditRecord } from '../audit/audit.service.js';
import { AuditService } from '../audit/audit.service.js';
import { DomainError } from '../common/errors/domain-error.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { ScopeRegistry } from '../policy/scope-registry.js';
import { UsersRepository } from '../users/users.repository.js';
import { TokenImportRepository, type ImportedToken } from './token-import.repository.js';
import { isActiveAt } from './token-status.js';
import { TokenCache } from './token-cache.js';
import { TokenImportNotices, type Owner } from './token-import-notices.js';
import { IMPORT_ORGS, type ImportOrg, type ImportOrgs } from './import-orgs.js';
import { OrgRowChecks } from './token-import-org-rows.js';
import { AppConfig } from '../common/config/app-config.js';
import { ImportRowParser, type Importer, type Parsed } from './token-import-rows.js';
import { assertMayImport } from './token-policy.js';
import {
  MAX_IMPORT_ROWS,
  type ImportErrorDto,
  type ImportResultDto,
  type ImportSkippedDto,
} from './dto/token-import.dto.js';

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
    @Optional() @Inject(IMPORT_ORGS) private readonly orgs?: ImportOrgs,
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
      importer?: Importer;
    },
  ): Promise<ImportResultDto> {
    if (rows.length > MAX_IMPORT_ROWS) {
      throw new DomainError('BadRequest', `At most ${MAX_IMPORT_ROWS} tokens per call`);
    }
    if (options.importer) {
      assertMayImport(options.importer, {
        perMinute: this.config.tokenRatePerMinute,
        perHour: this.config.tokenRatePerHour,
      });
    }
    const errors: ImportErrorDto[] = [];
    const parsed = new ImportRowParser(this.registry, this.config).parse(
      rows,
      errors,
      options.importer,
    );
    return this.uow.run(async (tx) => {
      const m = tx.manager;
      // Owners locked, in id order, as a token creation locks its owner: the names checked
      // below stay free until the commit.
      const owners = await this.users.findMany(ownerKeys(parsed), m, !options.dryRun);
      // Then the organizations' rows, in id order, as an org token's creation locks its org:
      // their active tokens are counted against MAX_TOKENS_PER_ORG below.
      const orgRefs = [
        ...new Set(parsed.flatMap((row) => ('org' in row.owner ? [row.owner.org] : []))),
      ];
      const orgs =
        orgRefs.length > 0 && this.orgs
          ? await this.orgs.find(orgRefs, m, !options.dryRun)
          : new Map<string, ImportOrg>();
      const skipped: ImportSkippedDto[] = [];
      const fresh = await this.resolve(parsed, owners, orgs, errors, skipped, m, options.importer);
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
        fresh.map((row) => ({
          userId: row.token.userId,
          orgId: row.token.orgId,
          name: row.token.name,
        })),
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
        [...new Map([...orgs.values()].map((org) => [org.id, org])).values()],
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

  /**
   * The checks against the database: owners exist and may hold the scopes, names are free, an
   * organization's policy and MAX_TOKENS_PER_ORG allow the token. Returns the rows to insert:
   * those whose hash no token has yet.
   */
  private async resolve(
    parsed: Parsed[],
    owners: Owner[],
    orgs: Map<string, ImportOrg>,
    errors: ImportErrorDto[],
    skipped: ImportSkippedDto[],
    m: EntityManager,
    importer?: Importer,
  ): Promise<(Parsed & { token: ImportedToken })[]> {
    const byId = new Map(owners.map((owner) => [owner.id, owner]));
    const byEmail = new Map(owners.map((owner) => [owner.email, owner]));
    const hashes = parsed.map((row) => row.token.tokenHash);
    const hex = (found: Buffer[]) => new Set(found.map((hash) => hash.toString('hex')));
    const known = hex(await this.tokens.existingHashes(hashes, m));
    // An imported token ended since (revoked, rotated away, deleted, purged) stays ended.
    const retired = hex(await this.tokens.retiredHashes(hashes, m));
    const now = Date.now();
    const orgChecks = new OrgRowChecks(this.registry, this.config.maxTokensPerOrg, importer, now);
    const withOwner: (Parsed & { token: ImportedToken })[] = [];
    for (const row of parsed) {
      const owned = this.ownerOf(row, byId, byEmail, orgs, orgChecks, importer);
      if (typeof owned === 'string') {
        errors.push({ index: row.index, message: owned });
        continue;
      }
      const hash = row.token.tokenHash.toString('hex');
      if (known.has(hash) || retired.has(hash)) {
        skipped.push({ index: row.index, reason: retired.has(hash) ? 'retired' : 'exists' });
        continue;
      }
      withOwner.push({ ...row, token: { ...row.token, ...owned } });
    }
    // An active token's name is its owner's to tell it apart by: no two active ones share it.
    // An imported token is never revoked: its expiry alone decides.
    const active = (row: { token: ImportedToken }) =>
      isActiveAt(null, row.token.expiresAt?.getTime() ?? null, now);
    const ownerKey = (t: { userId: string | null; orgId?: string | null; name: string }) =>
      t.userId ? `user:${t.userId}/${t.name}` : `org:${t.orgId}/${t.name}`;
    const distinct = (ids: (string | null)[]) => [
      ...new Set(ids.filter((id): id is string => id !== null)),
    ];
    const orgNames = await this.tokens.activeOrgNames(
      distinct(withOwner.map((row) => row.token.orgId)),
      m,
    );
    orgChecks.countExisting(orgNames.map((t) => t.orgId));
    const taken = new Set([
      ...(await this.tokens.activeNames(distinct(withOwner.map((row) => row.token.userId)), m)).map(
        ownerKey,
      ),
      ...orgNames.map((t) => ownerKey({ userId: null, ...t })),
    ]);
    const fresh: (Parsed & { token: ImportedToken })[] = [];
    for (const row of withOwner) {
      const key = ownerKey(row.token);
      if (active(row) && taken.has(key)) {
        errors.push({
          index: row.index,
          message: `the ${row.token.orgId ? 'organization' : 'owner'} already has an active token of this name`,
        });
        continue;
      }
      const over = active(row) && row.token.orgId ? orgChecks.take(row.token.orgId) : null;
      if (over) {
        errors.push({ index: row.index, message: over });
        continue;
      }
      if (active(row)) taken.add(key);
      fresh.push(row);
    }
    return fresh;
  }

  /** The row's owner as the token will record it, or why it may not have the token. */
  private ownerOf(
    row: Parsed,
    byId: Map<string, Owner>,
    byEmail: Map<string, Owner>,
    orgs: Map<string, ImportOrg>,
    orgChecks: OrgRowChecks,
    importer?: Importer,
  ): Pick<ImportedToken, 'userId' | 'orgId' | 'createdBy'> | string {
    if ('org' in row.owner) {
      const org = orgs.get(row.owner.org);
      if (!org) return 'no organization has this ownerOrg';
      const problem = orgChecks.problem(row.token, org);
      if (problem) return problem;
      return { userId: null, orgId: org.id, createdBy: importer?.userId ?? null };
    }
    const owner = 'id' in row.owner ? byId.get(row.owner.id) : byEmail.get(row.owner.email);
    if (!owner) return `no user has this ${'id' in row.owner ? 'ownerId' : 'ownerEmail'}`;
    const granted = this.registry.scopesOf(owner.role);
    const denied = row.token.scopes.filter((scope) => !granted.includes(scope));
    if (denied.length > 0) {
      return `the owner's role (${owner.role}) may not hold: ${denied.join(', ')}`;
    }
    return { userId: owner.id, orgId: null, createdBy: null };
  }
}

function ownerKeys(parsed: Parsed[]): { ids: string[]; emails: string[] } {
  const ids = new Set<string>();
  const emails = new Set<string>();
  for (const { owner } of parsed) {
    if ('id' in owner) ids.add(owner.id);
    else if ('email' in owner) emails.add(owner.email);
  }
  return { ids: [...ids], emails: [...emails] };
}

function sorted<T extends { index: number }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => a.index - b.index);
}

function importedEvent(
  row: { id: string; userId: string | null; orgId: string | null },
  source: Parsed & { token: ImportedToken },
  via: 'api' | 'cli',
): AuditRecord {
  return {
    action: 'token.imported',
    targetType: 'token',
    targetId: row.id,
    ownerId: row.userId,
    orgId: row.orgId,
    details: {
      name: source.token.name,
      scopes: source.token.scopes,
      expiresAt: source.token.expiresAt?.toISOString() ?? null,
      ...(source.token.externalId ? { externalId: source.token.externalId } : {}),
      source: via,
    },
  };
}
