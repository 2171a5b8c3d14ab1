// Issue 13 workflow 7, units, as the administrator of Tỉnh Cao Bằng (04), end to end on
// #/admin/units: a CSV with a parent outside the province and a repeated code is refused with
// "Dòng 3: …" and "Dòng 4: …" and saves nothing; a clean CSV adds four units shown in the tree; a
// unit is moved under another commune after a confirmation that names both; a commune is merged
// into another after a confirmation that says what happens: it is marked as merged, its units
// below are under the target. Screenshots at 360 and 1366 px. Needs run.sh's UNIT_ADMIN….
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiClient, gotoHash, launch, newPage, screenshots, signIn, totp } from './lib.mjs';

const ADMIN = {
  user: process.env.UNIT_ADMIN, password: process.env.UNIT_ADMIN_PASSWORD,
  secret: process.env.UNIT_ADMIN_TOTP_SECRET,
};
const FIXTURES = join(fileURLToPath(new URL('.', import.meta.url)), 'fixtures');

function unitRow(page, code) {
  return page.locator(`[data-testid=unit-tree] li[data-code="${code}"]`);
}

describe('web UI: unit administration (import, move, merge)', () => {
  let browser;
  let admin;
  let api;

  before(async () => {
    assert.ok(ADMIN.user && ADMIN.password && ADMIN.secret, 'UNIT_ADMIN… not set by run.sh');
    browser = await launch();
    admin = await newPage(browser);
    await signIn(admin, ADMIN.user, ADMIN.password, ADMIN.secret);
    // The API client signs in apart, with the next step's code: the page's may not be replayed.
    api = await apiClient(ADMIN.user, ADMIN.password, totp(ADMIN.secret, Date.now() + 30000));
  });

  after(async () => {
    await browser?.close();
  });

  it('refuses a CSV with a wrong line, naming the lines, and saves nothing', async () => {
    await gotoHash(admin, '/admin/units');
    await unitRow(admin, '04').waitFor();
    await admin.setInputFiles('form.unit-import input[type=file]', join(FIXTURES, 'don-vi-co-loi.csv'));
    await admin.click('form.unit-import button[type=submit]');
    const problems = admin.locator('[data-testid=unit-problems] li');
    await problems.first().waitFor();
    const lines = await problems.allTextContents();
    assert.equal(lines.length, 2, lines.join('\n'));
    assert.match(lines[0], /^Dòng 3: Không tìm thấy đơn vị cấp trên “66”/);
    assert.match(lines[1], /^Dòng 4: Mã “04950” trùng với dòng 2/);
    assert.match(await admin.locator('form.unit-import .notice-error').textContent(),
      /chưa lưu đơn vị nào/);
    assert.equal((await api('GET', '/units/04950')).status, 404, 'a refused file saved a unit');
    assert.equal(await unitRow(admin, '04950').count(), 0);
    await screenshots(admin, '50-admin-units-refused');
  });

  it('imports a clean CSV and shows the units in the tree', async () => {
    await admin.setInputFiles('form.unit-import input[type=file]', join(FIXTURES, 'don-vi-moi.csv'));
    await admin.click('form.unit-import button[type=submit]');
    await admin.locator('main .notice-success', { hasText: 'Đã thêm 4 đơn vị' }).waitFor();
    await unitRow(admin, '04950-DT').waitFor();
    assert.equal(await unitRow(admin, '04950-DT').getAttribute('data-parent'), '04950');
    assert.match(await unitRow(admin, '04951-T01').textContent(), /Thôn Một.*Thôn, tổ dân phố/);
    assert.equal((await api('GET', '/units/04951')).body.parent_code, '04');
  });

  it('moves a unit under another commune after a confirmation', async () => {
    await admin.selectOption('form.unit-move select[name=code]', '04950-DT');
    await admin.selectOption('form.unit-move select[name=parent_code]', '04951');
    await admin.click('form.unit-move button[type=submit]');
    const dialog = admin.locator('dialog.confirm-unit');
    await dialog.waitFor();
    assert.match(await dialog.locator('[data-testid=confirm-text]').textContent(),
      /Chuyển Đoàn Thanh niên xã An \(04950-DT\) từ Xã Thử Nghiệm An \(04950\) sang Xã Thử Nghiệm Bình \(04951\)/);
    await screenshots(admin, '51-admin-units-move-confirm');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await admin.locator('main .notice-success', { hasText: 'Đã chuyển' }).waitFor();
    await unitRow(admin, '04950-DT').and(admin.locator('[data-parent="04951"]')).waitFor();
    assert.equal((await api('GET', '/units/04950-DT')).body.parent_code, '04951');
    // Two levels below the province: the moved unit has no units of its own, so no link leads
    // to an empty subtree; the commune that has one below it links it.
    assert.equal(await unitRow(admin, '04950-DT').locator('.unit-links a').count(), 0);
    const listed = (await api('GET', '/units?root=04&depth=2')).body.units;
    assert.equal(listed.find((u) => u.code === '04950-DT').child_count, 0);
    assert.equal(listed.find((u) => u.code === '04951').child_count, 2);
  });

  it('merges a commune into another: it ends and its units below follow', async () => {
    await admin.selectOption('form.unit-merge select[name=units]', '04951');
    await admin.selectOption('form.unit-merge select[name=into]', '04950');
    await admin.click('form.unit-merge button[type=submit]');
    const dialog = admin.locator('dialog.confirm-unit');
    await dialog.waitFor();
    const text = await dialog.locator('[data-testid=confirm-text]').textContent();
    assert.match(text, /Sáp nhập Xã Thử Nghiệm Bình \(04951\) vào Xã Thử Nghiệm An \(04950\) từ ngày \d{2}\/\d{2}\/\d{4}/);
    assert.match(text, /2 đơn vị trực thuộc chuyển sang Xã Thử Nghiệm An \(04950\)\./);
    assert.match(text, /Kế hoạch, nhiệm vụ và báo cáo đã có vẫn mang tên/);
    await screenshots(admin, '52-admin-units-merge-confirm');
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await admin.locator('main .notice-success', { hasText: 'Đã sáp nhập' }).waitFor();
    const merged = unitRow(admin, '04951');
    await merged.and(admin.locator('.retired')).waitFor();
    assert.match(await merged.textContent(), /đã sáp nhập vào Xã Thử Nghiệm An từ \d{2}\/\d{2}\/\d{4}/);
    for (const child of ['04950-DT', '04951-T01']) {
      assert.equal(await unitRow(admin, child).getAttribute('data-parent'), '04950', child);
    }
    const ended = (await api('GET', '/units/04951')).body;
    assert.equal(ended.successor_code, '04950');
    assert.ok(ended.valid_to, 'the merged unit has no end date');
    // The merged unit can no longer be chosen to move or merge.
    assert.equal(await admin.locator('form.unit-merge select[name=units] option[value="04951"]').count(), 0);
    await screenshots(admin, '53-admin-units');
    assert.deepEqual(admin.problems.filter((p) => !/40[0-9]|422|Failed to load/.test(p)), []);
  });
});
