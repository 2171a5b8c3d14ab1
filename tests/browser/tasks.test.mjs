// Issue 13 workflow 5 in a real browser: the province's published plan assigns "UBND các xã,
// phường" a task; the Hòa Phú commune specialist sees it on the commune's board, named with the
// assigning plan and read-only, and comments on it; a specialist of the province (the plan's
// owner) changes its status and progress, types its deadline in words, uploads an evidence file
// and reads the commune's comment and the history; the commune then sees all of it.
// Needs the server and users that run.sh starts and creates (TASK_OWNER, COMMUNE_USER, MANAGER).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  apiClient, BASE_URL, gotoHash, launch, login, newPage, screenshots,
} from './lib.mjs';

const OWNER = { user: process.env.TASK_OWNER, password: process.env.TASK_OWNER_PASSWORD };
const MANAGER = { user: process.env.MANAGER, password: process.env.MANAGER_PASSWORD };
const COMMUNE = {
  user: process.env.COMMUNE_USER, password: process.env.COMMUNE_PASSWORD,
  unit: process.env.COMMUNE_UNIT,
};
const PLAN_NUMBER = '120/KH-UBND';
const TASK_START = 'Xây dựng kế hoạch thực hiện trước ngày 15/9/2025';
const COMMENT = 'Xã Hòa Phú đã ban hành kế hoạch thực hiện, đề nghị tỉnh ghi nhận.';
const REPLY = 'Đã nhận, đề nghị xã gửi kèm văn bản.';
const EVIDENCE = { name: 'Kế hoạch xã Hòa Phú.pdf', mimeType: 'application/pdf',
  buffer: Buffer.from('%PDF-1.4\n% minh chứng thử nghiệm\n') };

describe('web UI: tasks assigned from above, deadline, evidence, comments, history', () => {
  let browser;
  let owner;
  let commune;
  let taskId;
  let planTitle;

  before(async () => {
    assert.ok(OWNER.user && MANAGER.user && COMMUNE.user, 'TASK_OWNER/MANAGER/COMMUNE_USER not set');
    // The plan reaches the communes once published (reports.test.mjs publishes it too; the
    // change is idempotent).
    const api = await apiClient(MANAGER.user, MANAGER.password);
    const plan = (await api('GET', '/plans?unit=66')).body.plans
      .find((p) => p.number === PLAN_NUMBER);
    assert.ok(plan, `plan ${PLAN_NUMBER} not imported`);
    planTitle = plan.title;
    if (plan.status !== 'published') {
      assert.equal((await api('PATCH', `/plans/${plan.id}`, { status: 'published' })).status, 200);
    }
    const tasks = (await api('GET', '/tasks?unit=66')).body.tasks;
    taskId = tasks.find((k) => k.plan_id === plan.id && k.text.startsWith(TASK_START))?.id;
    assert.ok(taskId, 'the task for the communes is on the province board');
    browser = await launch();
    owner = await newPage(browser);
    commune = await newPage(browser);
  });

  after(async () => {
    await browser?.close();
  });

  const cardOf = (page) => page.locator(`article.task-card[data-task-id="${taskId}"]`);

  it('shows the commune the task the province plan assigns, read-only, and takes a comment',
    async () => {
      await login(commune, COMMUNE.user, COMMUNE.password);
      await gotoHash(commune, '/tasks');
      const card = cardOf(commune);
      await card.waitFor();
      assert.equal(await card.getAttribute('data-source'), 'assigned');
      const meta = await card.locator('.task-meta').textContent();
      assert.match(meta, /Cấp trên giao/);
      assert.ok(meta.includes(PLAN_NUMBER) && meta.includes(planTitle), 'assigning plan named');
      assert.match(meta, /Tỉnh Đắk Lắk/, 'the assigning unit by name');
      assert.match(await commune.locator('[data-testid=board-unit]').textContent(),
        /Xã Hòa Phú · 1 nhiệm vụ do kế hoạch cấp trên giao \(1 Quá hạn\)/);
      assert.equal(await card.locator('.task-form').count(), 0, 'no status form: read-only');
      assert.match(await card.locator('[data-testid=task-state]').textContent(),
        /Trạng thái: Chưa thực hiện · Tiến độ \(%\): 0/);
      await card.locator('[data-testid=read-only]').waitFor();
      assert.match(await card.locator('[data-testid=task-deadline]').textContent(),
        /trước ngày 15\/9\/2025 \(15\/09\/2025\)/, 'deadline with its date dd/mm/yyyy');

      await card.locator('[data-testid=task-detail] summary').click();
      const detail = card.locator('[data-testid=task-detail]');
      await detail.locator('[data-testid=task-comments] .empty').waitFor();
      assert.equal(await detail.locator('[data-testid=deadline-form]').count(), 0);
      assert.equal(await detail.locator('[data-testid=evidence-upload]').count(), 0);
      await detail.locator('textarea[name=comment]').fill(COMMENT);
      await detail.locator('[data-testid=comment-form] button[type=submit]').click();
      const comment = detail.locator('[data-testid=task-comments] li', { hasText: COMMENT });
      await comment.waitFor();
      assert.match(await comment.textContent(), /Xã Hòa Phú/, 'the writer’s unit by name');
      assert.match(await comment.textContent(), /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/);
      await screenshots(commune, '30-tasks-assigned');
    });

  it('lets the owning unit update status, deadline in words and evidence, and read the history',
    async () => {
      await login(owner, OWNER.user, OWNER.password);
      await gotoHash(owner, '/tasks?unit=66');
      const card = cardOf(owner);
      await card.waitFor();
      assert.equal(await card.getAttribute('data-source'), 'own');
      await card.locator('select[name=status]').selectOption('in_progress');
      await card.locator('input[name=progress]').fill('60');
      await card.locator('.task-form button[type=submit]').click();
      await card.locator('.task-form .notice-success').waitFor();

      await card.locator('[data-testid=task-detail] summary').click();
      const detail = card.locator('[data-testid=task-detail]');
      const deadline = detail.locator('input[name=deadline]');
      assert.equal(await deadline.inputValue(), 'trước ngày 15/9/2025');
      // Words the server cannot read are refused, not saved as "no deadline".
      await deadline.fill('sớm nhất có thể');
      await detail.locator('[data-testid=deadline-form] button[type=submit]').click();
      await detail.locator('[data-testid=deadline-form] .notice-error', { hasText: 'Chưa lưu' })
        .waitFor();
      assert.match(await card.locator('[data-testid=task-deadline]').textContent(),
        /trước ngày 15\/9\/2025/, 'the refused words replaced the deadline');
      await deadline.fill('trong Quý IV/2025');
      await detail.locator('[data-testid=deadline-form] button[type=submit]').click();
      await detail.locator('[data-testid=deadline-form] .notice-success', { hasText: '31/12/2025' })
        .waitFor();
      assert.match(await card.locator('[data-testid=task-deadline]').textContent(),
        /trong Quý IV\/2025 \(31\/12\/2025\)/, 'the card shows the computed date');

      await detail.locator('input[name=file]').setInputFiles(EVIDENCE);
      await detail.locator('[data-testid=evidence-upload] button[type=submit]').click();
      const file = detail.locator('[data-testid=evidence-files] a', { hasText: EVIDENCE.name });
      await file.waitFor();
      const download = await owner.request.get(new URL(await file.getAttribute('href'), BASE_URL)
        .toString());
      assert.equal(download.status(), 200, 'the evidence link answers');
      assert.deepEqual(Buffer.from(await download.body()), EVIDENCE.buffer, 'same bytes back');

      const comments = await detail.locator('[data-testid=task-comments]').textContent();
      assert.ok(comments.includes(COMMENT) && comments.includes('Xã Hòa Phú'),
        'the commune’s comment with its unit');
      // Authors by their names (run.sh's display names), not their account ids.
      assert.ok(comments.includes('Phạm Thị Hòa') && !comments.includes(COMMUNE.user),
        'the comment’s author by name');
      await detail.locator('textarea[name=comment]').fill(REPLY);
      await detail.locator('[data-testid=comment-form] button[type=submit]').click();
      await detail.locator('[data-testid=task-comments] li', { hasText: REPLY }).waitFor();

      const history = detail.locator('[data-testid=task-history]');
      await history.locator('li', { hasText: 'trong Quý IV/2025' }).first().waitFor();
      const text = await history.textContent();
      assert.match(text, /Thời hạn: trước ngày 15\/9\/2025 \(15\/09\/2025\) → trong Quý IV\/2025 \(31\/12\/2025\)/);
      assert.match(text, /Trạng thái: Chưa thực hiện → Đang thực hiện/);
      assert.match(text, /Tiến độ \(%\): 0 → 60/);
      assert.match(text, new RegExp(`Tệp minh chứng: — → ${EVIDENCE.name.replace('.', '\\.')}`));
      assert.ok(text.includes('Đỗ Thị Chuyên') && !text.includes(OWNER.user),
        'who changed it, by name');
      await screenshots(owner, '31-task-detail-owner');
    });

  it('shows the commune the owner’s changes, evidence and reply', async () => {
    await commune.reload(); // the board is still open from the first step
    await commune.waitForLoadState('networkidle');
    const card = cardOf(commune);
    await card.waitFor();
    assert.match(await card.locator('[data-testid=task-state]').textContent(),
      /Trạng thái: Đang thực hiện · Tiến độ \(%\): 60/);
    assert.match(await card.locator('[data-testid=task-deadline]').textContent(), /31\/12\/2025/);
    await card.locator('[data-testid=task-detail] summary').click();
    const detail = card.locator('[data-testid=task-detail]');
    await detail.locator('[data-testid=evidence-files] a', { hasText: EVIDENCE.name }).waitFor();
    await detail.locator('[data-testid=task-comments] li', { hasText: REPLY }).waitFor();
    await detail.locator('[data-testid=task-history] li', { hasText: 'Đang thực hiện' }).first()
      .waitFor();
    await screenshots(commune, '32-tasks-assigned-updated');
    // The session probe before signing in answers 401 and the unreadable deadline 422; nothing
    // else may fail.
    for (const p of [commune, owner]) {
      assert.deepEqual(p.problems.filter((x) => !/status of (401|422)/.test(x)), [], 'no page errors');
    }
  });
});
