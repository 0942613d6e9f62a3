/** Where a request comes from, as the session records it. */
export interface ClientContext {
  ip: string;
  userAgent: string | null;
  deviceId: string | null;
  deviceName: string | null;
}
