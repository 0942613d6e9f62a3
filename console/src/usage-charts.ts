/**
 * A token's usage drawn as SVG in the page: stacked bars (uses let through, then refused) per
 * hour or day, and its quota as a gauge. No script from elsewhere, no inline style: the
 * colours come from console.css classes.
 */
import { api } from './api.js';
import { h } from './dom.js';
import type { Token } from './types.js';

const SVG = 'http://www.w3.org/2000/svg';

interface Point {
  start: string;
  valid: number;
  refused: Record<string, number>;
}

interface Usage {
  granularity: 'hour' | 'day';
  series: Point[];
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number>,
  ...children: (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

const refusedOf = (point: Point) => Object.values(point.refused).reduce((a, b) => a + b, 0);

/** Stacked bars, one per point: let through below, refused above; a title per bar. */
export function stackedBars(title: string, usage: Usage): HTMLElement {
  const width = 480;
  const height = 120;
  const top = Math.max(1, ...usage.series.map((point) => point.valid + refusedOf(point)));
  const slot = width / usage.series.length;
  const bars = usage.series.map((point, i) => {
    const refused = refusedOf(point);
    const validHeight = (point.valid / top) * height;
    const refusedHeight = (refused / top) * height;
    const x = i * slot + 1;
    const barWidth = Math.max(1, slot - 2);
    const when =
      usage.granularity === 'hour'
        ? `${point.start.slice(0, 10)} ${point.start.slice(11, 16)} UTC`
        : point.start.slice(0, 10);
    const codes = Object.entries(point.refused)
      .map(([code, n]) => `${code} ${n}`)
      .join(', ');
    return svg(
      'g',
      { class: 'bar', 'data-valid': point.valid, 'data-refused': refused },
      svg(
        'title',
        {},
        `${when}: ${point.valid} let through, ${refused} refused${codes ? ` (${codes})` : ''}`,
      ),
      svg('rect', {
        class: 'valid',
        x,
        y: height - validHeight,
        width: barWidth,
        height: validHeight,
      }),
      svg('rect', {
        class: 'refused',
        x,
        y: height - validHeight - refusedHeight,
        width: barWidth,
        height: refusedHeight,
      }),
    );
  });
  const total = usage.series.reduce((sum, point) => sum + point.valid, 0);
  const refused = usage.series.reduce((sum, point) => sum + refusedOf(point), 0);
  return h(
    'figure',
    { class: 'usage-chart' },
    svg(
      'svg',
      {
        viewBox: `0 0 ${width} ${height + 1}`,
        role: 'img',
        'aria-label': `${title}: ${total} let through, ${refused} refused`,
      },
      svg('line', { class: 'axis', x1: 0, y1: height, x2: width, y2: height }),
      ...bars,
    ),
    h('figcaption', {}, `${title}: ${total} let through, ${refused} refused (highest bar ${top})`),
  );
}

/** The quota as a half-ring filled by what is spent. */
export function quotaGauge(quota: NonNullable<Token['quota']>): HTMLElement {
  const spent = quota.limit - quota.remaining;
  const share = Math.min(1, spent / quota.limit);
  const radius = 50;
  const length = Math.PI * radius;
  const arc = `M 10 60 A ${radius} ${radius} 0 0 1 110 60`;
  const reset = quota.reset
    ? `starts over ${quota.reset.slice(0, 16).replace('T', ' ')} UTC`
    : 'never starts over';
  return h(
    'figure',
    { class: 'quota-gauge' },
    svg(
      'svg',
      {
        viewBox: '0 0 120 70',
        role: 'img',
        'aria-label': `Quota: ${spent} of ${quota.limit} used this ${quota.period}`,
      },
      svg('path', { class: 'track', d: arc }),
      svg('path', {
        class: share >= 1 ? 'spent full' : 'spent',
        d: arc,
        'stroke-dasharray': `${share * length} ${length}`,
      }),
      svg('text', { x: 60, y: 58, 'text-anchor': 'middle' }, `${Math.round(share * 100)}%`),
    ),
    h(
      'figcaption',
      {},
      `${spent} of ${quota.limit} used (${quota.period === 'total' ? 'in total' : `this ${quota.period}`}), ${quota.remaining} left; ${reset}`,
    ),
  );
}

/** The usage panel of one token: the last 24 hours by hour, the last 30 days by day, its quota. */
export async function usagePanel(token: Token): Promise<HTMLElement> {
  const [hours, days] = await Promise.all([
    api<Usage>('GET', `/tokens/${token.id}/usage?granularity=hour`),
    api<Usage>('GET', `/tokens/${token.id}/usage?granularity=day`),
  ]);
  return h(
    'div',
    { class: 'usage-panel' },
    token.quota ? quotaGauge(token.quota) : null,
    stackedBars('Last 24 hours, by hour', hours),
    stackedBars('Last 30 days, by day', days),
  );
}
