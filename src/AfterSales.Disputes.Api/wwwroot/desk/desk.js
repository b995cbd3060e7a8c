// The arbitration desk: a page over the public HTTP API, nothing it can do that an arbitrator's token could
// not do with curl. Plain JavaScript, no framework and no CDN, so the page works offline and has nothing to build.
'use strict';

const API = '/api/v1';
const ARBITRATION_STATES = ['CollectingEvidence', 'AwaitingMoreEvidence', 'AwaitingRuling', 'RulingIssued', 'AppealUnderReview'];
const desk = { token: sessionStorage.getItem('desk.token'), who: null, cursor: null, dispute: null, blobs: [], view: 'sign-in' };

// ---------- language ----------

// The desk's own words are English in the page and in this file, translated by i18n/<language>.json (English text
// → translation); the engine's words (states, actions, outcomes, refusals, eligibility reasons) come from the API in
// the language every call asks for with Accept-Language (/labels gives the label of every code).
const LANGUAGES = ['en', 'zh-CN'];
const i18n = { language: 'en', texts: {}, labels: {} };

function preferredLanguage() {
  const chosen = localStorage.getItem('desk.language');
  if (LANGUAGES.includes(chosen)) return chosen;
  return (navigator.languages ?? [navigator.language]).some((l) => /^zh(-CN|-Hans|$)/i.test(l)) ? 'zh-CN' : 'en';
}

/** The desk's text in the chosen language, with {name} filled in from values. */
function t(english, values = {}) {
  const text = i18n.texts[english] ?? english;
  return text.replace(/\{(\w+)\}/g, (whole, name) => (name in values ? String(values[name]) : whole));
}

/** The engine's label of a code (DisputeState, RulingOutcome, ...) in the chosen language; the code in words before the labels have loaded. */
function label(enumeration, value) {
  if (value === null || value === undefined) return '';
  // Several flags (a Party such as "Buyer, Seller") are listed.
  return String(value).split(', ').map((one) => i18n.labels[enumeration]?.[one] ?? words(one).toLowerCase()).join(t(', '));
}

/** A label at the start of a cell or a sentence. */
function Label(enumeration, value) {
  const text = label(enumeration, value);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Puts the page's own texts under root in the chosen language: data-i18n, the element's text; data-i18n-placeholder
 * and data-i18n-aria-label, that attribute; an option with data-label, the label of its value. The English stays in
 * data-en, for the next change.
 */
function translate(root) {
  for (const element of root.querySelectorAll('[data-i18n]')) {
    element.dataset.en ??= element.textContent;
    element.textContent = t(element.dataset.en);
  }
  for (const attribute of ['placeholder', 'aria-label']) {
    for (const element of root.querySelectorAll(`[data-i18n-${attribute}]`)) {
      const key = `en${attribute === 'placeholder' ? 'Placeholder' : 'AriaLabel'}`;
      element.dataset[key] ??= element.getAttribute(attribute);
      element.setAttribute(attribute, t(element.dataset[key]));
    }
  }
  for (const option of root.querySelectorAll('option[data-label]')) {
    option.dataset.en ??= option.textContent;
    option.textContent = i18n.labels[option.dataset.label] ? Label(option.dataset.label, option.value) : option.dataset.en;
  }
}

function translatePage() {
  document.documentElement.lang = i18n.language;
  translate(document);
  $('language').value = i18n.language;
}

async function loadTexts(language) {
  i18n.language = language;
  i18n.texts = language === 'en' ? {} : await (await fetch(`i18n/${language}.json`)).json();
  translatePage();
}

async function loadLabels() {
  i18n.labels = Object.fromEntries((await get('/labels')).map((set) => [set.enumeration, set.labels]));
  translatePage();
}

async function changeLanguage(language) {
  localStorage.setItem('desk.language', language);
  await loadTexts(language);
  if (!desk.token || !desk.who) return; // not signed in (yet): the page's own texts are all there is
  showWho();
  await loadLabels();
  if (desk.view === 'case') await openCase(desk.dispute.id);
  else if (desk.view !== 'sign-in') await showView(desk.view);
}

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
  desk.view = section;
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
  return iso ? new Date(iso).toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }) : '';
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
  if (!match) return { error: t('Enter an amount such as {example}.', { example: d === 0 ? '150' : '150.' + '0'.repeat(d) }) };
  const fraction = match[2] ?? '';
  if (fraction.length > d) return { error: t('{currency} has at most {digits} digits after the point.', { currency, digits: d }) };
  return { amount: { minorUnits: Number(match[1] + fraction.padEnd(d, '0')), currency } };
}

function countdown(iso) {
  const left = new Date(iso).getTime() - Date.now();
  const span = Math.abs(left);
  const d = Math.floor(span / 86400000);
  const hh = String(Math.floor(span / 3600000) % 24).padStart(2, '0');
  const mm = String(Math.floor(span / 60000) % 60).padStart(2, '0');
  const ss = String(Math.floor(span / 1000) % 60).padStart(2, '0');
  const text = t('{d}d {h}h {m}m {s}s', { d, h: hh, m: mm, s: ss });
  return { text: left < 0 ? t('overdue by {time}', { time: text }) : t('{time} left', { time: text }), overdue: left < 0, soon: left >= 0 && left < 86400000 };
}

function tick() {
  for (const element of document.querySelectorAll('.countdown[data-due]')) {
    const c = countdown(element.dataset.due);
    element.textContent = c.text;
    element.classList.toggle('overdue', c.overdue);
    element.classList.toggle('soon', c.soon);
    element.title = t('Due {when}', { when: when(element.dataset.due) });
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
    super(body?.detail || errors || body?.title || t('The host answered {status}.', { status }));
    this.status = status;
    this.body = body;
  }
}

async function call(path, options = {}) {
  const response = await fetch(API + path,
    { ...options, headers: { Authorization: `Bearer ${desk.token}`, 'Accept-Language': i18n.language, ...options.headers } });
  if (!response.ok) {
    let body = null;
    try { body = await response.json(); } catch { /* not problem details */ }
    if (response.status === 401) signOut(t('Your token was not accepted (expired, or signed with another key). Sign in again.'));
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
  if (!who?.sub || !who?.role) return refuse(t('That is not a bearer token: paste the whole token the host printed.'));
  if (who.role !== 'arbitrator' && who.role !== 'platform') {
    return refuse(t('This token is for a {role}; the desk is for arbitrators (or the platform).', { role: who.role }));
  }
  desk.token = token;
  desk.who = who;
  try {
    await loadLabels();
    await loadQueue();
  } catch (problem) {
    desk.token = null;
    return refuse(problem.status === 401 ? t('The host did not accept this token: expired, or signed with another key.') : problem.message);
  }
  sessionStorage.setItem('desk.token', token);
  error.textContent = '';
  input.removeAttribute('aria-invalid');
  showWho();
  $('who').hidden = false;
  $('sign-out').hidden = false;
  $('views').hidden = false;
  show('queue');
  say('');
}

function showWho() {
  $('who').textContent = t('Signed in as {party} ({role})', { party: desk.who.sub, role: desk.who.role });
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
      h('td', {}, Label('RequestKind', item.kind)),
      h('td', {}, Label('DisputeState', item.state)),
      h('td', {}, money(item.requestedRefund)),
      h('td', {}, when(item.openedAt)),
      h('td', {}, item.arbitratorId ?? h('span', { class: 'muted' }, t('unassigned'))),
      h('td', {}, item.deadlineDueAt ? h('span', { class: 'countdown', 'data-due': item.deadlineDueAt }) : h('span', { class: 'muted' }, t('none')))));
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
  if (Number(days)) parts.push(t('{n}d', { n: Number(days) }));
  if (Number(hours)) parts.push(t('{n}h', { n: Number(hours) }));
  parts.push(t('{n}m', { n: Number(minutes) }));
  return parts.join(' ');
}

const percent = (value) => (value === null || value === undefined ? '' : `${(value * 100).toFixed(1)}%`);

// ---------- service levels ----------

const AGE_BANDS = () => [['underOneDay', t('under 1 day'), 'age-0'], ['oneToThreeDays', t('1–3 days'), 'age-1'], ['threeToSevenDays', t('3–7 days'), 'age-2'],
  ['overSevenDays', t('over 7 days'), 'age-3']];

async function loadServiceLevels() {
  const report = await get('/service-levels');
  $('service-summary').textContent = report.medianTimeToRuling
    ? t('Median time from escalation to ruling: {time}, over the {count} rulings of the last 30 days.',
      { time: duration(report.medianTimeToRuling), count: report.rulingsCounted })
    : t('No ruling in the last 30 days.');
  const backlog = report.backlog.map((b) => [Label('DisputeState', b.state), b.underOneDay, b.oneToThreeDays, b.threeToSevenDays, b.overSevenDays,
    b.underOneDay + b.oneToThreeDays + b.threeToSevenDays + b.overSevenDays]);
  tableWithCsv('backlog-table', 'backlog-csv', backlog);
  barChart($('backlog-chart'), report.backlog.map((b) => ({
    label: Label('DisputeState', b.state), segments: AGE_BANDS().map(([key, name, css]) => ({ value: b[key], name, class: css })),
  })), AGE_BANDS().map(([, name, css]) => ({ label: name, class: css })));
  const workload = report.workload.map((w) => [w.arbitratorId ?? t('unassigned'), w.openCases]);
  tableWithCsv('workload-table', 'workload-csv', workload);
  barChart($('workload-chart'), report.workload.map((w) => ({
    label: w.arbitratorId ?? t('unassigned'), segments: [{ value: w.openCases, name: t('open cases'), class: w.arbitratorId ? 'assigned' : 'unassigned' }],
  })));
  $('near-table').tBodies[0].replaceChildren(...report.nearDeadline.map((d) => h('tr', { 'data-dispute': d.disputeId },
    h('td', {}, d.disputeId), h('td', {}, d.storeId), h('td', {}, Label('DisputeState', d.state)),
    h('td', {}, d.arbitratorId ?? h('span', { class: 'muted' }, t('unassigned'))), h('td', {}, h('span', { class: 'countdown', 'data-due': d.dueAt })))));
  $('near-empty').hidden = report.nearDeadline.length > 0;
  tick();
}

// ---------- store ranking ----------

// The assessment's figures, by the names the API gives them.
const FIGURES = () => ({
  afterSalesRate: t('after-sales rate'), medianResponseHours: t('median answer (hours)'), p90ResponseHours: t('90th percentile answer (hours)'),
  timeoutRate: t('timeout rate'), arbitrationLossRate: t('arbitration loss rate'), points: t('points'), averageRating: t('rating'),
});

async function loadRanking() {
  const current = $('ranking-period').value === 'current';
  const ranking = await get(current ? '/assessments/current' : '/assessments');
  $('ranking-caption').textContent = ranking.length === 0 ? ''
    : current ? t("{period} so far: each store's figures up to now against the thresholds (provisional; the period's assessment comes when it ends).", { period: ranking[0].period })
      : t('{period}, assessed {when} under rules {rules}.', { period: ranking[0].period, when: when(ranking[0].assessedAt), rules: ranking[0].rulesVersion });
  const rows = ranking.map((a, i) => {
    const f = a.figures;
    return [i + 1, a.storeId, Label('StoreLevel', a.level), f.requests, f.orders, percent(f.requests && f.orders ? f.requests / f.orders : null),
      duration(f.medianResponse), duration(f.p90Response), percent(f.requests ? f.timedOutRequests / f.requests : null),
      percent(f.arbitrationsRuled ? f.arbitrationsLost / f.arbitrationsRuled : null), f.activePoints, f.averageRating ?? '',
      a.reasons.map((r) => t('{figure} {value} past {limit} ({level})', { figure: FIGURES()[r.figure] ?? r.figure, value: r.value, limit: r.limit, level: label('StoreLevel', r.level) }))
        .join(t('; '))];
  });
  tableWithCsv('ranking-table', 'ranking-csv', rows);
  for (const [i, row] of [...$('ranking-table').tBodies[0].rows].entries()) {
    row.dataset.store = ranking[i].storeId;
    row.cells[2].className = `level-${ranking[i].level.toLowerCase()}`;
  }
  barChart($('ranking-chart'), ranking.map((a) => ({
    label: a.storeId,
    segments: [
      { value: a.figures.requests - a.figures.timedOutRequests, name: t('requests answered in time ({level})', { level: label('StoreLevel', a.level) }), class: `level-${a.level.toLowerCase()}` },
      { value: a.figures.timedOutRequests, name: t('requests a seller timeout decided'), class: 'timeout' },
    ],
  })), [...['Good', 'Warning', 'Restricted'].map((level) => ({ label: Label('StoreLevel', level), class: `level-${level.toLowerCase()}` })), { label: t('Timed out'), class: 'timeout' }]);
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
    say(t('Could not open {id}: {problem}', { id, problem: problem.message }), true);
  }
}

function renderCase(dispute, order, policy, timeline, files, explained) {
  desk.dispute = dispute;
  $('case-title').textContent = t('Dispute {id}', { id: dispute.id });
  $('case-title').tabIndex = -1;
  $('case-summary').textContent = [Label('RequestKind', dispute.kind), Label('RequestReason', dispute.reason), dispute.labels.state,
    t('store {store}', { store: dispute.storeId }), t('buyer {buyer}', { buyer: dispute.buyerId })].join(' · ');
  $('case-deadline').replaceChildren(dispute.deadline
    ? h('span', {}, h('span', { class: 'countdown', 'data-due': dispute.deadline.dueAt }),
      t(' — {deadline}, then {action}', { deadline: dispute.deadline.label, action: dispute.deadline.expiresWithLabel }) + (dispute.deadline.paused ? t(' (paused)') : ''))
    : t('none'));

  $('claim').replaceChildren(...dl([
    [t('State'), dispute.labels.state.charAt(0).toUpperCase() + dispute.labels.state.slice(1)],
    [t('Claimed'), money(dispute.requestedRefund) || t('no refund')],
    [t('Refundable maximum'), money(dispute.refundableMaximum)],
    ...(dispute.exchangeVariant ? [[t('Exchange for'), t('{variant} ({sku}) at {price}', { variant: dispute.exchangeVariant.description, sku: dispute.exchangeVariant.sku, price: money(dispute.exchangeVariant.unitPrice) })
      + (dispute.priceDifference?.minorUnits < 0 ? t(' · {amount} back once the replacement is confirmed', { amount: money({ ...dispute.priceDifference, minorUnits: -dispute.priceDifference.minorUnits }) }) : '')]] : []),
    [t('Agreed refund'), money(dispute.agreedRefund) || t('none yet')],
    [t("In the buyer's words"), dispute.description],
    [t('Opened'), when(dispute.openedAt)],
    [t('Flow'), `${dispute.flowId} v${dispute.flowVersion}`],
    [t('Refund'), dispute.refund ? `${money(dispute.refund.amount)} ${label('RefundStatus', dispute.refund.status)}` : t('none')],
    [t('Return shipping'), t('paid by the {payer}', { payer: label('ShippingPayer', dispute.returnShippingPayer) }) + postage(dispute.refund)],
  ]));

  $('order').replaceChildren(
    h('dl', {}, ...dl([[t('Order'), order.orderId], [t('Placed'), when(order.placedAt)], [t('Delivered'), when(order.deliveredAt) || t('not delivered')],
      [t('Shipping paid'), money(order.shippingPaid)]])),
    table([t('Line'), t('Product'), t('Qty'), t('Paid'), t('Serial'), t('In this request'), t('Most refunded'), t('Refund')], order.lines.map((line) => {
      const held = dispute.lines.find((l) => l.lineId === line.lineId);
      const refunded = dispute.refund?.lines.find((l) => l.lineId === line.lineId);
      return [
        held ? h('strong', {}, t('{line} (disputed)', { line: line.lineId })) : line.lineId,
        line.title, line.quantity, money(line.paid), line.serialNumber ?? '',
        held ? t('{units} of {quantity}', { units: held.units ?? line.quantity, quantity: line.quantity }) + (held.giftFor ? t(' (gift with {line})', { line: held.giftFor }) : '') : '',
        held ? money(held.ceiling) : '',
        refunded ? t('{amount} for {units}', { amount: money(refunded.amount), units: refunded.units ?? line.quantity }) : ''];
    })),
    dispute.receiptReport?.received
      ? h('p', { class: 'flag', 'data-rule': 'partial-receipt' },
        t('Received back: {lines}', { lines: dispute.receiptReport.received.map((r) => t('{quantity} of line {line}', { quantity: r.quantity, line: r.lineId })).join(t(', ')) }))
      : '');

  $('policy').replaceChildren(
    h('dl', {}, ...dl([[t('Version'), policy.version], [t('Region'), policy.region], [t('Store'), `${policy.storeId} (${label('StoreType', policy.storeType)})`],
      ...policy.terms.map((term) => [term.name, term.value])])),
    h('p', { class: 'help' }, policy.citation));

  const eligibility = dispute.eligibility;
  const flagged = new Set(eligibility.flags.map((flag) => flag.rule));
  $('eligibility').replaceChildren(
    h('p', {}, eligibility.isEligible ? h('span', { class: 'passed' }, t('Eligible')) : h('span', { class: 'failed' }, t('Not eligible')),
      t(' · return shipping paid by the {payer}', { payer: label('ShippingPayer', eligibility.returnShippingPayer) })),
    ...eligibility.flags.map((flag) => h('p', { class: 'flag', 'data-rule': flag.rule }, t('Flagged: {reason}', { reason: flag.reason }))),
    table([t('Rule'), t('Result'), t('Reason')], eligibility.trace.map((step) => [step.rule,
      flagged.has(step.rule) ? h('span', { class: 'flagged' }, t('flagged'))
        : h('span', { class: step.passed ? 'passed' : 'failed' }, step.passed ? t('passed') : t('failed')), step.reason])),
    h('ul', {}, eligibility.windows.map((w) => h('li', {}, t('{window}: until {when}', { window: w.name, when: when(w.endsAt) })))));

  renderRepair(dispute);
  renderEvidence(dispute, files);
  renderArbitration(dispute, explained);

  $('offers').replaceChildren(dispute.offers.length
    ? table(['#', t('By'), t('Remedy'), t('Refund'), t('Terms'), t('Status')], dispute.offers.map((o) => [o.number, Label('Party', o.by),
      Label('Remedy', o.terms.remedy), money(o.terms.refund), o.terms.terms, Label('OfferStatus', o.status)]))
    : h('p', { class: 'muted' }, t('No offers.')));
  $('messages').replaceChildren(dispute.messages.length
    ? h('ul', {}, dispute.messages.map((m) => h('li', {}, h('strong', {}, `${Label('Party', m.by)} ${m.actorId}`), ` · ${when(m.at)}: `, m.text)))
    : h('p', { class: 'muted' }, t('No messages.')));
  $('timeline').replaceChildren(table(['#', t('When'), t('Who'), t('Action'), t('From'), t('To')],
    timeline.map((e) => [e.sequence, when(e.at), `${Label('Party', e.party)} ${e.actorId}`, Label('DisputeAction', e.action), Label('DisputeState', e.from), Label('DisputeState', e.to)])));

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
    $('repair').replaceChildren(h('p', { class: 'muted' }, t('No repair.')));
    return;
  }

  const application = repair.application;
  $('repair').replaceChildren(
    h('dl', {}, ...dl([
      [t('Device'), [application.model, application.serialNumber].filter(Boolean).join(' · ') || t('as described')],
      [t('Fault'), `${application.faultCode}: ${application.faultDescription}`],
      [t('Service center'), repair.serviceCenterId + (dispute.onSiteService ? t(' (on-site service)') : '')],
      [t('Warranty'), repair.warrantyCovered ? t('covered') : t('not covered: a fee is quoted')],
      [t('Diagnosis'), repair.diagnosis ? repair.diagnosis.finding + (repair.diagnosis.fee ? t(' · fee {fee}', { fee: money(repair.diagnosis.fee) }) : '') : t('none yet')],
    ])),
    repair.visits.length
      ? table([t('Visit slot'), t('Proposed'), t('Status'), t('Buyer asked'), t('Report')], repair.visits.map((v) => [
        `${when(v.slot.start)} – ${when(v.slot.end)}${v.slot.note ? ` (${v.slot.note})` : ''}`, when(v.proposedAt), Label('VisitStatus', v.status),
        v.otherSlotReason ?? '', v.report ? `${Label('VisitOutcome', v.report.outcome)}: ${v.report.findings}` : '']))
      : '',
    repair.repairs.length ? h('ul', {}, repair.repairs.map((r) => h('li', {}, `${Label('RepairResult', r.result)}: ${r.notes}`))) : '',
    dispute.charges.length
      ? table([t('Fee charge'), t('Amount'), t('Status'), t('Attempts'), t('Reference or failure')], dispute.charges.map((c) => [
        c.chargeId, money(c.amount), Label('ChargeStatus', c.status), c.attempts, c.paymentReference ?? c.lastFailure ?? '']))
      : '');
}

// The return postage the refund settles: reimbursed to the buyer, or the seller's prepaid label deducted.
function postage(refund) {
  const settled = refund?.returnPostage;
  if (!settled) return '';
  return settled.minorUnits > 0
    ? t(' · {amount} postage reimbursed in the refund', { amount: money(settled) })
    : t(' · {amount} prepaid label deducted from the refund', { amount: money({ ...settled, minorUnits: -settled.minorUnits }) });
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
    return h('article', { 'aria-label': t('Evidence from the {party}', { party: label('Party', party) }), 'data-party': party },
      h('h4', {}, t('From the {party}', { party: label('Party', party) })),
      statements.length ? statements.map((e) => h('p', {}, h('span', { class: 'muted' }, `${when(e.at)}: `), e.submission.statement)) : h('p', { class: 'muted' }, t('No statement.')),
      own.length ? h('ul', { class: 'files' }, own.map((file) => evidenceFile(dispute, file))) : h('p', { class: 'muted' }, t('No files.')));
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
      say(t('Could not download {file}: {problem}', { file: file.fileName, problem: problem.message }), true);
    }
  } }, t('Download {file}', { file: file.fileName }));
  if (file.contentType.startsWith('image/')) {
    // Images are fetched with the token (the file route is not public) and shown from a blob URL.
    const image = h('img', { alt: t('{file} from the {party}', { file: file.fileName, party: label('Party', file.uploadedBy) }), 'data-file': file.id });
    call(url).then((r) => r.blob()).then((blob) => {
      image.src = URL.createObjectURL(blob);
      desk.blobs.push(image.src);
    }).catch(() => { image.alt = t('{file} could not be loaded', { file: file.fileName }); });
    item.append(image);
  }
  item.append(download, h('span', { class: 'muted' }, ` ${t('{n} KB', { n: Math.ceil(file.size / 1024) })}`));
  return item;
}

function renderArbitration(dispute, explained) {
  const appealReview = explained.find((a) => a.action === 'AssignAppealReviewer');
  $('arbitration').replaceChildren(...dispute.arbitration.map((round) => h('article', { 'data-round': round.round },
    h('h4', {}, t('Round {round}: escalated by the {party} {when}', { round: round.round, party: label('Party', round.escalatedBy), when: when(round.escalatedAt) })),
    h('dl', {}, ...dl([
      [t('Why'), round.reason],
      [t('Evidence from'), Label('Party', round.evidenceFrom)],
      [t('Arbitrator'), round.arbitratorId ?? t('unassigned')],
      [t('Evidence requested'), round.pendingRequest
        ? t('from the {party}: {request}', { party: label('Party', round.pendingRequest.from), request: round.pendingRequest.request }) : t('none pending')],
      ...round.rulings.map((r) => [r.onAppeal ? t('Decision on appeal') : t('Ruling'),
        Label('RulingOutcome', r.terms.outcome) + (r.terms.refund ? ` · ${money(r.terms.refund)}` : '')
        + t(' · by {arbitrator} {when}: {rationale}', { arbitrator: r.arbitratorId, when: when(r.at), rationale: r.terms.rationale })
        + (r.terms.penaltyPoints ? t(' · store penalty {points} ({reason})', { points: r.terms.penaltyPoints, reason: r.terms.penaltyReason }) : '')]),
      ...round.appeals.map((a) => [t('Appeal'), t('by the {party} {when}: {reason}', { party: label('Party', a.by), when: when(a.at), reason: a.reason })]),
      [t('Appeal reviewer'), round.reviewerId ?? (round.appeals.length ? t('unassigned') : '—')],
      [t('Accepted by'), Label('Party', round.acceptedBy)],
    ])))));
  if (dispute.state === 'AppealUnderReview' && appealReview && !appealReview.allowed) {
    $('arbitration').append(h('p', { class: 'help', id: 'appeal-note' }, t('Appeals are reviewed by a different arbitrator: {reason}', { reason: appealReview.reason })));
  }
}

// ---------- actions ----------

function renderActions(dispute) {
  const allowed = new Set(dispute.allowedActions);
  const actions = $('case-actions');
  actions.replaceChildren();
  const button = (label, route, done) => h('button', { type: 'button', class: 'primary', onclick: () => run(null, route, {}, done) }, label);
  if (allowed.has('AssignArbitrator')) actions.append(button(t('Take this case'), 'assignment', t('You have the case.')));
  if (allowed.has('AssignAppealReviewer')) actions.append(button(t('Take this appeal'), 'appeal/assignment', t('You review the appeal.')));
  if (allowed.has('RetryRefund')) actions.append(button(t('Retry the refund'), 'refund/retry', t('The refund is retried.')));
  if (allowed.has('Rule')) actions.append(rulingForm(dispute, t('Rule on the case'), 'ruling', t('Issue ruling'), t('Ruling issued.')));
  if (allowed.has('OverturnRuling')) actions.append(rulingForm(dispute, t('Overturn the ruling'), 'appeal/overturn', t('Overturn'), t('Ruling overturned.')));
  if (allowed.has('UpholdRuling')) {
    actions.append(textForm(t('Uphold the ruling'), t('Rationale'), 'appeal/uphold', t('Uphold'), (text) => ({ rationale: text }), t('Ruling upheld.')));
  }
  if (allowed.has('RequestMoreEvidence')) actions.append(evidenceRequestForm());
  if (allowed.has('SendMessage')) actions.append(textForm(t('Message both parties'), t('Message'), 'messages', t('Send'), (text) => ({ text }), t('Message sent.')));
  if (!actions.children.length) actions.append(h('p', { class: 'muted' }, t('Nothing for you to do on this case now.')));
}

/** Sends an action and shows the case as it now is; problems stay on the form that sent them. */
async function run(form, route, body, done) {
  const error = form?.querySelector('.form-error');
  if (error) error.textContent = '';
  try {
    const dispute = await act(route, body);
    await openCase(dispute.id);
    say(t('{done} The case is now {state}.', { done, state: dispute.labels.state }));
  } catch (problem) {
    if (error) error.textContent = problem.message;
    else say(problem.message, true);
    if (problem.status === 412) say(t('Someone else changed the case: reload it to see what they did.'), true);
  }
}

function textForm(title, field, route, submit, body, done) {
  const id = `form-${route.replace(/\W/g, '-')}`;
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': `${id}-title` },
    h('h3', { id: `${id}-title` }, title),
    h('div', {}, h('label', { for: `${id}-text` }, field), h('textarea', { id: `${id}-text`, rows: 3, required: true })),
    h('p', { class: 'error form-error', role: 'alert' }),
    h('button', { type: 'submit' }, submit));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = form.querySelector('textarea').value.trim();
    if (!text) {
      form.querySelector('.form-error').textContent = t('{field} is required.', { field });
      return;
    }
    run(form, route, body(text), done);
  });
  return form;
}

function evidenceRequestForm() {
  const form = h('form', { class: 'panel', novalidate: true, 'aria-labelledby': 'evidence-request-title' },
    h('h3', { id: 'evidence-request-title' }, t('Request more evidence')),
    h('div', {}, h('label', { for: 'evidence-request-from' }, t('Ask for it from')),
      // One party per request: the other party's clock pauses while it answers (ask the other one next).
      h('select', { id: 'evidence-request-from' }, h('option', { value: 'Buyer' }, Label('Party', 'Buyer')), h('option', { value: 'Seller' }, Label('Party', 'Seller')))),
    h('div', {}, h('label', { for: 'evidence-request-text' }, t('What is needed')), h('textarea', { id: 'evidence-request-text', rows: 3, required: true })),
    h('p', { class: 'error form-error', role: 'alert' }),
    h('button', { type: 'submit' }, t('Request evidence')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('evidence-request-text').value.trim();
    if (!text) {
      form.querySelector('.form-error').textContent = t('Say what evidence is needed.');
      return;
    }
    run(form, 'evidence-requests', { from: $('evidence-request-from').value, request: text }, t('Evidence requested.'));
  });
  return form;
}

function rulingForm(dispute, title, route, submit, done) {
  const form = document.getElementById('ruling-template').content.firstElementChild.cloneNode(true);
  translate(form);
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
      ? t('In {currency}. Refundable maximum: {maximum}.', { currency, maximum: money(dispute.refundableMaximum) })
        + (outcome.value === 'PartialRefund' ? '' : t(' Leave empty for the full claim.'))
      : t('A ruling of {outcome} carries no refund amount.', { outcome: label('RulingOutcome', outcome.value) });
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
      else if (parsed.amount.minorUnits <= 0) valid = fail(amount, t('The refund must be more than zero.'));
      else if (parsed.amount.minorUnits > dispute.refundableMaximum.minorUnits) {
        valid = fail(amount, t('The refund cannot be more than the refundable maximum of {maximum}.', { maximum: money(dispute.refundableMaximum) }));
      } else refund = parsed.amount;
    }
    const rationale = form.elements.rationale.value.trim();
    if (!rationale) valid = fail(form.elements.rationale, t('Give the rationale: both parties read it.'));
    const points = Number(form.elements.penalty.value || '0');
    const penaltyReason = form.elements.penaltyReason.value.trim();
    if (!Number.isInteger(points) || points < 0) valid = fail(form.elements.penalty, t('Penalty points are a whole number, 0 for none.'));
    else if (points > 0 && !penaltyReason) valid = fail(form.elements.penalty, t('A penalty needs a reason.'));
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

document.addEventListener('DOMContentLoaded', async () => {
  $('language').addEventListener('change', () => changeLanguage($('language').value).catch((problem) => say(problem.message, true)));
  try {
    await loadTexts(preferredLanguage());
  } catch {
    await loadTexts('en'); // the page's own English stays readable if a dictionary cannot be read
  }
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
