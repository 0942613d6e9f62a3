import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Who runs a job now: held while `expiresAt` is ahead, renewed by its holder as it runs. */
@Entity('job_leases')
export class JobLease {
  @PrimaryColumn({ type: 'varchar', length: 64, primaryKeyConstraintName: 'job_leases_pkey' })
  job: string;

  /** One run's random id: only that run renews or releases the lease. */
  @Column({ type: 'uuid' })
  holder: string;

  /** Host and process of the holder. */
  @Column({ type: 'varchar', length: 128 })
  instance: string;

  @Column({ name: 'acquired_at', type: 'timestamptz', default: () => 'now()' })
  acquiredAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;
}
