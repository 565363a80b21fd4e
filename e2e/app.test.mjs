// The web app in a real browser: Debian's Chromium driven by playwright-core (which never
// downloads a browser of its own), with axe-core checking every page for WCAG 2.2 A and AA.
// Needs a running server with data loaded and an admin account:
//
//   HARBOUR_URL=http://127.0.0.1:8080/ HARBOUR_USER=NAME HARBOUR_PASSWORD=... node --test e2e/
//
// scripts/test.sh starts `harbour serve` on a synthetic council and adds the account. Screenshots
// of each page are saved to e2e/artifacts/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const url = process.env.HARBOUR_URL;
const user = process.env.HARBOUR_USER;
const password = process.env.HARBOUR_PASSWORD;
const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

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

// WCAG 2.0, 2.1 and 2.2 at levels A and AA.
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

let browser;
let context;
let page;
const problems = [];
const checked = [];

before(async () => {
  assert.ok(url && user && password, 'set HARBOUR_URL, HARBOUR_USER and HARBOUR_PASSWORD');
  browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  // axe-core is injected as a script of the test's own; the app's CSP (rightly) refuses inline
  // script, so only this test context bypasses it. The app's own pages run no inline script.
  context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  page = await context.newPage();
  // The wrong password (401) and the refused upload (422) are answered with error statuses on
  // purpose; Chromium logs each as a failed resource. Any other console error is a problem.
  const expected = /Failed to load resource: the server responded with a status of (401|422)/;
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !expected.test(msg.text())) problems.push(`console: ${msg.text()}`);
  });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  // A request the browser itself cancels (net::ERR_ABORTED: a navigation that another one
  // replaced, as when the upload's script moves to the page its request was redirected to) is not
  // a failure of the app; every other failed request is.
  page.on('requestfailed', (req) => {
    const error = req.failure()?.errorText;
    if (error !== 'net::ERR_ABORTED') problems.push(`request failed: ${req.url()} ${error}`);
  });
  await mkdir(artifacts, { recursive: true });
});

after(async () => {
  await context?.close();
  await browser?.close();
});

// Runs axe-core on the page as it is now: no WCAG 2.2 A or AA violation; then a screenshot.
async function accessible(name) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags } }),
    WCAG_TAGS,
  );
  const violations = result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('; ')}`,
  );
  assert.deepEqual(violations, [], `${name}: WCAG 2.2 A/AA violations`);
  assert.ok(result.passes.length > 10, `${name}: axe ran its checks`);
  checked.push(name);
  await page.screenshot({ path: path.join(artifacts, `${name}.png`), fullPage: true });
}

test('signing in, every page, drill-down, chronology and upload, each page accessible', async () => {
  // Sign in, first with a wrong password.
  const login = await page.goto(new URL('login', url).href);
  assert.equal(login.status(), 200);
  const headers = login.headers();
  assert.match(headers['content-security-policy'], /^default-src 'self'/);
  assert.match(headers['content-security-policy'], /frame-ancestors 'none'/);
  await accessible('login');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill('not the password');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByText('Enter a correct user name and password').first().waitFor();
  await accessible('login-error');
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();

  // The scorecard: every indicator, each with a sparkline and its table.
  await page.getByRole('heading', { level: 1, name: 'Scorecard' }).waitFor();
  const rows = page.locator('table.app-scorecard > tbody > tr');
  assert.ok((await rows.count()) >= 20, 'every monthly indicator of the catalogue');
  assert.equal(await page.locator('table.app-scorecard svg.sparkline').count(), await rows.count());
  // govuk-frontend's CSS and script are served by the app and applied; text is in Arial, as the
  // GDS Transport font is for services on GOV.UK only.
  const bodyClass = await page.locator('body').getAttribute('class');
  assert.match(bodyClass, /govuk-frontend-supported/, 'govuk-frontend started');
  const font = await page.locator('h1').evaluate((el) => getComputedStyle(el).fontFamily);
  assert.match(font, /^arial, sans-serif$/i);
  await accessible('scorecard');

  // An indicator: chart and table, target, England, the story behind the curve.
  await page.getByRole('link', { name: 'Referrals', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Referrals' }).waitFor();
  assert.ok(await page.locator('figure.app-chart svg[role="img"]').isVisible());
  assert.equal(await page.locator('#referrals-table tbody tr').count(), 24);
  await page.getByLabel('Story behind the curve').fill('Referrals rose after the schools returned.');
  await page.getByLabel('Actions').fill('Review the front door with the MASH.');
  await page.getByRole('button', { name: 'Save the story and actions' }).click();
  await page.getByText('Referrals rose after the schools returned.').first().waitFor();
  await accessible('indicator');

  // The children behind a month's figure, then one child's chronology.
  await page.locator('#referrals-table a', { hasText: 'Children' }).last().click();
  await page.getByRole('heading', { level: 1, name: 'Children behind the figure' }).waitFor();
  const children = page.locator('table tbody th a');
  assert.ok((await children.count()) > 0, 'children listed');
  await accessible('drill-down');
  await children.first().click();
  await page.getByRole('heading', { level: 1, name: 'Chronology' }).waitFor();
  assert.ok((await page.locator('table tbody tr').count()) > 0, 'events listed');
  await accessible('chronology');

  // Upload: a file with a bad date is refused, naming its file and line; a good one dropped on
  // the page is loaded.
  await page.getByRole('link', { name: 'Upload files' }).click();
  await page.getByRole('heading', { level: 1, name: 'Upload files' }).waitFor();
  await accessible('upload');
  const header = 'child_id,worker_id,team_id,start_date,end_date\n';
  await page.locator('#files').setInputFiles({
    name: 'allocations.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`${header}E2E-CHILD,W-E2E,T-E2E,2025-02-30,\n`),
  });
  await page.getByRole('button', { name: 'Upload and load' }).click();
  await page.getByText('There is a problem: nothing was stored').waitFor();
  const problem = await page.locator('.app-problems li').first().textContent();
  assert.match(problem, /^allocations\.csv: line 2/);
  await accessible('upload-refused');
  await page.locator('#files').setInputFiles([]);
  await page.evaluate((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], 'new-allocations.csv', { type: 'text/csv' }));
    const zone = document.getElementById('drop-zone');
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, `${header}E2E-CHILD-${Date.now()},W-E2E,T-E2E,2025-02-01,\n`);
  await page.getByText('1 file(s) ready to upload').waitFor();
  await page.getByRole('button', { name: 'Upload and load' }).click();
  // The browser follows the redirect to /loads#load-N; XMLHttpRequest drops the fragment.
  await page.waitForURL(/\/loads/);
  await page.waitForLoadState('load');
  await page.getByRole('heading', { level: 1, name: 'Data loads' }).waitFor();
  assert.ok(await page.getByText('new-allocations.csv').first().isVisible());
  await accessible('loads');

  // The access log shows the views above.
  await page.getByRole('link', { name: 'Access log' }).click();
  await page.getByRole('heading', { level: 1, name: 'Access log' }).waitFor();
  assert.ok(await page.getByText('GET /children/{id}').first().isVisible());
  assert.ok(await page.getByText('GET /indicators/{id}/children').first().isVisible());
  await accessible('access-log');

  // The Family Safeguarding measures: three charts, each with its 24-month table.
  await page.getByRole('link', { name: 'Family Safeguarding measures' }).click();
  await page.getByRole('heading', { level: 1, name: 'Family Safeguarding: escalation measures' }).waitFor();
  assert.equal(await page.locator('table.app-series').count(), 3);
  await accessible('measures');

  // The forecast: the chart with its table, each year against the base.
  await page.getByRole('link', { name: 'Forecast', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Children in care: forecast' }).waitFor();
  assert.equal(await page.locator('svg.chart').count(), 1);
  assert.ok(await page.getByText('Each year: children at its end and its cost').isVisible());
  await accessible('forecast');

  // Focus Five, the case audits and the Annex A analysis.
  for (const [link, heading, name] of [
    ['Focus Five', 'Focus Five', 'focus-five'],
    ['Case audits', 'Case audits', 'audits'],
    ['Annex A', 'Annex A analysis', 'annex-a'],
  ]) {
    await page.getByRole('link', { name: link, exact: true }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await accessible(name);
  }

  // Running the audit programme, and one completed audit's moderation form.
  await page.getByRole('link', { name: 'Case audits', exact: true }).click();
  await page.getByRole('link', { name: 'Run the audit programme' }).click();
  await page.getByRole('heading', { level: 1, name: 'Run the audit programme' }).waitFor();
  await accessible('audit-programme');
  await page.getByRole('link', { name: /^Moderate / }).first().click();
  await page.getByRole('heading', { level: 1, name: /^Moderate audit / }).waitFor();
  await accessible('audit-moderate');

  // The Family Safeguarding partnership report: the partners' figures before and after.
  await page.getByRole('link', { name: 'Partnership', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Family Safeguarding partnership' }).waitFor();
  assert.ok(await page.getByText('Police domestic-abuse call-outs').isVisible());
  await accessible('partnership');

  // The improvement plan: every workstream with its milestones; an update saved through the form
  // shows as the milestone's latest update.
  await page.getByRole('link', { name: 'Improvement plan', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Improvement plan' }).waitFor();
  assert.ok(await page.getByRole('heading', { level: 2, name: 'Clear Impact' }).isVisible());
  await accessible('plan');
  const row = page.getByRole('row').filter({ hasText: 'Update QA and performance framework' });
  await row.getByText('Add an update').click();
  await row.getByLabel('Status').selectOption('at risk');
  await row.getByLabel('Note').fill('Framework review moved to the next board');
  await row.getByRole('button', { name: 'Save update' }).click();
  await page.getByRole('heading', { level: 1, name: 'Improvement plan' }).waitFor();
  assert.ok(await page.getByText('Framework review moved to the next board').isVisible());

  // The scrutiny recommendations, one of them closed through its form.
  await page.getByRole('link', { name: 'Recommendations', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Scrutiny recommendations' }).waitFor();
  await accessible('recommendations');
  const rec = page.getByRole('row').filter({ hasText: '2025-01-R4' });
  await rec.getByText('Update 2025-01-R4').click();
  await rec.getByLabel('Status').selectOption('done');
  await rec.getByLabel('Response').fill('Briefing given to the panel');
  await rec.getByRole('button', { name: 'Save' }).click();
  await page.getByRole('heading', { level: 1, name: 'Scrutiny recommendations' }).waitFor();
  const closed = await page.getByRole('row').filter({ hasText: '2025-01-R4' }).innerText();
  assert.ok(closed.includes('Briefing given to the panel') && closed.includes('closed '), closed);

  // Signing out ends the session.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
  await page.goto(url);
  await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

  assert.equal(checked.length, 20);
  assert.deepEqual(problems, [], 'no console errors, page errors or failed requests');
});
