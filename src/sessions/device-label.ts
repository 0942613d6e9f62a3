import { UAParser } from 'ua-parser-js';

/**
 * A person's name for the device behind a user agent, such as "Firefox on Linux"; null when the
 * user agent names neither a browser nor a system (a script, say).
 */
export function deviceLabel(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const { browser, os } = new UAParser(userAgent).getResult();
  if (browser.name && os.name) return `${browser.name} on ${os.name}`;
  return browser.name ?? os.name ?? null;
}
