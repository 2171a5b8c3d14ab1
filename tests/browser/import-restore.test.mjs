// A plan typed without diacritics (issue 15): the import review shows it with its diacritics
// restored, the note in Vietnamese, and the restored words it is unsure of listed for checking,
// with the fields that hold them outlined.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { BASE_URL, gotoHash, importForReview, screenshots, signedInPage } from './lib.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURE = join(here, 'fixtures', 'ke-hoach-khong-dau.txt');
const A = { user: process.env.USER_A, password: process.env.PASSWORD_A };

describe('web UI: importing text that lost its diacritics', () => {
  let browser;
  let page;

  before(async () => {
    assert.ok(A.user && A.password, 'USER_A/PASSWORD_A not set');
    ({ browser, page } = await signedInPage(A.user, A.password));
  });

  after(async () => {
    await browser?.close();
  });

  it('restores the diacritics and lists the words to check', async () => {
    await importForReview(page, FIXTURE);
    // The original is shown as it came; the fields carry the restored text.
    assert.match(await page.textContent('[data-testid=original-text]'), /Tuyen truyen phong chong/);
    assert.equal(await page.inputValue('textarea[name=title]'),
      'Tuyên truyền phòng chống thiên tai năm 2026');
    assert.equal(await page.inputValue('input[name=number]'), '52/KH-UBND');
    assert.equal(await page.inputValue('input[name=issuer]'), 'ỦY BAN NHÂN DÂN XÃ EA KAR');
    assert.match(await page.inputValue('textarea[name=task-text-0]'), /^Tuyên truyền trên hệ thống/);
    // The importer's note, in Vietnamese from the catalogue, with the count.
    const notes = await page.locator('main .notice-warning li').allTextContents();
    assert.ok(notes.some((n) => /^Văn bản mất dấu: đã khôi phục dấu cho \d+ từ/.test(n)),
      `no restoration note among: ${notes.join(' | ')}`);
    assert.ok(!notes.some((n) => /restored|diacritics/.test(n)), 'an English note in the UI');
    // Uncertain words: listed with their original and confidence; their fields outlined.
    const panel = page.locator('[data-testid=uncertain-words]');
    await panel.locator('summary').click();
    const chips = await panel.locator('li').allTextContents();
    assert.ok(chips.length > 0, 'no word listed for checking');
    assert.ok(chips.every((c) => /\(gốc: .+, \d+ %\)$/.test(c)), chips.join(' | '));
    await screenshots(page, '13-import-restored');
  });

  it('offers the restored form of a search typed without diacritics', async () => {
    await gotoHash(page, '/search?q=phong%20chong%20thien%20tai');
    const offer = page.locator('[data-testid=did-you-mean]');
    await offer.waitFor();
    assert.equal((await offer.textContent()).trim(), 'Có phải bạn muốn tìm phòng chống thiên tai?');
    await offer.locator('a').click();
    await page.waitForFunction(() => location.hash.includes('q=ph%C3%B2ng'));
    assert.equal(await page.inputValue('input[name=q]'), 'phòng chống thiên tai');
    // Typed with diacritics: nothing is offered.
    assert.equal(await page.locator('[data-testid=did-you-mean]').count(), 0);
    await screenshots(page, '14-search-restored-query');
  });

  it('loads the web UI precompressed, with long caching on hashed assets', async () => {
    // What the browser fetched for the page it showed: the script came brotli-compressed.
    const script = await page.evaluate(() => document.querySelector('script[src]')?.getAttribute('src'));
    assert.match(script ?? '', /^\/assets\/index-[\w-]+\.js$/);
    const res = await fetch(`${BASE_URL}${script}`, { headers: { 'accept-encoding': 'br' } });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-encoding'), 'br');
    assert.equal(res.headers.get('cache-control'), 'public, max-age=31536000, immutable');
    assert.match(await res.text(), /lienthong|createElement/);  // fetch decodes it
  });
});

