import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Role } from '../common/auth/scopes.js';
import type { Tx } from '../database/unit-of-work.js';
import { MailService } from '../mail/mail.service.js';
import { tokensImportedMail } from '../mail/templates/token-imported.js';
import { WebhooksService } from '../webhooks/webhooks.service.js';
import type { ApiToken } from './api-token.entity.js';
import { IMPORT_ORGS, type ImportOrg, type ImportOrgs } from './import-orgs.js';
import { tokenEvent } from './token-events.js';
import { TokenImportRepository } from './token-import.repository.js';

/** An owner of imported tokens, as the import reads it. */
export interface Owner {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

/**
 * What the owners of imported tokens learn: an import hands out working credentials in their
 * name, so they are told as of a token they made themselves.
 */
@Injectable()
export class TokenImportNotices {
  constructor(
    private readonly tokens: TokenImportRepository,
    private readonly webhooks: WebhooksService,
    private readonly mail: MailService,
    @Optional() @Inject(IMPORT_ORGS) private readonly orgs?: ImportOrgs,
  ) {}

  /**
   * A `token.created` webhook (`imported: true`) per token, recorded in `tx`; after the commit,
   * one mail per owner naming their imported tokens. An organization's tokens are told to its
   * owners and admins (one mail each per organization), who manage them.
   */
  async tell(
    tx: Tx,
    ids: string[],
    owners: readonly Owner[],
    orgs: readonly ImportOrg[] = [],
  ): Promise<void> {
    if (ids.length === 0) return;
    const tokens = await this.tokens.findByIds(ids, tx.manager);
    await this.webhooks.enqueue(
      tokens.map((token) => tokenEvent('token.created', token, { imported: true })),
      tx,
    );
    const byOwner = new Map<string, ApiToken[]>();
    for (const token of tokens) {
      const owner = token.userId ?? token.orgId!;
      const theirs = byOwner.get(owner);
      if (theirs) theirs.push(token);
      else byOwner.set(owner, [token]);
    }
    const importedAt = new Date();
    for (const org of orgs) {
      const theirs = byOwner.get(org.id);
      if (!theirs || !this.orgs) continue;
      for (const admin of await this.orgs.admins(org.id, tx.manager)) {
        const message = tokensImportedMail({
          to: admin.email,
          name: admin.name,
          tokenNames: theirs.map((token) => token.name),
          scopes: [...new Set(theirs.flatMap((token) => token.scopes))],
          importedAt,
          org: { name: org.name, slug: org.slug },
        });
        tx.afterCommit(() => this.mail.send('tokens-imported', message));
      }
    }
    for (const owner of owners) {
      const theirs = byOwner.get(owner.id);
      if (!theirs) continue;
      const message = tokensImportedMail({
        to: owner.email,
        name: owner.name,
        tokenNames: theirs.map((token) => token.name),
        scopes: [...new Set(theirs.flatMap((token) => token.scopes))],
        importedAt,
      });
      tx.afterCommit(() => this.mail.send('tokens-imported', message));
    }
  }
}
