// Page object for the search box and search view.
import { Page, Locator, expect } from '@playwright/test';

export class SearchPage {
  readonly box: Locator;
  readonly hits: Locator;
  readonly summary: Locator;
  constructor(readonly page: Page) {
    this.box = page.locator('#search-input');
    this.hits = page.getByTestId('hit');
    this.summary = page.getByTestId('search-summary');
  }
  async type(q: string) {
    await this.box.fill(q);
  }
  async expectTotal(n: number) {
    const text = n === 0 ? 'No article matches.' : n === 1 ? '1 article matches.' : `${n} articles match.`;
    await expect(this.summary).toHaveText(text);
  }
}
