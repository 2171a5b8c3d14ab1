// Issue 13 workflows 1–3 in a real browser: the province manager declares indicators and a
// quarterly reporting duty on the province's plan; the commune specialist fills, saves and
// submits the current quarter's report; the manager returns it with a comment; the specialist
// sees the comment and resubmits a new version; the manager accepts it and reads the roll-up
// (rates, formula, inputs, left-out units, children, drill-down, late/missing lists) and the
// export links answer files; a viewer reads but cannot review.
// Needs the server and users that run.sh starts and creates (MANAGER, COMMUNE_USER, VIEWER).
// No page.waitForFunction (the page's CSP refuses eval): wait on locators and URLs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { apiClient, BASE_URL, gotoHash, launch, login, newPage, screenshots } from './lib.mjs';

const MANAGER = { user: process.env.MANAGER, password: process.env.MANAGER_PASSWORD };
const COMMUNE = {
  user: process.env.COMMUNE_USER, password: process.env.COMMUNE_PASSWORD,
  unit: process.env.COMMUNE_UNIT,
};
const VIEWER = { user: process.env.VIEWER, password: process.env.VIEWER_PASSWORD };
const PLAN_NUMBER = '120/KH-UBND';
const COMMENT = 'Đề nghị bổ sung số tin, bài của tháng 11 và nêu rõ nguyên nhân.';
const YEAR = new Date().getFullYear();

const INDICATORS = [
  { code: 'so_tin_bai', name: 'Số tin, bài tuyên truyền', type: 'number', aggregation: 'sum',
    unit: 'tin, bài' },
  { code: 'ty_le_dvc', name: 'Tỷ lệ hồ sơ trực tuyến', type: 'percentage', aggregation: 'mean' },
  { code: 'quan_triet', name: 'Đã quán triệt kế hoạch', type: 'yes_no',
    aggregation: 'share_meeting_target' },
  { code: 'so_hoi_nghi', name: 'Số hội nghị chuyên đề', type: 'number', aggregation: 'sum' },
  { code: 'ghi_chu', name: 'Ghi chú', type: 'text', aggregation: '' },
];

describe('web UI: reports, review and roll-up', () => {
  let browser;
  let manager;
  let commune;
  let planId;
  let period;     // the latest period already begun, e.g. "2026-Q4"
  let reportId;

  before(async () => {
    assert.ok(MANAGER.user && COMMUNE.user && VIEWER.user, 'MANAGER/COMMUNE_USER/VIEWER not set');
    browser = await launch();
    manager = await newPage(browser);
    commune = await newPage(browser);
    for (const p of [manager, commune]) p.on('dialog', (d) => void d.accept());
    const api = await apiClient(MANAGER.user, MANAGER.password);
    const plans = (await api('GET', '/plans?unit=66')).body.plans;
    planId = plans.find((p) => p.number === PLAN_NUMBER)?.id;
    assert.ok(planId, `plan ${PLAN_NUMBER} not imported`);
  });

  after(async () => {
    await browser?.close();
  });

  it('lets the manager declare indicators and a reporting duty on the plan', async () => {
    await login(manager, MANAGER.user, MANAGER.password);
    await gotoHash(manager, `/plans/${planId}`);
    // Published, so the communes that implement it can read it (and its name on their reports).
    const header = manager.locator('[data-testid=plan-header]');
    await header.locator('select[name=status]').selectOption('published');
    await header.locator('button[type=submit]').click();
    await manager.locator('main .notice-success').first().waitFor();
    assert.equal(await manager.locator('[data-testid=plan-status]').textContent(), 'Đã ban hành');
    const section = manager.locator('[data-testid=plan-reporting]');
    await section.locator('[data-testid=edit-indicators]').click();
    for (let i = 0; i < INDICATORS.length; i++) {
      if (i > 0) await section.locator('[data-testid=add-indicator]').click();
      const row = section.locator('fieldset.indicator-edit').nth(i);
      const ind = INDICATORS[i];
      await row.locator('input[name=code]').fill(ind.code);
      await row.locator('input[name=name]').fill(ind.name);
      await row.locator('select[name=type]').selectOption(ind.type);
      await row.locator('select[name=aggregation]').selectOption(ind.aggregation);
      if (ind.unit) await row.locator('input[name=unit_label]').fill(ind.unit);
    }
    await screenshots(manager, '20-plan-indicators-edit');
    await section.locator('[data-testid=save-indicators]').click();
    const listing = section.locator('[data-testid=indicators] table');
    await listing.waitFor();
    const text = await listing.textContent();
    for (const ind of INDICATORS) assert.ok(text.includes(ind.name), `${ind.name} listed`);
    assert.match(text, /Tỷ lệ đạt mục tiêu/, 'aggregation named in Vietnamese');

    const duty = section.locator('form.duty-form');
    await duty.locator('select[name=frequency]').selectOption('quarterly');
    await duty.locator('input[name=first_year]').fill(String(YEAR));
    await duty.locator('input[name=last_year]').fill(String(YEAR));
    await duty.locator('input[name=offset_commune]').fill('2');
    await duty.locator('[data-testid=add-duty]').click();
    const done = section.locator('[data-testid=duties] .notice-success');
    await done.waitFor();
    const slots = Number((await done.textContent()).match(/tạo (\d+) kỳ/)[1]);
    assert.equal(slots, 7 * 4, '4 quarters for the 7 communes and wards of the province');
    assert.match(await section.locator('[data-testid=duties] ul').textContent(), /Hằng quý/);
    await screenshots(manager, '20-plan-reporting');
    assert.equal(await manager.locator('[data-testid=plan-docx]').getAttribute('href'),
      `/api/v1/plans/${planId}/export.docx`);
  });

  it('shows the commune the reports it owes, with due dates as dd/mm/yyyy', async () => {
    // An activity in the period, so the report's activity counts have something to show.
    const api = await apiClient(COMMUNE.user, COMMUNE.password);
    const slots = (await api('GET', `/reports?plan=${planId}`)).body.slots;
    const today = new Date().toISOString().slice(0, 10);
    const current = slots.filter((s) => s.period.start <= today)
      .sort((a, b) => b.period.key.localeCompare(a.period.key))[0];
    period = current.period.key;
    const logged = await api('POST', '/activities', {
      unit: COMMUNE.unit, date: current.period.start, kind: 'loudspeaker', channel: 'grassroots_loudspeaker',
      theme: 'Chuyển đổi số', title: 'Bản tin loa: chuyển đổi số', link: '', reach: 300,
    });
    assert.ok([200, 201].includes(logged.status), `activity logged: ${JSON.stringify(logged.body)}`);

    await login(commune, COMMUNE.user, COMMUNE.password);
    await gotoHash(commune, '/reports');
    const row = commune.locator(`tr[data-period="${period}"]`);
    await row.waitFor();
    const [y, m, d] = current.due.split('-');
    assert.match(await row.textContent(), new RegExp(`${d}/${m}/${y}`), 'due date dd/mm/yyyy');
    assert.match(await row.textContent(), new RegExp(current.period.label.replace('/', '\\/')));
    assert.match(await row.textContent(), /120\/KH-UBND/, 'the plan named');
    assert.equal(await commune.locator('tbody tr').count(),
      slots.filter((s) => s.status === 'missing').length, 'every open slot of the commune listed');
    await screenshots(commune, '21-reports-commune');
    await row.locator('a').click();
    await commune.waitForURL(/#\/reports\/slot\/\d+/);
  });

  it('fills the values and narrative, saves a draft and submits', async () => {
    const form = commune.locator('main');
    await form.locator('input[name=so_tin_bai]').fill('mười hai');
    await commune.click('[data-testid=save-draft]');
    await form.locator('[data-testid=edit-actions] .notice-error', { hasText: 'nhập một số' })
      .waitFor();
    assert.match(commune.url(), /#\/reports\/slot\//, 'nothing saved from an unreadable number');
    await form.locator('input[name=so_tin_bai]').fill('1250');
    await form.locator('input[name=ty_le_dvc]').fill('62,5');
    await form.locator('select[name=quan_triet]').selectOption('yes');
    await form.locator('input[name="so_hoi_nghi-na"]').check();
    await form.locator('textarea[name=ghi_chu]').fill('Số liệu đến ngày chốt.');
    await form.locator('textarea[name=highlights]').fill('Phát bản tin chuyển đổi số hằng tuần.');
    await form.locator('textarea[name=shortcomings]').fill('Hai thôn chưa có loa.');
    await form.locator('textarea[name=recommendations]').fill('Hỗ trợ thêm loa truyền thanh.');
    await commune.click('[data-testid=save-draft]');
    await commune.waitForURL(/#\/reports\/\d+$/);
    reportId = Number(commune.url().match(/reports\/(\d+)$/)[1]);
    await commune.locator('[data-testid=report-message] .notice-success').waitFor();
    assert.equal(await form.locator('input[name=so_tin_bai]').inputValue(), '1.250');
    assert.equal(await form.locator('input[name=ty_le_dvc]').inputValue(), '62,5');
    assert.ok(await form.locator('input[name="so_hoi_nghi-na"]').isChecked(), 'N/A kept');
    assert.match(await form.locator('[data-testid=report-header]').textContent(), /Đang soạn/);
    const counts = await form.locator('[data-testid=activity-counts]').textContent();
    assert.match(counts, /\(1\)/, 'the logged activity counted');
    await screenshots(commune, '22-report-draft');
    await commune.click('[data-testid=submit-report]');
    await commune.locator('[data-testid=report-message] .notice-success',
      { hasText: 'Đã gửi báo cáo' }).waitFor();
    assert.match(await form.locator('[data-testid=report-header]').textContent(),
      /Đã gửi, chờ duyệt/);
    assert.equal(await commune.locator('[data-testid=submit-report]').count(), 0,
      'a submitted report is not editable');
    const docx = await commune.request.get(`${BASE_URL}/api/v1/reports/${reportId}/export.docx`);
    assert.equal(docx.status(), 200, 'report DOCX link answers');
  });

  it('lets the province see rates and return the report with a comment', async () => {
    await gotoHash(manager, `/reports?plan=${planId}&period=${period}&filter=review`);
    const rates = manager.locator('[data-testid=rates-total]');
    await rates.waitFor();
    assert.match(await rates.textContent(), /Phải gửi 7 · đã nhận 1/);
    const row = manager.locator(`tr[data-unit="${COMMUNE.unit}"]`);
    await row.waitFor();
    assert.match(await row.textContent(), /Đã gửi, chờ duyệt/);
    await screenshots(manager, '23-reports-province');
    await row.locator('a').click();
    await manager.waitForURL(new RegExp(`#/reports/${reportId}$`));
    await manager.locator('[data-testid=return-report]').click();
    await manager.locator('[data-testid=review] .notice-error', { hasText: 'Nhập ý kiến' }).waitFor();
    await manager.locator('textarea[name=comment]').fill(COMMENT);
    await screenshots(manager, '24-report-review');
    await manager.locator('[data-testid=return-report]').click();
    await manager.locator('[data-testid=report-message] .notice-success').waitFor();
    assert.match(await manager.locator('[data-testid=report-header]').textContent(), /Bị trả lại/);
  });

  it('shows the commune the returned report with the comment, and resubmits', async () => {
    await gotoHash(commune, '/reports?filter=returned');
    const row = commune.locator(`tr[data-period="${period}"]`);
    await row.waitFor();
    assert.match(await row.textContent(), /Bị trả lại/);
    await row.locator('a').click();
    await commune.locator('[data-testid=review-comment]').waitFor();
    assert.equal(await commune.locator('[data-testid=review-comment]').textContent(), COMMENT);
    await commune.locator('input[name=so_tin_bai]').fill('1.300');
    await screenshots(commune, '25-report-returned');
    await commune.click('[data-testid=submit-report]');
    await commune.locator('[data-testid=report-message] .notice-success',
      { hasText: 'Đã gửi báo cáo' }).waitFor();
    const newId = Number(commune.url().match(/reports\/(\d+)$/)[1]);
    assert.notEqual(newId, reportId, 'a new version, the returned one kept');
    const header = await commune.locator('[data-testid=report-header]').textContent();
    assert.match(header, /Đã gửi, chờ duyệt/);
    assert.match(await commune.locator('[data-testid=versions]').textContent(), new RegExp(COMMENT));
    reportId = newId;
  });

  it('lets the province accept it and read the roll-up with its formulas', async () => {
    await gotoHash(manager, `/reports/${reportId}`);
    await manager.locator('[data-testid=accept-report]').click();
    await manager.locator('[data-testid=report-message] .notice-success').waitFor();
    assert.match(await manager.locator('[data-testid=report-header]').textContent(),
      /Đã tiếp nhận/);

    await gotoHash(manager, `/rollup?plan=${planId}&unit=66&period=${period}`);
    const sum = manager.locator('[data-indicator=so_tin_bai]');
    await sum.waitFor();
    assert.match(await sum.locator('.big-value').textContent(), /1\.300 tin, bài/);
    await sum.locator('summary').click();
    const inputs = sum.locator('.explain table').first();
    await inputs.waitFor();
    assert.match(await inputs.textContent(), /Xã Hòa Phú.*1\.300/);
    const leftOut = await sum.locator('.explain table').nth(1).textContent();
    assert.match(leftOut, /Xã Ea Kar.*Chưa có báo cáo/, 'units left out listed with a reason');
    assert.match(await sum.locator('.formula').textContent(), /1300|1\.300/);
    const pct = manager.locator('[data-indicator=ty_le_dvc] .big-value');
    assert.match(await pct.textContent(), /62,5%/);
    const children = manager.locator('[data-testid=rollup-children]');
    assert.match(await children.locator(`tr:has([data-testid=drill-${COMMUNE.unit}])`)
      .textContent(), /1\.300/);
    const xlsx = await manager.locator('[data-testid=rollup-xlsx]').getAttribute('href');
    const file = await manager.request.get(`${BASE_URL}${xlsx}`);
    assert.equal(file.status(), 200, 'roll-up XLSX link answers');
    assert.match(file.headers()['content-type'], /spreadsheetml/);
    await screenshots(manager, '26-rollup', async () => {
      if (!(await sum.locator('details').evaluate((d) => d.open))) await sum.locator('summary').click();
    });
    await children.locator(`[data-testid=drill-${COMMUNE.unit}]`).click();
    await manager.waitForURL(new RegExp(`unit=${COMMUNE.unit}`));
    await manager.locator('[data-testid=rollup-rates]').waitFor();
    assert.match(await manager.locator('main .crumbs').textContent(), /Xã Hòa Phú/);
  });

  it('lists late and missing units of an earlier quarter', async () => {
    const earlier = `${YEAR}-Q1`;
    if (earlier === period) return;
    await gotoHash(manager, `/rollup?plan=${planId}&unit=66&period=${earlier}`);
    const missing = manager.locator('[data-testid=rollup-missing]');
    await missing.waitFor();
    assert.match(await missing.locator('h2').textContent(), /\(7\)/);
    assert.match(await missing.textContent(), /Xã Hòa Phú/);
  });

  it('lets a viewer read the report but not review it', async () => {
    const viewer = await newPage(browser);
    try {
      await login(viewer, VIEWER.user, VIEWER.password);
      await gotoHash(viewer, `/reports/${reportId}`);
      await viewer.locator('[data-testid=report-header]').waitFor();
      assert.equal(await viewer.locator('[data-testid=accept-report]').count(), 0);
      assert.equal(await viewer.locator('[data-testid=submit-report]').count(), 0);
      assert.ok(await viewer.locator('input[name=so_tin_bai]').isDisabled());
      await screenshots(viewer, '27-report-viewer');
      // The English catalogue is there too; dates stay dd/mm/yyyy.
      await viewer.click('[data-testid=lang-switch]');
      await viewer.locator('h1', { hasText: 'Report of Xã Hòa Phú' }).waitFor();
      assert.match(await viewer.locator('[data-testid=report-header]').textContent(),
        /Accepted.*\d{2}\/\d{2}\/\d{4}|\d{2}\/\d{2}\/\d{4}.*Accepted/s);
      await viewer.click('[data-testid=lang-switch]');
      await viewer.locator('h1', { hasText: 'Báo cáo của Xã Hòa Phú' }).waitFor();
    } finally {
      await viewer.context().close();
    }
  });

  it('offers the task list as XLSX on the task board', async () => {
    await gotoHash(manager, '/tasks');
    const href = await manager.locator('[data-testid=tasks-xlsx]').getAttribute('href');
    const file = await manager.request.get(`${BASE_URL}${href}`);
    assert.equal(file.status(), 200, 'task XLSX link answers');
  });

  it('raised no script errors', () => {
    for (const p of [manager, commune]) {
      assert.deepEqual(p.problems.filter((x) => !/40[14]|Failed to load/.test(x)), []);
    }
  });
});
