// Building the page from data without ever parsing it as HTML: every text goes in as a text node.

/**
 * h('a', {href: '#/x', class: 'link', onclick: fn}, 'text', childElement, [more, children])
 * Attributes named on* become event listeners; false, null and undefined attributes are left out.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'class') {
      el.className = value;
    } else if (name === 'value') {
      el.value = value;
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let ids = 0;
/** A fresh id for aria-controls / label-for pairs. */
export function uid(prefix) {
  ids += 1;
  return `${prefix}-${ids}`;
}

/** A number in the page's language with this many decimals. */
export function num(value, digits, lang) {
  return new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nl-NL', {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(value);
}
