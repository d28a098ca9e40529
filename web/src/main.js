// tiegraph web UI: search an actor, draw its ego network, click an edge for
// the evidence, a node to expand it; path finder, stance timeline, filters,
// export. State lives in `state`; the view is rebuilt from the API.
import { api } from './api.js';
import { clear, el } from './dom.js';
import { RELATION_COLORS, createGraph, edgeElement, nodeElement, runLayout } from './graph.js';
import { showDocument, showPaths, showTies, showTimeline } from './panels.js';

const $ = (id) => document.getElementById(id);
const state = { view: null, selected: null, suggestions: [], active: -1 };
const cy = createGraph($('cy'));
const panel = $('panel-body');
window.tiegraph = { cy, state };  // for the browser tests and the console

function setStatus(text, isError = false) {
  $('status').textContent = text;
  $('status').classList.toggle('error', isError);
}

async function guarded(what, fn) {
  try {
    setStatus(what + '…');
    await fn();
    setStatus('');
  } catch (e) {
    setStatus(what + ': ' + e.message, true);
  }
}

function filters() {
  const f = {
    relation: $('f-relation').value, sign: $('f-sign').value, modality: $('f-modality').value,
    since: $('f-since').value.trim(), until: $('f-until').value.trim(), country: $('f-country').value.trim(),
  };
  for (const k of Object.keys(f)) if (!f[k]) delete f[k];
  return f;
}

const handlers = {
  openTies: (a, b, relation) => guarded('Loading evidence', () => showTies(panel, a, b, relation, filters(), handlers)),
  openDocument: (id) => guarded('Loading document', async () => {
    await showDocument(panel, id);
    history.replaceState(null, '', '#document=' + encodeURIComponent(id));
  }),
};

function renderTieList() {
  const list = clear($('tie-list'));
  const edges = cy.edges().sort((a, b) => b.data('count') - a.data('count'));
  edges.forEach((e) => {
    const s = cy.getElementById(e.data('source')).data('label');
    const t = cy.getElementById(e.data('target')).data('label');
    const li = el('li', { 'data-edge': e.id() },
      el('span', { class: 'swatch', style: 'background:' + e.data('color') }),
      s, ' ', e.data('symmetric') ? '—' : '→', ' ', e.data('relation'), ' ', e.data('symmetric') ? '—' : '→', ' ', t,
      ' (', e.data('count'), ')');
    li.addEventListener('click', () => handlers.openTies(e.data('source'), e.data('target'), e.data('relation')));
    list.appendChild(li);
  });
}

function selectActor(id, name) {
  state.selected = { id, name };
  $('timeline-button').disabled = false;
  $('timeline-button').textContent = 'Timeline: ' + name;
}

async function loadEgo(actorId) {
  const data = await api('ego', { actor: actorId, depth: $('depth').value, ...filters() });
  cy.elements().remove();
  cy.add(data.nodes.map(nodeElement));
  cy.add(data.edges.map(edgeElement));
  cy.getElementById(String(data.centre.id)).addClass('centre');
  runLayout(cy);
  state.view = { kind: 'ego', actor: data.centre.id };
  selectActor(data.centre.id, data.centre.name);
  renderTieList();
  $('search').value = data.centre.name;
  if (location.hash !== '#actor=' + data.centre.id) history.replaceState(null, '', '#actor=' + data.centre.id);
  if (data.truncated) setStatus(`showing ${data.nodes.length} of ${data.total_nodes} actors`);
}

async function expand(node) {
  const data = await api('ego', { actor: node.id(), depth: 1, ...filters() });
  const fresh = data.nodes.filter((n) => cy.getElementById(String(n.id)).empty()).map(nodeElement);
  const edges = data.edges.filter((e) => cy.getElementById(e.id).empty()).map(edgeElement);
  cy.add(fresh);
  cy.add(edges);
  if (fresh.length) runLayout(cy);
  renderTieList();
}

async function findPaths() {
  const from = $('path-from').value.trim(), to = $('path-to').value.trim();
  const data = await api('path', { from, to, k: 3, ...filters() });
  cy.elements().remove();
  for (const p of data.paths) {
    for (const n of p.nodes) if (cy.getElementById(String(n.id)).empty()) cy.add(nodeElement(n));
    for (const hop of p.hops) {
      for (const t of hop.ties) if (cy.getElementById(t.id).empty()) cy.add(edgeElement(t)).addClass('path-hop');
    }
  }
  cy.getElementById(String(data.from.id)).addClass('centre');
  cy.getElementById(String(data.to.id)).addClass('centre');
  runLayout(cy);
  state.view = { kind: 'path', from, to };
  renderTieList();
  showPaths(panel, data, handlers);
}

function reloadView() {
  if (!state.view) return;
  if (state.view.kind === 'ego') guarded('Loading network', () => loadEgo(state.view.actor));
  else guarded('Finding paths', findPaths);
}

// --- search box with suggestions -------------------------------------------
let searchSeq = 0;
async function suggest(query) {
  const seq = ++searchSeq;
  const data = await api('actors', { q: query, limit: 12 });
  if (seq !== searchSeq) return state.suggestions;
  state.suggestions = data.actors;
  state.active = data.actors.length ? 0 : -1;
  renderSuggestions();
  return data.actors;
}

function renderSuggestions() {
  const list = clear($('suggestions'));
  list.hidden = state.suggestions.length === 0;
  state.suggestions.forEach((a, i) => {
    const li = el('li', { role: 'option', 'aria-selected': i === state.active ? 'true' : 'false', 'data-id': a.id },
      a.name, ' ', el('span', { class: 'meta' }, a.type, a.country ? ', ' + a.country : '', ' · ', a.degree, ' ties',
        a.match === 'fuzzy' ? ' · did you mean?' : ''));
    li.addEventListener('mousedown', (ev) => {
      ev.preventDefault();
      choose(a);
    });
    list.appendChild(li);
  });
}

function choose(actor) {
  state.suggestions = [];
  renderSuggestions();
  guarded('Loading network', () => loadEgo(actor.id));
}

let searchTimer = null;
$('search').addEventListener('input', (ev) => {
  clearTimeout(searchTimer);
  const q = ev.target.value.trim();
  if (!q) {
    state.suggestions = [];
    renderSuggestions();
    return;
  }
  searchTimer = setTimeout(() => guarded('Searching', () => suggest(q)), 120);
});
$('search').addEventListener('keydown', async (ev) => {
  if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
    ev.preventDefault();
    const n = state.suggestions.length;
    if (n) state.active = (state.active + (ev.key === 'ArrowDown' ? 1 : n - 1)) % n;
    renderSuggestions();
  } else if (ev.key === 'Escape') {
    state.suggestions = [];
    renderSuggestions();
  } else if (ev.key === 'Enter') {
    ev.preventDefault();
    clearTimeout(searchTimer);
    const q = ev.target.value.trim();
    if (!q) return;
    let list = state.suggestions;
    if (!list.length) {
      try {
        list = await suggest(q);
      } catch (e) {
        setStatus('Searching: ' + e.message, true);
        return;
      }
    }
    if (list.length) choose(list[Math.max(0, state.active)] || list[0]);
    else setStatus('no actor matches "' + q + '"', true);
  }
});
$('search').addEventListener('blur', () => setTimeout(() => {
  state.suggestions = [];
  renderSuggestions();
}, 150));

// --- graph interaction -------------------------------------------------------
cy.on('tap', 'edge', (ev) => {
  const e = ev.target;
  handlers.openTies(e.data('source'), e.data('target'), e.data('relation'));
});
cy.on('tap', 'node', (ev) => {
  const n = ev.target;
  selectActor(n.id(), n.data('label'));
  guarded('Expanding', () => expand(n));
});

$('timeline-button').addEventListener('click', () => {
  if (state.selected) guarded('Loading timeline', () => showTimeline(panel, state.selected.id, handlers));
});
$('path-button').addEventListener('click', () => guarded('Finding paths', findPaths));
$('depth').addEventListener('change', reloadView);
for (const id of ['f-relation', 'f-sign', 'f-modality', 'f-since', 'f-until', 'f-country']) {
  $(id).addEventListener('change', reloadView);
}

// --- export ------------------------------------------------------------------
function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { download: name });
  a.href = url;  // a blob: URL made here, not data from the API
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
function viewName() {
  return 'tiegraph-' + (state.selected ? state.selected.name.replace(/[^A-Za-z0-9]+/g, '-') : 'view');
}
$('export-png').addEventListener('click', () => {
  download(cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }), viewName() + '.png');
});
$('export-json').addEventListener('click', () => {
  const data = { nodes: cy.nodes().map((n) => n.data()), edges: cy.edges().map((e) => e.data()), filters: filters() };
  download(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }), viewName() + '.json');
});

// --- start -------------------------------------------------------------------
async function start() {
  try {
    const rel = await api('relations');
    for (const r of rel.relations) {
      $('f-relation').appendChild(el('option', { value: r.name }, r.name));
      $('legend').appendChild(el('li', {}, el('span', { class: 'swatch', style: 'background:' + RELATION_COLORS[r.name] }),
        r.name, r.symmetric ? ' (symmetric)' : '', r.sign < 0 ? ' (hostile)' : ''));
    }
    const health = await api('health');
    setStatus(`${health.documents} documents · ${health.actors} actors · ${health.claims} claims`);
  } catch (e) {
    setStatus('API unavailable: ' + e.message, true);
    return;
  }
  route();
  window.addEventListener('hashchange', route);
}

// #actor=ID draws that actor's network; #document=ID shows that document.
function route() {
  const hash = new URLSearchParams(location.hash.slice(1));
  if (hash.get('actor')) guarded('Loading network', () => loadEgo(hash.get('actor')));
  else if (hash.get('document')) handlers.openDocument(hash.get('document'));
}
start();
