/** The one form of an email address that is stored, looked up and throttled on. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}
