import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium (`apt-get install chromium`); no browser is downloaded. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(process.cwd(), 'test', 'browser', 'screenshots');

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export function buildConsole(): void {
  execFileSync(process.execPath, ['console/build.mjs'], { stdio: 'inherit' });
}

export function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true });
}

/**
 * Full-page screenshots at desktop and phone width: `<name>.desktop.png`, `<name>.phone.png`.
 * At phone width a console page is also checked with {@link expectUsableOnPhone}.
 */
export async function screenshot(
  page: Page,
  name: string,
  options: { maxPhoneHeight?: number; checkPhone?: boolean } = {},
): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.desktop.png`), fullPage: true });
  await page.setViewportSize(PHONE);
  if (options.checkPhone !== false) await expectUsableOnPhone(page, options.maxPhoneHeight);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.phone.png`), fullPage: true });
  await page.setViewportSize(DESKTOP);
}

/**
 * At the current (phone) width: nothing makes the page scroll sideways, and every button, link,
 * field and disclosure of the page, scrolled to, lies inside the viewport, big enough to tap.
 */
export async function expectUsableOnPhone(page: Page, maxHeight = 6000): Promise<void> {
  const viewport = page.viewportSize()!;
  const size = await page.evaluate(
    '({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight })',
  );
  const { width, height } = size as { width: number; height: number };
  if (width > viewport.width) {
    throw new Error(`the page is ${width} px wide at a ${viewport.width} px viewport`);
  }
  if (height > maxHeight) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'too-tall.phone.png'), fullPage: true });
    throw new Error(`the page is ${height} px tall (at most ${maxHeight}): see too-tall.phone.png`);
  }
  const controls = page.locator(
    'main button, main a[href], main summary, main input:not([type=hidden]), main select, main textarea, #nav a, #nav button',
  );
  const count = await controls.count();
  if (count === 0) throw new Error('no control on the page');
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i);
    if (!(await control.isVisible())) continue;
    await control.scrollIntoViewIfNeeded();
    const box = await control.boundingBox();
    const label = (await control.evaluate((el) => el.outerHTML)).slice(0, 120);
    if (!box) throw new Error(`${label} has no box`);
    const inside =
      box.x >= 0 &&
      box.x + box.width <= viewport.width + 0.5 &&
      box.y >= 0 &&
      box.y + box.height <= viewport.height + 0.5;
    if (!inside) {
      throw new Error(
        `${label} is outside the ${viewport.width} px viewport: ${JSON.stringify(box)}`,
      );
    }
    if (box.width < 12 || box.height < 12) {
      throw new Error(`${label} is too small to tap: ${JSON.stringify(box)}`);
    }
  }
  await page.evaluate('window.scrollTo(0, 0)');
}
