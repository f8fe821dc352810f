// Shared fixtures: every test fails on a console error, a page error, or a request that leaves
// the page's own origin.
import { test as base, expect, Page } from '@playwright/test';

export type Watch = { consoleErrors: string[]; foreignRequests: string[]; requests: string[] };

export const test = base.extend<{ watch: Watch }>({
  watch: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL!).origin;
    const watch: Watch = { consoleErrors: [], foreignRequests: [], requests: [] };
    page.on('console', (msg) => { if (msg.type() === 'error') watch.consoleErrors.push(msg.text()); });
    page.on('pageerror', (err) => watch.consoleErrors.push(`page error: ${err.message}`));
    page.on('request', (req) => {
      const url = req.url();
      watch.requests.push(url);
      if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
        watch.foreignRequests.push(url);
      }
    });
    await use(watch);
    expect(watch.consoleErrors, 'console errors').toEqual([]);
    expect(watch.foreignRequests, 'requests beyond the page origin').toEqual([]);
  },
});

export { expect };

/** Opens a route and waits for the app to render it. */
export async function open(page: Page, hash = '#/') {
  await page.goto(`./${hash}`);
  await expect(page.locator('header.shell')).toBeVisible();
}
