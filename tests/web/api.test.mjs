// api.test.mjs — plain-HTTP tests of the JSON API and static files of
// `dyad serve` (run by tests/t_web.sh with DYAD_URL set to the server's URL,
// over a database coded from examples/articles.jsonl). Checks every route on
// real data, the filters against the rows they return, spans against the
// sentence text, and the bad requests: unknown routes, bad dates, huge limits,
// path traversal, a 1 MB query string, other methods, an oversized body; then
// 200 concurrent requests, with the server still answering afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import net from 'node:net';

const BASE = process.env.DYAD_URL;
if (!BASE) throw new Error('DYAD_URL is not set (run tests/t_web.sh)');
const U = new URL(BASE);

// A raw request: the path is sent exactly as given (fetch would normalise
// "/../" away before it reaches the server).
function raw(method, path, { headers = {}, body = null, timeout = 10000 } = {}) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: U.hostname, port: U.port, method, path, headers, agent: false, timeout }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

async function getJson(path, expectStatus = 200) {
  const r = await raw('GET', path);
  assert.equal(r.status, expectStatus, `${path}: status ${r.status} body ${r.body.slice(0, 200)}`);
  assert.match(r.headers['content-type'] || '', /^application\/json/, `${path}: content-type`);
  return JSON.parse(r.body);
}

async function expectError(method, path, statuses, opts) {
  const r = await raw(method, path, opts);
  assert.ok(statuses.includes(r.status), `${method} ${path.slice(0, 80)}: status ${r.status}, want ${statuses}`);
  assert.match(r.headers['content-type'] || '', /^application\/json/, `${path.slice(0, 80)}: JSON error`);
  const j = JSON.parse(r.body);
  assert.equal(typeof j.error, 'string');
  assert.ok(j.error.length > 0);
  return { r, j };
}

const enc = new TextEncoder(), dec = new TextDecoder();
const slice = (s, span) => dec.decode(enc.encode(s).subarray(span[0], span[1]));

let all;   // every event of the demo database (it is small)
async function allEvents() {
  if (!all) {
    const j = await getJson('/api/events?limit=1000');
    all = j;
  }
  return all;
}

test('static page files with their content types', async () => {
  for (const [path, type, needle] of [
    ['/', /^text\/html/, '<title>dyad'],
    ['/index.html', /^text\/html/, 'id="events-table"'],
    ['/app.js', /^text\/javascript/, "'use strict'"],
    ['/style.css', /^text\/css/, '.filters'],
  ]) {
    const r = await raw('GET', path);
    assert.equal(r.status, 200, path);
    assert.match(r.headers['content-type'], type, path);
    assert.ok(r.body.includes(needle), `${path} contains ${needle}`);
    assert.equal(r.headers['x-content-type-options'], 'nosniff');
    assert.match(r.headers['content-security-policy'] || '', /default-src 'self'/);
  }
});

test('HEAD answers headers without a body', async () => {
  const r = await raw('HEAD', '/api/summary');
  assert.equal(r.status, 200);
  assert.equal(r.body, '');
});

test('/api/summary counts the demo events', async () => {
  const s = await getJson('/api/summary');
  assert.ok(s.events > 0, 'the demo database has events');
  assert.ok(s.reports > 0 && s.reports <= s.articles_in_db);
  assert.match(s.first_date, /^\d{4}-\d\d-\d\d$/);
  assert.ok(s.first_date <= s.last_date);
  assert.equal(s.statuses.reduce((a, x) => a + x.count, 0), s.events);
});

test('/api/events returns events with every contract field', async () => {
  const j = await allEvents();
  const s = await getJson('/api/summary');
  assert.equal(j.total, s.events);
  assert.equal(j.events.length, Math.min(j.total, 1000));
  for (const e of j.events) {
    for (const k of ['event_id', 'article_id', 'sentence_index', 'sentence', 'date', 'source', 'target', 'cameo',
      'cameo_label', 'root', 'quad_class', 'goldstein', 'plover', 'attribution', 'status', 'quantities', 'location',
      'spans', 'cluster_id', 'article']) {
      assert.ok(k in e, `event has ${k}`);
    }
    assert.ok(Array.isArray(e.quantities));
    if (e.cameo) assert.equal(e.root, e.cameo.slice(0, 2));
    if (e.quad_class !== null) assert.ok(e.quad_class >= 1 && e.quad_class <= 4);
  }
  // dates are in descending order
  const dates = j.events.map((e) => e.date || '');
  assert.deepEqual([...dates].sort().reverse(), dates);
});

test('spans are relative to the sentence and cut out the actor text', async () => {
  const j = await allEvents();
  let checked = 0;
  for (const e of j.events) {
    if (!e.sentence) continue;
    for (const side of ['source', 'target']) {
      const sp = e.spans[side];
      if (!sp || !e[side] || !e[side].text) continue;
      assert.equal(slice(e.sentence, sp), e[side].text, `${e.event_id} ${side}`);
      checked++;
    }
    if (e.spans.verb) {
      assert.ok(e.spans.verb[0] < e.spans.verb[1]);
      assert.ok(e.spans.verb[1] <= enc.encode(e.sentence).length);
      checked++;
    }
  }
  assert.ok(checked > 0, 'some spans were checked');
});

test('limit and offset page through the same order', async () => {
  const a = await getJson('/api/events?limit=3');
  assert.ok(a.events.length <= 3);
  assert.equal(a.limit, 3);
  if (a.total >= 3) {
    const b = await getJson('/api/events?limit=2&offset=1');
    assert.equal(b.events[0].event_id, a.events[1].event_id);
    assert.equal(b.events[1].event_id, a.events[2].event_id);
  }
  const past = await getJson(`/api/events?offset=${a.total + 5}`);
  assert.equal(past.events.length, 0);
  assert.equal(past.total, a.total);
});

test('actor, source, target filters return only matching events', async () => {
  const { actors } = await getJson('/api/actors?limit=5');
  assert.ok(actors.length > 0);
  const act = actors[0];
  const side = (x, code) => x && (x.code === code || x.country === code);
  const j = await getJson(`/api/events?limit=1000&actor=${encodeURIComponent(act.code.toLowerCase())}`);
  assert.ok(j.total > 0, `events for ${act.code}`);
  for (const e of j.events) assert.ok(side(e.source, act.code) || side(e.target, act.code), e.event_id);
  const s = await getJson(`/api/events?limit=1000&source=${act.code}`);
  for (const e of s.events) assert.ok(side(e.source, act.code), e.event_id);
  assert.ok(s.total >= act.as_source, 'code-or-country matching finds at least the exact code');
  const t = await getJson(`/api/events?limit=1000&target=${act.code}`);
  for (const e of t.events) assert.ok(side(e.target, act.code), e.event_id);
  const nomatch = await getJson('/api/events?actor=ZZZQQQ');
  assert.equal(nomatch.total, 0);
  assert.deepEqual(nomatch.events, []);
});

test('date, root, status and text filters', async () => {
  const j = await allEvents();
  const withDate = j.events.filter((e) => e.date);
  assert.ok(withDate.length > 0);
  const d = withDate[Math.floor(withDate.length / 2)].date.slice(0, 10);
  const r = await getJson(`/api/events?limit=1000&from=${d}&to=${d}`);
  assert.ok(r.total > 0);
  for (const e of r.events) assert.equal(e.date.slice(0, 10), d);
  const after = await getJson(`/api/events?limit=1000&from=${d}`);
  for (const e of after.events) assert.ok(e.date >= d);
  assert.equal(after.total, withDate.filter((e) => e.date.slice(0, 10) >= d).length);

  const root = j.events.find((e) => e.root).root;
  const byRoot = await getJson(`/api/events?limit=1000&root=${root}`);
  assert.ok(byRoot.total > 0);
  for (const e of byRoot.events) assert.equal(e.root, root);
  assert.equal(byRoot.total, j.events.filter((e) => e.root === root).length);

  const st = j.events[0].status;
  const bySt = await getJson(`/api/events?limit=1000&status=${st}`);
  for (const e of bySt.events) assert.equal(e.status, st);
  assert.equal(bySt.total, j.events.filter((e) => e.status === st).length);

  // a word of one sentence
  const word = (j.events.find((e) => e.sentence).sentence.match(/[A-Za-z]{5,}/) || ['the'])[0];
  const q = await getJson(`/api/events?limit=1000&q=${encodeURIComponent(word.toLowerCase())}`);
  assert.ok(q.total > 0, `q=${word}`);
  for (const e of q.events) {
    const hay = [e.sentence, e.source && e.source.text, e.target && e.target.text, e.attribution && e.attribution.text]
      .filter(Boolean).join(' ').toLowerCase();
    assert.ok(hay.includes(word.toLowerCase()), `${e.event_id} mentions ${word}`);
  }
  // LIKE wildcards are taken literally, and quotes are just text
  assert.equal((await getJson('/api/events?q=%25')).total, 0);
  assert.equal((await getJson("/api/events?q=%27%20OR%201%3D1%20--")).total, 0);
});

test('/api/timeline counts events and reports per day, week and month', async () => {
  const s = await getJson('/api/summary');
  const ev = await getJson('/api/timeline?interval=week&count=events');
  assert.equal(ev.interval, 'week');
  assert.ok(ev.buckets.length > 0);
  for (const b of ev.buckets) {
    assert.equal(new Date(b.date + 'T00:00:00Z').getUTCDay(), 1, `${b.date} is a Monday`);
    assert.ok(b.count > 0);
  }
  // events = distinct clusters (an unclustered event is its own cluster)
  const datedEvents = (await allEvents()).events.filter((e) => e.date);
  const clusters = new Set(datedEvents.map((e) => e.cluster_id || e.event_id));
  if (clusters.size === datedEvents.length) {
    assert.equal(ev.total, datedEvents.length, 'without clusters every dated event counts once');
  } else {   // a cluster counts once per week it spans
    assert.ok(ev.total >= clusters.size && ev.total <= datedEvents.length);
  }
  const rep = await getJson('/api/timeline?interval=day&count=reports');
  const byDay = await getJson('/api/timeline?interval=day');
  assert.ok(rep.total <= byDay.total);
  assert.ok(rep.total >= 1 && rep.total <= s.reports * rep.buckets.length);
  const mon = await getJson('/api/timeline?interval=month');
  for (const b of mon.buckets) assert.match(b.date, /-01$/);
  assert.equal(mon.total, ev.total);
  await expectError('GET', '/api/timeline?interval=year', [400]);
  await expectError('GET', '/api/timeline?count=words', [400]);
});

test('/api/network and /api/dyad agree on the strongest dyad', async () => {
  const n = await getJson('/api/network?limit=5');
  assert.ok(n.dyads.length > 0 && n.dyads.length <= 5);
  for (let i = 1; i < n.dyads.length; i++) assert.ok(n.dyads[i - 1].count >= n.dyads[i].count);
  const top = n.dyads[0];
  assert.notEqual(top.source, top.target);
  const d = await getJson(`/api/dyad?source=${top.source}&target=${top.target}`);
  const total = d.buckets.reduce((a, b) => a + b.events, 0);
  assert.ok(total >= top.count, 'code-or-country matching finds at least the exact dyad');
  for (const b of d.buckets) {
    assert.equal(b.quad.reduce((a, x) => a + x, 0) <= b.events, true);
    if (b.goldstein !== null) assert.ok(b.goldstein >= -10 && b.goldstein <= 10);
  }
  await expectError('GET', '/api/dyad?source=RUS', [400]);
});

test('/api/actors is sorted by events', async () => {
  const a = await getJson('/api/actors?limit=1000');
  assert.ok(a.actors.length > 0);
  for (let i = 1; i < a.actors.length; i++) assert.ok(a.actors[i - 1].events >= a.actors[i].events);
  for (const x of a.actors) assert.equal(x.events, x.as_source + x.as_target);
});

test('/api/event/ID returns one event with article metadata', async () => {
  const j = await allEvents();
  const e = j.events.find((x) => x.sentence) || j.events[0];
  const one = await getJson('/api/event/' + encodeURIComponent(e.event_id));
  assert.equal(one.event_id, e.event_id);
  assert.equal(one.sentence, e.sentence);
  assert.ok(one.article && 'title' in one.article && 'origin' in one.article);
  assert.ok('article_spans' in one);
  if (one.spans.verb && one.sentence_start !== null) {
    assert.equal(one.article_spans.verb[0] - one.sentence_start, one.spans.verb[0]);
  }
  await expectError('GET', '/api/event/no-such-event', [404]);
  await expectError('GET', '/api/event/' + 'x'.repeat(600), [400]);
});

test('/api/codes has the CAMEO labels', async () => {
  const c = await getJson('/api/codes');
  const m = new Map(c.codes.map((x) => [x.code, x]));
  assert.equal(m.get('1712').label, 'Destroy property');
  assert.equal(m.get('1712').quad_class, 4);
  assert.equal(c.quad_classes.length, 4);
  assert.ok(c.statuses.includes('claimed'));
});

test('bad parameters are 400 JSON errors', async () => {
  for (const p of ['/api/events?from=2024-13-01', '/api/events?from=2023-02-29', '/api/events?to=yesterday',
    '/api/events?from=2024-05-01&to=2024-04-01', '/api/events?limit=100000', '/api/events?limit=0',
    '/api/events?limit=-1', '/api/events?limit=1e3', '/api/events?offset=x', '/api/events?root=21',
    '/api/events?root=1', '/api/events?status=maybe', '/api/events?actor=%3Cscript%3E',
    "/api/events?actor=RUS'%20OR%201=1--", '/api/events?frm=2024-01-01', '/api/events?limit=5&limit=6',
    '/api/events?q=' + 'a'.repeat(300), '/api/codes?x=1']) {
    await expectError('GET', p, [400]);
  }
});

test('unknown routes are 404 JSON', async () => {
  for (const p of ['/api/nope', '/api/', '/api', '/nothing.html', '/web/index.html', '/api/events/extra']) {
    await expectError('GET', p, [404]);
  }
});

test('path traversal reaches nothing outside the page', async () => {
  for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd', '/app.js/../../../etc/passwd',
    '//etc/passwd', '/./app.js/..', '/%2e%2e%2f%2e%2e%2fREADME.md', '/app.js%00.html', '/index.html%2f..%2f..%2fMakefile',
    '/../Makefile', '/..\\..\\etc\\passwd', '/style.css?../../etc/passwd']) {
    const r = await raw('GET', p);
    assert.ok(r.status === 404 || r.status === 400 || (p.startsWith('/style.css?') && r.status === 200), `${p}: ${r.status}`);
    assert.ok(!/root:.*:0:0:/.test(r.body), `${p} leaked /etc/passwd`);
    assert.ok(!r.body.includes('BUILD ?='), `${p} leaked the Makefile`);
    if (r.status !== 200) assert.match(r.headers['content-type'] || '', /^application\/json/);
  }
});

test('methods other than GET and HEAD are 405 with Allow', async () => {
  for (const m of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
    const { r } = await expectError(m, '/api/events', [405], { body: m === 'POST' ? 'a=1' : null });
    assert.match(r.headers.allow || '', /GET/);
  }
});

test('a 1 MB query string is refused and the server keeps serving', async () => {
  await expectError('GET', '/api/events?q=' + 'a'.repeat(1 << 20), [414, 400]);
  await expectError('GET', '/api/events?' + Array.from({ length: 40 }, (_, i) => `k${i}=1`).join('&'), [414, 400]);
  const s = await getJson('/api/summary');
  assert.ok(s.events > 0);
});

test('an oversized request body is refused with 413', async () => {
  const answer = await new Promise((resolve, reject) => {
    const sock = net.connect({ host: U.hostname, port: +U.port }, () => {
      sock.write(`GET /api/summary HTTP/1.1\r\nHost: ${U.host}\r\nContent-Length: 5000000\r\n\r\n`);
    });
    let data = '';
    sock.setTimeout(10000, () => { sock.destroy(); reject(new Error('timeout')); });
    sock.on('data', (c) => { data += c; if (data.includes('}')) { sock.destroy(); resolve(data); } });
    sock.on('end', () => resolve(data));
    sock.on('error', reject);
  });
  assert.match(answer, /^HTTP\/1\.1 413/);
  assert.match(answer, /"error"/);
  assert.ok((await getJson('/api/summary')).events > 0);
});

test('200 concurrent requests all complete', async () => {
  const paths = ['/api/events?limit=20', '/api/timeline', '/api/network', '/api/actors', '/api/summary', '/',
    '/api/dyad?source=USA&target=RUS', '/api/events?q=said', '/api/nope'];
  const t0 = Date.now();
  const rs = await Promise.all(Array.from({ length: 200 }, (_, i) => raw('GET', paths[i % paths.length])));
  const ms = Date.now() - t0;
  rs.forEach((r, i) => {
    const p = paths[i % paths.length];
    assert.equal(r.status, p === '/api/nope' ? 404 : 200, p);
    if (p.startsWith('/api/')) JSON.parse(r.body);
  });
  console.log(`# 200 concurrent requests in ${ms} ms`);
  assert.ok((await getJson('/api/summary')).events > 0);
});
