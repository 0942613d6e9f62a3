/** An organization member's role: `owner` ⊃ `admin` ⊃ `member`. */
export const ORG_ROLES = ['member', 'admin', 'owner'] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const RANK: Record<OrgRole, number> = { member: 0, admin: 1, owner: 2 };

/** Whether `role` holds at least the rights of `needed`. */
export function atLeast(role: OrgRole, needed: OrgRole): boolean {
  return RANK[role] >= RANK[needed];
}

/**
 * Whether a member of role `actor` may give or take `role`: admins manage members up to admin,
 * only owners manage owners.
 */
export function mayManage(actor: OrgRole, role: OrgRole): boolean {
  return actor === 'owner' || (actor === 'admin' && role !== 'owner');
}
