import { api } from '../api.js';
import { h, status, table, when } from '../dom.js';
import type { Job, JobRun, PurgeResult } from '../types.js';

/** What each count of a purge or a job run is, in words. */
const LABELS: Record<string, string> = {
  tokens: 'API tokens',
  sessions: 'Sessions',
  idempotencyKeys: 'Idempotency records',
  passwordResetTokens: 'Password-reset links',
  webhookEvents: 'Webhook events',
  auditEvents: 'Audit events',
  tokenUsage: 'Hourly usage counts',
  mfaChallenges: 'MFA login challenges',
  webauthnChallenges: 'Passkey challenges',
};

/** A label for a count: the known ones above, else the camelCase key in words. */
export function labelOf(key: string): string {
  if (LABELS[key]) return LABELS[key];
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function counts(values: Record<string, unknown>, label: string): HTMLElement {
  const entries = Object.entries(values).filter(([, value]) => typeof value === 'number');
  return h(
    'dl',
    { class: 'counts', 'aria-label': label },
    entries.flatMap(([name, value]) => [
      h('dt', { 'data-key': name }, labelOf(name)),
      h('dd', {}, String(value as number)),
    ]),
  );
}

export async function jobsPage(): Promise<HTMLElement> {
  const outcome = status();
  const result = h('div', { id: 'job-result', 'aria-live': 'polite' });
  const holder = h('div', {});
  const load = async () => {
    const jobs = await api<Job[]>('GET', '/admin/jobs');
    holder.replaceChildren(
      table(
        'Scheduled jobs',
        ['Job', 'Schedule', 'Last run', 'Next run', 'Run now'],
        jobs.map((job) => {
          const run = h('button', { type: 'button', 'aria-label': `Run ${job.name} now` }, 'Run');
          const dry = h(
            'button',
            { type: 'button', class: 'secondary', 'aria-label': `Dry-run ${job.name}` },
            'Dry run',
          );
          const start = (dryRun: boolean) => {
            if (!dryRun && !confirm(`Run ${job.name} now?`)) return;
            run.disabled = dry.disabled = true;
            api<JobRun>('POST', `/admin/jobs/${encodeURIComponent(job.name)}/run`, { dryRun })
              .then((report) => {
                result.replaceChildren(
                  h(
                    'section',
                    { class: 'card' },
                    h(
                      'h2',
                      {},
                      `${report.job}: ${report.outcome}${dryRun ? ' (dry run: nothing deleted)' : ''}`,
                    ),
                    report.error ? h('p', { class: 'status error' }, report.error) : null,
                    Object.keys(report.counts).length
                      ? counts(report.counts, dryRun ? 'Would be deleted' : 'Counts')
                      : h('p', {}, 'Nothing to count.'),
                  ),
                );
                return load();
              })
              .catch((error: unknown) => outcome.show('error', (error as Error).message))
              .finally(() => (run.disabled = dry.disabled = false));
          };
          run.addEventListener('click', () => start(false));
          dry.addEventListener('click', () => start(true));
          return h(
            'tr',
            {},
            h('th', { scope: 'row' }, job.name, h('div', { class: 'hint' }, job.description)),
            h(
              'td',
              {},
              h('code', {}, job.cron),
              ' ',
              job.timeZone,
              job.enabled ? '' : ' (off here)',
              job.running ? h('span', { class: 'badge' }, 'running') : null,
            ),
            h(
              'td',
              {},
              when(job.lastRunAt, 'never'),
              job.lastResult ? h('div', { class: 'hint' }, job.lastResult.outcome) : null,
            ),
            h('td', {}, when(job.nextRunAt, 'not scheduled here')),
            h('td', { class: 'actions' }, run, dry),
          );
        }),
      ),
    );
  };

  const purgeDry = h('button', { type: 'button', id: 'purge-dry-run' }, 'Dry-run purge');
  const purgeNow = h('button', { type: 'button', class: 'danger' }, 'Purge now');
  const purge = (dryRun: boolean) => {
    if (!dryRun && !confirm('Delete expired and revoked tokens and sessions past retention now?'))
      return;
    purgeDry.disabled = purgeNow.disabled = true;
    api<PurgeResult>('POST', '/admin/purge', { dryRun })
      .then((report) => {
        const { runs: _runs, dryRun: _dry, ...numbers } = report;
        result.replaceChildren(
          h(
            'section',
            { class: 'card', id: 'purge-result' },
            h('h2', {}, dryRun ? 'Purge dry run: would delete' : 'Purge: deleted'),
            counts(numbers, dryRun ? 'Would be deleted' : 'Deleted'),
          ),
        );
        return load();
      })
      .catch((error: unknown) => outcome.show('error', (error as Error).message))
      .finally(() => (purgeDry.disabled = purgeNow.disabled = false));
  };
  purgeDry.addEventListener('click', () => purge(true));
  purgeNow.addEventListener('click', () => purge(false));
  await load();
  return h(
    'div',
    {},
    h(
      'section',
      { class: 'card', 'aria-labelledby': 'purge-title' },
      h('h2', { id: 'purge-title' }, 'Purge'),
      h(
        'p',
        {},
        'Deletes tokens and sessions expired or revoked longer ago than the retention, spent password-reset links, old idempotency records, delivered webhook events and audit events past their retention. Nothing active is touched. A dry run only counts.',
      ),
      h('p', { class: 'buttons' }, purgeDry, purgeNow),
    ),
    outcome,
    result,
    holder,
  );
}
