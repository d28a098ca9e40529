// DOM helpers. Every piece of data from the API (names, sentences, document
// text) is inserted as text nodes, never parsed as HTML, so markup inside an
// article stays inert.

// el('p', {class: 'x'}, 'text', childNode, ...): children that are strings
// or numbers become text nodes; null/undefined/false are skipped.
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'href') {
      const url = safeUrl(value);
      if (url) node.setAttribute('href', url);
      continue;
    }
    if (key.startsWith('on')) throw new Error('el: use addEventListener, not ' + key);
    node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(node, children) {
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

// Only http(s) links are shown as links (no javascript: or data: URLs).
export function safeUrl(url) {
  if (typeof url !== 'string') return null;
  return /^https?:\/\//i.test(url.trim()) ? url.trim() : null;
}

export function svg(tag, attrs = {}, ...children) {
  const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return append(node, children);
}

// The UTF-8 byte range [start, end) of text as a JS string (the API's offsets are bytes).
export function byteSlicer(text) {
  const bytes = new TextEncoder().encode(text);
  const decoder = new TextDecoder();
  return (start, end) => decoder.decode(bytes.subarray(start, end));
}
