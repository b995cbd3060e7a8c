// The arbitration desk: a page over the public HTTP API, nothing it can do that an arbitrator's token could
// not do with curl. Plain JavaScript, no framework and no CDN, so the page works offline and has nothing to build.
'use strict';

const API = '/api/v1';
const ARBITRATION_STATES = ['CollectingEvidence', 'AwaitingMoreEvidence', 'AwaitingRuling', 'RulingIssued', 'AppealUnderReview'];
const desk = { token: sessionStorage.getItem('desk.token'), who: null, cursor: null, dispute: null, blobs: [] };

// ---------- small helpers ----------

const $ = (id) => document.getElementById(id);

/** Builds an element; text goes in as text, never as HTML. */
function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

function show(section) {
  for (const id of ['sign-in', 'queue', 'case', 'service', 'stores']) $(id).hidden = id !== section;
  for (const button of document.querySelectorAll('#views button')) {
    if (button.dataset.view === (section === 'case' ? 'queue' : section)) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
}

function say(message, bad = false) {
  $('status').textContent = message;
  $('status').classList.toggle('bad', bad);
}

function when(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

function words(name) {
  return String(name).replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

/** Digits after the point for an ISO 4217 currency, as the browser knows them. */
function digits(currency) {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits;
}

function money(amount) {
  if (!amount) return '';
  const d = digits(amount.currency);
  const negative = amount.minorUnits < 0;
  const units = String(Math.abs(amount.minorUnits)).padStart(d + 1, '0');
  const major = d === 0 ? units : `${units.slice(0, -d)}.${units.slice(-d)}`;
  return `${negative ? '-' : ''}${major} ${amount.currency}`;
}

/** "12.50" in a currency to minor units, or an error message. Strings only: no floating point. */
function parseMoney(text, currency) {
  const d = digits(currency);
  const match = /^\s*(\d{1,12})(?:\.(\d+))?\s*$/.exec(text);
  if (!match) return { error: `Enter an amount such as ${d === 0 ? '150' : '150.' + '0'.repeat(d)}.` };
  const fraction = match[2] ?? '';
  if (fraction.length > d) return { error: `${currency} has ${d} digit${d === 1 ? '' : 's'} after the point.` };
  return { amount: { minorUnits: Number(match[1] + fraction.padEnd(d, '0')), currency } };
}

function countdown(iso) {
  const left = new Date(iso).getTime() - Date.now();
  const span = Math.abs(left);
  const d = Math.floor(span / 86400000);
  const hh = String(Math.floor(span / 3600000) % 24).padStart(2, '0');
  const mm = String(Math.floor(span / 60000) % 60).padStart(2, '0');
  const ss = String(Math.floor(span / 1000) % 60).padStart(2, '0');
  const text = `${d}d ${hh}h ${mm}m ${ss}s`;
  return { text: left < 0 ? `overdue by ${text}` : `${text} left`, overdue: left < 0, soon: left >= 0 && left < 86400000 };
}

function tick() {
  for (const element of document.querySelectorAll('.countdown[data-due]')) {
    const c = countdown(element.dataset.due);
    element.textContent = c.text;
    element.classList.toggle('overdue', c.overdue);
    element.classList.toggle('soon', c.soon);
    element.title = `Due ${when(element.dataset.due)}`;
  }
}

function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const x = [...b].map((v) => v.toString(16).padStart(2, '0')).join('');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20)}`;
}

// ---------- HTTP ----------

class Problem extends Error {
  constructor(status, body) {
    const errors = body?.errors ? Object.values(body.errors).flat().join(' ') : '';
    super(body?.detail || errors || body?.title || `The host answered ${status}.`);
    this.status = status;
    this.body = body;
  }
}

async function call(path, options = {}) {
  const response = await fetch(API + path, { ...options, headers: { Authorization: `Bearer ${desk.token}`, ...options.headers } });
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch { /* not problem details */ }
    if (response.status === 401) signOut('Your token was not accepted (expired, or signed with another key). Sign in again.');
    throw new Problem(response.status, body);
  }
  return response;
}

const get = async (path) => (await call(path)).json();

/** An action on the open dispute: If-Match with the version we show, and an idempotency key. */
async function act(route, body) {
  const response = await call(`/disputes/${encodeURIComponent(desk.dispute.id)}/${route}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'If-Match': `"${desk.dispute.version}"`, 'Idempotency-Key': uuid() },
    body: JSON.stringify(body ?? {}),
  });
  return response.json();
}

// ---------- sign in ----------

function claims(token) {
  try {
    const part = token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    return JSON.parse(atob(part.padEnd(part.length + ((4 - (part.length % 4)) % 4), '=')));
  } catch {
    return null;
  }
}

async function signIn(token) {
  const error = $('token-error');
  const input = $('token');
  const who = claims(token);
  const refuse = (message) => {
    show('sign-in');
    error.textContent = message;
    input.setAttribute('aria-invalid', 'true');
    input.focus();
  };
  if (!who?.sub || !who?.role) return refuse('That is not a bearer token: paste the whole token the host printed.');
  if (who.role !== 'arbitrator' && who.role !== 'platform') return refuse(`This token is for a ${who.role}; the desk is for arbitrators (or the platform).`);
  desk.token = token;
  desk.who = who;
  try {
    await loadQueue();
  } catch (problem) {
    desk.token = null;
    return refuse(problem.status === 401 ? 'The host did not accept this token: expired, or signed with another key.' : problem.message);
  }
  sessionStorage.setItem('desk.token', token);
  error.textContent = '';
  input.removeAttribute('aria-invalid');
  $('who').textContent = `Signed in as ${who.sub} (${who.role})`;
  $('who').hidden = false;
  $('sign-out').hidden = false;
  $('views').hidden = false;
  show('queue');
  say('');
}

function signOut(message = '') {
  sessionStorage.removeItem('desk.token');
  desk.token = null;
  $('who').hidden = true;
  $('sign-out').hidden = true;
  $('views').hidden = true;
  $('token').value = '';
  show('sign-in');
  say(message, Boolean(message));
}

// ---------- the queue ----------

function queueQuery(after) {
  const form = $('filters');
  const query = new URLSearchParams({ limit: '50' });
  for (const state of form.state.value ? [form.state.value] : ARBITRATION_STATES) query.append('state', state);
  if (form.store.value.trim()) query.set('storeId', form.store.value.trim());
  if (form.age.value) query.set('openedBefore', new Date(Date.now() - Number(form.age.value) * 86400000).toISOString());
  if (form.mine.checked) query.set('mine', 'true');
  if (after) query.set('after', after);
  return query;
}

async function loadQueue(more = false) {
  const page = await get(`/arbitration/queue?${queueQuery(more ? desk.cursor : null)}`);
  const body = $('queue-table').tBodies[0];
  if (!more) body.replaceChildren();
  for (const item of page.items) {
    body.append(h('tr', { 'data-dispute': item.id },
      h('td', {}, h('button', { type: 'button', class: 'link', onclick: () => openCase(item.id) }, item.id)),
      h('td', {}, item.storeId),
      h('td', {}, words(item.kind)),
      h('td', {}, words(item.state)),
      h('td', {}, money(item.requestedRefund)),
      h('td', {}, when(item.openedAt)),
      h('td', {}, item.arbitratorId ?? h('span', { class: 'muted' }, 'unassigned')),
      h('td', {}, item.deadlineDueAt ? h('span', { class: 'countdown', 'data-due': item.deadlineDueAt }) : h('span', { class: 'muted' }, 'none'))));
  }
  desk.cursor = page.nextCursor;
  $('queue-more').hidden = !page.nextCursor;
  $('queue-empty').hidden = body.rows.length > 0;
  tick();
}

// ---------- charts and CSV ----------

/** Builds an SVG element, in the namespace of the page's own charts. */
function svg(tag, attributes = {}, ...children) {
  const element = document.createElementNS($('backlog-chart').namespaceURI, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children.flat()) element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return element;
}

/**
 * Draws horizontal bars into an <svg>: one row per item, each bar the sum of its segments (each with a CSS class
 * and a value), scaled to the largest; a tooltip (title) names each segment. Keeps the chart's own <title>.
 */
function barChart(chart, items, legend = []) {
  const rowHeight = 26, labelWidth = 190, width = 640, barWidth = width - labelWidth - 50;
  const legendHeight = legend.length ? 28 : 0;
  const height = Math.max(1, items.length) * rowHeight + legendHeight + 4;
  const max = Math.max(1, ...items.map((item) => item.segments.reduce((sum, segment) => sum + segment.value, 0)));
  chart.setAttribute('viewBox', `0 0 ${width} ${height}`);
  chart.setAttribute('width', String(width));
  chart.setAttribute('height', String(height));
  chart.replaceChildren(...[...chart.children].filter((child) => child.tagName === 'title'));
  legend.forEach((entry, i) => chart.append(
    svg('rect', { x: labelWidth + i * 110, y: 6, width: 12, height: 12, class: entry.class }),
    svg('text', { x: labelWidth + i * 110 + 18, y: 16, class: 'legend' }, entry.label)));
  items.forEach((item, row) => {
    const y = legendHeight + row * rowHeight;
    chart.append(svg('text', { x: labelWidth - 8, y: y + 17, 'text-anchor': 'end', class: 'label' }, item.label));
    let x = labelWidth, total = 0;
    for (const segment of item.segments) {
      const w = (segment.value / max) * barWidth;
      if (segment.value > 0) {
        chart.append(svg('rect', { x, y: y + 4, width: Math.max(w, 1), height: rowHeight - 8, class: segment.class, 'data-value': segment.value },
          svg('title', {}, `${item.label}: ${segment.value} ${segment.name ?? ''}`.trim())));
      }
      x += w;
      total += segment.value;
    }
    chart.append(svg('text', { x: x + 6, y: y + 17, class: 'value' }, String(item.total ?? total)));
  });
}

/** A CSV of rows (RFC 4180: every field quoted when it holds a comma, quote or line break). */
function csv(headers, rows) {
  const field = (value) => {
    const text = String(value ?? '');
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [headers, ...rows].map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}

/** Fills a table's body with rows of text and points its download link at the same rows as CSV. */
function tableWithCsv(tableId, linkId, rows, cells = (row) => row) {
  const headers = [...$(tableId).tHead.rows[0].cells].map((cell) => cell.textContent);
  $(tableId).tBodies[0].replaceChildren(...rows.map((row) => h('tr', {}, ...cells(row).map((value) => h('td', {}, value)))));
  $(linkId).href = `data:text/csv;charset=utf-8,${encodeURIComponent(csv(headers, rows))}`;
}

function duration(iso) {
  if (!iso) return '';
  const match = /^(-)?(?:(\d+)\.)?(\d+):(\d+):(\d+)/.exec(iso);
  if (!match) return iso;
  const [, , days = '0', hours, minutes] = match;
  const parts = [];
  if (Number(days)) parts.push(`${Number(days)}d`);
  if (Number(hours)) parts.push(`${Number(hours)}h`);
  parts.push(`${Number(minutes)}m`);
  return parts.join(' ');
}

const percent = (value) => (value === null || value === undefined ? '' : `${(value * 100).toFixed(1)}%`);

// ---------- service levels ----------

const AGE_BANDS = [['underOneDay', 'under 1 day', 'age-0'], ['oneToThreeDays', '1–3 days', 'age-1'], ['threeToSevenDays', '3–7 days', 'age-2'], ['overSevenDays', 'over 7 days', 'age-3']];

async function loadServiceLevels() {
  const report = await get('/service-levels');
  $('service-summary').textContent = report.medianTimeToRuling
    ? `Median time from escalation to ruling: ${duration(report.medianTimeToRuling)}, over ${report.rulingsCounted} ruling${report.rulingsCounted === 1 ? '' : 's'} of the last 30 days.`
    : 'No ruling in the last 30 days.';
  const backlog = report.backlog.map((b) => [words(b.state), b.underOneDay, b.oneToThreeDays, b.threeToSevenDays, b.overSevenDays,
    b.underOneDay + b.oneToThreeDays + b.threeToSevenDays + b.overSevenDays]);
  tableWithCsv('backlog-table', 'backlog-csv', backlog);
  barChart($('backlog-chart'), report.backlog.map((b) => ({
    label: words(b.state), segments: AGE_BANDS.map(([key, name, css]) => ({ value: b[key], name, class: css })),
  })), AGE_BANDS.map(([, label, css]) => ({ label, class: css })));
  const workload = report.workload.map((w) => [w.arbitratorId ?? 'unassigned', w.openCases]);
  tableWithCsv('workload-table', 'workload-csv', workload);
  barChart($('workload-chart'), workload.map(([who, open]) => ({ label: who, segments: [{ value: open, name: 'open cases', class: who === 'unassigned' ? 'unassigned' : 'assigned' }] })));
  $('near-table').tBodies[0].replaceChildren(...report.nearDeadline.map((d) => h('tr', { 'data-dispute': d.disputeId },
    h('td', {}, d.disputeId), h('td', {}, d.storeId), h('td', {}, words(d.state)),
    h('td', {}, d.arbitratorId ?? h('span', { class: 'muted' }, 'unassigned')), h('td', {}, h('span', { class: 'countdown', 'data-due': d.dueAt })))));
  $('near-empty').hidden = report.nearDeadline.length > 0;
  tick();
}

// ---------- store ranking ----------

async function loadRanking() {
  const current = $('ranking-period').value === 'current';
  const ranking = await get(current ? '/assessments/current' : '/assessments');
  $('ranking-caption').textContent = ranking.length === 0 ? ''
    : current ? `${ranking[0].period} so far: each store's figures up to now against the thresholds (provisional; the period's assessment comes when it ends).`
      : `${ranking[0].period}, assessed ${when(ranking[0].assessedAt)} under rules ${ranking[0].rulesVersion}.`;
  const rows = ranking.map((a, i) => {
    const f = a.figures;
    return [i + 1, a.storeId, words(a.level), f.requests, f.orders, percent(f.requests && f.orders ? f.requests / f.orders : null),
      duration(f.medianResponse), duration(f.p90Response), percent(f.requests ? f.timedOutRequests / f.requests : null),
      percent(f.arbitrationsRuled ? f.arbitrationsLost / f.arbitrationsRuled : null), f.activePoints, f.averageRating ?? '',
      a.reasons.map((r) => `${r.figure} ${r.value} past ${r.limit} (${r.level.toLowerCase()})`).join('; ')];
  });
  tableWithCsv('ranking-table', 'ranking-csv', rows);
  for (const [i, row] of [...$('ranking-table').tBodies[0].rows].entries()) {
    row.dataset.store = ranking[i].storeId;
    row.cells[2].className = `level-${ranking[i].level.toLowerCase()}`;
  }
  barChart($('ranking-chart'), ranking.map((a) => ({
    label: a.storeId,
    segments: [
      { value: a.figures.requests - a.figures.timedOutRequests, name: `requests answered in time (${a.level.toLowerCase()})`, class: `level-${a.level.toLowerCase()}` },
      { value: a.figures.timedOutRequests, name: 'requests a seller timeout decided', class: 'timeout' },
    ],
  })), [...['Good', 'Warning', 'Restricted'].map((level) => ({ label: level, class: `level-${level.toLowerCase()}` })), { label: 'Timed out', class: 'timeout' }]);
  $('ranking-empty').hidden = ranking.length > 0;
}

async function showView(view) {
  say('');
  try {
    if (view === 'service') await loadServiceLevels();
    else if (view === 'stores') await loadRanking();
    else await loadQueue();
    show(view);
  } catch (problem) {
    say(problem.message, true);
  }
}

// ---------- the case ----------

async function openCase(id) {
  say('');
  for (const url of desk.blobs.splice(0)) URL.revokeObjectURL(url);
  const path = `/disputes/${encodeURIComponent(id)}`;
  try {
    const [dispute, order, policy, timeline, files, explained] = await Promise.all(
      [path, `${path}/order`, `${path}/policy`, `${path}/timeline`, `${path}/evidence-files`, `${path}/allowed-actions`].map(get));
    renderCase(dispute, order, policy, timeline, files, explained);
    show('case');
    $('case-title').focus();
  } catch (problem) {
    say(`Could not open ${id}: ${problem.message}`, true);
  }
}

function renderCase(dispute, order, policy, timeline, files, explained) {
  desk.dispute = dispute;
  $('case-title').textContent = `Dispute ${dispute.id}`;
  $('case-title').tabIndex = -1;
  $('case-summary').textContent = `${words(dispute.kind)} · ${words(dispute.reason)} · ${words(dispute.state)} · store ${dispute.storeId} · buyer ${dispute.buyerId}`;
  $('case-deadline').replaceChildren(dispute.deadline
    ? h('span', {}, h('span', { class: 'countdown', 'data-due': dispute.deadline.dueAt }), ` — then ${words(dispute.deadline.expiresWith).toLowerCase()}${dispute.deadline.paused ? ' (paused)' : ''}`)
    : 'none');

  $('claim').replaceChildren(...dl([
    ['State', words(dispute.state)],
    ['Claimed', money(dispute.requestedRefund) || 'no refund'],
    ['Refundable maximum', money(dispute.refundableMaximum)],
    ...(dispute.exchangeVariant ? [['Exchange for', `${dispute.exchangeVariant.description} (${dispute.exchangeVariant.sku}) at ${money(dispute.exchangeVariant.unitPrice)}`
      + (dispute.priceDifference?.minorUnits < 0 ? ` · ${money({ ...dispute.priceDifference, minorUnits: -dispute.priceDifference.minorUnits })} back once the replacement is confirmed` : '')]] : []),
    ['Agreed refund', money(dispute.agreedRefund) || 'none yet'],
    ['In the buyer\'s words', dispute.description],
    ['Opened', when(dispute.openedAt)],
    ['Flow', `${dispute.flowId} v${dispute.flowVersion}`],
    ['Refund', dispute.refund ? `${money(dispute.refund.amount)} ${words(dispute.refund.status).toLowerCase()}` : 'none'],
    ['Return shipping', `paid by the ${String(dispute.returnShippingPayer).toLowerCase()}${postage(dispute.refund)}`],
  ]));

  $('order').replaceChildren(
    h('dl', {}, ...dl([['Order', order.orderId], ['Placed', when(order.placedAt)], ['Delivered', when(order.deliveredAt) || 'not delivered'], ['Shipping paid', money(order.shippingPaid)]])),
    table(['Line', 'Product', 'Qty', 'Paid', 'Serial', 'In this request', 'Most refunded', 'Refund'], order.lines.map((line) => {
      const held = dispute.lines.find((l) => l.lineId === line.lineId);
      const refunded = dispute.refund?.lines.find((l) => l.lineId === line.lineId);
      return [
        held ? h('strong', {}, `${line.lineId} (disputed)`) : line.lineId,
        line.title, line.quantity, money(line.paid), line.serialNumber ?? '',
        held ? `${held.units ?? line.quantity} of ${line.quantity}${held.giftFor ? ` (gift with ${held.giftFor})` : ''}` : '',
        held ? money(held.ceiling) : '',
        refunded ? `${money(refunded.amount)} for ${refunded.units ?? line.quantity}` : ''];
    })),
    dispute.receiptReport?.received
      ? h('p', { class: 'flag', 'data-rule': 'partial-receipt' }, `Received back: ${dispute.receiptReport.received.map((r) => `${r.quantity} of line ${r.lineId}`).join(', ')}`)
      : '');

  $('policy').replaceChildren(
    h('dl', {}, ...dl([['Version', policy.version], ['Region', policy.region], ['Store', `${policy.storeId} (${words(policy.storeType).toLowerCase()})`], ...policy.terms.map((t) => [t.name, t.value])])),
    h('p', { class: 'help' }, policy.citation));

  const eligibility = dispute.eligibility;
  const flagged = new Set(eligibility.flags.map((flag) => flag.rule));
  $('eligibility').replaceChildren(
    h('p', {}, eligibility.isEligible ? h('span', { class: 'passed' }, 'Eligible') : h('span', { class: 'failed' }, 'Not eligible'),
      ` · return shipping paid by the ${String(eligibility.returnShippingPayer).toLowerCase()}`),
    ...eligibility.flags.map((flag) => h('p', { class: 'flag', 'data-rule': flag.rule }, `Flagged: ${flag.reason}`)),
    table(['Rule', 'Result', 'Reason'], eligibility.trace.map((step) => [step.rule,
      flagged.has(step.rule) ? h('span', { class: 'flagged' }, 'flagged')
        : h('span', { class: step.passed ? 'passed' : 'failed' }, step.passed ? 'passed' : 'failed'), step.reason])),
    h('ul', {}, eligibility.windows.map((w) => h('li', {}, `${w.name}: until ${when(w.endsAt)}`))));

  renderRepair(dispute);
  renderEvidence(dispute, files);
  renderArbitration(dispute, explained);

  $('offers').replaceChildren(dispute.offers.length
    ? table(['#', 'By', 'Remedy', 'Refund', 'Terms', 'Status'], dispute.offers.map((o) => [o.number, o.by, words(o.terms.remedy), money(o.terms.refund), o.terms.terms, words(o.status)]))
    : h('p', { class: 'muted' }, 'No offers.'));
  $('messages').replaceChildren(dispute.messages.length
    ? h('ul', {}, dispute.messages.map((m) => h('li', {}, h('strong', {}, `${m.by} ${m.actorId}`), ` · ${when(m.at)}: `, m.text)))
    : h('p', { class: 'muted' }, 'No messages.'));
  $('timeline').replaceChildren(table(['#', 'When', 'Who', 'Action', 'From', 'To'],
    timeline.map((e) => [e.sequence, when(e.at), `${e.party} ${e.actorId}`, words(e.action), words(e.from), words(e.to)])));

  renderActions(dispute);
  tick();
}

function dl(pairs) {
  return pairs.flatMap(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]);
}

// The repair side: the application, where the device is repaired, the diagnosis, each on-site visit and each repair.
function renderRepair(dispute) {
  const repair = dispute.repair;
  if (!repair) {
    $('repair').replaceChildren(h('p', { class: 'muted' }, 'No repair.'));
    return;
  }

  const application = repair.application;
  $('repair').replaceChildren(
    h('dl', {}, ...dl([
      ['Device', [application.model, application.serialNumber].filter(Boolean).join(' · ') || 'as described'],
      ['Fault', `${application.faultCode}: ${application.faultDescription}`],
      ['Service center', `${repair.serviceCenterId}${dispute.onSiteService ? ' (on-site service)' : ''}`],
      ['Warranty', repair.warrantyCovered ? 'covered' : 'not covered: a fee is quoted'],
      ['Diagnosis', repair.diagnosis ? `${repair.diagnosis.finding}${repair.diagnosis.fee ? ` · fee ${money(repair.diagnosis.fee)}` : ''}` : 'none yet'],
    ])),
    repair.visits.length
      ? table(['Visit slot', 'Proposed', 'Status', 'Buyer asked', 'Report'], repair.visits.map((v) => [
        `${when(v.slot.start)} – ${when(v.slot.end)}${v.slot.note ? ` (${v.slot.note})` : ''}`, when(v.proposedAt), words(v.status),
        v.otherSlotReason ?? '', v.report ? `${words(v.report.outcome)}: ${v.report.findings}` : '']))
      : '',
    repair.repairs.length ? h('ul', {}, repair.repairs.map((r) => h('li', {}, `${words(r.result)}: ${r.notes}`))) : '',
    dispute.charges.length
      ? table(['Fee charge', 'Amount', 'Status', 'Attempts', 'Reference or failure'], dispute.charges.map((c) => [
        c.chargeId, money(c.amount), words(c.status), c.attempts, c.paymentReference ?? c.lastFailure ?? '']))
      : '');
}

// The return postage the refund settles: reimbursed to the buyer, or the seller's prepaid label deducted.
function postage(refund) {
  const settled = refund?.returnPostage;
  if (!settled) return '';
  return settled.minorUnits > 0
    ? ` · ${money(settled)} postage reimbursed in the refund`
    : ` · ${money({ ...settled, minorUnits: -settled.minorUnits })} prepaid label deducted from the refund`;
}

function table(headings, rows) {
  return h('table', {},
    h('thead', {}, h('tr', {}, headings.map((t) => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map((cells) => h('tr', {}, cells.map((c) => h('td', {}, c))))));
}

function renderEvidence(dispute, files) {
  const parties = ['Buyer', 'Seller', 'ServiceCenter'].filter((party) =>
    party !== 'ServiceCenter' || dispute.evidence.some((e) => e.by === party) || files.some((f) => f.uploadedBy === party));
  $('evidence').replaceChildren(...parties.map((party) => {
    const statements = dispute.evidence.filter((e) => e.by === party);
    const own = files.filter((f) => f.uploadedBy === party);
    return h('article', { 'aria-label': `Evidence from the ${words(party).toLowerCase()}`, 'data-party': party },
      h('h4', {}, `From the ${words(party).toLowerCase()}`),
      statements.length ? statements.map((e) => h('p', {}, h('span', { class: 'muted' }, `${when(e.at)}: `), e.submission.statement)) : h('p', { class: 'muted' }, 'No statement.'),
      own.length ? h('ul', { class: 'files' }, own.map((file) => evidenceFile(dispute, file))) : h('p', { class: 'muted' }, 'No files.'));
  }));
}

function evidenceFile(dispute, file) {
  const url = `/disputes/${encodeURIComponent(dispute.id)}/evidence-files/${encodeURIComponent(file.id)}`;
  const item = h('li', {});
  const download = h('button', { type: 'button', class: 'link', onclick: async () => {
    try {
      const blob = await (await call(url)).blob();
      const link = h('a', { href: URL.createObjectURL(blob), download: file.fileName });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (problem) {
      say(`Could not download ${file.fileName}: ${problem.message}`, true);
    }
  } }, `Download ${file.fileName}`);
  if (file.contentType.startsWith('image/')) {
    // Images are fetched with the token (the file route is not public) and shown from a blob URL.
    const image = h('img', { alt: `${file.fileName} from the ${words(file.uploadedBy).toLowerCase()}`, 'data-file': file.id });
    call(url).then((r) => r.blob()).then((blob) => {
      image.src = URL.createObjectURL(blob);
      desk.blobs.push(image.src);
    }).catch(() => { image.alt = `${file.fileName} could not be loaded`; });
    item.append(image);
  }
  item.append(download, h('span', { class: 'muted' }, ` ${Math.ceil(file.size / 1024)} KB`));
  return item;
}

function renderArbitration(dispute, explained) {
  const appealReview = explained.find((a) => a.action === 'AssignAppealReviewer');
  $('arbitration').replaceChildren(...dispute.arbitration.map((round) => h('article', { 'data-round': round.round },
    h('h4', {}, `Round ${round.round}: escalated by the ${round.escalatedBy.toLowerCase()} ${when(round.escalatedAt)}`),
    h('dl', {}, ...dl([
      ['Why', round.reason],
      ['Evidence from', round.evidenceFrom],
      ['Arbitrator', round.arbitratorId ?? 'unassigned'],
      ['Evidence requested', round.pendingRequest ? `from the ${round.pendingRequest.from.toLowerCase()}: ${round.pendingRequest.request}` : 'none pending'],
      ...round.rulings.map((r) => [r.onAppeal ? 'Decision on appeal' : 'Ruling',
        `${words(r.terms.outcome)}${r.terms.refund ? ` of ${money(r.terms.refund)}` : ''} by ${r.arbitratorId} ${when(r.at)}: ${r.terms.rationale}`
        + (r.terms.penaltyPoints ? ` · store penalty ${r.terms.penaltyPoints} (${r.terms.penaltyReason})` : '')]),
      ...round.appeals.map((a) => ['Appeal', `by the ${a.by.toLowerCase()} ${when(a.at)}: ${a.reason}`]),
      ['Appeal reviewer', round.reviewerId ?? (round.appeals.length ? 'unassigned' : '—')],
      ['Accepted by', round.acceptedBy],
    ])))));
  if (dispute.state === 'AppealUnderReview' && appealReview && !appealReview.allowed) {
    $('arbitration').append(h('p', { class: 'help', id: 'appeal-note' }, `Appeals are reviewed by a different arbitrator: ${appealReview.reason}`));
  }
}

// ---------- actions ----------

function renderActions(dispute) {
  const allowed = new Set(dispute.allowedActions);
  const actions = $('case-actions');
  actions.replaceChildren();
  const button = (label, route, done) => h('button', { type: 'button', class: 'primary', onclick: () => run(null, route, {}, done) }, label);
  if (allowed.has('AssignArbitrator')) actions.append(button('Take this case', 'assignment', 'You have the case.'));
  if (allowed.has('AssignAppealReviewer')) actions.append(button('Take this appeal', 'appeal/assignment', 'You review the appeal.'));
  if (allowed.has('RetryRefund')) actions.append(button('Retry the refund', 'refund/retry', 'The refund is retried.'));
  if (allowed.has('Rule')) actions.append(rulingForm(dispute, 'Rule', 'ruling', 'Issue ruling', 'Ruling issued.'));
  if (allowed.has('OverturnRuling')) actions.append(rulingForm(dispute, 'Overturn the ruling', 'appeal/overturn', 'Overturn', 'Ruling overturned.'));
  if (allowed.has('UpholdRuling')) {
    actions.append(textForm('Uphold the ruling', 'Rationale', 'appeal/uphold', 'Uphold', (text) => ({ rationale: text }), 'Ruling upheld.'));
  }
  if (allowed.has('RequestMoreEvidence')) actions.append(evidenceRequestForm());
  if (allowed.has('SendMessage')) actions.append(textForm('Message both parties', 'Message', 'messages', 'Send', (text) => ({ text }), 'Message sent.'));
  if (!actions.children.length) actions.append(h('p', { class: 'muted' }, 'Nothing for you to do on this case now.'));
}

/** Sends an action and shows the case as it now is; problems stay on the form that sent them. */
async function run(form, route, body, done) {
  const error = form?.querySelector('.form-error');
  if (error) error.textContent = '';
  try {
    const dispute = await act(route, body);
    await openCase(dispute.id);
    say(`${done} The case is now ${words(dispute.state).toLowerCase()}.`);
  } catch (problem) {
    if (error) error.textContent = problem.message;
    else say(problem.message, true);
    if (problem.status === 412) say('Someone else changed the case: reload it to see what they did.', true);
  }
}

function textForm(title, label, route, submit, body, done) {
  const id = `form-${route.replace(/\W/g, '-')}`;
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title),
    h('div', {}, h('label', { for: `${id}-text` }, label), h('textarea', { id: `${id}-text`, rows: 3, required: true })),
    h('p', { class: 'error form-error', role: 'alert' }),
    h('button', { type: 'submit' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = form.querySelector('textarea').value.trim();
    if (!text) {
      form.querySelector('.form-error').textContent = `${label} is required.`;
      return;
    }
    run(form, route, body(text), done);
  });
  return form;
}

function evidenceRequestForm() {
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'evidence-request-title' },
    h('h3', { id: 'evidence-request-title' }, 'Request more evidence'),
    h('div', {}, h('label', { for: 'evidence-request-from' }, 'From'),
      // One party per request: the other party's clock pauses while it answers (ask the other one next).
      h('select', { id: 'evidence-request-from' }, h('option', { value: 'Buyer' }, 'Buyer'), h('option', { value: 'Seller' }, 'Seller'))),
    h('div', {}, h('label', { for: 'evidence-request-text' }, 'What is needed'), h('textarea', { id: 'evidence-request-text', rows: 3, required: true })),
    h('p', { class: 'error form-error', role: 'alert' }),
    h('button', { type: 'submit' }, 'Request evidence'));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('evidence-request-text').value.trim();
    if (!text) {
      form.querySelector('.form-error').textContent = 'Say what evidence is needed.';
      return;
    }
    run(form, 'evidence-requests', { from: $('evidence-request-from').value, request: text }, 'Evidence requested.');
  });
  return form;
}

function rulingForm(dispute, title, route, submit, done) {
  const form = document.getElementById('ruling-template').content.firstElementChild.cloneNode(true);
  form.querySelector('.form-title').textContent = title;
  form.querySelector('button[type=submit]').textContent = submit;
  const currency = dispute.refundableMaximum.currency;
  const amount = form.elements.amount;
  const outcome = form.elements.outcome;
  const maximum = form.querySelector('#ruling-maximum');
  const takesAmount = () => ['PartialRefund', 'FullRefund', 'ReturnAndRefund'].includes(outcome.value);
  const update = () => {
    amount.disabled = !takesAmount();
    maximum.textContent = takesAmount()
      ? `In ${currency}. Refundable maximum: ${money(dispute.refundableMaximum)}.${outcome.value === 'PartialRefund' ? '' : ' Leave empty for the full claim.'}`
      : `A ruling of ${words(outcome.value).toLowerCase()} carries no refund amount.`;
  };
  outcome.addEventListener('change', update);
  update();

  const fail = (field, message) => {
    const error = form.querySelector(`#${field.getAttribute('aria-describedby').split(' ').pop()}`);
    error.textContent = message;
    field.setAttribute('aria-invalid', 'true');
    return false;
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
    for (const error of form.querySelectorAll('.error')) error.textContent = '';
    let valid = true;
    let refund = null;
    if (takesAmount() && (amount.value.trim() || outcome.value === 'PartialRefund')) {
      const parsed = parseMoney(amount.value, currency);
      if (parsed.error) valid = fail(amount, parsed.error);
      else if (parsed.amount.minorUnits <= 0) valid = fail(amount, 'The refund must be more than zero.');
      else if (parsed.amount.minorUnits > dispute.refundableMaximum.minorUnits) {
        valid = fail(amount, `The refund cannot be more than the refundable maximum of ${money(dispute.refundableMaximum)}.`);
      } else refund = parsed.amount;
    }
    const rationale = form.elements.rationale.value.trim();
    if (!rationale) valid = fail(form.elements.rationale, 'Give the rationale: both parties read it.');
    const points = Number(form.elements.penalty.value || '0');
    const penaltyReason = form.elements.penaltyReason.value.trim();
    if (!Number.isInteger(points) || points < 0) valid = fail(form.elements.penalty, 'Penalty points are a whole number, 0 for none.');
    else if (points > 0 && !penaltyReason) valid = fail(form.elements.penalty, 'A penalty needs a reason.');
    if (!valid) {
      form.querySelector('[aria-invalid=true]')?.focus();
      return;
    }
    run(form, route, {
      outcome: outcome.value, refund, rationale, returnShippingPayer: form.elements.shipping.value,
      penaltyPoints: points, penaltyReason: penaltyReason || null,
    }, done);
  });
  return form;
}

// ---------- wiring ----------

document.addEventListener('DOMContentLoaded', () => {
  $('sign-in-form').addEventListener('submit', (event) => {
    event.preventDefault();
    signIn($('token').value.trim());
  });
  $('sign-out').addEventListener('click', () => signOut());
  $('filters').addEventListener('submit', (event) => {
    event.preventDefault();
    loadQueue().catch((problem) => say(problem.message, true));
  });
  for (const button of document.querySelectorAll('#views button')) button.addEventListener('click', () => showView(button.dataset.view));
  $('ranking-form').addEventListener('submit', (event) => {
    event.preventDefault();
    loadRanking().catch((problem) => say(problem.message, true));
  });
  $('queue-more').addEventListener('click', () => loadQueue(true).catch((problem) => say(problem.message, true)));
  $('back').addEventListener('click', () => {
    show('queue');
    loadQueue().catch((problem) => say(problem.message, true));
  });
  setInterval(tick, 1000);
  if (desk.token) signIn(desk.token);
  else show('sign-in');
});
