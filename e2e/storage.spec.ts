// Several tabs share the stored articles: this tab lets go of its database connection when
// another opens a newer version, so that tab is never blocked (and never hangs on
// "Restoring…"), and this tab reconnects for its next change.
import { test, expect } from './fixtures';

test('another tab opening a newer database version is not blocked by this one', async ({ page, context, watch }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  await expect(page.getByTestId('storage-status')).toHaveText(/saved in this browser/);
  // A second tab of the same origin, without the app, upgrades the database.
  const other = await context.newPage();
  await other.goto('./manifest.webmanifest');
  const outcome = await other.evaluate(() => new Promise<string>((resolve) => {
    const request = indexedDB.open('newsprism', 99);
    request.onblocked = () => resolve('blocked');
    request.onerror = () => resolve('error');
    request.onsuccess = () => { request.result.close(); resolve('opened'); };
    setTimeout(() => resolve('timed out'), 5000);
  }));
  expect(outcome).toBe('opened');
  await other.close();
});
