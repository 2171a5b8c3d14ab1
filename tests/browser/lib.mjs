// Shared helpers of the browser tests: Debian's Chromium through playwright-core (no browser
// download), the server's operation list, logins and screenshots at phone and desktop width.
// Every JSON answer of the API the tests see (the pages' and apiClient's) is checked against its
// operation's response schema in the server's OpenAPI document; a mismatch fails the test file.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { ResponseSchemas } from '../openapi/response-schemas.mjs';

export const BASE_URL = process.env.BASE_URL ?? 'http://127.0.0.1:8080';
export const SCREENSHOT_DIR = process.env.SCREENSHOT_DIR ?? '';
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1366, height: 800 }; // the desktop width issue 13 asks for

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

// Vietnamese UI, desktop size; each user gets a context of their own (own cookie jar).
export async function newPage(browser) {
  const context = await browser.newContext({ viewport: DESKTOP, locale: 'vi-VN' });
  const page = await context.newPage();
  page.setDefaultTimeout(20000);
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('response', (response) => {
    checkPageAnswer(response).catch((e) => schemaMismatches.push(`${response.url()}: ${e.message}`));
  });
  page.problems = problems;
  return page;
}

let responseSchemas = null;
const schemaMismatches = [];
process.on('exit', () => {
  if (schemaMismatches.length === 0) return;
  console.error(`API answers that do not fit the OpenAPI document:\n  ${schemaMismatches.join('\n  ')}`);
  process.exitCode = 1;
});

// What is wrong with `body` as the answer `status` to `method` `url`, by the server's document;
// [] when it fits, or when no operation serves the path (the router's own 404 and 405).
export async function checkAnswer(method, url, status, body) {
  responseSchemas ??= fetch(`${BASE_URL}/api/v1/openapi.json`)
    .then((res) => res.json()).then((doc) => new ResponseSchemas(doc));
  const schemas = await responseSchemas;
  const path = new URL(url, BASE_URL).pathname;
  if (!schemas.match(method, path)) return [];
  const problems = schemas.check(method, path, status, body);
  schemaMismatches.push(...problems);
  return problems;
}

async function checkPageAnswer(response) {
  const url = response.url();
  if (!url.startsWith(`${BASE_URL}/api/v1/`)) return;
  if (!(response.headers()['content-type'] ?? '').startsWith('application/json')) return;
  let body;
  try {
    body = await response.json();
  } catch {
    return; // the page went on before the body was read
  }
  await checkAnswer(response.request().method(), url, response.status(), body);
}

// "GET /api/v1/tasks" → whether the server's OpenAPI document lists it.
export async function serverOperations() {
  const res = await fetch(`${BASE_URL}/api/v1/openapi.json`);
  assert.equal(res.status, 200, 'openapi.json');
  const doc = await res.json();
  const ops = new Set();
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const full = path.startsWith('/api/v1') || path.startsWith('/healthz') ? path : `/api/v1${path}`;
    for (const method of Object.keys(item)) ops.add(`${method.toUpperCase()} ${full}`);
  }
  return ops;
}

export async function login(page, username, password) {
  await page.goto(`${BASE_URL}/#/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await page.click('form.login-form button[type=submit]');
  await page.waitForSelector('header.app-header');
}

// A browser with one page signed in as `username`; close it with `browser.close()`.
export async function signedInPage(username, password) {
  const browser = await launch();
  const page = await newPage(browser);
  await login(page, username, password);
  return { browser, page };
}

// Uploads `file` at #/plans/import and waits for the review (original text beside the fields).
export async function importForReview(page, file, timeout = 20000) {
  await gotoHash(page, '/plans/import');
  await page.setInputFiles('input[type=file]', file);
  await page.click('form.upload button[type=submit]');
  await page.waitForSelector('[data-testid=original-text]', { timeout });
}

// RFC 6238 (SHA-1, 6 digits, 30 s) from a base32 secret: what the phone's app computes.
export function totp(base32, at = Date.now()) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of base32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 30000)));
  const mac = createHmac('sha1', key).update(counter).digest();
  const offset = mac[19] & 15;
  return String((mac.readUInt32BE(offset) & 0x7fffffff) % 1000000).padStart(6, '0');
}

// Signs in through the login page, with a TOTP code when `secret` is given (administrators).
export async function signIn(page, user, password, secret) {
  await page.goto(`${BASE_URL}/#/login`);
  await page.fill('input[name=username]', user);
  await page.fill('input[name=password]', password);
  await page.click('form.login-form button[type=submit]');
  if (secret) {
    await page.locator('input[name=totp]').waitFor();
    await page.fill('input[name=totp]', totp(secret));
    await page.click('form.login-form button[type=submit]');
  }
  await page.waitForSelector('header.app-header');
}

export async function logout(page) {
  const toggle = page.locator('.menu-toggle');
  if (await toggle.isVisible()) await toggle.click();
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForSelector('form.login-form');
}

// Screenshots of the current page at phone and desktop width (full page), after checking that
// the phone layout has no horizontal scroll. Returns to desktop size.
export async function screenshots(page, name, ready, desktop = DESKTOP) {
  for (const [label, size] of [['phone', PHONE], ['desktop', desktop]]) {
    await page.setViewportSize(size);
    if (ready) await ready();
    await page.waitForTimeout(150); // let the layout settle after the resize
    await assertAccessible(page, `${name} at ${label} width`);
    if (label === 'phone') {
      const overflow = await page.evaluate(() =>
        document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name}: the page scrolls sideways by ${overflow}px at 360 px`);
    }
    if (SCREENSHOT_DIR) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}-${label}.png`), fullPage: true });
    }
  }
  await page.setViewportSize(DESKTOP);
}

export async function gotoHash(page, hash) {
  await page.goto(`${BASE_URL}/#${hash}`);
  await page.waitForLoadState('networkidle');
}

// axe-core over the page as it is (issue 13 #10): no serious or critical violation. Every page a
// test photographs is checked at both widths.
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export async function assertAccessible(page, where) {
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
    // Evaluated through the debugging protocol: the page's CSP forbids inline scripts, rightly.
    await page.evaluate(AXE_SOURCE);
  }
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  if (process.env.AXE_REPORT) {
    for (const v of violations) console.error(`AXE ${where}: ${v}`);
    return;
  }
  assert.deepEqual(violations, [], `${where}: accessibility violations`);
}

// A signed-in API client (cookie + CSRF token) for what is set up outside the UI under test;
// `totpCode` for an administrator (a code not used yet: the server refuses a replayed one).
export async function apiClient(user, password, totpCode) {
  const res = await fetch(`${BASE_URL}/api/v1/session`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: user, password, ...(totpCode ? { totp: totpCode } : {}) }),
  });
  assert.equal(res.status, 200, `sign-in of ${user}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await res.json();
  return async (method, path, body) => {
    const r = await fetch(`${BASE_URL}/api/v1${path}`, {
      method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    const json = (r.headers.get('content-type') ?? '').startsWith('application/json');
    const parsed = text && json ? JSON.parse(text) : null;
    if (json) {
      assert.deepEqual(await checkAnswer(method, `/api/v1${path}`, r.status, parsed), [],
        `${method} ${path}: the answer fits the OpenAPI document`);
    }
    return { status: r.status, body: text ? (parsed ?? JSON.parse(text)) : null };
  };
}
