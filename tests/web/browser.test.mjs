// browser.test.mjs — the dyad page in a real browser (playwright-core driving
// Debian's chromium, headless): every view renders real data from the demo
// database, a filter changes the table, "no events match" and an API error are
// shown as different states, clicking (or pressing Enter on) a row shows the
// sentence with source, action and target highlighted, the network selects a
// dyad, and the page fits a 390 px phone. Screenshots go to $ARTIFACTS.
// Run by tests/t_web.sh (DYAD_URL, CHROMIUM, ARTIFACTS).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';

// playwright-core is installed in web/node_modules (npm ci in web/).
const require = createRequire(new URL('../../web/package.json', import.meta.url));
const { chromium } = require('playwright-core');

const BASE = process.env.DYAD_URL;
const EXE = process.env.CHROMIUM || '/usr/bin/chromium';
const ART = process.env.ARTIFACTS || 'test-artifacts';
if (!BASE) throw new Error('DYAD_URL is not set (run tests/t_web.sh)');

let ctx, profile;
const problems = [];   // console errors and page errors, checked at the end

before(async () => {
  fs.mkdirSync(ART, { recursive: true });
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'dyad-chromium-'));
  ctx = await chromium.launchPersistentContext(profile, {
    executablePath: EXE,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
  });
});

after(async () => {
  if (ctx) await ctx.close();
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

async function open(url = BASE, viewport = { width: 1280, height: 800 }) {
  const page = await ctx.newPage();
  await page.setViewportSize(viewport);
  page.on('pageerror', (e) => problems.push('pageerror: ' + e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of (4|5)\d\d/.test(m.text())) problems.push('console: ' + m.text());
  });
  await page.goto(url);
  await page.waitForSelector('#events-table tbody tr[data-id]', { timeout: 15000 });
  await page.waitForFunction(() => ['timeline-chart', 'dyad-chart', 'network-chart']
    .every((id) => document.getElementById(id).dataset.state !== 'loading'), null, { timeout: 15000 });
  return page;
}

async function api(p) {
  const r = await fetch(new URL(p, BASE));
  assert.equal(r.status, 200, p);
  return r.json();
}

test('every view renders real data', async () => {
  const page = await open();
  const summary = await api('/api/summary');
  assert.equal(await page.getAttribute('#timeline-chart', 'data-state'), 'ready');
  assert.ok(await page.locator('#timeline-chart svg rect.bar').count() > 0, 'timeline bars');
  const tl = await api('/api/timeline?interval=week&count=events');
  assert.equal(await page.locator('#timeline-chart svg rect.bar').count(), tl.buckets.length);

  assert.equal(await page.getAttribute('#network-chart', 'data-state'), 'ready');
  const net = await api('/api/network?limit=24');
  assert.equal(await page.locator('#network-chart path.edge').count(), net.dyads.length);

  assert.equal(await page.getAttribute('#dyad-chart', 'data-state'), 'ready');
  assert.ok(await page.locator('#dyad-chart svg rect').count() > 0, 'QuadClass bars');
  assert.equal(await page.inputValue('#dyad-source'), net.dyads[0].source);
  assert.equal(await page.inputValue('#dyad-target'), net.dyads[0].target);

  const rows = await page.locator('#events-table tbody tr[data-id]').count();
  assert.equal(rows, Math.min(50, summary.events));
  assert.match(await page.textContent('#events-count'), new RegExp(`^${summary.events.toLocaleString('en')} event`));
  assert.match(await page.textContent('#summary'), /events in/);
  // the action column shows code + label
  const first = (await api('/api/events?limit=1')).events[0];
  const action = await page.textContent(`#events-table tr[data-id="${first.event_id}"] td.action`);
  assert.ok(action.includes(first.cameo) && action.includes(first.cameo_label), action);
  await page.screenshot({ path: path.join(ART, 'web-1280x800.png') });
  await page.screenshot({ path: path.join(ART, 'web-1280-full.png'), fullPage: true });
  await page.close();
});

test('a filter changes the table and the URL', async () => {
  const page = await open();
  const all = await api('/api/summary');
  const { actors } = await api('/api/actors?limit=50');
  // an actor in some but not all events
  let pick = null;
  for (const a of actors) {
    const n = (await api(`/api/events?limit=1&actor=${a.code}`)).total;
    if (n > 0 && n < all.events) { pick = { code: a.code, n }; break; }
  }
  assert.ok(pick, 'an actor that filters');
  await page.fill('#f-actor', pick.code.toLowerCase());
  await page.click('#apply');
  await page.waitForFunction((n) => {
    const t = document.getElementById('events-table');
    return t.dataset.total === String(n) && document.getElementById('events-state').dataset.state === 'ready';
  }, pick.n);
  const rows = await page.locator('#events-table tbody tr[data-id]').count();
  assert.equal(rows, Math.min(50, pick.n));
  assert.ok(page.url().includes('actor=' + pick.code), page.url());
  // every row involves the actor (its code, or its country in the code)
  const cells = await page.$$eval('#events-table tbody tr[data-id]', (trs) =>
    trs.map((tr) => tr.children[1].textContent + ' ' + tr.children[3].textContent));
  for (const c of cells) assert.ok(c.includes(pick.code.slice(0, 3)), c);
  // the timeline follows the filter
  await page.waitForFunction(() => document.getElementById('timeline-chart').dataset.state === 'ready');
  const tl = await api(`/api/timeline?actor=${pick.code}`);
  assert.equal(await page.locator('#timeline-chart svg rect.bar').count(), tl.buckets.length);
  // the filtered page can be reloaded from its URL
  const again = await open(page.url());
  assert.equal(await again.inputValue('#f-actor'), pick.code);
  await again.close();
  await page.close();
});

test('"no events match" is an explicit state, distinct from an error', async () => {
  const page = await open();
  await page.fill('#f-q', 'zzqqxxnothingmatchesthis');
  await page.click('#apply');
  await page.waitForFunction(() => document.getElementById('events-state').dataset.state === 'empty');
  assert.match(await page.textContent('#events-state'), /No events match/);
  await page.waitForFunction(() => document.getElementById('timeline-chart').dataset.state === 'empty');
  assert.match(await page.textContent('#timeline-chart'), /No events match/);
  assert.equal(await page.locator('#events-table tbody tr').count(), 0);
  await page.close();

  const bad = await ctx.newPage();
  await bad.route('**/api/events?*', (r) => r.fulfill({
    status: 500, contentType: 'application/json', body: '{"error":"database is on fire"}',
  }));
  await bad.goto(BASE);
  await bad.waitForFunction(() => document.getElementById('events-state').dataset.state === 'error');
  assert.match(await bad.textContent('#events-state'), /database is on fire/);
  assert.equal(await bad.getAttribute('#events-state', 'role'), 'alert');
  await bad.close();
});

test('clicking a row shows the sentence with source, action and target highlighted', async () => {
  const page = await open();
  const { events } = await api('/api/events?limit=50');
  const ev = events.find((e) => e.sentence && e.spans.source && e.spans.verb && e.source && e.source.text);
  assert.ok(ev, 'an event with source and verb spans on the first page');
  await page.click(`#events-table tr[data-id="${ev.event_id}"]`);
  await page.waitForSelector('#detail #detail-sentence mark.hl-verb');
  const src = await page.textContent('#detail mark.hl-source');
  assert.equal(src, ev.source.text);
  const enc = new TextEncoder(), dec = new TextDecoder();
  const verb = dec.decode(enc.encode(ev.sentence).subarray(ev.spans.verb[0], ev.spans.verb[1]));
  assert.equal(await page.textContent('#detail mark.hl-verb'), verb);
  if (ev.spans.target && ev.target && ev.target.text) {
    assert.equal(await page.textContent('#detail mark.hl-target'), ev.target.text);
  }
  assert.equal(await page.textContent('#detail-sentence'), ev.sentence);
  // article metadata arrives from /api/event/ID
  await page.waitForFunction(() => /Outlet|Article/.test(document.getElementById('detail-meta').textContent));
  assert.equal(await page.getAttribute(`#events-table tr[data-id="${ev.event_id}"]`, 'aria-expanded'), 'true');
  await page.screenshot({ path: path.join(ART, 'web-1280-detail.png') });
  // Escape closes; Enter on a focused row opens again (keyboard use)
  await page.keyboard.press('Escape');
  assert.equal(await page.locator('#detail').count(), 0);
  await page.focus(`#events-table tr[data-id="${ev.event_id}"]`);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#detail mark.hl-source');
  await page.close();
});

test('timeline toggles between events and reports', async () => {
  const page = await open();
  const before = await page.getAttribute('#timeline-chart svg', 'aria-label');
  assert.match(before, /^events per week/);
  await page.click('label[for="count-reports"]');
  await page.waitForFunction(() => {
    const s = document.querySelector('#timeline-chart svg');
    return s && /^reports per week/.test(s.getAttribute('aria-label'));
  });
  const rep = await api('/api/timeline?count=reports');
  assert.ok((await page.getAttribute('#timeline-chart svg', 'aria-label')).includes(`${rep.total} in`));
  await page.selectOption('#interval', 'month');
  await page.waitForFunction(() => /per month/.test(document.querySelector('#timeline-chart svg')?.getAttribute('aria-label') || ''));
  await page.close();
});

test('selecting a network line shows that dyad', async () => {
  const page = await open();
  const edges = page.locator('#network-chart path.edge');
  const n = await edges.count();
  assert.ok(n > 0);
  const e = edges.nth(n - 1);
  const s = await e.getAttribute('data-source'), t = await e.getAttribute('data-target');
  await e.focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(([a, b]) => {
    const title = document.querySelector('#dyad-chart .chart-title');
    return title && title.textContent.startsWith(a) && title.textContent.includes('→ ' + b);
  }, [s, t]);
  assert.equal(await page.inputValue('#dyad-source'), s);
  assert.equal(await page.inputValue('#dyad-target'), t);
  await page.close();
});

test('the page fits a 390 px phone', async () => {
  const page = await open(BASE, { width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `horizontal overflow ${overflow}px`);
  for (const id of ['timeline-chart', 'dyad-chart', 'network-chart']) {
    assert.equal(await page.getAttribute('#' + id, 'data-state'), 'ready', id);
    const w = await page.$eval(`#${id} svg`, (s) => s.getBoundingClientRect().width);
    assert.ok(w <= 390, `${id} is ${w}px wide`);
  }
  // the table is shown as cards with labelled cells
  const label = await page.$eval('#events-table tbody td.date', (td) => getComputedStyle(td, '::before').content);
  assert.match(label, /Date/);
  await page.screenshot({ path: path.join(ART, 'web-390x844.png') });
  await page.locator('#events-table tbody tr[data-id]').first().click();
  await page.waitForSelector('#detail');
  await page.screenshot({ path: path.join(ART, 'web-390-detail.png') });
  await page.close();
});

test('no script errors on the page', () => {
  assert.deepEqual(problems, []);
});
