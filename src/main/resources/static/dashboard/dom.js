// Building the page from data without ever parsing data as HTML: every value becomes text
// (textContent, text nodes) or an attribute set one by one.

/**
 * el('a', {href: '#lead/4', class: 'link'}, 'Lead ', 4): children that are not nodes become
 * text; props: class, text, dataset ({...}), on<event> handlers, and attributes.
 */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name === 'class') {
      node.className = value;
    } else if (name === 'text') {
      node.textContent = value;
    } else if (name === 'dataset') {
      Object.assign(node.dataset, value);
    } else if (name.startsWith('on') && typeof value === 'function') {
      node.addEventListener(name.slice(2), value);
    } else {
      node.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue;
    }
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the element's content with the given children. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/**
 * A table: columns [{label, value: row => text or node, numeric}], rows of data; an empty
 * list shows `empty` in one cell.
 */
export function table(columns, rows, { caption, empty = 'Nothing in this period.' } = {}) {
  const head = el('thead', {}, el('tr', {}, columns.map((column) =>
    el('th', { scope: 'col', class: column.numeric ? 'num' : null }, column.label))));
  const body = el('tbody');
  if (rows.length === 0) {
    body.append(el('tr', {}, el('td', { colspan: columns.length, class: 'empty' }, empty)));
  }
  for (const row of rows) {
    body.append(el('tr', {}, columns.map((column, index) => {
      const cell = index === 0 && column.header ? 'th' : 'td';
      return el(cell, { class: column.numeric ? 'num' : null, scope: cell === 'th' ? 'row' : null },
        column.value(row));
    })));
  }
  return el('table', {}, caption ? el('caption', { class: 'visually-hidden' }, caption) : null, head, body);
}

/** Shows or hides the message paragraph of a section; null hides it. */
export function message(paragraph, text) {
  paragraph.textContent = text || '';
  paragraph.hidden = !text;
}
