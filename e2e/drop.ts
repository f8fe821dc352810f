// Drops files on the page the way a browser does: a real DataTransfer in dragenter, dragover
// and drop events on the body.
import type { Page } from '@playwright/test';

export async function dropFiles(page: Page, files: { name: string; text: string }[]) {
  await page.evaluate((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([f.text], f.name, { type: 'text/plain' }));
    for (const type of ['dragenter', 'dragover', 'drop']) {
      document.body.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    }
  }, files);
}
