import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type JobTrigger = 'schedule' | 'admin' | 'cli';
export type JobOutcome = 'running' | 'ok' | 'failed';

/** One run of a scheduled job, by whichever instance (or CLI) ran it. */
@Entity('job_runs')
@Index('job_runs_job_started_idx', ['job', 'startedAt'])
@Index('job_runs_job_slot_key', ['job', 'slot'], { unique: true, where: '"slot" IS NOT NULL' })
export class JobRun {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'job_runs_pkey' })
  id: string;

  @Column({ type: 'varchar', length: 64 })
  job: string;

  @Column({ type: 'varchar', length: 16 })
  trigger: JobTrigger;

  /** The cron time a scheduled run stands for: the same slot never runs twice. */
  @Column({ type: 'timestamptz', nullable: true })
  slot: Date | null;

  /** Host and process that ran it. */
  @Column({ type: 'varchar', length: 128 })
  instance: string;

  /** The admin who asked for it, for runs through the API. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' })
  startedAt: Date;

  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'varchar', length: 16 })
  outcome: JobOutcome;

  /** What the run did, e.g. rows deleted per table. */
  @Column({ type: 'jsonb', nullable: true })
  counts: Record<string, number> | null;

  /** Why it failed: the error's message only. */
  @Column({ type: 'varchar', length: 500, nullable: true })
  error: string | null;
}
