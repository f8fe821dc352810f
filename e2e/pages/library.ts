// Page object for the library view.
import { Page, Locator, expect } from '@playwright/test';

export class LibraryPage {
  readonly rows: Locator;
  constructor(readonly page: Page) {
    this.rows = page.getByTestId('library-row');
  }
  async goto(hash = '#/') {
    await this.page.goto(`./${hash}`);
    await expect(this.page.getByTestId('library-table')).toBeVisible();
  }
  async titles(): Promise<string[]> {
    return (await this.rows.locator('.col-title .title').allInnerTexts()).map((t) => t.replace(/\s*derived title$/i, '').trim());
  }
  async dates(): Promise<string[]> {
    return this.rows.locator('.col-date').allInnerTexts();
  }
  row(titleStart: string): Locator {
    return this.rows.filter({ hasText: titleStart });
  }
}
