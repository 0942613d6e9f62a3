import { Injectable } from '@nestjs/common';
import { QueryFailedError, type EntityManager } from 'typeorm';
import type { Role } from '../common/auth/scopes.js';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import { normalizeEmail } from './email.js';
import type { User } from './user.entity.js';
import { UsersRepository } from './users.repository.js';

export { normalizeEmail } from './email.js';

export interface UserView {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: string;
}

export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    createdAt: user.createdAt.toISOString(),
  };
}

const UNIQUE_VIOLATION = '23505';

/** Accounts: what other modules ask about users goes through here. */
@Injectable()
export class UsersService {
  constructor(private readonly users: UsersRepository) {}

  findByEmail(email: string): Promise<User | null> {
    return this.users.findByEmail(normalizeEmail(email));
  }

  /** The email of each of these users that exists. */
  emailsOf(ids: string[]): Promise<Map<string, string>> {
    return this.users.emailsOf([...new Set(ids)]);
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findById(id);
    if (!user) throw notFound('User');
    return user;
  }

  /** Creates a user; a taken email (also under a concurrent register) is EmailTaken. */
  async create(
    fields: { email: string; name?: string | null; passwordHash: string; role?: Role },
    m?: EntityManager,
  ): Promise<User> {
    try {
      return await this.users.insert(
        {
          email: normalizeEmail(fields.email),
          name: fields.name ?? null,
          passwordHash: fields.passwordHash,
          role: fields.role ?? 'user',
        },
        m,
      );
    } catch (error) {
      if (
        error instanceof QueryFailedError &&
        (error.driverError as { code?: string }).code === UNIQUE_VIOLATION
      ) {
        throw new DomainError('EmailTaken', 'An account with this email already exists');
      }
      throw error;
    }
  }
}
