import { api } from '../api.js';
import { h, status, table } from '../dom.js';
import type { Org, OrgUsage } from '../types.js';
import { stackedBars } from '../usage-charts.js';

/** The organization's usage: all its tokens summed, by hour and by day, and its most used tokens. */
export function orgUsageSection(org: Org): HTMLElement {
  const body = h('div', { class: 'usage-panel' }, h('p', { class: 'hint' }, 'Loading usage…'));
  const base = `/orgs/${encodeURIComponent(org.id)}/usage`;
  void Promise.all([
    api<OrgUsage>('GET', `${base}?granularity=hour`),
    api<OrgUsage>('GET', `${base}?granularity=day`),
  ])
    .then(([hours, days]) => {
      const rows = days.top.map((token) =>
        h(
          'tr',
          {},
          h('td', {}, token.name),
          h('td', {}, String(token.valid)),
          h('td', {}, String(token.refused)),
        ),
      );
      body.replaceChildren(
        stackedBars('All tokens, last 24 hours, by hour', hours),
        stackedBars('All tokens, last 30 days, by day', days),
        rows.length > 0
          ? table('Most used tokens, last 30 days', ['Token', 'Let through', 'Refused'], rows)
          : h(
              'p',
              { class: 'hint' },
              'No token of this organization was used in the last 30 days.',
            ),
      );
    })
    .catch((error: unknown) => {
      const outcome = status();
      body.replaceChildren(outcome);
      outcome.show('error', (error as Error).message);
    });
  return h(
    'section',
    { 'aria-labelledby': 'org-usage-title' },
    h('h2', { id: 'org-usage-title' }, 'Usage'),
    body,
  );
}
