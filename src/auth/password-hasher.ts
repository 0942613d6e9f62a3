import { Inject, Injectable, Optional, type OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';

/** The argon2 primitives; a test may hand in instrumented ones. */
export const ARGON2 = Symbol('argon2');
export type Argon2 = { hash: typeof hash; verify: typeof verify };

/** OWASP's argon2id baseline: 19 MiB of memory, 2 iterations, 1 lane. */
const OPTIONS = {
  algorithm: 2, // Algorithm.Argon2id (a const enum, not importable under isolated modules)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
} as const;

/** An argon2id hash of `password` at {@link OPTIONS}, for code outside the auth module. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

@Injectable()
export class PasswordHasher implements OnModuleInit {
  /** Verified against when the email is unknown, so that both cases cost the same. */
  private dummyHash: string;

  constructor(@Optional() @Inject(ARGON2) private readonly argon2: Argon2 = { hash, verify }) {}

  async onModuleInit() {
    this.dummyHash = await this.argon2.hash('tessera-timing-equaliser', OPTIONS);
  }

  hash(password: string): Promise<string> {
    return this.argon2.hash(password, OPTIONS);
  }

  /** Checks a password; with no hash (unknown user) does the same work and answers false. */
  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    try {
      const ok = await this.argon2.verify(passwordHash ?? this.dummyHash, password);
      return ok && passwordHash !== undefined;
    } catch {
      return false;
    }
  }
}
