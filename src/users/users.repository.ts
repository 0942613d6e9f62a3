import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../common/auth/scopes.js';
import { pageNewestFirst, type Page } from '../database/paging.js';
import { change } from '../database/returning.js';
import { User } from './user.entity.js';

export interface UserFilter {
  /** A part of the email, any case. */
  email?: string;
  role?: Role;
  disabled?: boolean;
  limit: number;
  cursor?: string;
}

/** What a lock holder may rely on of a user row until its commit. */
export interface LockedUser {
  id: string;
  passwordHash: string;
  role: Role;
  disabled: boolean;
}

/**
 * The queries on `users`.
 *
 * Lock order, for every transaction that locks more than one row: the user's row first (with
 * {@link UsersRepository.lockRow}), then the rows of that user's sessions or API tokens. Logins,
 * password changes and resets, token creations and rotations of one user take turns on it.
 * A transaction that needs several user rows (an admin changing another user) locks them all
 * at once in id order ({@link UsersRepository.lockRows}), before any other row.
 */
@Injectable()
export class UsersRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  findByEmail(email: string, m: EntityManager = this.dataSource.manager): Promise<User | null> {
    return m.findOneBy(User, { email });
  }

  findById(id: string, m: EntityManager = this.dataSource.manager): Promise<User | null> {
    return m.findOneBy(User, { id });
  }

  insert(
    fields: { email: string; name: string | null; passwordHash: string; role: Role },
    m: EntityManager = this.dataSource.manager,
  ): Promise<User> {
    return m.save(m.create(User, fields));
  }

  /** Inserts a user unless the email is taken (by a concurrent insert too); its id, or null. */
  async insertUnlessTaken(
    fields: { email: string; name: string | null; passwordHash: string; role: Role },
    m: EntityManager,
  ): Promise<string | null> {
    const { rows } = await change<{ id: string }>(
      m,
      `INSERT INTO users (email, name, password_hash, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [fields.email, fields.name, fields.passwordHash, fields.role],
    );
    return rows[0]?.id ?? null;
  }

  /**
   * The one row lock on a user (`FOR NO KEY UPDATE`: it serialises the changes of one user
   * without blocking inserts that merely reference the row). Returns what the lock holder may
   * rely on until its commit, or null when the user does not exist.
   */
  async lockRow(id: string, m: EntityManager): Promise<LockedUser | null> {
    return (await this.lockRows([id], m))[0] ?? null;
  }

  /** {@link lockRow} for several users, taken in id order so that two lockers never deadlock. */
  async lockRows(ids: readonly string[], m: EntityManager): Promise<LockedUser[]> {
    const rows: { id: string; password_hash: string; role: Role; disabled: boolean }[] =
      await m.query(
        `SELECT id, password_hash, role, disabled_at IS NOT NULL AS disabled FROM users
         WHERE id = ANY($1::uuid[]) ORDER BY id FOR NO KEY UPDATE`,
        [[...new Set(ids)]],
      );
    return rows.map((row) => ({
      id: row.id,
      passwordHash: row.password_hash,
      role: row.role,
      disabled: row.disabled,
    }));
  }

  /** Admins who can still sign in, but `except`. */
  async countEnabledAdmins(except: string, m: EntityManager): Promise<number> {
    const [{ n }]: { n: number }[] = await m.query(
      `SELECT count(*)::int AS n FROM users
       WHERE role = 'admin' AND disabled_at IS NULL AND id <> $1`,
      [except],
    );
    return n;
  }

  async setDisabled(id: string, disabled: boolean, m: EntityManager): Promise<void> {
    await m.query(
      `UPDATE users SET disabled_at = CASE WHEN $2 THEN coalesce(disabled_at, now()) END,
              updated_at = now()
       WHERE id = $1`,
      [id, disabled],
    );
  }

  async recordLogin(id: string, m: EntityManager): Promise<void> {
    await m.query('UPDATE users SET last_login_at = now() WHERE id = $1', [id]);
  }

  /** Users, newest first, by a part of their email, role and whether they are disabled. */
  list(filter: UserFilter): Promise<Page<User>> {
    const qb = this.dataSource.getRepository(User).createQueryBuilder('u');
    if (filter.email) {
      // Emails are stored lower-cased; the pattern's own wildcards are taken literally.
      const literal = filter.email.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`);
      qb.andWhere(`u.email LIKE :pattern ESCAPE '\\'`, { pattern: `%${literal}%` });
    }
    if (filter.role) qb.andWhere('u.role = :role', { role: filter.role });
    if (filter.disabled !== undefined) {
      qb.andWhere(filter.disabled ? 'u.disabled_at IS NOT NULL' : 'u.disabled_at IS NULL');
    }
    return pageNewestFirst(qb, 'u', 'created_at', filter);
  }

  /**
   * The users with these ids or emails; with `lock`, their rows locked as {@link lockRow} does,
   * in id order (several users at once: an import).
   */
  async findMany(
    keys: { ids: string[]; emails: string[] },
    m: EntityManager,
    lock: boolean,
  ): Promise<{ id: string; email: string; name: string | null; role: Role }[]> {
    if (keys.ids.length === 0 && keys.emails.length === 0) return [];
    return m.query(
      `SELECT id, email, name, role FROM users
       WHERE id = ANY($1::uuid[]) OR email = ANY($2::varchar[])
       ORDER BY id${lock ? ' FOR NO KEY UPDATE' : ''}`,
      [keys.ids, keys.emails],
    );
  }

  /** The email of each of these users that exists. */
  async emailsOf(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows: { id: string; email: string }[] = await this.dataSource.query(
      'SELECT id, email FROM users WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(rows.map((row) => [row.id, row.email]));
  }

  async roleOf(id: string, m: EntityManager = this.dataSource.manager): Promise<Role | null> {
    const user = await m.findOne(User, { select: { role: true }, where: { id } });
    return user?.role ?? null;
  }

  /** The user's role and whether the account is disabled; null when there is no such user. */
  async standingOf(
    id: string,
    m: EntityManager = this.dataSource.manager,
  ): Promise<{ role: Role; disabled: boolean } | null> {
    const user = await m.findOne(User, {
      select: { role: true, disabledAt: true },
      where: { id },
    });
    return user ? { role: user.role, disabled: user.disabledAt !== null } : null;
  }

  /** Sets the password hash provided it is still `expected`; whether it was. */
  async replacePasswordHash(
    id: string,
    expected: string,
    passwordHash: string,
    m: EntityManager,
  ): Promise<boolean> {
    const result = await m.update(User, { id, passwordHash: expected }, { passwordHash });
    return result.affected === 1;
  }

  async setPasswordHash(id: string, passwordHash: string, m: EntityManager): Promise<void> {
    await m.update(User, { id }, { passwordHash });
  }

  async setRole(id: string, role: Role, m: EntityManager): Promise<void> {
    await m.update(User, { id }, { role });
  }
}
