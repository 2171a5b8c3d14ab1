// The client's date and number formats (web/src/format.ts), compiled on the fly with the esbuild
// that web/ already installs (skipped when web/node_modules is missing).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const web = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'web');
const esbuildDir = join(web, 'node_modules', 'esbuild');

async function loadFormat() {
  const esbuild = createRequire(join(web, 'package.json'))('esbuild');
  const source = readFileSync(join(web, 'src', 'format.ts'), 'utf8');
  const { code } = esbuild.transformSync(source, { loader: 'ts', format: 'esm' });
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

test('dates are shown dd/mm/yyyy and read back to ISO', { skip: !existsSync(esbuildDir) && 'web/node_modules not installed' }, async () => {
  const f = await loadFormat();
  assert.equal(f.formatDate('2026-03-05'), '05/03/2026');
  assert.equal(f.formatDate('2026-03'), '03/2026');
  assert.equal(f.formatDate('2026'), '2026');
  assert.equal(f.formatDate('2026-03-05T10:00:00Z'), '05/03/2026');
  assert.equal(f.formatDate(null), '');
  assert.equal(f.parseDate('5/3/2026'), '2026-03-05');
  assert.equal(f.parseDate('05.03.2026'), '2026-03-05');
  assert.equal(f.parseDate('2026-03-05'), '2026-03-05');
  assert.equal(f.parseDate('3/2026'), '2026-03');
  assert.equal(f.parseDate('2026'), '2026');
  assert.equal(f.parseDate('  '), null);
  assert.equal(f.parseDate('31/02/2026'), undefined);
  assert.equal(f.parseDate('29/02/2028'), '2028-02-29');
  assert.equal(f.parseDate('13/2026'), undefined);
  assert.equal(f.parseDate('ngày mai'), undefined);
});

test('numbers use Vietnamese separators', { skip: !existsSync(esbuildDir) && 'web/node_modules not installed' }, async () => {
  const f = await loadFormat();
  assert.equal(f.formatNumber(1250), '1.250');
  assert.equal(f.formatNumber(1234567.5), '1.234.567,5');
  assert.equal(f.formatNumber(null), '');
});

test('numbers typed the Vietnamese way are read back', { skip: !existsSync(esbuildDir) && 'web/node_modules not installed' }, async () => {
  const f = await loadFormat();
  assert.equal(f.parseNumber('1.234,5'), 1234.5);
  assert.equal(f.parseNumber('1.250'), 1250);
  assert.equal(f.parseNumber('62,5'), 62.5);
  assert.equal(f.parseNumber('62.5'), 62.5);
  assert.equal(f.parseNumber(' 1 300 '), 1300);
  assert.equal(f.parseNumber('-3'), -3);
  assert.equal(f.parseNumber(''), null);
  assert.equal(f.parseNumber('mười'), undefined);
  assert.equal(f.parseNumber('1,2,3'), undefined);
  assert.equal(f.parseNumber(f.formatNumber(1234567.25)), 1234567.25);
});
