// A commune plan with a report form attached after its signature, imported from the web UI by a
// province manager (tinh.daklak): the form stays in the plan's appendix instead of becoming a
// second document; the heading whose label stands on its own line, the title citing a dated
// directive and the signature whose name shares the title's line all reach the review, and the
// saved plan shows them — at 360 px and 1366 px. The fixture is fictional, our own.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { importForReview, screenshots, signedInPage } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const PLAN = join(here, '..', 'testdata', 'import', 'text', 'plan_with_report_form.txt');
const MANAGER = { user: process.env.MANAGER, password: process.env.MANAGER_PASSWORD };

describe('web UI: a plan with a report form attached is one plan', () => {
  let browser;
  let page;

  before(async () => {
    assert.ok(MANAGER.user && MANAGER.password, 'MANAGER/MANAGER_PASSWORD not set');
    ({ browser, page } = await signedInPage(MANAGER.user, MANAGER.password));
  });

  after(async () => {
    await browser?.close();
  });

  it('reviews one document with its title, duties and deadline', async () => {
    await importForReview(page, PLAN);
    assert.equal(await page.locator('select[name=document]').count(), 0, 'no second document to pick');
    assert.equal(await page.inputValue('input[name=number]'), '47/KH-UBND');
    assert.equal(await page.inputValue('input[name=date]'), '12/01/2026', 'date shown dd/mm/yyyy');
    assert.match(await page.inputValue('textarea[name=title]'),
      /^THỰC HIỆN CHỈ THỊ SỐ 05\/CT-UBND NGÀY 08 THÁNG 01 NĂM 2026 .*CẢI CÁCH HÀNH CHÍNH$/);
    assert.equal(await page.inputValue('textarea[name=task-lead-0]'), 'Văn phòng HĐND và UBND xã');
    assert.equal(await page.inputValue('input[name=task-deadline-date-0]'), '15/12/2026');
    assert.equal(await page.inputValue('textarea[name=task-lead-1]'), 'Công an xã');
    assert.match(await page.textContent('[data-testid=original-text]'), /MẪU BÁO CÁO KẾT QUẢ/,
      'the form is still in the original text shown beside the review');
    await screenshots(page, '20-import-attached-form');
  });

  it('saves it, and the plan shows its signer and its tasks', async () => {
    await page.click('[data-testid=save-plan]');
    await page.waitForURL(/#\/plans\/\d+$/);
    const header = await page.textContent('[data-testid=plan-header]');
    assert.match(header, /CHỦ TỊCH Hoàng Minh Đức/);
    const text = await page.textContent('main');
    assert.match(text, /Văn phòng HĐND và UBND xã/);
    assert.match(text, /Công an xã/);
    await screenshots(page, '21-imported-plan-with-form');
  });
});
