// The right-hand panel: evidence of ties, a document with its claim spans,
// an actor's stance timeline, the paths found. All text goes in as text.
import { api } from './api.js';
import { RELATION_COLORS } from './graph.js';
import { byteSlicer, clear, el, safeUrl, svg } from './dom.js';

function relationBadge(relation) {
  return el('span', { class: 'rel', style: 'background:' + (RELATION_COLORS[relation] || '#999') }, relation);
}

function dateText(claim) {
  if (!claim.date) return 'undated';
  return claim.date_from_published ? claim.date + ' (publication date)' : claim.date;
}

// One claim: who, relation, whom; its sentence highlighted in context;
// modality, date, quote and source link.
export function claimCard(claim, handlers) {
  const link = safeUrl(claim.document && claim.document.url);
  const title = (claim.document && (claim.document.title || claim.document.source)) || 'document';
  const context = claim.context || {};
  return el('div', { class: 'claim', 'data-claim': claim.id },
    el('div', {},
      el('strong', {}, claim.subject.name), ' ', relationBadge(claim.relation), ' ',
      el('strong', {}, claim.object.name),
      claim.negated ? el('span', { class: 'meta' }, ' (denied)') : null),
    el('p', { class: 'context' },
      context.before ? el('span', { class: 'before' }, context.before) : null,
      el('mark', { class: 'evidence' }, claim.evidence),
      context.after ? el('span', { class: 'after' }, context.after) : null),
    claim.quote ? el('p', { class: 'quote' }, '“', claim.quote, '”') : null,
    el('div', { class: 'meta' },
      'modality: ', el('span', { class: 'modality' }, claim.modality),
      ' · date: ', el('span', { class: 'date' }, dateText(claim)),
      ' · source: ',
      link ? el('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, title) : el('span', {}, title),
      ' · ',
      (() => {
        const b = el('button', { type: 'button', class: 'linklike open-document' }, 'read the document');
        b.addEventListener('click', () => handlers.openDocument(claim.document.id));
        return b;
      })()));
}

export async function showTies(panel, a, b, focusRelation, filters, handlers) {
  const data = await api('ties', { a, b, ...filters });
  clear(panel);
  const names = data.b ? data.a.name + ' — ' + data.b.name : data.a.name;
  panel.appendChild(el('h2', { id: 'evidence-title' }, 'Evidence: ', names));
  if (data.ties.length === 0) {
    panel.appendChild(el('p', { class: 'hint' }, 'No ties pass the current filters.'));
    return;
  }
  const ties = [...data.ties].sort((x, y) => (y.relation === focusRelation) - (x.relation === focusRelation));
  const box = el('div', { id: 'evidence' });
  for (const tie of ties) {
    const arrow = tie.symmetric ? ' — ' : ' → ';
    box.appendChild(el('div', { class: 'tie', 'data-relation': tie.relation },
      el('h3', {}, tie.subject.name, arrow, relationBadge(tie.relation), arrow, tie.object.name),
      el('div', { class: 'meta' }, tie.count, tie.count === 1 ? ' claim' : ' claims', ' from ', tie.sources,
        tie.sources === 1 ? ' source' : ' sources', tie.first ? ' · ' + tie.first + (tie.last !== tie.first ? '–' + tie.last : '') : '',
        tie.modality === 'alleged' ? ' · alleged' : ''),
      tie.claims.map((c) => claimCard(c, handlers))));
  }
  panel.appendChild(box);
}

// The document text with every claim's evidence span marked.
export async function showDocument(panel, id) {
  const doc = await api('documents/' + encodeURIComponent(id));
  clear(panel);
  const link = safeUrl(doc.url);
  panel.appendChild(el('h2', {}, doc.title || doc.source || doc.id));
  panel.appendChild(el('div', { class: 'meta' }, doc.published ? 'published ' + doc.published + ' · ' : '',
    link ? el('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, link) : doc.source,
    ' · ', doc.claims.length, ' claims'));
  const slice = byteSlicer(doc.text);
  const total = new TextEncoder().encode(doc.text).length;
  // Merge overlapping evidence spans.
  const spans = [];
  for (const c of doc.claims) {
    const last = spans[spans.length - 1];
    if (last && c.evidence_start < last.end) {
      last.end = Math.max(last.end, c.evidence_end);
      last.claims.push(c);
    } else {
      spans.push({ start: c.evidence_start, end: c.evidence_end, claims: [c] });
    }
  }
  const body = el('div', { class: 'doc-text', id: 'document-text' });
  let at = 0;
  for (const s of spans) {
    if (s.start > at) body.appendChild(document.createTextNode(slice(at, s.start)));
    const label = s.claims.map((c) => c.subject.name + ' ' + c.relation + ' ' + c.object.name).join('; ');
    body.appendChild(el('mark', { title: label }, slice(Math.max(at, s.start), s.end)));
    at = Math.max(at, s.end);
  }
  if (at < total) body.appendChild(document.createTextNode(slice(at, total)));
  panel.appendChild(body);
}

function dateOrdinal(date) {
  const [y, m, d] = date.split('-').map(Number);
  return y * 372 + ((m || 1) - 1) * 31 + ((d || 1) - 1);
}

function timelineChart(data) {
  const entries = data.entries;
  const width = 400, height = 150, pad = 24;
  const chart = svg('svg', { class: 'timeline-chart', viewBox: `0 0 ${width} ${height}`, role: 'img' });
  chart.appendChild(svg('line', { x1: pad, x2: width - pad, y1: height / 2, y2: height / 2, stroke: '#999' }));
  if (entries.length === 0) return chart;
  const xs = entries.map((e) => dateOrdinal(e.date));
  const pivot = data.flip ? dateOrdinal(data.flip.pivot) : null;
  const lo = Math.min(...xs, pivot ?? Infinity), hi = Math.max(...xs, pivot ?? -Infinity);
  const x = (v) => (hi === lo ? width / 2 : pad + ((v - lo) / (hi - lo)) * (width - 2 * pad));
  if (pivot !== null) {
    chart.appendChild(svg('line', { class: 'pivot-line', x1: x(pivot), x2: x(pivot), y1: 8, y2: height - 8,
      stroke: '#6a1b9a', 'stroke-dasharray': '4 3' }));
    chart.appendChild(svg('text', { x: x(pivot) + 3, y: 16, 'font-size': 10, fill: '#6a1b9a' }, 'pivot ' + data.flip.pivot));
  }
  entries.forEach((e, i) => {
    const y = height / 2 - e.sign * 40;
    const dot = svg('circle', { cx: x(xs[i]), cy: y, r: 5, fill: e.sign > 0 ? '#2e7d32' : e.sign < 0 ? '#c62828' : '#757575' },
      svg('title', {}, e.date + ': ' + e.claim.subject.name + ' ' + e.claim.relation + ' ' + e.claim.object.name));
    chart.appendChild(dot);
  });
  chart.appendChild(svg('text', { x: pad, y: height - 6, 'font-size': 10, fill: '#666' }, entries[0].date));
  chart.appendChild(svg('text', { x: width - pad, y: height - 6, 'font-size': 10, fill: '#666', 'text-anchor': 'end' },
    entries[entries.length - 1].date));
  return chart;
}

export async function showTimeline(panel, actor, handlers) {
  const data = await api('timeline', { actor });
  clear(panel);
  const box = el('div', { id: 'timeline' });
  box.appendChild(el('h2', {}, 'Stance timeline: ', data.actor.name));
  const flip = data.flip;
  if (flip && flip.flipped) {
    const dir = (v) => (v > 0 ? 'positive' : 'negative');
    box.appendChild(el('div', { class: 'flip-banner' }, 'Stance flipped at ', flip.pivot, ': ',
      dir(flip.mean_before), ' before (mean ', flip.mean_before.toFixed(2), '), ',
      dir(flip.mean_after), ' after (mean ', flip.mean_after.toFixed(2), ')'));
  } else if (flip) {
    box.appendChild(el('div', { class: 'no-flip' }, 'No flip: mean stance ', flip.mean_before.toFixed(2),
      ' before ', flip.pivot, ', ', flip.mean_after.toFixed(2), ' after'));
  } else {
    box.appendChild(el('div', { class: 'no-flip' }, 'Too few dated signed claims to look for a flip.'));
  }
  box.appendChild(timelineChart(data));
  let pivotShown = false;
  for (const e of data.entries) {
    const afterPivot = flip && dateOrdinal(e.date) >= dateOrdinal(flip.pivot);
    if (flip && afterPivot && !pivotShown) {
      box.appendChild(el('div', { class: 'pivot-marker' }, '── pivot ', flip.pivot, ' ──'));
      pivotShown = true;
    }
    const cls = 'tl-entry' + (e.sign > 0 ? ' pos' : e.sign < 0 ? ' neg' : '') + (afterPivot ? ' after-pivot' : '');
    box.appendChild(el('div', { class: cls },
      el('div', { class: 'meta' }, e.date, e.dated_by_published ? ' (publication date)' : '',
        e.sign > 0 ? ' · positive' : e.sign < 0 ? ' · negative' : ' · neutral'),
      claimCard(e.claim, handlers)));
  }
  if (data.undated.length) {
    box.appendChild(el('h3', {}, 'Undated'));
    for (const c of data.undated) box.appendChild(claimCard(c, handlers));
  }
  panel.appendChild(box);
}

export function showPaths(panel, data, handlers) {
  clear(panel);
  panel.appendChild(el('h2', {}, 'Paths: ', data.from.name, ' → ', data.to.name));
  if (data.paths.length === 0) {
    panel.appendChild(el('p', { class: 'hint' }, 'No path passes the current filters.'));
    return;
  }
  const list = el('ol', { id: 'path-list' });
  for (const p of data.paths) {
    const steps = [];
    p.nodes.forEach((n, i) => {
      steps.push(el('strong', {}, n.name));
      if (i < p.hops.length) {
        const hop = p.hops[i];
        const b = el('button', { type: 'button', class: 'linklike' }, ' ', hop.ties.map((t) => t.relation).join('/'), ' ');
        b.addEventListener('click', () => handlers.openTies(hop.from, hop.to, hop.ties[0].relation));
        steps.push(' —', b, '— ');
      }
    });
    list.appendChild(el('li', {}, steps));
  }
  panel.appendChild(list);
}
