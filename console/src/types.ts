/** The console's names for the API's shapes, all from the generated `api-types.ts`. */
import type { components } from './api-types.js';

type Schemas = components['schemas'];

export type User = Schemas['UserDto'];
export type Scope = Schemas['ScopeDto'];
export type Token = Schemas['TokenDto'];
export type CreatedToken = Schemas['CreatedTokenDto'] | Schemas['RotatedTokenDto'];
export type AdminToken = Schemas['OwnedTokenDto'];
export type TokenDefaults = Schemas['TokenDefaultsDto'];
export type Session = Schemas['SessionDto'];
export type AdminUser = Schemas['AdminUserDto'];
export type AuditEvent = Schemas['AuditEventDto'];
export type Job = Schemas['JobDto'];
export type JobRun = Schemas['JobRunDto'];
export type PurgeResult = Schemas['PurgeResultDto'];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Context {
  user: User;
  go(path: string): void;
}

export type Org = Schemas['OrgDto'];
export type OrgPolicy = Schemas['OrgPolicyDto'];
export type OrgRole = Org['role'];
export type Member = Schemas['MemberDto'];
export type Invitation = Schemas['InvitationDto'];
export type Membership = Schemas['MembershipDto'];
export type OrgUsage = Schemas['OrgUsageDto'];
