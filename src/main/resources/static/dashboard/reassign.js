// On a lead's page: the partner's lead managers and channel managers give the lead to another rep of
// the partner, with a note that goes on the lead's timeline (POST /api/leads/{id}/reassign-rep). Reps
// are not offered the form; the server refuses them anyway.

import { ApiError, getJson, sendJson } from './api.js';
import { el, fill, message } from './dom.js';

const $ = (id) => document.getElementById(id);

/** The statuses in which a lead is held by a rep or offered to one, as reassign-rep takes them. */
const MOVABLE = ['OFFERED', 'ACCEPTED', 'CONTACTED', 'OPPORTUNITY'];

/** Channel managers, and the lead managers of the partner that holds the lead. */
export function mayReassign(lead, me) {
  if (!lead.partnerId || !MOVABLE.includes(lead.status)) {
    return false;
  }
  return me.role === 'CHANNEL_MANAGER'
    || (me.role === 'PARTNER' && me.partnerRole === 'LEAD_MANAGER' && me.partnerId === lead.partnerId);
}

/**
 * Shows the form under the lead's facts, or hides it for a caller who may not move the lead.
 * reload() shows the lead again after a move, so that its timeline has the move.
 */
export async function showReassign(lead, me, { failed, reload }) {
  const card = $('lead-reassign');
  fill(card);
  card.hidden = true;
  if (!mayReassign(lead, me)) {
    return;
  }
  const people = await getJson(`api/partners/${encodeURIComponent(lead.partnerId)}/reps`);
  const others = people.filter((p) => p.username !== lead.repUsername);
  if (others.length === 0) {
    return;
  }
  const note = el('p', { class: 'message error', role: 'alert', id: 'reassign-message', hidden: true });
  const form = el('form', {
    id: 'reassign-form',
    class: 'reassign-form',
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      const fields = event.target.elements;
      message(note, null);
      for (const field of [fields.rep, fields.note]) {
        field.removeAttribute('aria-invalid');
      }
      try {
        await sendJson('POST', `api/leads/${Number(lead.id)}/reassign-rep`, {
          rep: fields.rep.value || null, note: fields.note.value.trim() || null,
        });
        await reload();
      } catch (error) {
        if (error instanceof ApiError && error.status === 400) {
          for (const problem of error.errors) {
            fields[problem.field]?.setAttribute('aria-invalid', 'true');
          }
        }
        failed(error, note);
      }
    },
  },
  el('div', { class: 'field' }, el('label', { for: 'reassign-rep' }, 'Give the lead to'),
    el('select', { id: 'reassign-rep', name: 'rep' }, others.map((p) => el('option', { value: p.username },
      `${[p.firstName, p.lastName].filter(Boolean).join(' ') || p.username} (${p.username})`)))),
  el('div', { class: 'field' }, el('label', { for: 'reassign-note' }, 'Note (why; shown on the timeline)'),
    el('textarea', { id: 'reassign-note', name: 'note', rows: 2, maxlength: 1000, required: true })),
  note,
  el('button', { type: 'submit', class: 'button primary' }, 'Reassign'));
  fill(card, el('header', { class: 'card-head' }, el('h2', {}, 'Reassign to another rep')),
    lead.repUsername ? el('p', { class: 'muted' }, `Now with ${lead.repUsername}.`) : null, form);
  message(note, null);
  card.hidden = false;
}
