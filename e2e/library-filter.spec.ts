// The library's filters: words, source, language and a range of dates, kept in the address, with
// the articles whose dates are too rough to tell counted and offered apart.
import { test, expect } from './fixtures';
import { LibraryPage } from './pages/library';

test('words, source, language and dates narrow the library and the address keeps them', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expect(library.rows).toHaveCount(5);
  await expect(page.getByTestId('library-listing')).toHaveCount(0);

  // Words, without case or accents, each anywhere in the title, source or file name.
  await page.getByTestId('library-filter').fill('LOEKASJENKO');
  await expect(library.rows).toHaveCount(2);
  await expect(page.getByTestId('library-listing')).toHaveText('Listing 2 of 5 articles.');
  await expect(page).toHaveURL(/#\/\?q=LOEKASJENKO$/);
  await page.getByTestId('library-filter').fill('loekasjenko dictator');
  await expect(library.rows).toHaveCount(1);
  await expect(library.rows).toContainText('Laat de Wit-Russische dictator');

  // A reload comes back to the same filter; a sort keeps it.
  await page.reload();
  await expect(page.getByTestId('library-filter')).toHaveValue('loekasjenko dictator');
  await expect(library.rows).toHaveCount(1);
  await page.locator('nav.sort').getByRole('link', { name: 'Title' }).click();
  await expect(page).toHaveURL(/sort=title&q=loekasjenko%20dictator/);
  await expect(library.rows).toHaveCount(1);

  // Nothing passes: said, with a way back.
  await page.getByTestId('library-filter').fill('nergens');
  await expect(library.rows).toHaveCount(0);
  await expect(page.getByTestId('library-none')).toContainText('No article passes these filters.');
  await page.getByTestId('library-none').getByRole('button', { name: 'Clear filters' }).click();
  await expect(library.rows).toHaveCount(5);
  await expect(page.getByTestId('library-filter')).toHaveValue('');

  // Languages and sources are offered with their counts.
  await expect(page.getByTestId('filter-language').locator('option')).toHaveText(['All languages', 'Dutch (5)']);
  await page.getByTestId('library-row').nth(0).getByTestId('row-pick').check();
  await page.getByTestId('bulk-source-name').fill('NOS');
  await page.getByTestId('bulk-source-apply').click();
  await expect(page.getByTestId('filter-source').locator('option')).toHaveText(['All sources', 'NOS (1)', 'unknown source (4)']);
  await page.getByTestId('filter-source').selectOption('NOS');
  await expect(library.rows).toHaveCount(1);
  await expect(library.rows.locator('.col-source')).toHaveText('NOS');
  await expect(page).toHaveURL(/source=NOS/);
  await page.getByTestId('filter-source').selectOption('unknown source');
  await expect(library.rows).toHaveCount(4);
  await page.getByTestId('filter-source').selectOption('');
  await expect(library.rows).toHaveCount(5);
});

test('a range of dates lists what it holds and counts the dates too rough to tell', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto('#/?sort=oldest');
  // The seeds: one in October 2022, three in December 2022 (to the month), one undated.
  await page.getByTestId('filter-from').fill('2022-12');
  await page.getByTestId('filter-to').fill('2022-12');
  await expect(library.rows).toHaveCount(3);
  await expect(library.dates()).resolves.toEqual(['Dec 2022', 'Dec 2022', 'Dec 2022']);
  await expect(page.getByTestId('rough-dates')).toContainText('1 more might fall in these dates');
  // A week in December: a month-only date might fall in it or not, so none is listed as in it.
  await page.getByTestId('filter-from').fill('2022-12-12');
  await page.getByTestId('filter-to').fill('2022-12-18');
  await expect(library.rows).toHaveCount(0);
  await expect(page.getByTestId('library-listing')).toContainText('Listing 0 of 5 articles. 4 more might fall in these dates');
  // Cleared from the empty list's button: the date boxes follow; then the week again.
  await page.getByTestId('library-none').getByRole('button', { name: 'Clear filters' }).click();
  await expect(library.rows).toHaveCount(5);
  await expect(page.getByTestId('filter-from')).toHaveValue('');
  await expect(page.getByTestId('filter-to')).toHaveValue('');
  await page.getByTestId('filter-from').fill('2022-12-12');
  await page.getByTestId('filter-to').fill('2022-12-18');
  await expect(library.rows).toHaveCount(0);
  await page.getByTestId('rough-toggle').click();
  await expect(library.rows).toHaveCount(4);
  await expect(page).toHaveURL(/from=2022-12-12&to=2022-12-18&rough=1/);
  await expect(page.getByTestId('rough-dates')).toContainText('4 of them have a date too rough to tell');
  // A date that is not one is said, and the list stays as it was.
  await page.getByTestId('filter-to').fill('2022-13');
  await expect(page.getByTestId('filter-error')).toHaveText('To: “2022-13” is not a date. Write 2022, 2022-12 or 2022-12-19.');
  await expect(library.rows).toHaveCount(4);
  await page.getByTestId('filter-clear').click();
  await expect(library.rows).toHaveCount(5);
  await expect(page.getByTestId('filter-from')).toHaveValue('');
  await expect(page.getByTestId('filter-error')).toHaveText('');
});
