// A PDF plan whose tasks are in a ruled appendix table, imported from the web UI by a commune
// specialist: the review lists the table's four tasks with their groups, lead units (one cell
// merged over two rows) and deadlines, at 360 px and 1366 px. The fixture is the project's own
// fictional plan printed to PDF (scripts/make-import-fixtures.sh).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importForReview, screenshots, signedInPage } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PDF = join(here, '..', 'testdata', 'import', 'ke_hoach_hoa_binh.pdf');
const SPECIALIST = { user: process.env.COMMUNE_USER, password: process.env.COMMUNE_PASSWORD };

describe('web UI: the tasks of a PDF appendix table reach the review', () => {
  let browser;
  let page;

  before(async () => {
    assert.ok(SPECIALIST.user && SPECIALIST.password, 'COMMUNE_USER/COMMUNE_PASSWORD not set');
    ({ browser, page } = await signedInPage(SPECIALIST.user, SPECIALIST.password));
  });

  after(async () => {
    await browser?.close();
  });

  it('reads each row of the ruled table as a task', async () => {
    await importForReview(page, PDF);
    const texts = [];
    for (let i = 0; i < 4; i++) texts.push(await page.inputValue(`textarea[name=task-text-${i}]`));
    assert.deepEqual(texts, [
      'Tuyên truyền trên hệ thống loa truyền thanh của xã',
      'Treo băng rôn, khẩu hiệu tại trung tâm xã',
      'Xây dựng chương trình Ngày hội',
      'Bảo đảm an ninh, trật tự',
    ]);
    assert.equal(await page.locator('textarea[name=task-text-4]').count(), 0, 'four tasks only');
    // The lead cell merged over the first two rows gives both tasks their lead unit.
    assert.match(await page.inputValue('textarea[name=task-lead-1]'), /Công chức Văn hóa - Xã hội/);
    assert.match(await page.inputValue('textarea[name=task-coordinators-1]'), /Đoàn Thanh niên xã/);
    await screenshots(page, '18-import-pdf-table');
  });
});
