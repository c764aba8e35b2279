/* app.js — the dyad page: reads the filter bar, asks the JSON API of
 * `dyad serve` and draws four views with hand-written SVG (no libraries):
 * a timeline of event or report counts, the conflict–cooperation trend of one
 * dyad, the network of the strongest dyads and the table of events, whose rows
 * open the sentence with source, action and target highlighted.
 * Every view has four explicit states: loading, ready, empty ("no events
 * match") and error (the API's message). */
'use strict';

(function () {
  const SVGNS = 'http://www.w3.org/2000/svg';
  /* rows per page: fewer on a phone, where each row is a card */
  const PAGE = window.matchMedia('(max-width: 640px)').matches ? 20 : 50;
  const state = {
    filters: {},          // from, to, actor, root, status, q
    count: 'events',
    interval: 'week',
    offset: 0,
    dyad: { source: '', target: '' },
    dyadChosen: false,    // the user picked the dyad (do not replace it)
    labels: new Map(),    // CAMEO code -> label
    cache: {},            // last data of each chart, for redraws on resize
    seq: 0,               // request generation: late answers are dropped
  };

  const $ = (id) => document.getElementById(id);

  /* ------------------------------------------------------------ API */

  class ApiError extends Error {}

  async function api(path, params) {
    const qs = new URLSearchParams();
    for (const [k, v] of Object.entries(params || {})) {
      if (v !== undefined && v !== null && v !== '') qs.set(k, v);
    }
    const url = '/api/' + path + (qs.toString() ? '?' + qs : '');
    let res;
    try {
      res = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch (e) {
      throw new ApiError('the server does not answer (' + e.message + ')');
    }
    let body = null;
    try {
      body = await res.json();
    } catch (e) {
      throw new ApiError('bad answer from the server (HTTP ' + res.status + ')');
    }
    if (!res.ok) throw new ApiError((body && body.error) || 'HTTP ' + res.status);
    return body;
  }

  /* --------------------------------------------------------- helpers */

  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v === true ? '' : v);
    }
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  }

  function svg(tag, attrs, ...kids) {
    const e = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null) continue;
      if (k === 'text') e.textContent = v;
      else e.setAttribute(k, v);
    }
    for (const k of kids) if (k) e.append(k);
    return e;
  }

  function setState(container, st, message) {
    container.dataset.state = st;
    if (st !== 'ready') {
      container.replaceChildren(el('p', {
        class: 'state-msg ' + st,
        role: st === 'error' ? 'alert' : null,
        text: message,
      }));
    }
  }

  function fmtNum(v, digits) {
    if (v === null || v === undefined || Number.isNaN(v)) return '–';
    return Number(v).toLocaleString('en', { maximumFractionDigits: digits === undefined ? 1 : digits });
  }

  function dayNum(iso) { return Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 864e5; }
  function isoOf(n) { return new Date(n * 864e5).toISOString().slice(0, 10); }
  function intervalDays(iv) { return iv === 'day' ? 1 : iv === 'month' ? 30.4 : 7; }

  /* The x range [x0, x1) in day numbers for buckets starting at days[]:
   * at least 10 buckets wide, so that a few bars do not fill the chart. */
  function xRange(days, step) {
    let x0 = days[0], x1 = days[days.length - 1] + step;
    const min = 10 * step;
    if (x1 - x0 < min) {
      const pad = (min - (x1 - x0)) / 2;
      x0 -= pad;
      x1 += pad;
    }
    return [x0, x1];
  }

  function chartWidth(container) {
    return Math.max(280, Math.floor(container.clientWidth || 600));
  }

  function filterParams() {
    return { ...state.filters };
  }

  function actorName(a) {
    if (!a) return '';
    return a.code || a.text || '';
  }

  /* Goldstein -10..10 -> red .. grey .. green */
  function goldColor(g) {
    if (g === null || g === undefined) return '#888';
    const t = Math.max(-1, Math.min(1, g / 10));
    const grey = [140, 140, 140], red = [192, 57, 43], green = [30, 132, 73];
    const to = t < 0 ? red : green, k = Math.abs(t);
    const c = grey.map((v, i) => Math.round(v + (to[i] - v) * k));
    return 'rgb(' + c.join(',') + ')';
  }

  /* ------------------------------------------------------- filters */

  function readForm() {
    const f = {};
    for (const name of ['from', 'to', 'actor', 'root', 'status', 'q']) {
      const v = $('filters').elements[name].value.trim();
      if (v) f[name] = name === 'actor' ? v.toUpperCase() : v;
    }
    return f;
  }

  function writeForm(f) {
    for (const name of ['from', 'to', 'actor', 'root', 'status', 'q']) {
      $('filters').elements[name].value = f[name] || '';
    }
  }

  function syncUrl() {
    const qs = new URLSearchParams(state.filters);
    if (state.count !== 'events') qs.set('count', state.count);
    if (state.interval !== 'week') qs.set('interval', state.interval);
    if (state.dyadChosen && state.dyad.source && state.dyad.target) {
      qs.set('dyad', state.dyad.source + '-' + state.dyad.target);
    }
    const s = qs.toString();
    history.replaceState(null, '', s ? '?' + s : location.pathname);
  }

  function readUrl() {
    const qs = new URLSearchParams(location.search);
    const f = {};
    for (const name of ['from', 'to', 'actor', 'root', 'status', 'q']) {
      if (qs.get(name)) f[name] = qs.get(name);
    }
    state.filters = f;
    if (qs.get('count') === 'reports') state.count = 'reports';
    if (['day', 'week', 'month'].includes(qs.get('interval'))) state.interval = qs.get('interval');
    const d = (qs.get('dyad') || '').split('-');
    if (d.length === 2 && d[0] && d[1]) {
      state.dyad = { source: d[0], target: d[1] };
      state.dyadChosen = true;
    }
  }

  /* ------------------------------------------------------- summary */

  async function loadSummary(seq) {
    try {
      const s = await api('summary', filterParams());
      if (seq !== state.seq) return;
      if (!s.events) {
        $('summary').textContent = 'No events match these filters (' + s.articles_in_db + ' articles in the database).';
      } else {
        $('summary').textContent = fmtNum(s.events, 0) + ' events in ' + fmtNum(s.reports, 0) +
          ' reports, ' + s.first_date + ' to ' + s.last_date + '.';
      }
    } catch (e) {
      if (seq === state.seq) $('summary').textContent = 'Summary unavailable: ' + e.message;
    }
  }

  /* ------------------------------------------------------ timeline */

  async function loadTimeline(seq) {
    const box = $('timeline-chart');
    setState(box, 'loading', 'Loading the timeline…');
    try {
      const t = await api('timeline', { ...filterParams(), interval: state.interval, count: state.count });
      if (seq !== state.seq) return;
      state.cache.timeline = t;
      drawTimeline();
    } catch (e) {
      if (seq === state.seq) {
        state.cache.timeline = null;
        setState(box, 'error', 'Could not load the timeline: ' + e.message);
      }
    }
  }

  function drawTimeline() {
    const box = $('timeline-chart'), t = state.cache.timeline;
    if (!t) return;
    if (!t.buckets.length) {
      setState(box, 'empty', 'No events match these filters.');
      return;
    }
    const W = chartWidth(box), H = 190, m = { l: 44, r: 12, t: 10, b: 28 };
    const days = t.buckets.map((b) => dayNum(b.date));
    const step = intervalDays(t.interval);
    const [x0, x1] = xRange(days, step);
    const maxC = Math.max(...t.buckets.map((b) => b.count));
    const sx = (d) => m.l + (d - x0) / (x1 - x0) * (W - m.l - m.r);
    const sy = (c) => H - m.b - c / maxC * (H - m.t - m.b);
    const bw = Math.min(40, Math.max(1.5, (W - m.l - m.r) * step / (x1 - x0) - 1));
    const what = t.count === 'reports' ? 'reports' : 'events';
    const root = svg('svg', {
      viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', class: 'timeline',
      'aria-label': `${what} per ${t.interval}: ${t.total} in ${t.buckets.length} ${t.interval}s from ` +
        `${t.buckets[0].date} to ${t.buckets[t.buckets.length - 1].date}, at most ${maxC} in one ${t.interval}`,
    });
    // y grid and ticks
    for (const c of niceTicks(maxC)) {
      root.append(svg('line', { x1: m.l, x2: W - m.r, y1: sy(c), y2: sy(c), class: 'grid' }));
      root.append(svg('text', { x: m.l - 6, y: sy(c) + 4, class: 'tick', 'text-anchor': 'end', text: String(c) }));
    }
    const bars = svg('g', { class: 'bars' });
    t.buckets.forEach((b, i) => {
      bars.append(svg('rect', {
        x: sx(days[i]), y: sy(b.count), width: bw, height: Math.max(0, H - m.b - sy(b.count)), class: 'bar',
      }, svg('title', { text: `${b.date}: ${b.count} ${what}` })));
    });
    root.append(bars);
    xAxis(root, x0, x1, sx, H - m.b, W);
    box.replaceChildren(root);
    box.dataset.state = 'ready';
  }

  function niceTicks(max) {
    if (max <= 0) return [0];
    const raw = max / 4, mag = Math.pow(10, Math.floor(Math.log10(raw)));
    const step = [1, 2, 5, 10].map((k) => k * mag).find((s) => s >= raw) || mag * 10;
    const out = [];
    for (let v = 0; v <= max + 1e-9; v += step) out.push(Math.round(v * 100) / 100);
    return out;
  }

  function xAxis(root, x0, x1, sx, y, W) {
    root.append(svg('line', { x1: sx(x0), x2: sx(x1), y1: y, y2: y, class: 'axis' }));
    const n = W < 500 ? 3 : 6;
    for (let i = 0; i < n; i++) {
      const d = x0 + (x1 - x0) * i / (n - 1);
      const anchor = i === 0 ? 'start' : i === n - 1 ? 'end' : 'middle';
      root.append(svg('text', { x: sx(d), y: y + 18, class: 'tick', 'text-anchor': anchor, text: isoOf(Math.floor(d)) }));
    }
  }

  /* ---------------------------------------------------------- dyad */

  async function loadDyad(seq) {
    const box = $('dyad-chart');
    const { source, target } = state.dyad;
    if (!source || !target) {
      setState(box, 'empty', 'No dyad to show: pick a source and a target, or select a line of the network.');
      return;
    }
    setState(box, 'loading', 'Loading the dyad…');
    try {
      const p = filterParams();
      delete p.actor;
      const d = await api('dyad', { ...p, source, target, interval: 'week' });
      if (seq !== state.seq) return;
      state.cache.dyad = d;
      drawDyad();
    } catch (e) {
      if (seq === state.seq) {
        state.cache.dyad = null;
        setState(box, 'error', 'Could not load the dyad: ' + e.message);
      }
    }
  }

  function drawDyad() {
    const box = $('dyad-chart'), d = state.cache.dyad;
    if (!d) return;
    const title = `${d.source}${d.source_name ? ' (' + d.source_name + ')' : ''} → ${d.target}` +
      `${d.target_name ? ' (' + d.target_name + ')' : ''}`;
    if (!d.buckets.length) {
      setState(box, 'empty', `No events match for ${title}.`);
      return;
    }
    const W = chartWidth(box), H = 260, m = { l: 40, r: 12, t: 24, b: 28 };
    const mid = m.t + 110;       // bottom of the Goldstein panel
    const barTop = mid + 14;
    const days = d.buckets.map((b) => dayNum(b.date));
    const [x0, x1] = xRange(days, 7);
    const sx = (v) => m.l + (v - x0) / (x1 - x0) * (W - m.l - m.r);
    const gy = (g) => m.t + (10 - g) / 20 * (mid - m.t);
    const maxN = Math.max(...d.buckets.map((b) => b.events));
    const by = (n) => (H - m.b) - n / maxN * (H - m.b - barTop);
    const bw = Math.min(40, Math.max(2, (W - m.l - m.r) * 7 / (x1 - x0) - 1));
    const mean = d.buckets.reduce((s, b) => s + (b.goldstein || 0) * b.events, 0) /
      d.buckets.reduce((s, b) => s + b.events, 0);
    const root = svg('svg', {
      viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: 'img', class: 'dyad',
      'aria-label': `${title}: ${d.buckets.reduce((s, b) => s + b.events, 0)} events in ${d.buckets.length} weeks, ` +
        `mean Goldstein ${fmtNum(mean)}`,
    });
    root.append(svg('text', { x: m.l, y: 14, class: 'chart-title', text: title }));
    for (const g of [10, 5, 0, -5, -10]) {
      root.append(svg('line', { x1: m.l, x2: W - m.r, y1: gy(g), y2: gy(g), class: g === 0 ? 'axis' : 'grid' }));
      root.append(svg('text', { x: m.l - 6, y: gy(g) + 4, class: 'tick', 'text-anchor': 'end', text: String(g) }));
    }
    // stacked QuadClass bars
    const bars = svg('g', { class: 'bars' });
    d.buckets.forEach((b, i) => {
      let base = 0;
      for (let q = 0; q < 4; q++) {
        const n = b.quad[q];
        if (!n) continue;
        bars.append(svg('rect', {
          x: sx(days[i]), y: by(base + n), width: bw, height: by(base) - by(base + n), class: 'q' + (q + 1),
        }, svg('title', { text: `week of ${b.date}: ${n} ${['verbal cooperation', 'material cooperation', 'verbal conflict', 'material conflict'][q]}` })));
        base += n;
      }
    });
    root.append(bars);
    root.append(svg('text', { x: m.l - 6, y: barTop + 8, class: 'tick', 'text-anchor': 'end', text: String(maxN) }));
    // Goldstein line + points
    const pts = d.buckets.filter((b) => b.goldstein !== null)
      .map((b) => [sx(dayNum(b.date)) + bw / 2, gy(b.goldstein), b]);
    if (pts.length > 1) {
      root.append(svg('polyline', { points: pts.map((p) => p[0].toFixed(1) + ',' + p[1].toFixed(1)).join(' '), class: 'gline' }));
    }
    for (const [x, y, b] of pts) {
      root.append(svg('circle', { cx: x, cy: y, r: 3.5, class: 'gpoint', fill: goldColor(b.goldstein) },
        svg('title', { text: `week of ${b.date}: mean Goldstein ${fmtNum(b.goldstein)} over ${b.events} events` })));
    }
    xAxis(root, x0, x1, sx, H - m.b, W);
    box.replaceChildren(root);
    box.dataset.state = 'ready';
  }

  /* ------------------------------------------------------- network */

  async function loadNetwork(seq) {
    const box = $('network-chart');
    setState(box, 'loading', 'Loading the network…');
    try {
      const n = await api('network', { ...filterParams(), limit: 24 });
      if (seq !== state.seq) return;
      state.cache.network = n;
      drawNetwork();
      return n;
    } catch (e) {
      if (seq === state.seq) {
        state.cache.network = null;
        setState(box, 'error', 'Could not load the network: ' + e.message);
      }
      return null;
    }
  }

  function drawNetwork() {
    const box = $('network-chart'), n = state.cache.network;
    if (!n) return;
    if (!n.dyads.length) {
      setState(box, 'empty', 'No events with both a source and a target match these filters.');
      return;
    }
    const W = chartWidth(box), H = Math.min(420, Math.max(300, W * 0.8));
    const cx = W / 2, cy = H / 2, R = Math.min(W, H) / 2 - 48;
    // nodes by total events, placed on a circle
    const weight = new Map(), names = new Map();
    for (const d of n.dyads) {
      weight.set(d.source, (weight.get(d.source) || 0) + d.count);
      weight.set(d.target, (weight.get(d.target) || 0) + d.count);
      if (d.source_name) names.set(d.source, d.source_name);
      if (d.target_name) names.set(d.target, d.target_name);
    }
    const nodes = [...weight.keys()].sort((a, b) => weight.get(b) - weight.get(a) || a.localeCompare(b));
    const pos = new Map();
    nodes.forEach((code, i) => {
      const a = -Math.PI / 2 + i * 2 * Math.PI / nodes.length;
      pos.set(code, [cx + R * Math.cos(a), cy + R * Math.sin(a), a]);
    });
    const maxC = Math.max(...n.dyads.map((d) => d.count));
    const maxW = Math.max(...weight.values());
    const root = svg('svg', {
      viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'network', role: 'group',
      'aria-label': `network of ${nodes.length} actors and ${n.dyads.length} dyads`,
    });
    const defs = svg('defs');
    defs.append(svg('marker', {
      id: 'arrow', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 6, markerHeight: 6,
      orient: 'auto-start-reverse', markerUnits: 'userSpaceOnUse',
    }, svg('path', { d: 'M0,0 L10,5 L0,10 z', class: 'arrowhead' })));
    root.append(defs);
    const edges = svg('g', { class: 'edges' });
    for (const d of n.dyads) {
      const [x1, y1] = pos.get(d.source), [x2, y2] = pos.get(d.target);
      // bend to the right of the direction, so A->B and B->A stay apart
      const mx = (x1 + x2) / 2, my = (y1 + y2) / 2, dx = x2 - x1, dy = y2 - y1;
      const len = Math.hypot(dx, dy) || 1, bend = 0.12 * len;
      const qx = mx + dy / len * bend, qy = my - dx / len * bend;
      // stop short of the target circle
      const r2 = nodeRadius(weight.get(d.target), maxW) + 3;
      const ex = x2 - (x2 - qx) / Math.hypot(x2 - qx, y2 - qy) * r2;
      const ey = y2 - (y2 - qy) / Math.hypot(x2 - qx, y2 - qy) * r2;
      const label = `${d.source} → ${d.target}: ${d.count} events, mean Goldstein ${fmtNum(d.goldstein)}`;
      const path = svg('path', {
        d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${qx.toFixed(1)},${qy.toFixed(1)} ${ex.toFixed(1)},${ey.toFixed(1)}`,
        class: 'edge', stroke: goldColor(d.goldstein), 'stroke-width': (1 + 7 * d.count / maxC).toFixed(1),
        'marker-end': 'url(#arrow)', tabindex: 0, role: 'button', 'aria-label': label,
        'data-source': d.source, 'data-target': d.target,
      }, svg('title', { text: label }));
      const pick = () => chooseDyad(d.source, d.target, true);
      path.addEventListener('click', pick);
      path.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(); } });
      edges.append(path);
    }
    root.append(edges);
    const gnodes = svg('g', { class: 'nodes' });
    for (const code of nodes) {
      const [x, y, a] = pos.get(code);
      const r = nodeRadius(weight.get(code), maxW);
      const name = names.get(code);
      const label = `${code}${name ? ' (' + name + ')' : ''}: ${weight.get(code)} events in these dyads; select to filter by this actor`;
      const g = svg('g', { class: 'node', tabindex: 0, role: 'button', 'aria-label': label, 'data-code': code },
        svg('title', { text: label }),
        svg('circle', { cx: x, cy: y, r }),
        svg('text', {
          x: x + Math.cos(a) * (r + 6), y: y + Math.sin(a) * (r + 6) + 4,
          'text-anchor': Math.abs(Math.cos(a)) < 0.3 ? 'middle' : Math.cos(a) > 0 ? 'start' : 'end',
          text: code,
        }));
      const pick = () => { $('f-actor').value = code; applyFilters(); };
      g.addEventListener('click', pick);
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); pick(); } });
      gnodes.append(g);
    }
    root.append(gnodes);
    box.replaceChildren(root);
    box.dataset.state = 'ready';
  }

  function nodeRadius(w, maxW) { return 4 + 10 * Math.sqrt(w / maxW); }

  function chooseDyad(source, target, byUser) {
    state.dyad = { source, target };
    if (byUser) state.dyadChosen = true;
    $('dyad-source').value = source;
    $('dyad-target').value = target;
    if (byUser) {
      syncUrl();
      loadDyad(state.seq);
      $('dyad-view').scrollIntoView({ behavior: 'smooth', block: 'nearest' });
    }
  }

  /* -------------------------------------------------------- events */

  async function loadEvents(seq) {
    const stateBox = $('events-state'), tbody = $('events-table').querySelector('tbody');
    stateBox.hidden = false;
    stateBox.dataset.state = 'loading';
    stateBox.className = 'state';
    stateBox.textContent = 'Loading events…';
    try {
      const r = await api('events', { ...filterParams(), limit: PAGE, offset: state.offset });
      if (seq !== state.seq) return;
      tbody.replaceChildren(...r.events.map(eventRow));
      $('events-table').dataset.total = r.total;
      const from = r.total ? r.offset + 1 : 0, to = r.offset + r.events.length;
      $('events-count').textContent = r.total === 1 ? '1 event' : fmtNum(r.total, 0) + ' events';
      $('page-info').textContent = r.total ? `${from}–${to} of ${fmtNum(r.total, 0)}` : '';
      $('prev').disabled = r.offset === 0;
      $('next').disabled = to >= r.total;
      if (!r.total) {
        stateBox.dataset.state = 'empty';
        stateBox.className = 'state empty';
        stateBox.textContent = 'No events match these filters.';
      } else {
        stateBox.dataset.state = 'ready';
        stateBox.hidden = true;
      }
    } catch (e) {
      if (seq !== state.seq) return;
      tbody.replaceChildren();
      $('events-count').textContent = '';
      $('page-info').textContent = '';
      stateBox.dataset.state = 'error';
      stateBox.className = 'state error';
      stateBox.setAttribute('role', 'alert');
      stateBox.textContent = 'Could not load the events: ' + e.message;
    }
  }

  function actorCell(a) {
    if (!a) return el('td', { class: 'none', text: '—' });
    const td = el('td');
    td.append(el('span', { class: 'code', text: a.code || '?' }));
    if (a.text && a.text !== a.code) td.append(el('span', { class: 'text', text: a.text }));
    if (a.name) td.title = a.name;
    return td;
  }

  function quantText(q) {
    if (q.text) return q.text;
    let v = q.value !== null ? fmtNum(q.value, 0) : (q.low !== null ? fmtNum(q.low, 0) + '–' + fmtNum(q.high, 0) : '?');
    if (q.approx) v = '≈' + v;
    return v + (q.unit ? ' ' + q.unit : '');
  }

  function eventRow(ev) {
    const label = ev.cameo_label || state.labels.get(ev.cameo) || '';
    const tr = el('tr', { tabindex: 0, 'data-id': ev.event_id, 'aria-expanded': 'false', 'aria-label': rowLabel(ev, label) });
    const lab = (td, l) => { td.dataset.label = l; return td; };
    tr.append(
      lab(el('td', { class: 'date', text: ev.date || '—' }), 'Date'),
      lab(actorCell(ev.source), 'Source'),
      lab(el('td', { class: 'action q' + (ev.quad_class || 0) },
        el('span', { class: 'code', text: ev.cameo || '?' }), el('span', { class: 'text', text: label })), 'Action'),
      lab(actorCell(ev.target), 'Target'),
      lab(el('td', {}, el('span', { class: 'status st-' + (ev.status || 'none'), text: ev.status || '—' })), 'Status'),
      lab(ev.attribution ? el('td', { text: ev.attribution.text || ev.attribution.code, title: ev.attribution.code || null })
        : el('td', { class: 'none', text: '—' }), 'According to'),
      lab(el('td', { text: (ev.quantities || []).map(quantText).join('; ') || '—' }), 'Numbers'),
      lab(el('td', { text: ev.location ? ev.location.name : '—' }), 'Place'),
    );
    tr.addEventListener('click', () => showDetail(ev, tr));
    tr.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); showDetail(ev, tr); }
    });
    return tr;
  }

  function rowLabel(ev, label) {
    return `${ev.date || 'undated'}: ${actorName(ev.source) || 'unknown'} ${label || ev.cameo} ` +
      `${actorName(ev.target) || ''}, ${ev.status}. Press Enter to read the sentence.`;
  }

  /* The sentence with the spans (byte offsets into its UTF-8) marked. */
  function highlighted(sentence, spans) {
    const bytes = new TextEncoder().encode(sentence || '');
    const tag = new Array(bytes.length).fill('');
    // lowest priority first: later ones win where spans overlap
    for (const kind of ['attribution', 'target', 'source', 'verb']) {
      const s = spans && spans[kind];
      if (!s) continue;
      for (let i = Math.max(0, s[0]); i < Math.min(bytes.length, s[1]); i++) tag[i] = kind;
    }
    const dec = new TextDecoder();
    const out = [];
    let i = 0;
    while (i < bytes.length) {
      let j = i;
      while (j < bytes.length && tag[j] === tag[i]) j++;
      const text = dec.decode(bytes.subarray(i, j));
      out.push(tag[i] ? el('mark', { class: 'hl-' + tag[i], 'data-kind': tag[i], text }) : document.createTextNode(text));
      i = j;
    }
    return out;
  }

  /* The detail panel: a row right under the selected one, with the
   * sentence highlighted and the event's metadata. */
  function detailPanel(ev) {
    const legend = el('ul', { class: 'legend small', 'aria-label': 'highlight colours' },
      el('li', {}, el('mark', { class: 'hl-source', text: 'source' })),
      el('li', {}, el('mark', { class: 'hl-verb', text: 'action' })),
      el('li', {}, el('mark', { class: 'hl-target', text: 'target' })),
      el('li', {}, el('mark', { class: 'hl-attribution', text: 'according to' })));
    const sentence = el('p', { class: 'sentence', id: 'detail-sentence' },
      ...(ev.sentence ? highlighted(ev.sentence, ev.spans) : [el('em', { text: 'sentence not stored' })]));
    const heading = el('h3', { id: 'detail-h', text: 'Sentence ' +
      (ev.sentence_index !== null ? ev.sentence_index + 1 : '?') + ' of ' + ev.article_id });
    const meta = el('dl', { class: 'meta', id: 'detail-meta' });
    const close = el('button', { type: 'button', class: 'secondary close', 'aria-label': 'Close the sentence', text: '×' });
    const box = el('section', { id: 'detail', class: 'detail', tabindex: -1, 'aria-labelledby': 'detail-h' },
      close, heading, sentence, legend, meta);
    return { box, meta, close };
  }

  function fillMeta(meta, full) {
    const row = (k, v) => (v ? [el('dt', { text: k }), el('dd', {}, v)] : []);
    const a = full.article || {};
    const link = a.url && /^https?:\/\//i.test(a.url)
      ? el('a', { href: a.url, rel: 'noopener noreferrer', target: '_blank', text: a.title || a.url })
      : (a.title || null);
    meta.replaceChildren(
      ...row('Event', `${full.event_id}`),
      ...row('Action', `${full.cameo} ${full.cameo_label || ''} (root ${full.root}, QuadClass ${full.quad_class ?? '–'}, Goldstein ${fmtNum(full.goldstein)})`),
      ...row('PLOVER', full.plover ? full.plover.event + (full.plover.mode ? ' / ' + full.plover.mode : '') : null),
      ...row('Source', full.source ? `${full.source.code || '?'}${full.source.name ? ' — ' + full.source.name : ''}` : null),
      ...row('Target', full.target ? `${full.target.code || '?'}${full.target.name ? ' — ' + full.target.name : ''}` : null),
      ...row('According to', full.attribution ? `${full.attribution.text || ''} (${full.attribution.code || '?'})` : null),
      ...row('Status', full.status),
      ...row('Numbers', (full.quantities || []).map(quantText).join('; ') || null),
      ...row('Place', full.location ? [full.location.name, full.location.country].filter(Boolean).join(', ') : null),
      ...row('Date', full.date ? `${full.date} (${full.date_precision || '?'})` : null),
      ...row('Article', link),
      ...row('Outlet', a.source ? `${a.source}${a.date ? ', ' + a.date : ''}` : null),
    );
  }

  function closeDetail() {
    const old = $('events-table').querySelector('tr.detail-row');
    if (old) old.remove();
    for (const r of $('events-table').querySelectorAll('tr[aria-expanded="true"]')) {
      r.setAttribute('aria-expanded', 'false');
      r.removeAttribute('aria-current');
    }
  }

  async function showDetail(ev, tr) {
    const wasOpen = tr.getAttribute('aria-expanded') === 'true';
    closeDetail();
    if (wasOpen) return;             // a second click closes it
    tr.setAttribute('aria-expanded', 'true');
    tr.setAttribute('aria-current', 'true');
    const { box, meta, close } = detailPanel(ev);
    close.addEventListener('click', () => { closeDetail(); tr.focus(); });
    box.addEventListener('keydown', (e) => { if (e.key === 'Escape') { closeDetail(); tr.focus(); } });
    const drow = el('tr', { class: 'detail-row' }, el('td', { colspan: 8 }, box));
    tr.after(drow);
    fillMeta(meta, ev);
    box.focus({ preventScroll: true });
    box.scrollIntoView({ block: 'nearest' });
    try {
      const full = await api('event/' + encodeURIComponent(ev.event_id));
      if (drow.isConnected) fillMeta(meta, full);
    } catch (e) {
      meta.append(el('dt', { text: 'Article' }), el('dd', { class: 'error', text: 'not available: ' + e.message }));
    }
  }

  /* -------------------------------------------------------- actors */

  async function loadActors(seq) {
    try {
      const r = await api('actors', { limit: 200 });
      if (seq !== state.seq) return;
      $('actor-list').replaceChildren(...r.actors.map((a) =>
        el('option', { value: a.code, label: `${a.code}${a.name ? ' — ' + a.name : ''} (${a.events})` })));
    } catch (e) { /* the datalist is a convenience */ }
  }

  async function loadCodes() {
    try {
      const c = await api('codes');
      for (const x of c.codes) state.labels.set(x.code, x.label);
      const roots = c.codes.filter((x) => x.code.length === 2);
      $('f-root').append(...roots.map((x) => el('option', { value: x.code, text: `${x.code} ${x.label}` })));
      $('f-status').append(...c.statuses.map((s) => el('option', { value: s, text: s })));
    } catch (e) {
      showGlobalError('Could not load the CAMEO labels: ' + e.message);
    }
  }

  function showGlobalError(msg) {
    const p = $('global-error');
    p.textContent = msg;
    p.hidden = !msg;
  }

  /* ------------------------------------------------------- refresh */

  async function refresh() {
    const seq = ++state.seq;
    showGlobalError('');
    loadSummary(seq);
    loadTimeline(seq);
    loadEvents(seq);
    loadActors(seq);
    const net = await loadNetwork(seq);
    if (seq !== state.seq) return;
    if (!state.dyadChosen) {
      if (net && net.dyads.length) chooseDyad(net.dyads[0].source, net.dyads[0].target, false);
      else state.dyad = { source: '', target: '' };
    }
    loadDyad(seq);
  }

  function applyFilters() {
    const form = $('filters');
    if (!form.reportValidity()) return;
    const f = readForm();
    if (f.from && f.to && f.from > f.to) {
      showGlobalError('"From" is after "To".');
      return;
    }
    state.filters = f;
    state.offset = 0;
    syncUrl();
    refresh();
  }

  function init() {
    readUrl();
    writeForm(state.filters);
    $('count-' + state.count).checked = true;
    $('interval').value = state.interval;
    if (state.dyadChosen) {
      $('dyad-source').value = state.dyad.source;
      $('dyad-target').value = state.dyad.target;
    }
    $('filters').addEventListener('submit', (e) => { e.preventDefault(); applyFilters(); });
    $('reset').addEventListener('click', () => { writeForm({}); applyFilters(); });
    for (const r of document.querySelectorAll('input[name="count"]')) {
      r.addEventListener('change', () => { state.count = r.value; syncUrl(); loadTimeline(state.seq); });
    }
    $('interval').addEventListener('change', () => { state.interval = $('interval').value; syncUrl(); loadTimeline(state.seq); });
    const goDyad = () => {
      const s = $('dyad-source').value.trim().toUpperCase(), t = $('dyad-target').value.trim().toUpperCase();
      if (!s || !t) {
        setState($('dyad-chart'), 'empty', 'Give both a source and a target.');
        return;
      }
      chooseDyad(s, t, true);
    };
    $('dyad-go').addEventListener('click', goDyad);
    for (const id of ['dyad-source', 'dyad-target']) {
      $(id).addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); goDyad(); } });
    }
    $('prev').addEventListener('click', () => { state.offset = Math.max(0, state.offset - PAGE); loadEvents(state.seq); });
    $('next').addEventListener('click', () => { state.offset += PAGE; loadEvents(state.seq); });
    let t = null;
    window.addEventListener('resize', () => {
      clearTimeout(t);
      t = setTimeout(() => { drawTimeline(); drawDyad(); drawNetwork(); }, 150);
    });
    loadCodes().then(() => {
      writeForm(state.filters);   // the selects have their options now
      refresh();
    });
  }

  document.addEventListener('DOMContentLoaded', init);
})();
