// Issue 13 workflow 7 as an administrator, end to end: sign in with TOTP; on #/admin/users add a
// user, change its role and unit, disable and enable it, reset its password (the temporary
// password is shown once); that user signs in with it, is sent to #/account and must choose a new
// password (the reuse rule refuses the first one); the admin enrols a new phone for two-factor
// sign-in (QR code, confirmed with a code); #/admin/audit shows those changes, filtered. A taken
// user name and a short password are refused in Vietnamese worded from the server's reason codes.
// Screenshots at 360 and 1366 px. Needs run.sh's server and ADMIN_USER/ADMIN_TOTP_SECRET.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { gotoHash, launch, newPage, screenshots, signIn, totp } from './lib.mjs';

const ADMIN = {
  user: process.env.ADMIN_USER, password: process.env.ADMIN_PASSWORD,
  secret: process.env.ADMIN_TOTP_SECRET,
};
const NEW_USER = 'hoa.eakar';
const INITIAL_PASSWORD = 'mật khẩu ban đầu của Hòa 2026';
const OWN_PASSWORD = 'mật khẩu riêng của Hòa 2026';

function row(page, username) {
  return page.locator('main table tbody tr', { hasText: username });
}

describe('web UI: administration (users, own account, audit log)', () => {
  let browser;
  let admin;
  let temporary = '';

  before(async () => {
    assert.ok(ADMIN.user && ADMIN.password && ADMIN.secret, 'ADMIN_USER/… not set by run.sh');
    browser = await launch();
    admin = await newPage(browser);
    admin.on('dialog', (d) => d.accept());
    await signIn(admin, ADMIN.user, ADMIN.password, ADMIN.secret);
  });

  after(async () => {
    await browser?.close();
  });

  it('lists the users and adds one', async () => {
    await gotoHash(admin, '/admin/users?unit=66904');
    await row(admin, process.env.USER_A).waitFor();
    await admin.click('main details summary');
    await admin.fill('input[name=username]', NEW_USER);
    await admin.fill('input[name=display_name]', 'Lê Thị Hòa');
    await admin.selectOption('form select[name=role]', 'viewer');
    await admin.fill('input[name=password]', INITIAL_PASSWORD);
    await admin.click('main details button[type=submit]');
    await admin.locator('main .notice-success', { hasText: NEW_USER }).waitFor();
    await row(admin, NEW_USER).waitFor();
    assert.match(await row(admin, NEW_USER).textContent(), /Xem.*phải đổi mật khẩu/);
    await screenshots(admin, '20-admin-users');
  });

  it('refuses a taken user name and a short password in Vietnamese, from their reason codes',
    async () => {
      const form = admin.locator('main details');
      if (await form.getAttribute('open') === null) await admin.click('main details summary');
      await admin.fill('input[name=username]', NEW_USER);
      await admin.fill('input[name=password]', INITIAL_PASSWORD);
      await admin.click('main details button[type=submit]');
      const refusal = admin.locator('main .notice-error');
      await refusal.waitFor();
      assert.equal((await refusal.textContent()).trim(),
        `Tên đăng nhập “${NEW_USER}” đã có người dùng.`);
      await admin.fill('input[name=username]', 'hoa.khac');
      await admin.fill('input[name=password]', 'ngắn');
      await admin.click('main details button[type=submit]');
      await admin.locator('main .notice-error', { hasText: 'ít nhất 12 ký tự' }).waitFor();
      assert.equal((await refusal.textContent()).trim(), 'Mật khẩu phải có ít nhất 12 ký tự.');
      await screenshots(admin, '20-admin-users-refused');
      assert.equal(await row(admin, 'hoa.khac').count(), 0, 'a refused user was listed');
    });

  it('changes the role and unit, disables and enables', async () => {
    await admin.click(`[data-testid="edit-${NEW_USER}"]`);
    const dialog = admin.locator('dialog.edit-user');
    await dialog.locator('select[name=role]').selectOption('specialist');
    await dialog.locator('select[name=unit_code]').selectOption('66905');
    await screenshots(admin, '21-admin-user-edit');
    await dialog.locator('button[type=submit]').click();
    await admin.locator('main .notice-success', { hasText: 'Đã cập nhật' }).waitFor();
    // Moved to Xã Đắk Liêng: listed under that commune now.
    await gotoHash(admin, '/admin/users?unit=66905');
    await row(admin, NEW_USER).filter({ hasText: 'Chuyên viên' }).waitFor();
    assert.match(await row(admin, NEW_USER).textContent(), /Chuyên viên.*Đắk Liêng/);
    await admin.click(`[data-testid="toggle-${NEW_USER}"]`);
    await admin.locator('main .notice-success', { hasText: 'Đã khóa' }).waitFor();
    await row(admin, NEW_USER).filter({ hasText: 'Đã khóa' }).waitFor();
    await admin.click(`[data-testid="toggle-${NEW_USER}"]`);
    await admin.locator('main .notice-success', { hasText: 'Đã mở khóa' }).waitFor();
    await row(admin, NEW_USER).filter({ hasText: 'Đang hoạt động' }).waitFor();
  });

  it('resets the password and shows the temporary one once', async () => {
    await admin.click(`[data-testid="reset-${NEW_USER}"]`);
    const shown = admin.locator('[data-testid=temporary-password]');
    await shown.waitFor();
    temporary = (await shown.textContent()).trim();
    assert.equal(temporary.length, 16);
    await screenshots(admin, '22-admin-user-reset');
  });

  it('makes the user choose a new password, with the reuse rule', async () => {
    const user = await newPage(browser);
    await signIn(user, NEW_USER, temporary);
    await user.waitForURL(/#\/account$/);
    await user.locator('main .notice-warning').waitFor();
    const change = async (next) => {
      await user.fill('input[name=current_password]', temporary);
      await user.fill('input[name=new_password]', next);
      await user.fill('input[name=new_password_again]', next);
      await user.click('main form.card button[type=submit]');
    };
    await change(INITIAL_PASSWORD);
    await user.locator('main .notice-error', { hasText: 'khác 5 mật khẩu gần nhất' }).waitFor();
    await change(OWN_PASSWORD);
    await user.locator('main .notice-success', { hasText: 'Đã đổi mật khẩu' }).waitFor();
    await gotoHash(user, '/tasks');
    assert.match(user.url(), /#\/tasks$/, 'still held on #/account after the change');
    // 403/422 answers are logged by Chromium as failed loads; anything else is a defect.
    assert.deepEqual(user.problems.filter((p) => !/40[0-9]|422|Failed to load/.test(p)), []);
    await user.context().close();
  });

  it('enrols a new phone for two-factor sign-in with a QR code', async () => {
    await gotoHash(admin, '/account');
    await admin.click('[data-testid=totp-start]');
    await admin.locator('svg.qr path').waitFor();
    const secret = (await admin.locator('[data-testid=totp-secret]').textContent()).trim();
    await screenshots(admin, '23-account-totp');
    await admin.fill('input[name=code]', '000000' === totp(secret) ? '111111' : '000000');
    const confirm = admin.getByRole('button', { name: 'Xác nhận' });
    await confirm.click();
    await admin.locator('main .notice-error').waitFor();
    await admin.fill('input[name=code]', totp(secret));
    await confirm.click();
    await admin.locator('main .notice-success', { hasText: 'Đã bật xác thực hai lớp' }).waitFor();
  });

  it('shows those changes in the audit log, filtered', async () => {
    await gotoHash(admin, '/admin/audit?entity=user');
    await admin.locator('main table tbody tr').first().waitFor();
    const text = await admin.locator('main table').textContent();
    for (const action of ['Tạo', 'Sửa', 'Khóa', 'Mở khóa', 'Cấp lại mật khẩu', 'Đổi mật khẩu',
      'Bật xác thực hai lớp']) {
      assert.ok(text.includes(action), `audit log lacks "${action}"`);
    }
    assert.ok(!text.includes(temporary), 'the temporary password is in the audit log');
    assert.match(text, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, 'times not shown as dd/mm/yyyy hh:mm');
    await admin.fill('input[name=actor]', `web:${NEW_USER}`);
    await admin.click('main form.filters button[type=submit]');
    await admin.waitForURL(/actor=web%3Ahoa\.eakar/);
    await admin.locator('main table tbody tr', { hasText: 'Đổi mật khẩu' }).waitFor();
    assert.equal(await admin.locator('main table tbody tr', { hasText: 'Cấp lại mật khẩu' }).count(), 0);
    await gotoHash(admin, '/admin/audit?entity=user');
    await admin.locator('main table tbody tr').first().waitFor();
    await screenshots(admin, '24-admin-audit');
    assert.deepEqual(admin.problems.filter((p) => !/40[0-9]|422|Failed to load/.test(p)), []);
  });
});
