// The two string catalogues (web/src/i18n/vi.ts and en.ts) have the same keys, no duplicates,
// no empty message and the same {placeholders}. Reads the files as text: one "'key': 'text',"
// entry a line, which is how both are written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const dir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web', 'src', 'i18n');

function catalogue(name) {
  const entries = new Map();
  const text = readFileSync(join(dir, name), 'utf8');
  for (const [, key, value] of text.matchAll(/^\s*'([a-z0-9_.]+)':\s*'((?:[^'\\]|\\.)*)',?\s*$/gm)) {
    assert.ok(!entries.has(key), `${name}: duplicate key ${key}`);
    entries.set(key, value);
  }
  return entries;
}

const placeholders = (s) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

test('vi and en catalogues have the same keys and placeholders', () => {
  const vi = catalogue('vi.ts');
  const en = catalogue('en.ts');
  assert.ok(vi.size > 100, `only ${vi.size} keys read from vi.ts`);
  assert.deepEqual([...en.keys()].sort(), [...vi.keys()].sort());
  for (const [key, text] of vi) {
    assert.ok(text.trim() !== '', `vi ${key} is empty`);
    assert.ok(en.get(key).trim() !== '', `en ${key} is empty`);
    assert.deepEqual(placeholders(en.get(key)), placeholders(text), `placeholders of ${key}`);
  }
});

test('every key the code uses is in the catalogue', () => {
  const vi = catalogue('vi.ts');
  const src = join(dir, '..');
  const files = ['main.ts', 'components.ts', 'pages/login.ts', 'pages/units.ts', 'pages/plans.ts',
    'pages/plan-detail.ts', 'pages/plan-import.ts', 'pages/tasks.ts', 'pages/activities.ts',
    'pages/dashboard.ts', 'pages/search.ts', 'pages/reports.ts', 'pages/report-detail.ts',
    'pages/report-values.ts', 'pages/rollup.ts', 'pages/plan-reporting.ts',
    'pages/admin-users.ts', 'pages/account.ts', 'pages/admin-audit.ts', 'pages/task-detail.ts',
    'pages/activity-form.ts', 'pages/activity-import.ts', 'pages/plan-form.ts',
    'pages/plan-edit.ts'];
  for (const file of files) {
    const code = readFileSync(join(src, file), 'utf8');
    for (const [, key] of code.matchAll(/\bt\('([a-z0-9_.]+)'/g)) {
      assert.ok(vi.has(key), `${file} uses unknown key ${key}`);
    }
  }
});

// Every reason the server gives a refusal (Status::WithReason("code"…) and the activity rules'
// refuse(field, "code"…) in src/) is worded in the catalogue, so no refusal reaches an official
// as the server's English.
test('every refusal reason the server sends is worded', () => {
  const vi = catalogue('vi.ts');
  const root = join(dir, '..', '..', '..', 'src');
  const reasons = new Set();
  const walk = (folder) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.cc') && !entry.name.endsWith('_test.cc')) {
        const code = readFileSync(path, 'utf8');
        for (const [, reason] of code.matchAll(/WithReason\(\s*"([a-z_]+)"/g)) reasons.add(reason);
        for (const [, reason] of code.matchAll(/refuse\("[a-z_]+", "([a-z_]+)"/g)) reasons.add(reason);
      }
    }
  };
  walk(root);
  assert.ok(reasons.size > 40, `only ${reasons.size} reasons found under src/`);
  const unworded = [...reasons].filter((r) => !vi.has(`error_reason.${r}`));
  assert.deepEqual(unworded, []);
});
