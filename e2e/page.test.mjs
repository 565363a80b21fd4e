// The measures page in a real browser: Debian's Chromium driven by playwright-core (which never
// downloads a browser of its own). Needs a running server:
//
//   HARBOUR_URL=http://127.0.0.1:8080/ node --test e2e/
//
// scripts/test.sh starts `harbour serve` on a synthetic council for this; for a quick look,
// `cargo run -p web --example serve_sample -- 8080` serves a small made-up one. A screenshot of
// the whole page is saved to e2e/artifacts/measures.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const url = process.env.HARBOUR_URL;
const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

// Playwright adds --headless itself. As root on a closed network: no sandbox, and none of
// Chromium's own calls home, which the network refuses (filling the log with failed look-ups).
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let browser;

before(async () => {
  assert.ok(url, 'set HARBOUR_URL to the address of a running Harbour server, e.g. http://127.0.0.1:8080/');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await browser?.close();
});

test('the measures page shows three charts and three 24-month tables, with no console error', async () => {
  // A fresh context has a new empty profile, so no state carries over between runs.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('requestfailed', (req) => problems.push(`request failed: ${req.url()} ${req.failure()?.errorText}`));

  const response = await page.goto(url, { waitUntil: 'load' });
  assert.equal(response.status(), 200);
  const headers = response.headers();
  assert.match(headers['content-security-policy'], /^default-src 'self'/);
  assert.equal(headers['x-frame-options'], 'DENY');

  await assert.doesNotReject(
    page.getByRole('heading', { level: 1, name: 'Family Safeguarding: escalation measures' }).waitFor(),
  );

  const charts = page.locator('svg[role="img"]');
  assert.equal(await charts.count(), 3, 'one chart per measure');
  for (let i = 0; i < 3; i += 1) {
    const chart = charts.nth(i);
    assert.ok(await chart.isVisible(), `chart ${i + 1} is visible`);
    const box = await chart.boundingBox();
    assert.ok(box.width > 300 && box.height > 150, `chart ${i + 1} has a real size: ${JSON.stringify(box)}`);
    // The chart is named by its <title> and described by its <desc>.
    const labelledBy = await chart.getAttribute('aria-labelledby');
    assert.match(labelledBy, /-title .*-desc$/);
    assert.ok((await chart.locator('desc').textContent()).length > 20);
  }

  const tables = page.locator('table.app-series');
  assert.equal(await tables.count(), 3, 'one table of figures per measure');
  for (let i = 0; i < 3; i += 1) {
    const table = tables.nth(i);
    assert.ok(await table.isVisible(), `table ${i + 1} is visible`);
    assert.ok((await table.locator('caption').textContent()).trim().length > 0, `table ${i + 1} has a caption`);
    const rows = table.locator('tbody tr');
    assert.equal(await rows.count(), 24, `table ${i + 1} has 24 months`);
    for (let r = 0; r < 24; r += 1) {
      assert.ok(await rows.nth(r).isVisible(), `table ${i + 1} row ${r + 1} is visible`);
    }
    // Each cell of the series has a heading for its month.
    assert.equal(await table.locator('tbody th[scope="row"]').count(), 24);
  }

  // The page's stylesheet loaded and applied (the GOV.UK black header).
  const headerColour = await page.locator('header.govuk-header').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(headerColour, 'rgb(11, 12, 12)');

  await mkdir(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, 'measures.png'), fullPage: true });
  await context.close();

  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
});
