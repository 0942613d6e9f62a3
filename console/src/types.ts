export interface User {
  id: string;
  email: string;
  name: string | null;
  role: 'user' | 'admin';
  createdAt: string;
}

export interface Scope {
  name: string;
  description: string;
  adminOnly: boolean;
}

export interface Token {
  id: string;
  name: string;
  description: string | null;
  prefix: string;
  scopes: string[];
  allowedIps: string[];
  expiresAt: string | null;
  lastUsedAt: string | null;
  lastUsedIp: string | null;
  createdAt: string;
  revokedAt: string | null;
  status: 'active' | 'expired' | 'revoked';
}

export interface CreatedToken extends Token {
  token: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Session {
  id: string;
  deviceId: string | null;
  deviceName: string | null;
  ip: string | null;
  userAgent: string | null;
  createdAt: string;
  lastUsedAt: string;
  expiresAt: string;
  current: boolean;
}

export interface Context {
  user: User;
  /** Whether the admin users API answers (it may not exist on this server yet). */
  adminUsers: boolean;
  go(path: string): void;
}
