// A session that visits every view makes no request beyond the page's origin and logs no error.
import { test, expect } from './fixtures';
import { LibraryPage } from './pages/library';

test('visiting every view stays on the page origin with a clean console', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const count = await library.rows.count();
  for (let i = 0; i < count; i++) {
    await library.rows.nth(i).locator('a').click();
    await expect(page.getByTestId('reader')).toBeVisible();
    await page.goBack();
    await expect(library.rows).toHaveCount(count);
  }
  await page.goto('./#/nowhere');
  await expect(page.getByTestId('not-found')).toBeVisible();
  // The fixture asserts the console and the requests when the test ends; this checks it saw any.
  expect(watch.requests.some((u) => u.endsWith('.wasm'))).toBe(true);
});
