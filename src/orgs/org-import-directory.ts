import { Global, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ImportOrg, ImportOrgAdmin, ImportOrgs } from '../tokens/import-orgs.js';
import { IMPORT_ORGS } from '../tokens/import-orgs.js';
import { OrgMembersRepository } from './org-members.repository.js';
import { atLeast } from './org-roles.js';
import { orgReference } from './org-slug.js';
import { assertOrgPolicy } from './org-token-policy.js';
import { OrgsRepository } from './orgs.repository.js';

/** The organizations a token import may give tokens to (rows naming `ownerOrg`). */
export class OrgImportDirectory implements ImportOrgs {
  constructor(
    private readonly orgs: OrgsRepository,
    private readonly members: OrgMembersRepository,
  ) {}

  async find(
    refs: readonly string[],
    m: EntityManager,
    lock: boolean,
  ): Promise<Map<string, ImportOrg>> {
    const named = new Map<string, { id: string } | { slug: string }>();
    for (const ref of refs) {
      const reference = orgReference(ref);
      if (reference) named.set(ref, reference);
    }
    const references = [...named.values()];
    const found = await this.orgs.findLiveMany(
      {
        ids: references.flatMap((r) => ('id' in r ? [r.id] : [])),
        slugs: references.flatMap((r) => ('slug' in r ? [r.slug] : [])),
      },
      m,
      lock,
    );
    const result = new Map<string, ImportOrg>();
    for (const [ref, reference] of named) {
      const org = found.find((o) =>
        'id' in reference ? o.id === reference.id : o.slug === reference.slug,
      );
      if (!org) continue;
      result.set(ref, {
        id: org.id,
        slug: org.slug,
        name: org.name,
        check: (token, now) => assertOrgPolicy(org.policy, token, now),
      });
    }
    return result;
  }

  async admins(orgId: string, m: EntityManager): Promise<ImportOrgAdmin[]> {
    return (await this.members.list(orgId, m))
      .filter((member) => atLeast(member.role, 'admin'))
      .map(({ email, name }) => ({ email, name }));
  }
}

/**
 * Provides {@link IMPORT_ORGS} to the token import, in the service and in the CLI alike (which
 * loads this module and not the rest of the organizations').
 */
@Global()
@Module({
  providers: [
    OrgsRepository,
    OrgMembersRepository,
    {
      provide: IMPORT_ORGS,
      inject: [OrgsRepository, OrgMembersRepository],
      useFactory: (orgs: OrgsRepository, members: OrgMembersRepository) =>
        new OrgImportDirectory(orgs, members),
    },
  ],
  exports: [IMPORT_ORGS],
})
export class OrgImportModule {}
