// Calls to Leadbridge's /api with HTTP Basic. The credentials typed at login are kept for this tab
// only (sessionStorage), are sent with every call and never put anywhere else; a 401 forgets them.

const CREDENTIALS = 'leadbridge.credentials';

/** The login was refused or has been forgotten: show the login form. */
export class Unauthorized extends Error {
  constructor() {
    super('Please sign in.');
  }
}

/** Any other refusal: the problem detail the API answered (title, detail, errors by field). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The server answered ${status}.`);
    this.status = status;
    this.errors = Array.isArray(problem.errors) ? problem.errors : [];
  }
}

export function hasCredentials() {
  return sessionStorage.getItem(CREDENTIALS) !== null;
}

export function remember(username, password) {
  sessionStorage.setItem(CREDENTIALS, base64(`${username}:${password}`));
}

export function forget() {
  sessionStorage.removeItem(CREDENTIALS);
}

/** GET a JSON answer; path is relative to the page (e.g. "api/me"). */
export async function getJson(path) {
  const response = await call(path, 'application/json');
  return response.json();
}

/**
 * GET the CSV of a report and save it under the file name the server gives
 * (Content-Disposition), through a temporary link to the downloaded bytes.
 */
export async function downloadCsv(path) {
  const response = await call(path, 'text/csv');
  const blob = await response.blob();
  const name = fileName(response.headers.get('Content-Disposition')) || 'leadbridge.csv';
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}

/** "api/reports/pipeline" and {from: "2026-05-01", partner: ""} → "api/reports/pipeline?from=2026-05-01". */
export function withQuery(path, parameters) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(parameters)) {
    if (value !== undefined && value !== null && value !== '') {
      query.set(name, value);
    }
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

/**
 * Sends a change (POST, PUT, DELETE) with a JSON body, if any; answers the JSON the server
 * returns, or null for an empty answer (204).
 */
export async function sendJson(method, path, body) {
  const response = await call(path, 'application/json', {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    contentType: body === undefined ? undefined : 'application/json',
  });
  return response.status === 204 ? null : response.json();
}

async function call(path, accept, { method = 'GET', body, contentType } = {}) {
  const credentials = sessionStorage.getItem(CREDENTIALS);
  if (credentials === null) {
    throw new Unauthorized();
  }
  // credentials: 'omit' keeps the browser from offering its own login box on a 401. X-Requested-With marks the
  // call as the page's own script: the server answers a 401 without asking for Basic, and /api refuses
  // form-like changes without it (docs/api.md, Logging in).
  const headers = { Authorization: `Basic ${credentials}`, Accept: accept, 'X-Requested-With': 'XMLHttpRequest' };
  if (contentType) {
    headers['Content-Type'] = contentType;
  }
  const response = await fetch(path, {
    method,
    body,
    headers,
    credentials: 'omit',
    cache: 'no-store',
  });
  if (response.status === 401) {
    forget();
    throw new Unauthorized();
  }
  if (!response.ok) {
    let problem = {};
    try {
      problem = await response.json();
    } catch {
      // not a problem detail; the status says enough
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

function fileName(disposition) {
  if (!disposition) {
    return null;
  }
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition);
  if (encoded) {
    return decodeURIComponent(encoded[1]);
  }
  const plain = /filename="?([^";]+)"?/i.exec(disposition);
  return plain ? plain[1] : null;
}

function base64(text) {
  // btoa takes Latin-1 only: encode the UTF-8 bytes, as HTTP Basic expects.
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}
