import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { QueryFailedError, Repository, type EntityManager } from 'typeorm';
import { DomainError, notFound } from '../common/errors/domain-error.js';
import type { Role } from '../common/auth/scopes.js';
import { User } from './user.entity.js';

export interface UserView {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  createdAt: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
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

@Injectable()
export class UsersService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  findByEmail(email: string): Promise<User | null> {
    return this.users.findOneBy({ email: normalizeEmail(email) });
  }

  async get(id: string): Promise<User> {
    const user = await this.users.findOneBy({ id });
    if (!user) throw notFound('User');
    return user;
  }

  /** Creates a user; a taken email (also under a concurrent register) is EmailTaken. */
  async create(fields: { email: string; name?: string | null; passwordHash: string; role?: Role }) {
    try {
      return await this.users.save(
        this.users.create({
          email: normalizeEmail(fields.email),
          name: fields.name ?? null,
          passwordHash: fields.passwordHash,
          role: fields.role ?? 'user',
        }),
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

  /**
   * Replaces the password hash, provided it is still `expected`: of two concurrent changes
   * made with the same current password, only the first succeeds. Returns whether it did.
   */
  async replacePasswordHash(
    id: string,
    expected: string,
    passwordHash: string,
    manager: EntityManager,
  ): Promise<boolean> {
    const result = await manager
      .getRepository(User)
      .update({ id, passwordHash: expected }, { passwordHash });
    return result.affected === 1;
  }

  /** Sets the password hash, whatever it was: a reset link proves the mailbox, not the password. */
  async setPasswordHash(id: string, passwordHash: string, manager: EntityManager): Promise<void> {
    await manager.getRepository(User).update({ id }, { passwordHash });
  }
}
