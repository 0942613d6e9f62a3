/**
 * Whether an email has a pending organization invitation: what `REGISTRATION=invite` admits.
 * The organizations module provides it under {@link PENDING_INVITATIONS} from a global module;
 * without one, no email has an invitation ({@link NO_PENDING_INVITATIONS}).
 */
export interface PendingInvitations {
  hasPendingInvitation(email: string): Promise<boolean>;
}

export const PENDING_INVITATIONS = Symbol('PendingInvitations');

export const NO_PENDING_INVITATIONS: PendingInvitations = {
  hasPendingInvitation: () => Promise.resolve(false),
};
