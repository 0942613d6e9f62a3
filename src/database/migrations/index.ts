import { Init1763856000000 } from './1763856000000-Init.js';
import { AuditLog1763900000000 } from './1763900000000-AuditLog.js';
import { ApiTokens1763910000000 } from './1763910000000-ApiTokens.js';
import { PasswordReset1763920000000 } from './1763920000000-PasswordReset.js';
import { Jobs1763930000000 } from './1763930000000-Jobs.js';
import { Webhooks1763940000000 } from './1763940000000-Webhooks.js';
import { PolicyScopes1763950000000 } from './1763950000000-PolicyScopes.js';
import { TokenImport1763960000000 } from './1763960000000-TokenImport.js';
import { AdminUsers1763970000000 } from './1763970000000-AdminUsers.js';
import { JobLeases1763980000000 } from './1763980000000-JobLeases.js';
import { SecondFactors1796426374410 } from './1796426374410-SecondFactors.js';
import { PurgeRecordsJob1796426837000 } from './1796426837000-PurgeRecordsJob.js';
import { Orgs1796427030713 } from './1796427030713-Orgs.js';
import { OrgTokens1796427664886 } from './1796427664886-OrgTokens.js';
import { RetiredTokenHashes1796428631211 } from './1796428631211-RetiredTokenHashes.js';
import { OrgInvitations1796429289697 } from './1796429289697-OrgInvitations.js';
import { TokenUsage1796429679674 } from './1796429679674-TokenUsage.js';
import { TokenQuotas1796430138570 } from './1796430138570-TokenQuotas.js';

/** Listed explicitly (no glob) so that the same list works from source, tests and the build. */
export const MIGRATIONS = [
  Init1763856000000,
  AuditLog1763900000000,
  ApiTokens1763910000000,
  PasswordReset1763920000000,
  Jobs1763930000000,
  Webhooks1763940000000,
  PolicyScopes1763950000000,
  TokenImport1763960000000,
  AdminUsers1763970000000,
  JobLeases1763980000000,
  SecondFactors1796426374410,
  PurgeRecordsJob1796426837000,
  Orgs1796427030713,
  OrgTokens1796427664886,
  RetiredTokenHashes1796428631211,
  OrgInvitations1796429289697,
  TokenUsage1796429679674,
  TokenQuotas1796430138570,
];
