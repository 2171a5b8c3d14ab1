// Issue 13 workflow 6 in a real browser: the province manager opens a draft plan, edits its
// number and date (a draft saved without them shows "—"), a legal basis and a task's text, saves
// (PATCH with the revision) and reads the new values on the plan page; a save over a revision
// someone else has since replaced is refused with a clear message and a reload.
// Needs the server and the manager that run.sh starts and creates (MANAGER).
// No page.waitForFunction (the page's CSP refuses eval): wait on locators and URLs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient, BASE_URL, gotoHash, launch, login, newPage, screenshots } from './lib.mjs';

const MANAGER = { user: process.env.MANAGER, password: process.env.MANAGER_PASSWORD };
const HERE = dirname(fileURLToPath(import.meta.url));
const PLAN_FILE = join(HERE, '../../demo/plans/01-tinh-dak-lak-chuyen-doi-so.txt');
const NEW_NUMBER = '135/KH-UBND';
const NEW_DATE = '20/08/2025';
const NEW_BASIS = '57-NQ/TW';
const NEW_TASK = 'Chủ trì biên soạn bộ tài liệu tuyên truyền chuyển đổi số, hoàn thành trước ngày 31/10/2025.';

// A fresh draft of the province, without number and date (as a derived draft is), through the
// API: the import (multipart, so not the JSON client) then the save.
async function saveDraft() {
  const signIn = await fetch(`${BASE_URL}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: MANAGER.user, password: MANAGER.password }),
  });
  assert.equal(signIn.status, 200);
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await signIn.json();
  const form = new FormData();
  form.append('file', new Blob([readFileSync(PLAN_FILE)], { type: 'text/plain' }), 'ke-hoach.txt');
  const res = await fetch(`${BASE_URL}/api/v1/plans/import`, {
    method: 'POST', headers: { Cookie: cookie, 'X-CSRF-Token': csrf }, body: form,
  });
  assert.equal(res.status, 200, 'import');
  const document = (await res.json()).documents[0];
  document.number = null;
  document.date = null;
  const api = await apiClient(MANAGER.user, MANAGER.password);
  const saved = await api('POST', '/plans', { unit: '66', document, allow_duplicate: true });
  assert.equal(saved.status, 201, JSON.stringify(saved.body));
  return { id: saved.body.id, api };
}

describe('web UI: editing a draft plan', () => {
  let browser;
  let page;
  let planId;
  let api;

  before(async () => {
    assert.ok(MANAGER.user, 'MANAGER not set');
    ({ id: planId, api } = await saveDraft());
    browser = await launch();
    page = await newPage(browser);
  });

  after(async () => {
    await browser?.close();
  });

  it('edits the number, date, a legal basis and a task, and shows them on the plan', async () => {
    await login(page, MANAGER.user, MANAGER.password);
    await gotoHash(page, `/plans/${planId}`);
    const header = page.locator('[data-testid=plan-header]');
    await header.waitFor();
    assert.match(await header.textContent(), /Số, ký hiệu—/);
    await page.locator('[data-testid=edit-plan]').click();
    const form = page.locator('form.plan-edit');
    await form.waitFor();
    await form.locator('input[name=number]').fill(NEW_NUMBER);
    await form.locator('input[name=date]').fill(NEW_DATE);
    const bases = form.locator('textarea[name=legal_bases]');
    const old = (await bases.inputValue()).split('\n');
    assert.ok(old.length >= 1 && old[0], 'legal bases shown for editing');
    const replacedBasis = old[0];
    await bases.fill([NEW_BASIS, ...old.slice(1)].join('\n'));
    await form.locator('textarea[name=task-text-0]').fill(NEW_TASK);
    await form.getByRole('button', { name: 'Thêm giai đoạn' }).click();
    await form.locator('input[name=phase-name-0]').fill('Giai đoạn 1');
    await form.locator('input[name=phase-start-0]').fill('01/09/2025');
    await form.locator('input[name=phase-end-0]').fill('31/12/2025');
    await screenshots(page, '60-plan-edit');
    await form.locator('[data-testid=save-edit]').click();

    await page.waitForURL(new RegExp(`#/plans/${planId}\\?saved=1$`));
    await page.locator('main .notice-success').first().waitFor();
    const text = await header.textContent();
    assert.ok(text.includes(NEW_NUMBER), text);
    assert.ok(text.includes(NEW_DATE), text);
    const bodyText = await page.locator('main').textContent();
    const basesShown = await page.locator('section.card')
      .filter({ has: page.getByRole('heading', { name: 'Căn cứ', exact: true }) }).textContent();
    assert.ok(basesShown.includes(NEW_BASIS), basesShown);
    assert.ok(!basesShown.includes(replacedBasis), `${replacedBasis} replaced: ${basesShown}`);
    assert.ok(bodyText.includes(NEW_TASK), 'new task text shown');
    assert.ok(bodyText.includes('01/09/2025 – 31/12/2025'), 'new phase shown with its dates');
    assert.equal(await page.locator('[data-testid=plan-status]').textContent(), 'Dự thảo');
    await screenshots(page, '60-plan-edited');
  });

  it('says clearly when someone else saved meanwhile, and reloads', async () => {
    await gotoHash(page, `/plans/${planId}/edit`);
    const form = page.locator('form.plan-edit');
    await form.waitFor();
    // Someone else saves the plan after this page read it.
    const plan = (await api('GET', `/plans/${planId}`)).body;
    plan.document.place = 'Buôn Ma Thuột';
    const other = await api('PATCH', `/plans/${planId}`,
      { document: plan.document, revision: plan.revision });
    assert.equal(other.status, 200, JSON.stringify(other.body));

    await form.locator('input[name=issuer]').fill('UBND TỈNH ĐẮK LẮK (sửa)');
    await form.locator('[data-testid=save-edit]').click();
    const conflict = page.locator('[data-testid=edit-conflict]');
    await conflict.waitFor();
    assert.match(await conflict.textContent(), /Người khác đã lưu kế hoạch này/);
    await screenshots(page, '61-plan-edit-conflict');
    await page.locator('[data-testid=edit-reload]').click();
    await page.locator('[data-testid=edit-conflict]').waitFor({ state: 'detached' });
    assert.equal(await page.locator('form.plan-edit input[name=place]').inputValue(), 'Buôn Ma Thuột');
    assert.deepEqual(page.problems.filter((x) => x.startsWith('page error')), []);
  });
});
