// A long scanned PDF imported from the web UI (issue 13 workflow 9): the page says which page it
// reads and which it recognises with OCR ("Đang nhận dạng chữ (OCR) trang 2/8"), a Hủy button
// stops it, and another import runs to the review and is saved — as a province manager, at
// 360 px and 1280 px. The scans are made here from the one-page fixture with pdfunite.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gotoHash, launch, login, newPage, screenshots } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SCAN = join(here, '..', 'testdata', 'import', 'ke_hoach_hoa_binh_scan.pdf');
const MANAGER = { user: process.env.MANAGER, password: process.env.MANAGER_PASSWORD };

// A scanned PDF of `pages` copies of the fixture's page.
function scannedPdf(dir, pages) {
  const out = join(dir, `quet-${pages}-trang.pdf`);
  execFileSync('pdfunite', [...Array(pages).fill(SCAN), out]);
  return out;
}

const mainText = (page) => page.locator('main').innerText();

describe('web UI: a long scan shows its progress and can be cancelled', () => {
  let browser;
  let page;
  let dir;

  before(async () => {
    assert.ok(MANAGER.user && MANAGER.password, 'MANAGER/MANAGER_PASSWORD not set');
    dir = mkdtempSync(join(tmpdir(), 'lienthong-scan-'));
    browser = await launch();
    page = await newPage(browser);
    await login(page, MANAGER.user, MANAGER.password);
  });

  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows the OCR page of the page count and cancels on Hủy', async () => {
    await gotoHash(page, '/plans/import');
    await page.setInputFiles('input[type=file]', scannedPdf(dir, 8));
    await page.click('form.upload button[type=submit]');
    const progress = page.locator('.import-progress');
    await progress.getByText(/^Đang nhận dạng chữ \(OCR\) trang [1-7]\/8$/).waitFor({ timeout: 60000 });
    assert.equal(await page.getByRole('button', { name: 'Hủy' }).count(), 1);
    await screenshots(page, '15-import-progress');
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByText('Đã hủy việc đọc tệp.').waitFor();
    assert.equal(await page.locator('[data-testid=original-text]').count(), 0, 'no review after Hủy');
    assert.ok(await page.locator('form.upload button[type=submit]').isEnabled(), 'can read again');
    await screenshots(page, '16-import-cancelled');
  });

  it('reads another scan to the review, page by page, and saves it', async () => {
    await gotoHash(page, '/plans/import');
    await page.setInputFiles('input[type=file]', scannedPdf(dir, 2));
    await page.click('form.upload button[type=submit]');
    await page.locator('.import-progress')
      .getByText(/^Đang nhận dạng chữ \(OCR\) trang [12]\/2$/).waitFor({ timeout: 60000 });
    await page.waitForSelector('[data-testid=original-text]', { timeout: 120000 });
    assert.match(await page.textContent('[data-testid=original-text]'), /KẾ HOẠCH/);
    assert.doesNotMatch(await mainText(page), /Đang nhận dạng|Đang đọc/);
    await screenshots(page, '17-import-scan-review');
    if (!(await page.inputValue('textarea[name=title]'))) {
      await page.fill('textarea[name=title]', 'Kế hoạch đọc từ bản quét');
    }
    await page.click('[data-testid=save-plan]');
    await page.waitForURL(/#\/plans\/\d+$/);
    await page.waitForSelector('[data-testid=plan-header]');
  });
});
