// A scanned Party conclusion imported from the web UI by a province manager (tinh.daklak): the
// central committee's name wrapped over two lines and a number tesseract misreads within its
// line both reach the review right, at 360 px and 1366 px. The fixture is a fictional header of
// our own, rendered and spoiled by scripts/make-import-fixtures.sh.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importForReview, screenshots, signedInPage } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const SCAN = join(here, '..', 'testdata', 'import', 'party_header_scan.jpg');
const MANAGER = { user: process.env.MANAGER, password: process.env.MANAGER_PASSWORD };

describe('web UI: a scanned Party header reaches the review', () => {
  let browser;
  let page;

  before(async () => {
    assert.ok(MANAGER.user && MANAGER.password, 'MANAGER/MANAGER_PASSWORD not set');
    ({ browser, page } = await signedInPage(MANAGER.user, MANAGER.password));
  });

  after(async () => {
    await browser?.close();
  });

  it('reads the wrapped issuer, the number and the caps title', async () => {
    await importForReview(page, SCAN, 60000);
    assert.equal(await page.inputValue('input[name=number]'), '221-KL/TW');
    assert.equal(await page.inputValue('input[name=issuer]'), 'BAN CHẤP HÀNH TRUNG ƯƠNG');
    assert.equal(await page.inputValue('input[name=date]'), '28/11/2025', 'date shown dd/mm/yyyy');
    assert.equal(await page.inputValue('textarea[name=title]'), 'CỦA BỘ CHÍNH TRỊ VỀ CÔNG TÁC CÁN BỘ');
    await screenshots(page, '19-import-scan-header');
  });
});
