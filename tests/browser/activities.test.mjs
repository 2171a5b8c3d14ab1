// Issue 13 workflow 8 in a real browser, as a commune specialist (ACTIVITY_USER of run.sh): the
// activities list pages (20 a page) over 25 activities recorded beforehand, a channel and date
// filter narrows it, one activity is changed and one deleted (after a confirmation), a file with
// a bad row is refused naming that row and nothing is stored, then a good CSV file and an XLSX
// sheet are imported.
// No page.waitForFunction (the page's CSP refuses eval): wait on locators and URLs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  BASE_URL, DESKTOP, PHONE, apiClient, gotoHash, launch, login, newPage, screenshots,
} from './lib.mjs';

const USER = {
  user: process.env.ACTIVITY_USER, password: process.env.ACTIVITY_PASSWORD,
  unit: process.env.ACTIVITY_UNIT,
};
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const SEEDED = 25;
const SOCIAL = 10;   // seeded on channel "social" (Mạng xã hội), the rest on "press"

// October 2025, one a day: the day of the month doubles as the activity's number.
const seededDate = (i) => `2025-10-${String(i + 1).padStart(2, '0')}`;

describe('web UI: activities (paging, filter, edit, delete, import)', () => {
  let browser;
  let page;
  let api;
  const dialogs = [];

  before(async () => {
    assert.ok(USER.user && USER.unit, 'ACTIVITY_USER/ACTIVITY_UNIT not set (run through run.sh)');
    api = await apiClient(USER.user, USER.password);
    const activities = Array.from({ length: SEEDED }, (_, i) => ({
      unit: USER.unit, date: seededDate(i), kind: i < SOCIAL ? 'post' : 'article',
      channel: i < SOCIAL ? 'social' : 'press', theme: 'Chuyển đổi số',
      title: `Tin số ${i + 1}: tuyên truyền chuyển đổi số`, reach: 1000 + i,
    }));
    const seeded = await api('POST', '/activities', { activities });
    assert.ok([200, 201].includes(seeded.status), `seeded: ${JSON.stringify(seeded.body)}`);
    browser = await launch();
    page = await newPage(browser);
    page.on('dialog', (d) => { dialogs.push(d.message()); void d.accept(); });
    await login(page, USER.user, USER.password);
  });

  after(async () => {
    await browser?.close();
  });

  const range = () => page.locator('[data-testid=activity-range]');
  const items = () => page.locator('ol.activity-list > li');

  it('pages through the list, 20 at a time, units by name', async () => {
    await gotoHash(page, '/activities');
    await page.waitForSelector('ol.activity-list');
    assert.equal(await range().textContent(), `Hoạt động 1–20 trên tổng số ${SEEDED}`);
    assert.equal(await items().count(), 20);
    const first = await items().first().textContent();
    assert.match(first, /Tin số 25:/, 'newest first');
    assert.match(first, /25\/10\/2025/, 'date as dd/mm/yyyy');
    assert.match(first, /1\.024 lượt tiếp cận/, 'number as 1.024');
    assert.match(first, /Xã Krông Búk/, 'unit by name');
    assert.doesNotMatch(first, /66907/, 'no unit code');
    await screenshots(page, '40-activities', async () => {
      await page.waitForSelector('ol.activity-list');
    });
    await page.setViewportSize(PHONE);
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.setViewportSize(DESKTOP);
    assert.ok(height < 9000, `the phone page is ${height}px tall with 20 activities`);

    await page.getByRole('link', { name: 'Trang sau ›' }).click();
    await page.waitForURL(/offset=20/);
    await page.getByText(`Hoạt động 21–${SEEDED} trên tổng số ${SEEDED}`).waitFor();
    assert.equal(await items().count(), SEEDED - 20);
    assert.equal(await page.getByRole('link', { name: 'Trang sau ›' }).count(), 0, 'last page');
    assert.match(await items().last().textContent(), /Tin số 1:/);
    await page.getByRole('link', { name: '‹ Trang trước' }).click();
    await page.getByText(`Hoạt động 1–20 trên tổng số ${SEEDED}`).waitFor();
  });

  it('filters by channel and date range', async () => {
    await page.selectOption('form.activity-filters select[name=channel]', 'social');
    await page.fill('form.activity-filters input[name=from]', '03/10/2025');
    await page.fill('form.activity-filters input[name=to]', '08/10/2025');
    await page.click('form.activity-filters button[type=submit]');
    await page.waitForURL(/channel=social/);
    assert.match(page.url(), /from=2025-10-03/);
    assert.match(page.url(), /to=2025-10-08/);
    await page.getByText('Hoạt động 1–6 trên tổng số 6').waitFor();
    const texts = await items().allTextContents();
    assert.equal(texts.length, 6);
    for (const x of texts) assert.match(x, /Mạng xã hội/);
    assert.match(texts[0], /Tin số 8:/);
    assert.match(texts[5], /Tin số 3:/);
    // The filter fields keep what was typed, as dd/mm/yyyy.
    assert.equal(await page.inputValue('form.activity-filters input[name=from]'), '03/10/2025');
    await screenshots(page, '41-activities-filtered');
  });

  it('changes one activity and deletes another after a confirmation', async () => {
    await gotoHash(page, '/activities');
    await page.waitForSelector('ol.activity-list');
    const target = items().filter({ hasText: 'Tin số 25:' });
    await target.getByRole('button', { name: 'Sửa' }).click();
    const dialog = page.locator('dialog.edit-activity');
    await dialog.waitFor();
    assert.equal(await dialog.locator('input[name=date]').inputValue(), '25/10/2025');
    await dialog.locator('input[name=title]').fill('Tin số 25 (đã sửa): hội nghị chuyển đổi số');
    await dialog.locator('input[name=reach]').fill('4321');
    await screenshots(page, '42-activities-edit');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByText('Đã lưu thay đổi của hoạt động.').waitFor();
    const changed = items().filter({ hasText: 'Tin số 25 (đã sửa)' });
    await changed.waitFor();
    assert.match(await changed.textContent(), /4\.321 lượt tiếp cận/);

    const doomed = items().filter({ hasText: 'Tin số 24:' });
    await doomed.getByRole('button', { name: 'Xóa' }).click();
    await page.getByText('Đã xóa hoạt động.').waitFor();
    await page.getByText(`Hoạt động 1–20 trên tổng số ${SEEDED - 1}`).waitFor();
    assert.equal(await items().filter({ hasText: 'Tin số 24:' }).count(), 0);
    assert.ok(dialogs.some((m) => m.includes('Tin số 24:')), `confirmation asked: ${dialogs}`);

    const stored = await api('GET', `/activities?unit=${USER.unit}&limit=500`);
    const titles = stored.body.activities.map((a) => a.title);
    assert.ok(titles.includes('Tin số 25 (đã sửa): hội nghị chuyển đổi số'));
    assert.ok(!titles.some((x) => x.startsWith('Tin số 24:')));
    assert.equal(stored.body.activities.find((a) => a.title.startsWith('Tin số 25')).reach, 4321);
  });

  it('refuses a file with a bad row, naming the row, then imports a good file', async () => {
    const box = page.locator('details.import-box');
    await box.locator('summary').click();
    const example = box.getByRole('link', { name: 'Tải tệp mẫu (CSV)' });
    const exampleHref = await example.getAttribute('href');
    const exampleFile = await fetch(`${BASE_URL}${exampleHref}`);
    assert.equal(exampleFile.status, 200, 'the example file is served');
    assert.match(await exampleFile.text(), /^Ngày,Loại,Kênh,Tiêu đề/);

    await box.locator('input[type=file]').setInputFiles(join(FIXTURES, 'hoat-dong-co-loi.csv'));
    await box.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    const problems = box.locator('table tbody tr');
    await problems.first().waitFor();
    assert.equal(await problems.count(), 1, await box.textContent());
    const cells = await problems.first().locator('td').allTextContents();
    assert.equal(cells[0], '3', `the bad row is line 3: ${cells}`);
    assert.equal(cells[2], '“31/02/2025” không phải là ngày (dd/mm/yyyy).',
      `the problem in Vietnamese: ${cells}`);
    assert.match(await box.textContent(), /Tệp có 1 lỗi, chưa nhập dòng nào/);
    assert.equal(await box.getByRole('button', { name: /^Nhập \d/ }).count(), 0,
      'no import offered for a refused file');
    await screenshots(page, '43-activities-import-refused');
    const unchanged = await api('GET', `/activities?unit=${USER.unit}&limit=1`);
    assert.equal(unchanged.body.total, SEEDED - 1, 'nothing stored from the refused file');

    await box.locator('input[type=file]').setInputFiles(join(FIXTURES, 'hoat-dong-hop-le.csv'));
    await box.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await box.getByText('Tệp hợp lệ: 3 dòng sẵn sàng để nhập.').waitFor();
    const afterCheck = await api('GET', `/activities?unit=${USER.unit}&limit=1`);
    assert.equal(afterCheck.body.total, SEEDED - 1, 'the check stores nothing');
    await box.getByRole('button', { name: 'Nhập 3 hoạt động' }).click();
    await box.getByText('Đã nhập 3 hoạt động.').waitFor();
    await page.getByText(`Hoạt động 1–20 trên tổng số ${SEEDED + 2}`).waitFor();
    await screenshots(page, '44-activities-imported');

    const stored = await api('GET', `/activities?unit=${USER.unit}&limit=500`);
    const imported = stored.body.activities.filter((a) => a.title.startsWith('Nhập từ tệp:'));
    assert.equal(imported.length, 3);
    const loudspeaker = imported.find((a) => a.title.includes('thanh toán'));
    assert.equal(loudspeaker.date, '2025-11-04');
    assert.equal(loudspeaker.channel, 'grassroots_loudspeaker');
    assert.equal(loudspeaker.reach, 1120);

    // An XLSX sheet goes through the same check and import.
    await box.locator('input[type=file]').setInputFiles(join(FIXTURES, 'hoat-dong.xlsx'));
    await box.getByRole('button', { name: 'Kiểm tra tệp' }).click();
    await box.getByText('Tệp hợp lệ: 2 dòng sẵn sàng để nhập.').waitFor();
    await box.getByRole('button', { name: 'Nhập 2 hoạt động' }).click();
    await box.getByText('Đã nhập 2 hoạt động.').waitFor();
    await page.getByText(`Hoạt động 1–20 trên tổng số ${SEEDED + 4}`).waitFor();
    const fromSheet = (await api('GET', `/activities?unit=${USER.unit}&limit=500`)).body.activities
      .filter((a) => a.title.startsWith('Từ bảng tính:'));
    assert.deepEqual(fromSheet.map((a) => a.date).sort(), ['2025-11-10', '2025-11-11']);
    // The 401 before sign-in and the refused file's 422 are logged by the browser, not errors.
    assert.deepEqual(page.problems.filter((x) => x.startsWith('page error')), []);
  });
});
