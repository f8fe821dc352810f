// Search: typing, highlighting, aliases, filters, keyword in context and shareable URLs.
import { test, expect } from './fixtures';
import { SearchPage } from './pages/search';
import { dropFiles } from './drop';

test('typing in the search box shows ranked, highlighted results and puts the query in the URL', async ({ page, watch }) => {
  await page.goto('./#/');
  await expect(page.getByTestId('library-row')).toHaveCount(5);
  const search = new SearchPage(page);
  await page.keyboard.press('/');
  await expect(search.box).toBeFocused();
  await page.keyboard.type('soldaat', { delay: 20 });
  await expect(page).toHaveURL(/#\/search\?q=soldaat$/);
  await search.expectTotal(4);
  // Stemming: "soldaat" finds and highlights "soldaten".
  await expect(search.hits.first().locator('.snippet mark').first()).toHaveText(/^soldaten$/i);
  // Highlighting is markup around text, never article HTML.
  await expect(page.locator('.snippet mark')).not.toHaveCount(0);
});

test('an alias search finds other spellings, says so, and can be switched off', async ({ page, watch }) => {
  const search = new SearchPage(page);
  await page.goto('./#/search?q=Belarus');
  await search.expectTotal(5);
  await expect(page.getByTestId('expansions')).toContainText('Wit-Rusland');
  await expect(page.locator('.snippet mark', { hasText: 'Wit-Rusland' }).first()).toBeVisible();
  await page.getByTestId('alias-toggle').click();
  await expect(page).toHaveURL(/aliases=off/);
  await search.expectTotal(2);
  await expect(page.getByTestId('expansions')).toBeEmpty();
});

test('a facet click filters the results and a second click removes the filter', async ({ page, watch }) => {
  const search = new SearchPage(page);
  await page.goto('./#/search?q=Loekasjenko');
  await search.expectTotal(5);
  await page.getByTestId('facet-months').getByRole('link', { name: /Oct 2022/ }).click();
  await expect(page).toHaveURL(/date%3A2022-10/);
  await search.expectTotal(1);
  await expect(search.box).toHaveValue('Loekasjenko date:2022-10');
  await page.getByTestId('facet-months').getByRole('link', { name: /Oct 2022/ }).click();
  await search.expectTotal(5);
});

test('keyword in context lists every occurrence and opens the reader at the passage', async ({ page, watch }) => {
  await page.goto('./#/search?q=Peskov');
  await page.getByTestId('kwic-tab').click();
  const lines = page.getByTestId('kwic-line');
  await expect(lines).toHaveCount(5);
  await expect(page.getByTestId('kwic-count')).toHaveText('5 occurrences');
  // Each line names its article.
  await expect(lines.first().locator('.kwic-title')).not.toBeEmpty();
  await page.getByRole('link', { name: 'By word after' }).click();
  await expect(page).toHaveURL(/sort=right/);
  // Context words sort by dictionary form: "deed" sorts as "doen", after "die".
  await expect(lines.first().locator('.kwic-right')).toHaveText(/^die bijna een jaar/);
  await expect(lines.nth(1).locator('.kwic-right')).toHaveText(/^deed de speculaties/);
  await lines.nth(2).locator('.kwic-hit a').click();
  await expect(page).toHaveURL(/#\/article\/[0-9a-f]{16}\?q=Peskov/);
  const current = page.locator('#current-hit');
  await expect(current).toHaveText('Peskov');
  await expect(current).toBeInViewport();
  await expect(page.getByTestId('reader-highlighting')).toContainText('Highlighting “Peskov”');
});

test('a shared URL reproduces the search, phrases included', async ({ page, watch }) => {
  const search = new SearchPage(page);
  await page.goto('./#/search?q=%22domme%20en%20ongegronde%22');
  await search.expectTotal(2);
  await expect(search.box).toHaveValue('"domme en ongegronde"');
  await expect(page.locator('.snippet mark').first()).toHaveText('domme en ongegronde');
  await page.reload();
  await search.expectTotal(2);
});

test('the empty state explains the syntax and a no-result search suggests an alternative', async ({ page, watch }) => {
  const search = new SearchPage(page);
  await page.goto('./#/search?q=');
  await expect(page.getByTestId('search-empty')).toContainText('Press / anywhere');
  await search.type('Loekasjenkko');
  await expect(page.getByTestId('no-results')).toBeVisible();
  // No dead ends: no empty facet headings, no link to compare nothing.
  await expect(page.locator('.facet:visible')).toHaveCount(0);
  await expect(page.getByTestId('compare-results')).toBeHidden();
  await page.getByRole('link', { name: 'Did you mean Loekasjenko?' }).click();
  await expect(search.box).toHaveValue('Loekasjenko');
  await search.expectTotal(5);
});

test('a malformed query warns and still searches', async ({ page, watch }) => {
  const search = new SearchPage(page);
  await page.goto('./#/search?q=%22giftige%20mensen');
  await expect(page.getByTestId('query-warnings')).toContainText('quotation mark was not closed');
  await search.expectTotal(2);
});

test('the alias table can be edited and a new line is used by the next search', async ({ page, watch }) => {
  const search = new SearchPage(page);
  await page.goto('./#/search?q=Shraibman');
  await search.expectTotal(0);
  await page.getByTestId('edit-aliases').click();
  await expect(page).toHaveURL(/#\/aliases$/);
  await page.locator('#alias-input').fill('Schraibman, Shraibman');
  await page.getByRole('button', { name: 'Add' }).click();
  await expect(page.getByTestId('alias-group').last()).toHaveText(/Schraibman · Shraibman/);
  await page.goBack();
  await search.expectTotal(1);
  await expect(page.getByTestId('expansions')).toContainText('Schraibman');
  // The edit is kept in this browser across a reload.
  await page.reload();
  await search.expectTotal(1);
  await page.goto('./#/aliases');
  await page.getByRole('button', { name: 'Remove the line for Poetin' }).click();
  await expect(page.getByTestId('alias-groups')).not.toContainText('Putin');
  await page.getByRole('button', { name: 'Restore the built-in list' }).click();
  await expect(page.getByTestId('alias-groups')).toContainText('Poetin · Putin');
});

test('once the word list has loaded, a word finds its forms and compounds, and = one form', async ({ page, watch }) => {
  const search = new SearchPage(page);
  // Opened straight on a search: it runs on stems first and again, query kept, on the word list.
  await page.goto('./#/search?q=zeggen');
  await search.expectTotal(4);
  await expect(search.box).toHaveValue('zeggen');
  await expect(page.locator('.snippet mark', { hasText: /^(zei|zegt)$/i }).first()).toBeVisible();
  await search.type('');
  await expect(page.getByTestId('word-forms')).toContainText(/Word forms: \d+ Dutch and English forms/);
  await search.type('=zegt');
  await search.expectTotal(2);
  await search.type('stad');
  await search.expectTotal(2);
  await expect(page.locator('.snippet mark', { hasText: /^hoofdstad$/i }).first()).toBeVisible();
});

test('an article dropped after the word list is indexed by dictionary form, split verbs too', async ({ page, watch }) => {
  const search = new SearchPage(page);
  await page.goto('./#/search?q=');
  await expect(page.getByTestId('word-forms')).toContainText('Word forms:');
  await dropFiles(page, [{
    name: 'bellen.txt',
    text: 'title: Telefoon\nlang: nl\n\nDe minister belde gisteren zijn ambtgenoot in Minsk op. Hij had de verkiezingen gewonnen.',
  }]);
  // The drop keeps the search page, and says what it added.
  await expect(page.getByTestId('batch-notice')).toContainText('1 added');
  await expect(page).toHaveURL(/#\/search/);
  await search.type('opbellen');
  await search.expectTotal(1);
  await search.type('winnen');
  await search.expectTotal(1);
});
