// The partner's deals: "Register a deal" (POST /api/deals, the same checks as Tasklist's start form;
// the partner comes from the login, never from the page) and the list of the partner's registrations
// with status, stage and protection (GET /api/deals: a partner user gets its own, a vendor user all).

import { ApiError, getJson, sendJson, withQuery } from './api.js';
import { el, fill, message, table } from './dom.js';
import * as format from './format.js';

const $ = (id) => document.getElementById(id);

/** Shows the deals page; {@code failed} is the dashboard's handler of a failed call (401 → login). */
export async function showDeals({ partner, partnerName, failed }) {
  const view = $('deals-view');
  view.dataset.state = 'loading';
  $('deal-register').hidden = !partner;
  const paragraph = $('deals-message');
  message(paragraph, null);
  try {
    await loadDeals(partnerName);
    view.dataset.state = 'ready';
  } catch (error) {
    view.dataset.state = 'error';
    failed(error, paragraph);
  }
}

async function loadDeals(partnerName) {
  const status = $('deals-status').value;
  const deals = await getJson(withQuery('api/deals', { status, limit: 200 }));
  fill($('deals-list'), table([
    { label: 'Deal', value: (d) => `#${d.id}`, header: true },
    { label: 'Company', value: (d) => d.accountName },
    { label: 'Products', value: (d) => (d.products ?? []).join(', ') },
    { label: 'Status', value: (d) => el('span', { class: 'deal-status' }, format.label(d.status)) },
    { label: 'Stage', value: (d) => (d.pipeline?.stage ? format.label(d.pipeline.stage) : format.NONE) },
    { label: 'Amount', value: (d) => format.money(d.pipeline?.finalAmount ?? d.amount, d.currency), numeric: true },
    { label: 'Protected until', value: (d) => (d.protectedUntil ? format.date(d.protectedUntil) : format.NONE) },
    { label: 'Partner', value: (d) => partnerName(d.partnerId) ?? format.NONE },
    { label: 'Reason', value: (d) => d.reason ?? d.pipeline?.lostReason ?? format.NONE },
  ], deals, { caption: 'Registered deals', empty: 'No deals registered yet.' }));
}

/** The form's fields as POST /api/deals takes them. */
function request(form) {
  const value = (name) => form.elements[name].value.trim();
  const optional = (name) => value(name) || undefined;
  const amount = value('amount');
  return {
    account: { name: value('accountName'), domain: value('accountDomain'), country: value('accountCountry'),
      industry: optional('accountIndustry') },
    contact: { firstName: value('contactFirstName'), lastName: value('contactLastName'),
      email: value('contactEmail'), phone: optional('contactPhone'), title: optional('contactTitle') },
    products: value('products').split(',').map((p) => p.trim()).filter(Boolean),
    amount: amount === '' ? null : Number(amount),
    currency: value('currency'),
    expectedCloseDate: value('expectedCloseDate') || null,
    foundHow: value('foundHow'),
  };
}

/** The API's field names ("account.domain") as the form's ("accountDomain"). */
function formField(field) {
  const [head, tail] = field.split('.');
  if (!tail) {
    return head.replace(/\[\d*]$/, '');
  }
  return head + tail.charAt(0).toUpperCase() + tail.slice(1);
}

export function setUpDealForm({ partnerName, failed }) {
  const form = $('deal-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const field of form.querySelectorAll('[aria-invalid]')) {
      field.removeAttribute('aria-invalid');
    }
    const box = $('deal-form-message');
    message(box, null);
    box.classList.remove('error');
    try {
      const deal = await sendJson('POST', 'api/deals', request(form));
      form.reset();
      fill(box, `Deal #${deal.id} for ${deal.accountName} registered: ${format.label(deal.status)}.`
        + (deal.reason ? ` ${deal.reason}` : ''));
      box.hidden = false;
      await loadDeals(partnerName);
    } catch (error) {
      if (error instanceof ApiError && error.errors.length) {
        for (const problem of error.errors) {
          form.elements[formField(problem.field)]?.setAttribute('aria-invalid', 'true');
        }
        box.classList.add('error');
        fill(box, el('strong', {}, 'Please check the deal. '),
          [...new Set(error.errors.map((e) => `${formField(e.field)}: ${e.message}`))].join('; '));
        box.hidden = false;
      } else {
        box.classList.add('error');
        failed(error, box);
      }
    }
  });
  $('deals-status').addEventListener('change', () => loadDeals(partnerName).catch((error) => failed(error,
    $('deals-message'))));
}
