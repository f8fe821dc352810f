// The library lists the five bundled articles with their titles and honest dates.
import { test, expect } from './fixtures';
import { LibraryPage } from './pages/library';

const NEWEST_FIRST = [
  ['Laat de Wit-Russische dictator Aleksandr Loekasjenko zich door zijn Russische ambtgenoot…', 'Dec 2022'],
  ['Het bliksembezoek van Vladimir Poetin aan Belarus roept vooral vragen op.', 'Dec 2022'],
  ['De Russische president Vladimir Poetin is maandag in Wit-Rusland aangekomen voor zijn…', 'Dec 2022'],
  ['Heel duidelijk was de Wit-Russische president Aleksandr Loekasjenko niet.', 'Oct 2022'],
  ["Poetins Belarussische handlanger in spagaat: 'Ziet eigen land opgeslokt worden'", 'undated'],
];

test('the library lists the five seeds with titles and month-precision dates', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expect(library.rows).toHaveCount(5);
  expect(await library.titles()).toEqual(NEWEST_FIRST.map(([t]) => t));
  expect(await library.dates()).toEqual(NEWEST_FIRST.map(([, d]) => d));
  await expect(page.getByTestId('library-summary')).toHaveText('5 articles · 4 dated · 1 undated · 2,791 words');
});

test('derived titles are marked and the headline is not', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expect(library.rows.locator('.title.derived')).toHaveCount(4);
  const headline = library.row('Poetins Belarussische handlanger');
  await expect(headline.locator('.title')).not.toHaveClass(/derived/);
  await expect(headline.locator('.badge')).toHaveCount(0);
});

test('every row shows an unknown source, the language and the word count', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expect(library.rows.locator('.col-source')).toHaveText(Array(5).fill('unknown source'));
  await expect(library.rows.locator('.col-lang')).toHaveText(Array(5).fill('nl'));
  await expect(library.row('Heel duidelijk').locator('.col-words')).toHaveText('483');
});

test('sorting oldest first keeps the undated article last, and lives in the URL', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await page.getByRole('link', { name: 'Oldest first' }).click();
  await expect(page).toHaveURL(/#\/\?sort=oldest$/);
  await expect(library.rows.first()).toContainText('Heel duidelijk');
  expect((await library.dates()).at(-1)).toBe('undated');
  await page.reload();
  await expect(library.rows.first()).toContainText('Heel duidelijk');
  await page.getByRole('link', { name: 'Longest first' }).click();
  await expect(library.rows.first()).toContainText('Het bliksembezoek');
});

test('the date shows its precision and provenance on hover', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  const time = library.row('Heel duidelijk').locator('time');
  await expect(time).toHaveAttribute('datetime', '2022-10');
  await expect(time).toHaveAttribute('title', "Oct 2022 (month precision), from the file's date header");
});

test('the first screen says what Newsprism is for, and the help page explains the views and measures', async ({ page, watch }) => {
  const library = new LibraryPage(page);
  await library.goto();
  await expect(library.rows).toHaveCount(5);
  // The static loading screen is gone once the app has drawn.
  await expect(page.locator('#boot')).toHaveCount(0);
  await expect(page.getByTestId('purpose')).toContainText('Compare how outlets cover one story');
  await page.getByTestId('help-link').click();
  await expect(page).toHaveURL(/#\/help$/);
  await expect(page).toHaveTitle('Help · Newsprism');
  const help = page.getByTestId('help');
  await expect(help.locator('h1')).toHaveText('How Newsprism works');
  for (const term of ['Voice', 'Story groups', 'Words: distinctive vocabulary (G²)']) {
    await expect(help.locator('dt', { hasText: term })).toBeVisible();
  }
  await expect(help.locator('dd').filter({ hasText: 'log-likelihood' })).toContainText('3.84');
});

test('before the WebAssembly has arrived the page already says what it is and that it is starting', async ({ page }) => {
  // No `watch`: the blocked module is an error by design here.
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./#/');
  const boot = page.locator('#boot');
  await expect(boot).toBeVisible();
  await expect(boot).toContainText('Compare how news outlets cover one story');
  await expect(boot).toContainText('Starting…');
});

test('sources are set for many articles at once, and unnamed voices get short distinct labels', async ({ page, watch }) => {
  // Without a source each seed is its own voice, named by a few title words and its date.
  await page.goto('./#/compare?tab=entities');
  const heads = page.locator('.compare h3');
  await expect(heads.first()).toBeVisible();
  const labels = await heads.allTextContents();
  expect(new Set(labels).size).toBe(labels.length);
  expect(labels.filter((l) => / · (Oct|Dec) 2022$/.test(l)).length).toBe(4);
  expect(labels.every((l) => l.length <= 48)).toBe(true);
  // The bulk editor: every article without a source, then two of them renamed.
  await page.goto('./#/');
  await expect(page.getByTestId('selected-count')).toHaveText('Tick articles to set their source together.');
  await page.getByTestId('select-unknown').click();
  await expect(page.getByTestId('selected-count')).toHaveText('5 selected');
  await page.getByTestId('bulk-source-name').fill('Testkrant');
  await page.getByTestId('bulk-source-apply').click();
  await expect(page.getByTestId('bulk-source-message')).toHaveText('Source “Testkrant” set on 5 articles.');
  await expect(page.getByTestId('library-row').locator('.col-source')).toHaveText(Array(5).fill('Testkrant'));
  await page.getByTestId('library-row').nth(0).getByTestId('row-pick').check();
  await page.getByTestId('library-row').nth(1).getByTestId('row-pick').check();
  await expect(page.getByTestId('selected-count')).toHaveText('2 selected');
  await page.getByTestId('bulk-source-name').fill('NOS');
  await page.getByTestId('bulk-source-name').press('Enter');
  await expect(page.getByTestId('library-row').locator('.col-source')).toHaveText(['NOS', 'NOS', 'Testkrant', 'Testkrant', 'Testkrant']);
  // Two outlets now: the comparison has two voices, named by their outlets.
  await page.goto('./#/compare?tab=entities');
  await expect(page.locator('.compare h3')).toHaveText(['NOS', 'Testkrant']);
});
