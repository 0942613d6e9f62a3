/** A tiny DOM builder: elements from data, text always as text (never parsed as HTML). */
type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.replace(/^on/, ''), value);
    else if (value === true) element.setAttribute(name, '');
    else element.setAttribute(name, String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

let fieldSeq = 0;

/** A labelled form field; `hint` is tied to the input with aria-describedby. */
export function field(
  label: string,
  input: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string,
): HTMLElement {
  input.id ||= `f${++fieldSeq}`;
  const hintEl = hint ? h('small', { id: `${input.id}-hint`, class: 'hint' }, hint) : null;
  if (hintEl) input.setAttribute('aria-describedby', hintEl.id);
  return h('div', { class: 'field' }, h('label', { for: input.id }, label), input, hintEl);
}

/** A live region for a form's outcome: screen readers announce what is written into it. */
export function status(): HTMLElement & { show(kind: 'ok' | 'error', text: string): void } {
  const element = h('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  return Object.assign(element, {
    show(kind: 'ok' | 'error', text: string) {
      element.className = `status ${kind}`;
      element.setAttribute('role', kind === 'error' ? 'alert' : 'status');
      element.textContent = text;
    },
  });
}

/**
 * After a change: reload the list, then say what happened. The message shows only once the list
 * is current, so a person (or a test) never reads "revoked" beside the row still listed.
 */
export function reloadThenShow(
  outcome: ReturnType<typeof status>,
  load: () => Promise<void>,
): (message: string) => void {
  return (message) => {
    load().then(
      () => outcome.show('ok', message),
      (error: unknown) => outcome.show('error', (error as Error).message),
    );
  };
}

/**
 * A table on wide screens; on narrow ones (console.css) each row is a card whose cells are
 * labelled with their column's title (`data-label`), so nothing needs a sideways scroll.
 */
export function table(caption: string, head: string[], rows: HTMLTableRowElement[]): HTMLElement {
  for (const row of rows) {
    [...row.cells].forEach((cell, i) => {
      if (!head[i] || cell.hasAttribute('data-label') || cell.tagName === 'TH') return;
      cell.setAttribute('data-label', head[i]);
      // One box for the content: on a phone it sits beside the label.
      cell.replaceChildren(h('div', { class: 'cell' }, ...cell.childNodes));
    });
  }
  return h(
    'div',
    { class: 'table-wrap', tabindex: 0, role: 'region', 'aria-label': caption },
    h(
      'table',
      {},
      h('caption', { class: 'visually-hidden' }, caption),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          head.map((title) => h('th', { scope: 'col' }, title)),
        ),
      ),
      h('tbody', {}, rows),
    ),
  );
}

export function when(iso: string | null | undefined, never = '—'): HTMLElement | string {
  if (!iso) return never;
  const date = new Date(iso);
  return h('time', { datetime: iso, title: date.toISOString() }, date.toLocaleString());
}
