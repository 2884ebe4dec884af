// The partner's team page (#team, #team/<partnerId>): its reps and lead managers with role, open leads
// against capacity, absence and stand-in, their profiles and figures, and how the partner dispatches.
// The partner's lead managers and channel managers change profiles and dispatch, channel managers
// also roles; a rep sees its own row only. The server decides every one of these: the page only
// leaves out the controls a caller may not use.

import { ApiError, getJson, sendJson, withQuery } from './api.js';
import { el, fill, message, table } from './dom.js';
import * as format from './format.js';

const $ = (id) => document.getElementById(id);

/** The profile's list fields, as the API names them, with their labels and how they are written. */
const LISTS = [
  ['countries', 'Countries', 'e.g. US, CA', (v) => v.toUpperCase()],
  ['regions', 'Regions', 'e.g. US-CA, US-WA', (v) => v.toUpperCase()],
  ['products', 'Products', 'e.g. Cloud Platform', (v) => v],
  ['industries', 'Industries', 'e.g. Retail, Healthcare', (v) => v],
  ['languages', 'Languages', 'e.g. en, de', (v) => v],
];

/**
 * Shows the team of a partner. context: { me, partners (id → name), failed(error, paragraph),
 * periodFilters (from, to) }; partnerId may be null for a vendor user, who then gets the first partner.
 */
export async function showTeam(partnerId, context) {
  const view = $('team-view');
  view.dataset.state = 'loading';
  const paragraph = view.querySelector(':scope > .message');
  message(paragraph, null);
  message($('team-role-message'), null);
  fill($('team-table'));
  fill($('team-dispatch'));
  closeProfile();
  const { me } = context;
  const own = me.role === 'PARTNER';
  const chosen = own ? me.partnerId : partnerId || [...context.partners.keys()][0];
  setUpPicker(own, chosen, context);
  if (!chosen) {
    view.dataset.state = 'ready';
    fill($('team-table'), el('p', { class: 'muted' }, 'No partners yet.'));
    return;
  }
  const plainRep = own && me.partnerRole === 'REP';
  $('team-title').textContent = plainRep ? 'My profile' : `Team of ${context.partners.get(chosen) ?? chosen}`;
  $('team-subtitle').textContent = plainRep ? 'Your profile and your figures; your lead managers change them'
    : 'Reps and lead managers, their load, profiles and figures';
  try {
    await load(chosen, context);
    view.dataset.state = 'ready';
  } catch (error) {
    view.dataset.state = 'error';
    context.failed(error, paragraph);
  }
}

function setUpPicker(own, chosen, context) {
  const picker = $('team-picker');
  picker.hidden = own;
  if (own) {
    return;
  }
  const select = $('team-partner');
  if (!select.dataset.filled) {
    select.dataset.filled = 'true';
    fill(select, [...context.partners].sort((a, b) => a[1].localeCompare(b[1]))
      .map(([id, name]) => el('option', { value: id }, name)));
    select.addEventListener('change', () => {
      location.hash = `#team/${encodeURIComponent(select.value)}`;
    });
  }
  select.value = chosen ?? '';
}

/** Channel managers, and the partner's own lead managers. */
function mayDispatch(partnerId, me) {
  return me.role === 'CHANNEL_MANAGER'
    || (me.role === 'PARTNER' && me.partnerRole === 'LEAD_MANAGER' && me.partnerId === partnerId);
}

async function load(partnerId, context) {
  const path = `api/partners/${encodeURIComponent(partnerId)}`;
  const [team, figures, dispatch] = await Promise.all([
    getJson(`${path}/team`),
    getJson(withQuery(`api/reports/partners/${encodeURIComponent(partnerId)}/reps`, context.periodFilters)),
    getJson(`${path}/dispatch`),
  ]);
  const editable = mayDispatch(partnerId, context.me);
  $('team-period').textContent = 'Open leads against capacity now; offers, accepts, contacts and wins from '
    + `${format.date(figures.period.from)} to ${format.date(figures.period.to)}`;
  renderDispatch(partnerId, dispatch, editable, context);
  renderTeam(partnerId, team.members, figures.reps, editable, context);
}

// --- Dispatch settings ---------------------------------------------------------------------------

function renderDispatch(partnerId, dispatch, editable, context) {
  const summary = `${dispatch.teamQueue ? 'Team queue on: reps also see the offers no rep holds'
    : 'Team queue off: a rep sees only the offers given to it'}; ${dispatch.manualDispatch
    ? 'lead managers dispatch every offer by hand' : 'offers go to reps by the rotation'}.`;
  if (!editable) {
    fill($('team-dispatch'), el('p', { class: 'muted', id: 'dispatch-summary' }, summary));
    return;
  }
  const note = el('p', { class: 'message error', role: 'alert', hidden: true });
  const check = (id, name, checked, text) => el('div', { class: 'check' },
    el('input', { id, name, type: 'checkbox', checked }), el('label', { for: id }, text));
  fill($('team-dispatch'), el('form', {
    id: 'dispatch-form',
    class: 'dispatch-form',
    onsubmit: async (event) => {
      event.preventDefault();
      const fields = event.target.elements;
      try {
        await sendJson('PUT', `api/partners/${encodeURIComponent(partnerId)}/dispatch`, {
          teamQueue: fields.teamQueue.checked, manualDispatch: fields.manualDispatch.checked,
        });
        await showTeam(partnerId, context);
        $('dispatch-saved').hidden = false;
      } catch (error) {
        context.failed(error, note);
      }
    },
  },
  el('h2', {}, 'How offers reach the reps'),
  el('p', { class: 'muted', id: 'dispatch-summary' }, summary),
  check('dispatch-team-queue', 'teamQueue', dispatch.teamQueue,
    'Team queue: every rep also sees the offers no rep holds'),
  check('dispatch-manual', 'manualDispatch', dispatch.manualDispatch,
    'Manual dispatch: the lead managers give every offer to a rep by hand'),
  el('button', { type: 'submit', class: 'button small primary' }, 'Save dispatch'),
  el('span', { class: 'muted', id: 'dispatch-saved', hidden: true }, ' Saved.'),
  note));
}

// --- The people ------------------------------------------------------------------------------------

function renderTeam(partnerId, members, figureRows, editable, context) {
  const figures = new Map(figureRows.map((r) => [r.username, r]));
  const changesRoles = context.me.role === 'CHANNEL_MANAGER';
  const name = (m) => [m.firstName, m.lastName].filter(Boolean).join(' ') || m.username;
  const list = (values) => (values?.length ? values.join(', ') : 'all');
  const columns = [
    { label: 'Name', header: true, value: (m) => [el('span', { class: 'strong' }, name(m)),
      el('span', { class: 'code' }, m.username)] },
    { label: 'Role', value: (m) => format.label(m.role) },
    { label: 'Open leads', numeric: true, value: (m) => (m.profile
      ? `${format.count(m.openLeads)} of ${format.count(m.profile.capacity)}` : format.count(m.openLeads)) },
    { label: 'Availability', value: (m) => availability(m) },
    { label: 'Territories', value: (m) => (m.profile
      ? list([...(m.profile.countries ?? []), ...(m.profile.regions ?? [])]) : format.NONE) },
    { label: 'Products', value: (m) => (m.profile ? list(m.profile.products) : format.NONE) },
    { label: 'Industries', value: (m) => (m.profile ? list(m.profile.industries) : format.NONE) },
    { label: 'Languages', value: (m) => (m.profile ? list(m.profile.languages) : format.NONE) },
    { label: 'Offers', numeric: true, value: (m) => format.count(figures.get(m.username)?.offers ?? 0) },
    { label: 'Accepted in time', numeric: true, value: (m) => {
      const f = figures.get(m.username);
      return f ? `${format.count(f.acceptedInTime)} of ${format.count(f.accepted)}` : format.NONE;
    } },
    { label: 'Contacted in time', numeric: true,
      value: (m) => format.count(figures.get(m.username)?.contactedInTime ?? 0) },
    { label: 'Won', numeric: true, value: (m) => format.count(figures.get(m.username)?.won ?? 0) },
  ];
  if (editable || changesRoles) {
    columns.push({ label: 'Change', value: (m) => el('div', { class: 'row-actions' },
      editable ? el('button', {
        type: 'button',
        class: 'button small',
        'data-edit': m.username,
        'aria-label': `Edit the profile of ${name(m)}`,
        onclick: () => openProfile(partnerId, m, context),
      }, 'Edit profile') : null,
      changesRoles ? roleButton(partnerId, m, name(m), context) : null) });
  }
  const rendered = table(columns, members, { caption: 'The partner\'s people', empty: 'No reps yet.' });
  members.forEach((m, index) => {
    rendered.tBodies[0].rows[index].dataset.rep = m.username;
  });
  fill($('team-table'), rendered);
}

function availability(member) {
  const p = member.profile;
  if (!p) {
    return 'No profile: gets no offers by the rotation';
  }
  if (p.awayFrom && p.awayUntil) {
    const standIn = p.standIn ? `, stand-in ${p.standIn}` : ', no stand-in';
    if (member.awayNow) {
      return `Away until ${format.when(p.awayUntil)}${standIn}`;
    }
    if (new Date(p.awayUntil) > new Date()) {
      return `Away from ${format.when(p.awayFrom)} to ${format.when(p.awayUntil)}${standIn}`;
    }
  }
  return 'Available';
}

/** Channel managers make a rep a lead manager, or a lead manager a rep again. */
function roleButton(partnerId, member, name, context) {
  const to = member.role === 'LEAD_MANAGER' ? 'REP' : 'LEAD_MANAGER';
  return el('button', {
    type: 'button',
    class: 'button small',
    'data-role': member.username,
    'aria-label': `Make ${name} ${to === 'REP' ? 'a rep' : 'a lead manager'}`,
    onclick: async () => {
      try {
        await sendJson('PUT', `api/partners/${encodeURIComponent(partnerId)}/reps/${
          encodeURIComponent(member.username)}/role`, { role: to });
        await showTeam(partnerId, context);
      } catch (error) {
        context.failed(error, $('team-role-message'));
      }
    },
  }, to === 'REP' ? 'Make rep' : 'Make lead manager');
}

// --- Editing a profile -----------------------------------------------------------------------------

function closeProfile() {
  fill($('profile-card'));
  $('profile-card').hidden = true;
}

/** The profile form of one person, filled with its profile (or a generalist's for a first profile). */
function openProfile(partnerId, member, context) {
  const p = member.profile ?? { capacity: 10 };
  const others = [...$('team-table').querySelectorAll('tbody tr[data-rep]')].map((row) => row.dataset.rep)
    .filter((username) => username !== member.username);
  const field = (name, label, input) => el('div', { class: 'field', 'data-field': name },
    el('label', { for: `pf-${name}` }, label), input,
    el('p', { class: 'field-error', id: `pf-${name}-error`, hidden: true }));
  const summary = el('div', { class: 'message error', role: 'alert', id: 'profile-errors', hidden: true });
  const form = el('form', {
    id: 'profile-form',
    class: 'profile-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      await saveProfile(partnerId, member, event.target, summary, context);
    },
  },
  field('capacity', 'Capacity (open leads at most)',
    el('input', { id: 'pf-capacity', name: 'capacity', type: 'number', min: 0, max: 10000, step: 1,
      value: p.capacity, 'aria-describedby': 'pf-capacity-error' })),
  LISTS.map(([name, label, hint]) => field(name, label, el('input', {
    id: `pf-${name}`, name, value: (p[name] ?? []).join(', '), placeholder: hint, spellcheck: 'false',
    'aria-describedby': `pf-${name}-error`,
  }))),
  field('awayFrom', 'Out of office from', el('input', { id: 'pf-awayFrom', name: 'awayFrom', type: 'datetime-local',
    value: localInput(p.awayFrom), 'aria-describedby': 'pf-awayFrom-error' })),
  field('awayUntil', 'Out of office until', el('input', { id: 'pf-awayUntil', name: 'awayUntil',
    type: 'datetime-local', value: localInput(p.awayUntil), 'aria-describedby': 'pf-awayUntil-error' })),
  field('standIn', 'Stand-in while away', el('select', { id: 'pf-standIn', name: 'standIn',
    'aria-describedby': 'pf-standIn-error' },
  el('option', { value: '' }, 'No stand-in'),
  others.map((username) => el('option', { value: username, selected: username === p.standIn }, username)))),
  summary,
  el('div', { class: 'actions' },
    el('button', { type: 'submit', class: 'button primary' }, 'Save profile'),
    el('button', { type: 'button', class: 'button', onclick: closeProfile }, 'Cancel')));
  const card = $('profile-card');
  fill(card, el('header', { class: 'card-head' },
    el('h2', { id: 'profile-title', tabindex: '-1' }, `Profile of ${member.username}`)), form);
  card.hidden = false;
  $('profile-title').focus();
}

async function saveProfile(partnerId, member, form, summary, context) {
  const fields = form.elements;
  const listOf = (name, write) => fields[name].value.split(',').map((v) => write(v.trim())).filter(Boolean);
  const body = { capacity: fields.capacity.value === '' ? null : Number(fields.capacity.value) };
  for (const [name, , , write] of LISTS) {
    body[name] = listOf(name, write);
  }
  body.awayFrom = instant(fields.awayFrom.value);
  body.awayUntil = instant(fields.awayUntil.value);
  body.standIn = fields.standIn.value || null;
  showProblems(form, summary, []);
  try {
    await sendJson('PUT', `api/partners/${encodeURIComponent(partnerId)}/reps/${
      encodeURIComponent(member.username)}/profile`, body);
    await showTeam(partnerId, context);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400 && error.errors.length) {
      showProblems(form, summary, error.errors);
    } else {
      context.failed(error, summary);
    }
  }
}

/**
 * Marks each field a 400 names, with its message under it, and lists them all above the buttons.
 * "countries[0]" is the field countries; "away" (the two dates together) marks both dates.
 */
function showProblems(form, summary, errors) {
  for (const node of form.querySelectorAll('[aria-invalid]')) {
    node.removeAttribute('aria-invalid');
  }
  for (const node of form.querySelectorAll('.field-error')) {
    message(node, null);
  }
  const byField = new Map();
  for (const problem of errors) {
    const base = String(problem.field ?? '').split(/[.[]/)[0];
    for (const name of base === 'away' ? ['awayFrom', 'awayUntil'] : [base]) {
      byField.set(name, [...(byField.get(name) ?? []), problem.message]);
    }
  }
  for (const [name, messages] of byField) {
    form.elements[name]?.setAttribute('aria-invalid', 'true');
    const under = form.querySelector(`#pf-${name}-error`);
    if (under) {
      message(under, [...new Set(messages)].join('; '));
    }
  }
  const lines = [...new Set(errors.map((e) => `${e.field}: ${e.message}`))];
  fill(summary, lines.length ? el('strong', {}, 'The profile was not saved. ') : null, lines.join('; '));
  summary.hidden = lines.length === 0;
}

/** An ISO instant → the value of a datetime-local field, in the browser's time zone. */
function localInput(iso) {
  if (!iso) {
    return null;
  }
  const at = new Date(iso);
  const pad = (n) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${
    pad(at.getMinutes())}`;
}

/** A datetime-local field's value (the browser's time zone) → an ISO instant; empty → null. */
function instant(value) {
  return value ? new Date(value).toISOString() : null;
}
