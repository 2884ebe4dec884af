// Leadbridge's dashboard: KPI tiles, pipeline, funnel, SLA compliance over time, campaign ROI,
// partner scorecard, leaderboard and the lead list with each lead's timeline, all read from
// /api/** with the user's own login. A partner user is answered its own partner's figures by
// the server; the page only leaves out what would make no sense for it (the partner filter).

import { ApiError, Unauthorized, downloadCsv, forget, getJson, hasCredentials, remember, sendJson, withQuery } from './api.js';
import { STAGE_COLOURS, STATUS_COLOURS, draw, funnel, overTime, stackedBars } from './charts.js';
import { showDeals, setUpDealForm } from './deals.js';
import { el, fill, message, table } from './dom.js';
import * as format from './format.js';
import { showReassign } from './reassign.js';
import { showTeam } from './team.js';

const $ = (id) => document.getElementById(id);

const STATUSES = Object.keys(STATUS_COLOURS);
const STAGES = Object.keys(STAGE_COLOURS);
const OPEN_STAGES = ['QUALIFICATION', 'PROPOSAL', 'NEGOTIATION'];
const FILTERS = ['from', 'to', 'partner', 'tier', 'country', 'region', 'segment', 'industry', 'product', 'campaign',
  'groupBy'];
const LEADS_PER_PAGE = 20;

const state = {
  me: null,
  partnerNames: new Map(),
  dashboardLoaded: false,
  refreshes: 0,
  leadsPage: 0,
};

// --- Content Security Policy: count refusals, so a test (and a developer's console) sees them ----

let refusals = 0;
document.addEventListener('securitypolicyviolation', (event) => {
  refusals += 1;
  document.documentElement.dataset.cspViolations = String(refusals);
  console.error(`Content Security Policy refused ${event.blockedURI || 'inline content'} (${event.violatedDirective})`);
});

// --- Views -----------------------------------------------------------------------------------------

function show(view) {
  const views = ['loading', 'login-view', 'dashboard-view', 'lead-view', 'account-view', 'team-view', 'deals-view'];
  for (const id of views) {
    $(id).hidden = id !== view;
  }
}

function showLogin(text) {
  state.me = null;
  state.dashboardLoaded = false;
  $('account').hidden = true;
  show('login-view');
  message($('login-message'), text);
  $('login-username').focus();
}

function route() {
  const lead = /^#lead\/(\d+)$/.exec(location.hash);
  if (lead) {
    show('lead-view');
    showLead(lead[1]);
    return;
  }
  const account = /^#account\/(\d+)$/.exec(location.hash);
  if (account) {
    show('account-view');
    showAccount(account[1]);
    return;
  }
  const team = /^#team(?:\/([a-z0-9-]+))?$/.exec(location.hash);
  if (team) {
    show('team-view');
    showTeam(team[1] ?? null, {
      me: state.me,
      partners: state.partnerNames,
      failed,
      periodFilters: { from: chosenFilters().from, to: chosenFilters().to },
    });
    return;
  }
  if (location.hash === '#deals') {
    show('deals-view');
    showDeals({ partner: isPartner(), partnerName, failed });
    return;
  }
  show('dashboard-view');
  if (!state.dashboardLoaded) {
    state.dashboardLoaded = true;
    refresh();
  }
}

/** What every failed call ends in: the login form for a 401, a message otherwise. */
function failed(error, paragraph) {
  if (error instanceof Unauthorized) {
    showLogin('Your login is no longer accepted. Please sign in again.');
    return;
  }
  message(paragraph, error instanceof ApiError ? error.message : 'The server could not be reached. Please try again.');
}

// --- Login -----------------------------------------------------------------------------------------

$('login-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const username = $('login-username').value.trim();
  const password = $('login-password').value;
  if (!username || !password) {
    message($('login-message'), 'Enter your username and password.');
    return;
  }
  remember(username, password);
  $('login-password').value = '';
  try {
    await start();
  } catch (error) {
    if (error instanceof Unauthorized) {
      // Camunda also refuses the right password for a few seconds after a wrong one.
      showLogin('Wrong username or password. After a wrong password, wait a few seconds before the next try.');
    } else {
      show('login-view');
      failed(error, $('login-message'));
    }
  }
});

$('logout').addEventListener('click', () => {
  forget();
  history.replaceState(null, '', location.pathname);
  location.reload();
});

/** Who is logged in decides what the page offers; then the filters from the address, then the view. */
async function start() {
  show('loading');
  const me = await getJson('api/me');
  const [partners, campaigns] = await Promise.all([getJson('api/partners'), getJson('api/campaigns')]);
  state.me = me;
  state.partnerNames = new Map(partners.map((p) => [p.id, p.name]));
  if (me.role === 'PARTNER' && me.partnerName) {
    state.partnerNames.set(me.partnerId, me.partnerName);
  }
  setUpAccount(me);
  setUpFilters(me, partners, campaigns);
  route();
}

setUpDealForm({ partnerName: (id) => partnerName(id), failed: (error, paragraph) => failed(error, paragraph) });

function isPartner() {
  return state.me?.role === 'PARTNER';
}

function partnerName(id) {
  return id ? (state.partnerNames.get(id) ?? id) : null;
}

function setUpAccount(me) {
  const name = [me.firstName, me.lastName].filter(Boolean).join(' ') || me.username;
  $('who-name').textContent = name;
  $('who-role').textContent = me.role === 'PARTNER' ? me.partnerName || me.partnerId
    : me.role === 'CHANNEL_MANAGER' ? 'Channel manager' : 'Vendor';
  // The team page: a rep sees its own profile there, a CRM credential has no person to show.
  const teamLink = $('team-link');
  teamLink.hidden = me.role === 'PARTNER' && !me.partnerRole;
  teamLink.textContent = me.partnerRole === 'REP' ? 'My profile' : 'Team';
  $('account').hidden = false;
}

function setUpFilters(me, partners, campaigns) {
  const byName = (a, b) => a.name.localeCompare(b.name);
  if (me.role === 'PARTNER') {
    // A partner user's reports are always its own partner's: no partner to choose.
    $('field-partner')?.remove();
    $('scorecard-picker').hidden = true;
  } else {
    const options = partners.slice().sort(byName).map((p) =>
      el('option', { value: p.id }, p.status === 'ACTIVE' ? p.name : `${p.name} (${format.label(p.status)})`));
    fill($('f-partner'), el('option', { value: '' }, 'All partners'), options);
    fill($('scorecard-partner'), options.map((option) => option.cloneNode(true)));
    $('scorecard-picker').hidden = partners.length === 0;
  }
  fill($('f-campaign'), el('option', { value: '' }, 'All campaigns'),
    campaigns.slice().sort(byName).map((c) => el('option', { value: c.code }, c.name)));
  fill($('leads-status'), el('option', { value: '' }, 'Any status'),
    STATUSES.map((s) => el('option', { value: s }, format.label(s))));

  const query = new URLSearchParams(location.search);
  const form = $('filters');
  for (const name of FILTERS) {
    if (form.elements[name] && query.has(name)) {
      form.elements[name].value = query.get(name);
    }
  }
  if (!query.has('groupBy')) {
    form.elements.groupBy.value = me.role === 'PARTNER' ? 'segment' : 'partner';
  }
  if (me.role !== 'PARTNER' && form.elements.partner.value) {
    $('scorecard-partner').value = form.elements.partner.value;
  }
  // On a phone the figures come first; the filters open with a tap.
  if (window.matchMedia('(max-width: 40rem)').matches) {
    $('filters-panel').open = false;
  }
  summarizeFilters();
}

/** "· 2 set" after the panel's title, so a closed panel still says that filters apply. */
function summarizeFilters() {
  const set = Object.keys(without(chosenFilters(), 'groupBy')).length;
  $('filters-summary').textContent = set ? `· ${set} set` : '· none set';
}

// --- Filters ---------------------------------------------------------------------------------------

/** The filters as the form holds them, empty ones left out. */
function chosenFilters() {
  const form = $('filters');
  const chosen = {};
  for (const name of FILTERS) {
    const field = form.elements[name];
    const value = field ? field.value.trim() : '';
    if (value) {
      chosen[name] = name === 'country' || name === 'region' ? value.toUpperCase() : value;
    }
  }
  return chosen;
}

function without(filters, ...names) {
  const rest = { ...filters };
  names.forEach((name) => delete rest[name]);
  return rest;
}

$('filters').addEventListener('submit', (event) => {
  event.preventDefault();
  applyFilters();
});

$('filters').addEventListener('reset', (event) => {
  event.preventDefault();
  const form = $('filters');
  for (const name of FILTERS) {
    if (form.elements[name]) {
      form.elements[name].value = '';
    }
  }
  form.elements.groupBy.value = isPartner() ? 'segment' : 'partner';
  applyFilters();
});

function applyFilters() {
  const chosen = chosenFilters();
  summarizeFilters();
  history.replaceState(null, '', withQuery(location.pathname, chosen) + location.hash);
  if (!isPartner() && chosen.partner) {
    $('scorecard-partner').value = chosen.partner;
  }
  state.leadsPage = 0;
  refresh();
}

/** 400s name the filter: mark the field and say what is wrong with it, once per message. */
function showFilterProblems(errors) {
  const form = $('filters');
  for (const field of form.querySelectorAll('[aria-invalid]')) {
    field.removeAttribute('aria-invalid');
  }
  const lines = [...new Set(errors.map((e) => `${e.field}: ${e.message}`))];
  for (const problem of errors) {
    form.elements[problem.field]?.setAttribute('aria-invalid', 'true');
  }
  const box = $('filter-message');
  fill(box, lines.length ? el('strong', {}, 'Please check the filters. ') : null, lines.join('; '));
  box.hidden = lines.length === 0;
}

// --- The dashboard ---------------------------------------------------------------------------------

/** Loads every section with the current filters; the dashboard is "ready" when all have answered. */
async function refresh() {
  const run = ++state.refreshes;
  const view = $('dashboard-view');
  view.dataset.state = 'loading';
  const filters = chosenFilters();
  const problems = [];
  const track = (promise) => promise.catch((error) => {
    if (error instanceof ApiError && error.status === 400) {
      problems.push(...error.errors);
    }
    throw error;
  });

  const pipeline = track(getJson(withQuery('api/reports/pipeline', filters)));
  const common = without(filters, 'groupBy');
  const funnelReport = track(getJson(withQuery('api/reports/funnel', common)));
  const weekly = track(getJson(withQuery('api/reports/sla/weekly', common)));
  const campaigns = track(getJson(withQuery('api/reports/campaigns', common)));

  await Promise.allSettled([
    section('pipeline-card', async () => renderPipeline(await pipeline)),
    section('funnel-card', async () => renderFunnel(await funnelReport)),
    section('sla-card', async () => renderSla(await weekly)),
    section('campaigns-card', async () => renderCampaigns(await campaigns)),
    section('kpis', async () => renderKpis(await Promise.allSettled([pipeline, funnelReport, weekly, campaigns]))),
    section('scorecard-card', () => loadScorecard(filters)),
    section('leaderboard-card', () => loadLeaderboard(filters)),
    section('leads-card', () => loadLeads(filters)),
  ]);
  if (run !== state.refreshes || !state.me) {
    return;
  }
  showFilterProblems(problems);
  view.dataset.state = 'ready';
  announce('Dashboard updated.');
}

/** Runs one section's loading, marking it loading, ready or failed with its own message. */
async function section(id, load) {
  const card = $(id);
  const paragraph = card.querySelector(':scope > .message');
  card.dataset.state = 'loading';
  card.setAttribute('aria-busy', 'true');
  try {
    await load();
    if (paragraph) {
      message(paragraph, null);
    }
    card.dataset.state = 'ready';
  } catch (error) {
    card.dataset.state = 'error';
    if (paragraph) {
      failed(error, paragraph);
    } else if (error instanceof Unauthorized) {
      failed(error);
    }
  } finally {
    card.removeAttribute('aria-busy');
  }
}

function announce(text) {
  $('live').textContent = text;
}

// --- KPI tiles -------------------------------------------------------------------------------------

function tile(id, value, sub) {
  const node = $(id);
  node.querySelector('.value').textContent = value;
  node.querySelector('.sub').textContent = sub || '';
}

function renderKpis([pipeline, funnelReport, weekly, campaigns]) {
  const ok = (result) => (result.status === 'fulfilled' ? result.value : null);
  const p = ok(pipeline);
  const fu = ok(funnelReport);
  const w = ok(weekly);
  const c = ok(campaigns);

  if (p) {
    const from = format.date(p.period.from);
    const to = format.date(new Date(new Date(p.period.to).getTime() - 1).toISOString());
    $('period').textContent = `Leads received ${from} – ${to}`;
  }

  const received = fu?.steps.find((s) => s.step === 'RECEIVED');
  const narrowed = fu?.partner ? `offered to ${partnerName(fu.partner)}` : 'in the period';
  tile('kpi-received', format.count(received?.leads), fu ? narrowed : '');

  if (w) {
    const sum = (field) => w.weeks.reduce((total, week) => total + (week[field] || 0), 0);
    const answered = sum('answered');
    const acceptedInTime = sum('acceptedInTime');
    const contactedInTime = sum('contactedInTime');
    const contactChances = contactedInTime + sum('contactSlaMissed');
    tile('kpi-accepted', format.share(answered ? acceptedInTime / answered : null),
      `${format.count(acceptedInTime)} of ${format.count(answered)} answered offers`);
    tile('kpi-contacted', format.share(contactChances ? contactedInTime / contactChances : null),
      `${format.count(contactedInTime)} of ${format.count(contactChances)} accepted leads`);
  } else {
    tile('kpi-accepted', format.NONE, '');
    tile('kpi-contacted', format.NONE, '');
  }

  if (p) {
    const won = p.total.statuses.find((s) => s.status === 'WON')?.leads ?? 0;
    const wonValue = converted(p, p.total, ['WON']);
    tile('kpi-won', format.count(won), wonValue.count ? `worth ${wonValue.text}` : 'no value won yet');
    const openValue = converted(p, p.total, OPEN_STAGES);
    tile('kpi-pipeline', openValue.count ? openValue.text : format.NONE,
      `${format.count(openValue.count)} open ${openValue.count === 1 ? 'opportunity' : 'opportunities'}`);
  } else {
    tile('kpi-won', format.NONE, '');
    tile('kpi-pipeline', format.NONE, '');
  }

  if (c) {
    // Every campaign with a cost, in the reporting currency; a figure without a rate leaves the ROI out.
    const costed = c.campaigns.filter((r) => r.cost !== undefined).map((r) => r.converted);
    const cost = costed.reduce((total, r) => total + Number(r.cost ?? 0), 0);
    const wonValue = costed.reduce((total, r) => total + Number(r.wonValue ?? 0), 0);
    const withoutRate = costed.flatMap((r) => r.wonValueWithoutRate ?? []);
    if (costed.some((r) => r.costWithoutRate) || withoutRate.length) {
      tile('kpi-roi', format.NONE, `exchange rates missing for ${withoutRate.length
        ? format.moneys(sumByCurrency(withoutRate)) : 'a campaign cost'}; ask a channel manager to add them`);
    } else if (cost > 0) {
      tile('kpi-roi', format.roi((wonValue - cost) / cost),
        `${format.money(wonValue, c.reportingCurrency)} won on ${format.money(cost, c.reportingCurrency)} `
          + 'of campaign cost');
    } else {
      tile('kpi-roi', format.NONE, 'no campaign costs recorded');
    }
  } else {
    tile('kpi-roi', format.NONE, '');
  }
}

/**
 * The value of a pipeline group's stages in the reporting currency, as text, with the amounts of
 * months without an exchange rate beside it in their own currencies; and how many opportunities.
 */
function converted(report, group, stages) {
  const lines = (group.converted ?? []).filter((o) => stages.includes(o.stage));
  const value = lines.reduce((total, o) => total + Number(o.value), 0);
  const withoutRate = sumByCurrency(lines.flatMap((o) => o.withoutRate));
  const count = lines.reduce((total, o) => total + o.opportunities, 0);
  const text = format.money(value, report.reportingCurrency)
    + (withoutRate.length ? ` + ${format.moneys(withoutRate)} without an exchange rate` : '');
  return { value, withoutRate, count, text };
}

/** Adds up [{currency, amount, won?}] per currency, keeping the order of first appearance. */
function sumByCurrency(amounts) {
  const byCurrency = new Map();
  for (const m of amounts) {
    const sum = byCurrency.get(m.currency) ?? { currency: m.currency, amount: 0, won: 0 };
    sum.amount += Number(m.amount) || 0;
    sum.won += Number(m.won) || 0;
    byCurrency.set(m.currency, sum);
  }
  return [...byCurrency.values()];
}

// --- Pipeline --------------------------------------------------------------------------------------

function groupName(groupBy, key) {
  if (!groupBy) {
    return 'All leads';
  }
  if (key === undefined || key === null) {
    return groupBy === 'partner' ? 'No partner' : `No ${groupBy}`;
  }
  if (groupBy === 'partner') {
    return partnerName(key);
  }
  return groupBy === 'segment' || groupBy === 'tier' ? format.label(key) : key;
}

function renderPipeline(report) {
  const groups = report.groups ?? [report.total];
  const names = groups.map((g) => groupName(report.groupBy, g.key));
  const present = STATUSES.filter((s) => groups.some((g) => g.statuses.some((x) => x.status === s)));
  const leadsOf = (group, status) => group.statuses.find((x) => x.status === status)?.leads ?? 0;

  const chart = $('pipeline-chart');
  chart.style.height = `${Math.max(240, groups.length * 44 + 96)}px`;
  draw(chart, stackedBars(names, present.map((s) => [format.label(s), groups.map((g) => leadsOf(g, s)), STATUS_COLOURS[s]]),
    { horizontal: true }),
  `Leads by status${report.groupBy ? ` and ${report.groupBy}` : ''}: `
    + groups.map((g, i) => `${names[i]} ${g.leads}`).join(', '));

  const opportunities = report.total.converted;
  const stages = STAGES.filter((s) => opportunities.some((o) => o.stage === s));
  const valueChart = $('value-chart');
  valueChart.style.height = `${Math.min(Math.max(240, groups.length * 44 + 96), 360)}px`;
  if (opportunities.length === 0) {
    draw(valueChart, { title: { text: 'No opportunities yet', left: 'center', top: 'middle', textStyle: { color: '#6b7280', fontSize: 13, fontWeight: 'normal' } } },
      'No opportunities yet');
  } else {
    const valueOf = (stage) => Number(opportunities.find((o) => o.stage === stage)?.value ?? 0);
    const option = stackedBars(stages.map(format.label),
      [[report.reportingCurrency, stages.map(valueOf), '#2563eb']], { valueFormatter: (v) => compactNumber(v) });
    option.series.forEach((s) => delete s.stack);
    draw(valueChart, option, `Opportunity value by stage in ${report.reportingCurrency}: ${opportunities.map((o) =>
      `${format.label(o.stage)} ${converted(report, report.total, [o.stage]).text}`).join(', ')}`);
  }

  const moneyOf = (group, stages) => {
    const value = converted(report, group, stages);
    return value.count ? value.text : format.NONE;
  };
  fill($('pipeline-table'), table([
    { label: report.groupBy ? format.label(report.groupBy) : 'Leads', value: (g) => groupName(report.groupBy, g.key), header: true },
    { label: 'Leads', value: (g) => format.count(g.leads), numeric: true },
    ...present.map((s) => ({ label: format.label(s), value: (g) => format.count(leadsOf(g, s)), numeric: true })),
    { label: 'Open value', value: (g) => moneyOf(g, OPEN_STAGES), numeric: true },
    { label: 'Won value', value: (g) => moneyOf(g, ['WON']), numeric: true },
    // The amounts as booked, beside the converted ones, when any is in another currency.
    ...(report.total.opportunities.some((o) => o.currency !== report.reportingCurrency)
      ? [{ label: 'As booked', value: (g) => format.moneys(sumByCurrency(g.opportunities
        .filter((o) => o.stage !== 'LOST').map((o) => ({ currency: o.currency, amount: o.value })))), numeric: true }]
      : []),
  ], groups, { caption: `Pipeline (values in ${report.reportingCurrency})` }));
}

function compactNumber(value) {
  return new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 }).format(value);
}

// --- Funnel ----------------------------------------------------------------------------------------

function renderFunnel(report) {
  const steps = report.steps.map((s) => ({
    name: format.label(s.step),
    value: s.leads,
    conversion: s.fromPrevious === undefined ? null : format.share(s.fromPrevious),
    note: s.fromReceived === undefined ? 'all leads of the period' : `${format.share(s.fromReceived)} of received`,
  }));
  draw($('funnel-chart'), funnel(steps), `Funnel: ${steps.map((s) => `${s.name} ${s.value}`).join(', ')}`);
  fill($('funnel-table'), table([
    { label: 'Step', value: (s) => format.label(s.step), header: true },
    { label: 'Leads', value: (s) => format.count(s.leads), numeric: true },
    { label: 'From previous', value: (s) => format.share(s.fromPrevious), numeric: true },
    { label: 'From received', value: (s) => format.share(s.fromReceived), numeric: true },
  ], report.steps, { caption: 'Funnel' }));
}

// --- SLA compliance over time ------------------------------------------------------------------

function renderSla(report) {
  const weeks = report.weeks;
  const share = (field) => weeks.map((w) => (w[field] === undefined ? null : Number(w[field])));
  draw($('sla-chart'), overTime(weeks.map((w) => format.shortDate(w.week)), [
    ['Accepted in time', share('acceptedInTimeShare'), '#2563eb'],
    ['Contacted in time', share('contactedInTimeShare'), '#059669'],
  ], { name: 'Offers', values: weeks.map((w) => w.offers) }),
  `SLA compliance by week: ${weeks.filter((w) => w.offers > 0).map((w) =>
    `week of ${format.shortDate(w.week)}: ${w.offers} offers, ${format.share(w.acceptedInTimeShare)} accepted in time`).join('; ') || 'no offers'}`);
  fill($('sla-table'), table([
    { label: 'Week of', value: (w) => format.date(w.week), header: true },
    { label: 'Offers', value: (w) => format.count(w.offers), numeric: true },
    { label: 'Accepted in time', value: (w) => `${format.share(w.acceptedInTimeShare)} (${w.acceptedInTime}/${w.answered})`, numeric: true },
    { label: 'Contacted in time', value: (w) => format.share(w.contactedInTimeShare), numeric: true },
    { label: 'Withdrawals', value: (w) => format.count(w.withdrawals), numeric: true },
  ], weeks.filter((w) => w.offers > 0), { caption: 'SLA compliance by week', empty: 'No offers in this period.' }));
}

// --- Campaign ROI ----------------------------------------------------------------------------------

function renderCampaigns(report) {
  fill($('campaigns-table'), table([
    {
      label: 'Campaign',
      header: true,
      value: (r) => (r.campaign
        ? [el('span', { class: 'strong' }, r.name ?? r.campaign), el('span', { class: 'code' }, r.campaign)]
        : el('span', { class: 'muted' }, 'No campaign')),
    },
    { label: 'Channel', value: (r) => r.channel ?? format.NONE },
    { label: 'Leads', value: (r) => format.count(r.leads), numeric: true },
    { label: 'Followed up', value: (r) => format.count(r.followedUp), numeric: true },
    { label: 'Won', value: (r) => format.count(r.won), numeric: true },
    { label: 'Lost', value: (r) => format.count(r.lost), numeric: true },
    { label: 'Pending', value: (r) => format.count(r.pending), numeric: true },
    { label: 'Cost', value: (r) => format.money(r.cost, r.currency), numeric: true },
    {
      label: 'Won value',
      numeric: true,
      value: (r) => format.moneys([{ currency: r.currency, amount: r.wonValue }, ...(r.wonValueOtherCurrencies ?? [])]),
    },
    { label: 'Cost per lead', value: (r) => format.money(r.costPerLead, r.currency), numeric: true },
    {
      label: 'ROI',
      numeric: true,
      value: (r) => el('span', { class: r.roi === undefined ? '' : Number(r.roi) >= 0 ? 'good' : 'bad' }, format.roi(r.roi)),
    },
  ], report.campaigns, { caption: 'Campaign ROI', empty: 'No leads in this period.' }));
}

// --- Partner scorecard -----------------------------------------------------------------------------

$('scorecard-partner').addEventListener('change', () => section('scorecard-card', () => loadScorecard(chosenFilters())));

async function loadScorecard(filters) {
  const partnerId = isPartner() ? state.me.partnerId : $('scorecard-partner').value;
  if (!partnerId) {
    fill($('scorecard'), el('p', { class: 'muted' }, 'No partners yet.'));
    return;
  }
  const card = await getJson(withQuery(`api/reports/partners/${encodeURIComponent(partnerId)}`,
    without(filters, 'partner', 'tier', 'groupBy')));
  const step = (name) => card.funnel.find((s) => s.step === name);
  const wonValue = card.pipeline.opportunities.filter((o) => o.stage === 'WON')
    .map((o) => ({ currency: o.currency, amount: o.value }));
  const stat = (name, value, note) => el('div', { class: 'stat' },
    el('dt', {}, name), el('dd', {}, el('span', { class: 'stat-value' }, value), note ? el('span', { class: 'stat-note' }, note) : null));
  const standing = card.standing.standing;
  fill($('scorecard'),
    el('div', { class: 'scorecard-head' },
      el('h3', {}, card.partner.name),
      el('span', { class: `badge tier-${card.partner.tier.toLowerCase()}` }, format.label(card.partner.tier)),
      el('span', { class: `badge standing-${standing.toLowerCase()}` }, `${format.label(standing)} standing`),
      card.partner.status !== 'ACTIVE' ? el('span', { class: 'badge' }, format.label(card.partner.status)) : null),
    el('dl', { class: 'stats' },
      stat('Leads offered', format.count(step('RECEIVED')?.leads)),
      stat('Accepted', format.count(step('ACCEPTED')?.leads), format.share(step('ACCEPTED')?.fromReceived)),
      stat('Won', format.count(step('WON')?.leads), format.moneys(wonValue)),
      stat('Accepted in time', format.share(card.sla.acceptedInTimeShare),
        `${card.sla.acceptedInTime} of ${card.sla.answered}`),
      stat('Contacted in time', format.share(card.sla.contactedInTimeShare),
        `${card.sla.contactedInTime} of ${card.sla.contactedInTime + card.sla.contactSlaMissed}`),
      stat('Median time to accept', format.hoursOf(card.sla.hoursToAccept?.median)),
      stat('Median time to contact', format.hoursOf(card.sla.hoursToFirstContact?.median)),
      stat('Leads held', format.count(card.pipeline.leads)),
      stat('Strikes', format.count(card.strikes.total),
        card.strikes.byKind.map((s) => `${format.label(s.kind)}: ${s.strikes}`).join(', ') || 'none in the period')),
    el('div', { id: 'partner-calendar', class: 'partner-calendar' }));
  await loadPartnerCalendar(partnerId);
}

// --- The partner's working calendar and closures (working-time SLAs count with them) ----------------

const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];

/** Channel managers and the partner's own users may change the partner's closures; the server decides. */
function mayChangeCalendar(partnerId) {
  return state.me?.role === 'CHANNEL_MANAGER' || (isPartner() && state.me.partnerId === partnerId);
}

async function loadPartnerCalendar(partnerId) {
  const path = `api/partners/${encodeURIComponent(partnerId)}`;
  const [calendar, closures] = await Promise.all([getJson(`${path}/calendar`), getJson(`${path}/closures`)]);
  const days = calendar.workingDays.length === 5 && calendar.workingDays.every((d, i) => d === WEEKDAYS[i])
    ? 'Monday to Friday' : calendar.workingDays.map((d) => format.label(d)).join(', ');
  const holidays = calendar.country
    ? `public holidays of ${[calendar.country, calendar.region].filter(Boolean).join(' · ')}` : 'no public holidays';
  const note = el('p', { class: 'message error', hidden: true });
  const editable = mayChangeCalendar(partnerId);
  const remove = (closure) => el('button', {
    type: 'button',
    class: 'button small',
    'aria-label': `Remove closure ${closure.firstDay} to ${closure.lastDay}`,
    onclick: async () => {
      try {
        await sendJson('DELETE', `${path}/closures/${closure.id}`);
        await loadPartnerCalendar(partnerId);
      } catch (error) {
        failed(error, note);
      }
    },
  }, 'Remove');
  const columns = [
    { label: 'From', value: (c) => format.date(c.firstDay) },
    { label: 'To', value: (c) => format.date(c.lastDay) },
    { label: 'Reason', value: (c) => c.reason ?? format.NONE },
    ...(editable ? [{ label: 'Remove', value: remove }] : []),
  ];
  const form = editable ? el('form', {
    class: 'closure-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const fields = event.target.elements;
      try {
        await sendJson('POST', `${path}/closures`, {
          firstDay: fields.firstDay.value || null,
          lastDay: fields.lastDay.value || null,
          reason: fields.reason.value.trim() || null,
        });
        await loadPartnerCalendar(partnerId);
      } catch (error) {
        failed(error, note);
      }
    },
  },
  el('div', { class: 'field inline' }, el('label', { for: 'closure-first' }, 'Closed from'),
    el('input', { id: 'closure-first', name: 'firstDay', type: 'date', required: true })),
  el('div', { class: 'field inline' }, el('label', { for: 'closure-last' }, 'to'),
    el('input', { id: 'closure-last', name: 'lastDay', type: 'date', required: true })),
  el('div', { class: 'field inline' }, el('label', { for: 'closure-reason' }, 'Reason'),
    el('input', { id: 'closure-reason', name: 'reason', type: 'text', maxlength: 200 })),
  el('button', { type: 'submit', class: 'button small' }, 'Add closure')) : null;
  fill($('partner-calendar'),
    el('h4', {}, 'Working calendar'),
    el('p', { class: 'muted', id: 'partner-calendar-summary' },
      `${days}, ${calendar.opens.slice(0, 5)}–${calendar.closes.slice(0, 5)} ${calendar.timeZone}, ${holidays}`,
      calendar.source === 'VENDOR' ? ' (the vendor\'s calendar: the partner has none of its own)' : ''),
    el('div', { class: 'table-wrap', id: 'partner-closures' },
      table(columns, closures, { caption: 'Closures', empty: 'No closures entered.' })),
    form,
    note);
}

// --- Leaderboard -----------------------------------------------------------------------------------

$('leaderboard-scope').addEventListener('change', () => section('leaderboard-card', () => loadLeaderboard(chosenFilters())));

async function loadLeaderboard(filters) {
  const scope = $('leaderboard-scope').value;
  const parameters = { ...without(filters, 'groupBy', 'partner'), scope };
  if (scope === 'reps' && filters.partner) {
    parameters.partner = filters.partner;
  }
  const board = await getJson(withQuery('api/reports/leaderboard', parameters));
  const partnerOf = (row) => row.partnerName ?? (row.partnerId ? partnerName(row.partnerId) : 'Another partner');
  const mine = (row) => isPartner() && row.partnerId === state.me.partnerId;
  const columns = [
    { label: 'Rank', value: (r) => r.rank, numeric: true },
    ...(scope === 'reps'
      ? [{ label: 'Rep', value: (r) => [r.firstName, r.lastName].filter(Boolean).join(' ') || r.rep || format.NONE, header: false }]
      : []),
    { label: 'Partner', value: partnerOf },
    { label: 'Tier', value: (r) => format.label(r.tier) },
    { label: 'Points', value: (r) => format.count(r.points), numeric: true },
    { label: 'Wins', value: (r) => format.count(r.wins), numeric: true },
    { label: 'On time', value: (r) => format.share(r.onTimeRate), numeric: true },
  ];
  const rendered = table(columns, board.rows, { caption: 'Leaderboard', empty: 'No points earned in this period.' });
  board.rows.forEach((row, index) => {
    if (mine(row)) {
      rendered.tBodies[0].rows[index].classList.add('mine');
    }
  });
  fill($('leaderboard-table'), rendered);
}

// --- Leads and a lead's timeline -------------------------------------------------------------------

$('leads-status').addEventListener('change', () => {
  state.leadsPage = 0;
  section('leads-card', () => loadLeads(chosenFilters()));
});
$('leads-previous').addEventListener('click', () => {
  state.leadsPage = Math.max(0, state.leadsPage - 1);
  section('leads-card', () => loadLeads(chosenFilters()));
});
$('leads-next').addEventListener('click', () => {
  state.leadsPage += 1;
  section('leads-card', () => loadLeads(chosenFilters()));
});

/** The parameters GET /api/leads knows: the list has no period, tier, region, industry or product filter. */
function leadParameters(filters) {
  return {
    partner: filters.partner, segment: filters.segment, country: filters.country, campaign: filters.campaign,
    status: $('leads-status').value,
  };
}

async function loadLeads(filters) {
  const page = await getJson(withQuery('api/leads', { ...leadParameters(filters), page: state.leadsPage, size: LEADS_PER_PAGE }));
  fill($('leads-table'), table([
    { label: 'Lead', value: (l) => el('a', { href: `#lead/${Number(l.id)}` }, `#${l.id}`), header: true },
    { label: 'Account', value: (l) => l.account?.name ?? format.NONE },
    { label: 'Country', value: (l) => [l.account?.country, l.account?.region].filter(Boolean).join(' · ') || format.NONE },
    { label: 'Segment', value: (l) => format.label(l.segment) },
    { label: 'Product', value: (l) => l.product ?? format.NONE },
    { label: 'Campaign', value: (l) => l.campaign ?? format.NONE },
    { label: 'Partner', value: (l) => partnerName(l.partnerId) ?? format.NONE },
    { label: 'Status', value: (l) => el('span', { class: `status status-${l.status.toLowerCase()}` }, format.label(l.status)) },
    { label: 'Received', value: (l) => format.date(l.createdAt) },
  ], page.items, { caption: 'Leads', empty: 'No leads match these filters.' }));
  const first = page.total === 0 ? 0 : page.page * page.size + 1;
  const last = Math.min(page.total, (page.page + 1) * page.size);
  $('leads-range').textContent = `${format.count(first)}–${format.count(last)} of ${format.count(page.total)}`;
  $('leads-previous').disabled = page.page === 0;
  $('leads-next').disabled = last >= page.total;
}

async function showLead(id) {
  const view = $('lead-view');
  view.dataset.state = 'loading';
  const paragraph = view.querySelector(':scope > .message');
  message(paragraph, null);
  fill($('lead-facts'));
  fill($('lead-timeline'));
  fill($('lead-task'));
  fill($('lead-account-link'));
  fill($('lead-reassign'));
  $('lead-reassign').hidden = true;
  $('lead-title').textContent = `Lead #${id}`;
  $('lead-subtitle').textContent = '';
  $('lead-status').textContent = '';
  try {
    const lead = await getJson(`api/leads/${id}`);
    renderLead(lead);
    await linkAccount(lead.account);
    await showReassign(lead, state.me, { failed, reload: () => showLead(id) }).catch((error) => {
      if (error instanceof Unauthorized) {
        throw error;
      }
      // Otherwise no form: the lead view stands without it.
    });
    view.dataset.state = 'ready';
    $('lead-title').setAttribute('tabindex', '-1');
    $('lead-title').focus();
    await showTasks(id);
  } catch (error) {
    view.dataset.state = 'error';
    failed(error, paragraph);
  }
}

function renderLead(lead) {
  const account = lead.account ?? {};
  const contact = lead.contact;
  $('lead-title').textContent = account.name ?? `Lead #${lead.id}`;
  $('lead-subtitle').textContent = `Lead #${lead.id} · ${lead.product ?? ''} · received ${format.when(lead.createdAt)}`;
  const status = $('lead-status');
  status.textContent = format.label(lead.status);
  status.className = `status status-${lead.status.toLowerCase()}`;
  const fact = (name, value) => (value === undefined || value === null || value === ''
    ? null : [el('dt', {}, name), el('dd', {}, value)]);
  fill($('lead-facts'),
    fact('Partner', partnerName(lead.partnerId)),
    fact('Rep', lead.repUsername),
    fact('Segment', lead.segment ? `${format.label(lead.segment)}${lead.grade ? `, grade ${lead.grade}` : ''}` : null),
    fact('Route', lead.route ? format.label(lead.route) : null),
    fact('Campaign', lead.campaign),
    fact('Source', `${lead.source} · ${lead.externalId}`),
    fact('Place', [account.country, account.region].filter(Boolean).join(' · ')),
    fact('Industry', account.industry),
    fact('Employees', account.employees ? format.count(account.employees) : null),
    fact('Deadline', lead.sla ? `${format.label(lead.sla.kind)} by ${format.when(lead.sla.dueAt)}${
      lead.sla.partnerTimeZone ? ` (partner's time: ${format.whenIn(lead.sla.dueAt, lead.sla.partnerTimeZone)})` : ''}` : null),
    fact('Contact', contact ? [`${contact.firstName} ${contact.lastName}`, contact.title ? `, ${contact.title}` : '',
      contact.email ? ` · ${contact.email}` : ''].join('') : null),
    fact('Outcome', lead.outcomeReason ? format.label(lead.outcomeReason) : null));
  fill($('lead-timeline'), (lead.events ?? []).map((event) => el('li', {},
    el('time', { datetime: event.at }, format.when(event.at)),
    el('span', { class: 'event' }, format.label(event.type)),
    el('span', { class: 'muted' }, [event.actor, partnerName(event.partnerId)].filter(Boolean).join(' · ')),
    event.detail ? el('p', { class: 'detail' }, event.detail) : null)));
}

/** A link from the lead to its account's page, found by the account's domain. */
async function linkAccount(account) {
  if (!account?.domain) {
    return;
  }
  try {
    const found = await getJson(withQuery('api/accounts', { domain: account.domain, size: 100 }));
    const match = found.items.find((a) => a.domain === account.domain);
    if (match) {
      fill($('lead-account-link'), el('a', { href: `#account/${Number(match.id)}`, id: 'account-link' },
        `Everything about ${match.name}`));
    }
  } catch (error) {
    if (error instanceof Unauthorized) {
      failed(error);
    }
    // Otherwise no link: the lead view stands without it.
  }
}

async function showAccount(id) {
  const view = $('account-view');
  view.dataset.state = 'loading';
  const paragraph = view.querySelector(':scope > .message');
  message(paragraph, null);
  for (const part of ['account-facts', 'account-won', 'account-next', 'account-leads', 'account-timeline']) {
    fill($(part));
  }
  $('account-title').textContent = `Account #${id}`;
  $('account-subtitle').textContent = '';
  try {
    renderAccount(await getJson(`api/accounts/${id}`));
    view.dataset.state = 'ready';
    $('account-title').setAttribute('tabindex', '-1');
    $('account-title').focus();
  } catch (error) {
    view.dataset.state = 'error';
    failed(error, paragraph);
  }
}

/** The account: what it bought (as booked and in the reporting currency), its leads and deals, one timeline. */
function renderAccount(account) {
  $('account-title').textContent = account.name;
  $('account-subtitle').textContent = [account.domain, account.country, account.industry].filter(Boolean).join(' · ');
  const fact = (name, value) => (value === undefined || value === null || value === ''
    ? null : [el('dt', {}, name), el('dd', {}, value)]);
  fill($('account-facts'),
    fact('Employees', account.employees ? format.count(account.employees) : null),
    fact('Contacts', account.contacts.map((c) => `${c.firstName} ${c.lastName}${c.email ? ` · ${c.email}` : ''}`)
      .join('; ')));
  fill($('account-won'), table([
    { label: 'Products', value: (w) => (w.products ?? []).join(', ') || format.NONE, header: true },
    { label: 'Won', value: (w) => format.date(w.wonAt) },
    { label: 'Value', value: (w) => format.money(w.value, w.currency), numeric: true },
    { label: 'In reporting currency',
      numeric: true,
      value: (w) => (w.valueInReportingCurrency === undefined ? `no exchange rate for ${w.wonAt.slice(0, 7)}`
        : format.money(w.valueInReportingCurrency, w.reportingCurrency)) },
    { label: 'Partner', value: (w) => partnerName(w.partnerId) ?? format.NONE },
  ], account.won, { caption: 'Won deals', empty: 'Nothing won yet.' }));
  fill($('account-deals'), table([
    { label: 'Products', value: (d) => (d.products ?? []).join(', ') || format.NONE, header: true },
    { label: 'Partner', value: (d) => d.partnerName ?? partnerName(d.partnerId) ?? format.NONE },
    { label: 'Status', value: (d) => (d.stage && d.status === 'APPROVED' ? `${d.status} · ${d.stage}` : d.status) },
    { label: 'Amount', value: (d) => format.money(d.amount, d.currency), numeric: true },
    { label: 'Registered', value: (d) => format.date(d.registeredAt) },
    { label: 'Protected until', value: (d) => (d.protectedUntil ? format.date(d.protectedUntil) : format.NONE) },
  ], account.deals ?? [], { caption: 'Deals registered by partners', empty: 'No deal registered.' }));
  fill($('account-next'), table([
    { label: 'Bought', value: (b) => b.productBought, header: true },
    { label: 'Next', value: (b) => b.followOnProduct },
    { label: 'From', value: (b) => format.date(b.dueOn) },
    { label: 'Kept by', value: (b) => `${partnerName(b.partnerId) ?? format.NONE} (${b.protectionDays} days)` },
    { label: 'Follow-on lead',
      value: (b) => (b.followOnLeadId ? el('a', { href: `#lead/${Number(b.followOnLeadId)}` }, `#${b.followOnLeadId}`)
        : 'not created yet') },
  ], account.buyAgain, { caption: 'Follow-on purchases', empty: 'No follow-on in the table for what they bought.' }));
  const opportunityOf = (lead) => account.opportunities.find((o) => o.leadId === lead.id);
  fill($('account-leads'), table([
    { label: 'Lead', value: (l) => el('a', { href: `#lead/${Number(l.id)}` }, `#${l.id}`), header: true },
    { label: 'Status', value: (l) => format.label(l.status) },
    { label: 'Product', value: (l) => l.product },
    { label: 'Follow-on of', value: (l) => (l.followOn
      ? el('span', { class: 'follow-on' }, 'Follow-on of ',
        el('a', { href: `#lead/${Number(l.followOnOf.wonLeadId)}` }, `#${l.followOnOf.wonLeadId}`),
        ` (${l.followOnOf.productBought} bought)`)
      : format.NONE) },
    { label: 'Partner', value: (l) => l.partnerName ?? format.NONE },
    { label: 'Rep', value: (l) => l.repUsername ?? format.NONE },
    { label: 'Opportunity', value: (l) => {
      const o = opportunityOf(l);
      return o ? `${format.label(o.stage)} · ${format.money(o.finalAmount ?? o.amount, o.currency)}` : format.NONE;
    } },
    { label: 'Received', value: (l) => format.date(l.createdAt) },
  ], account.leads, { caption: 'Leads', empty: 'No leads.' }));
  fill($('account-timeline'), account.timeline.map((event) => el('li', {},
    el('time', { datetime: event.at }, format.when(event.at)),
    el('span', { class: 'event' }, `${format.label(event.type)} · lead #${event.leadId}`),
    el('span', { class: 'muted' }, [event.actor, partnerName(event.partnerId)].filter(Boolean).join(' · ')),
    event.detail ? el('p', { class: 'detail' }, event.detail) : null)));
}

/**
 * The lead's open tasks, with links into Tasklist. Camunda's own REST API answers with the
 * tasks this user may see (a partner rep its partner's; a partner CRM's credential none).
 */
async function showTasks(id) {
  try {
    const tasks = await getJson(withQuery('engine-rest/task', { processInstanceBusinessKey: id }));
    fill($('lead-task'), tasks.map((task) => el('a', {
      class: 'button primary task-link',
      href: `camunda/app/tasklist/default/#/?task=${encodeURIComponent(task.id)}`,
      target: '_blank',
      rel: 'noopener',
    }, `Open “${task.name}” in Tasklist`)));
  } catch (error) {
    if (error instanceof Unauthorized) {
      failed(error);
    }
    // Otherwise no task to link to: the lead view stands without it.
  }
}

// --- CSV downloads ---------------------------------------------------------------------------------

const CSV = {
  pipeline: (filters) => withQuery('api/reports/pipeline', { ...filters, format: 'csv' }),
  funnel: (filters) => withQuery('api/reports/funnel', { ...without(filters, 'groupBy'), format: 'csv' }),
  sla: (filters) => withQuery('api/reports/sla/weekly', { ...without(filters, 'groupBy'), format: 'csv' }),
  campaigns: (filters) => withQuery('api/reports/campaigns', { ...without(filters, 'groupBy'), format: 'csv' }),
  scorecard: (filters) => withQuery(`api/reports/partners/${encodeURIComponent(
    isPartner() ? state.me.partnerId : $('scorecard-partner').value)}`,
  { ...without(filters, 'partner', 'tier', 'groupBy'), format: 'csv' }),
  leaderboard: (filters) => {
    const scope = $('leaderboard-scope').value;
    return withQuery('api/reports/leaderboard', {
      ...without(filters, 'groupBy', 'partner'), scope, partner: scope === 'reps' ? filters.partner : null, format: 'csv',
    });
  },
  leads: (filters) => withQuery('api/leads', { ...leadParameters(filters), format: 'csv' }),
};

for (const button of document.querySelectorAll('button[data-csv]')) {
  const report = button.dataset.csv;
  button.setAttribute('aria-label', `Download ${button.closest('section').querySelector('h2').textContent} as CSV`);
  button.addEventListener('click', async () => {
    const card = button.closest('section');
    const paragraph = card.querySelector(':scope > .message');
    button.disabled = true;
    try {
      const name = await downloadCsv(CSV[report](chosenFilters()));
      button.dataset.downloaded = name;
      message(paragraph, null);
      announce(`Downloaded ${name}.`);
    } catch (error) {
      failed(error, paragraph);
    } finally {
      button.disabled = false;
    }
  });
}

// --- Start -----------------------------------------------------------------------------------------

window.addEventListener('hashchange', () => {
  if (state.me) {
    route();
  }
});

if (hasCredentials()) {
  start().catch((error) => {
    if (error instanceof Unauthorized) {
      showLogin('Please sign in again.');
    } else {
      showLogin();
      failed(error, $('login-message'));
    }
  });
} else {
  showLogin();
}
