// How the dashboard writes numbers, money, shares, dates and the lifecycle's names.

const locale = undefined; // the browser's
const whole = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
const hours = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });
const signedPercent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0, signDisplay: 'exceptZero' });
const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const shortDay = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });

export const NONE = '–';

export function count(value) {
  return value === undefined || value === null ? NONE : whole.format(value);
}

/** 0.667 → "67 %" (locale's way); left out → "–". */
export function share(value) {
  return value === undefined || value === null ? NONE : percent.format(value);
}

/** An ROI of 1.5 → "+150 %". */
export function roi(value) {
  return value === undefined || value === null ? NONE : signedPercent.format(value);
}

export function money(amount, currency) {
  if (amount === undefined || amount === null) {
    return NONE;
  }
  try {
    return new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${currency} ${whole.format(amount)}`;
  }
}

/** [{currency: 'EUR', amount: 1200}, ...] → "€1,200 · $900"; nothing → "–". */
export function moneys(amounts) {
  const written = amounts.filter((m) => m.amount !== null && m.amount !== undefined)
    .map((m) => money(m.amount, m.currency));
  return written.length ? written.join(' · ') : NONE;
}

export function hoursOf(value) {
  return value === undefined || value === null ? NONE : `${hours.format(value)} h`;
}

/** An ISO instant or date → "3 May 2026" (UTC, as the reports count days). */
export function date(iso) {
  return iso ? day.format(new Date(iso)) : NONE;
}

export function shortDate(iso) {
  return iso ? shortDay.format(new Date(iso)) : NONE;
}

/** An ISO instant → local date and time. */
export function when(iso) {
  return iso ? moment.format(new Date(iso)) : NONE;
}

/**
 * An ISO instant in a partner's own time zone, with the zone's name: "Mon 7 Dec, 16:00 America/New_York".
 * The dashboard shows every other time in the viewer's zone.
 */
export function whenIn(iso, zone) {
  if (!iso || !zone) {
    return NONE;
  }
  const local = new Intl.DateTimeFormat(undefined, {
    weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone,
  });
  return `${local.format(new Date(iso))} ${zone}`;
}

const ACRONYMS = new Set(['SMB', 'SLA', 'CRM', 'ROI']);

/** "INSIDE_SALES" → "Inside sales", "MID_MARKET" → "Mid-market", "ACCEPT_SLA_MISSED" → "Accept SLA missed". */
export function label(code) {
  if (!code) {
    return NONE;
  }
  if (code === 'MID_MARKET') {
    return 'Mid-market';
  }
  const words = code.split('_').map((word) => (ACRONYMS.has(word) ? word : word.toLowerCase())).join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
