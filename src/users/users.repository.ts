import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { Role } from '../common/auth/scopes.js';
import { change } from '../database/returning.js';
import { User } from './user.entity.js';

/**
 * The queries on `users`.
 *
 * Lock order, for every transaction that locks more than one row: the user's row first (with
 * {@link UsersRepository.lockRow}), then the rows of that user's sessions or API tokens. Logins,
 * password changes and resets, token creations and rotations of one user take turns on it.
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
  async lockRow(
    id: string,
    m: EntityManager,
  ): Promise<{ passwordHash: string; role: Role } | null> {
    const rows: { password_hash: string; role: Role }[] = await m.query(
      'SELECT password_hash, role FROM users WHERE id = $1 FOR NO KEY UPDATE',
      [id],
    );
    const row = rows[0];
    return row ? { passwordHash: row.password_hash, role: row.role } : null;
  }

  /**
   * The users with these ids or emails; with `lock`, their rows locked as {@link lockRow} does,
   * in id order (several users at once: an import).
   */
  async findMany(
    keys: { ids: string[]; emails: string[] },
    m: EntityManager,
    lock: boolean,
  ): Promise<{ id: string; email: string; role: Role }[]> {
    if (keys.ids.length === 0 && keys.emails.length === 0) return [];
    return m.query(
      `SELECT id, email, role FROM users
       WHERE id = ANY($1::uuid[]) OR email = ANY($2::varchar[])
       ORDER BY id${lock ? ' FOR NO KEY UPDATE' : ''}`,
      [keys.ids, keys.emails],
    );
  }

  async roleOf(id: string, m: EntityManager = this.dataSource.manager): Promise<Role | null> {
    const user = await m.findOne(User, { select: { role: true }, where: { id } });
    return user?.role ?? null;
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
