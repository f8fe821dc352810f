// Clicking an article opens the reader; the hash route survives reload, back and forward.
import { test, expect } from './fixtures';
import { LibraryPage } from './pages/library';

test('clicking a title opens the reader, and reload keeps it open', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.row('Poetins Belarussische handlanger').locator('a').click();
  await expect(page).toHaveURL(/#\/article\/[0-9a-f]{16}$/);
  const title = page.getByTestId('reader-title');
  await expect(title).toHaveText("Poetins Belarussische handlanger in spagaat: 'Ziet eigen land opgeslokt worden'");
  await expect(page.locator('.reader h2.subheading')).toHaveText(['Springplank voor Poetin', 'Uniestaat', 'Onder druk', 'Spagaat']);
  await expect(page.locator('.reader .meta .date')).toHaveText('undated');
  await expect(page).toHaveTitle(/^Poetins Belarussische handlanger/);

  await page.reload();
  await expect(title).toHaveText(/^Poetins Belarussische handlanger/);

  await page.goBack();
  await expect(library.rows).toHaveCount(5);
  await page.goForward();
  await expect(title).toHaveText(/^Poetins Belarussische handlanger/);
});

test('the reader sets furniture apart and shows the date with its provenance', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.row('De Russische president Vladimir Poetin').locator('a').click();
  await expect(page.locator('.reader .meta .date')).toContainText('Dec 2022');
  await expect(page.locator('.reader .meta .provenance')).toHaveText("month precision, from the file's date header");
  await expect(page.locator('.derived-note')).toBeVisible();
  const furniture = page.locator('.reader aside.boilerplate');
  await expect(furniture).toHaveCount(2);
  await expect(furniture.first()).toContainText('KIJK. Beelden tonen');
  await expect(page.locator('.reader h2.subheading')).toHaveText(['Eerder aanval via Wit-Rusland', '“Verjaardagsoffensief?”', 'Militaire oefeningen']);

  await page.goto('./#/');
  await library.row('Het bliksembezoek').locator('a').click();
  await expect(page.locator('.reader figure.caption')).toContainText('Poetin en Loekasjenko aan een kleine tafel in Minsk.');
});

test('a link to an unknown article says so', async ({ page, watch }) => {
  await page.goto('./#/article/0000000000000000');
  await expect(page.getByTestId('not-found')).toContainText('No loaded article has the id 0000000000000000.');
  await page.getByRole('link', { name: 'Back to the library' }).click();
  await expect(page.getByTestId('library-row')).toHaveCount(5);
});

test('article text is rendered as text, never as markup', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await library.row('Laat de Wit-Russische').locator('a').click();
  // The seed's "[agressor]" and quotation marks come through as characters.
  await expect(page.locator('.reader .text')).toContainText('wie is de grootste [agressor]?');
  await expect(page.locator('.reader .text')).toContainText('in Oekraïne?Maandag bracht Vladimir Poetin');
});
