// The network view: Cytoscape.js, nodes by type (shape) and country
// (colour), edges by relation (colour) and sign (arrow end), width by the
// number of claims, dashed when alleged, dotted when negated.
import cytoscape from 'cytoscape';

export const RELATION_COLORS = {
  praise: '#2e7d32', criticize: '#c62828', meet: '#1565c0', fund: '#ef6c00',
  business: '#6d4c41', collaborate: '#00838f', member: '#5e35b1', support: '#43a047',
  oppose: '#8e0000', social: '#ad1457', aligned: '#9e9d24', linked: '#757575',
};

const COUNTRY_PALETTE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2',
  '#17becf', '#bcbd22', '#393b79', '#637939', '#843c39'];

export function countryColor(country) {
  if (!country) return '#9e9e9e';
  let h = 0;
  for (const c of country) h = (h * 31 + c.charCodeAt(0)) >>> 0;
  return COUNTRY_PALETTE[h % COUNTRY_PALETTE.length];
}

const SHAPES = { Person: 'ellipse', Organization: 'round-rectangle', Country: 'diamond' };

export function nodeElement(actor) {
  return {
    group: 'nodes',
    data: {
      id: String(actor.id), label: actor.name, type: actor.type, country: actor.country || '',
      color: countryColor(actor.country), shape: SHAPES[actor.type] || 'ellipse',
      size: 22 + Math.min(30, 4 * Math.sqrt(actor.degree || 0)),
    },
  };
}

export function edgeElement(tie) {
  return {
    group: 'edges',
    data: {
      id: tie.id, source: String(tie.source), target: String(tie.target), relation: tie.relation,
      sign: tie.sign, count: tie.count, sources: tie.sources, modality: tie.modality, negated: tie.negated,
      symmetric: tie.symmetric, color: RELATION_COLORS[tie.relation] || '#999',
      width: 1.5 + 2 * Math.log2(1 + tie.count), first: tie.first, last: tie.last,
    },
  };
}

export function createGraph(container) {
  return cytoscape({
    container,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 4,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(color)', shape: 'data(shape)', width: 'data(size)', height: 'data(size)',
        label: 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
        'text-outline-color': '#fff', 'text-outline-width': 2, 'border-width': 1, 'border-color': '#fff' } },
      { selector: 'node.centre', style: { 'border-width': 4, 'border-color': '#263238' } },
      { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#ffb300' } },
      { selector: 'edge', style: {
        width: 'data(width)', 'line-color': 'data(color)', 'target-arrow-color': 'data(color)',
        'curve-style': 'bezier', 'target-arrow-shape': 'triangle', opacity: 0.85 } },
      { selector: 'edge[sign < 0]', style: { 'target-arrow-shape': 'tee' } },
      { selector: 'edge[?symmetric]', style: { 'target-arrow-shape': 'none' } },
      { selector: 'edge[modality = "alleged"]', style: { 'line-style': 'dashed' } },
      { selector: 'edge[?negated]', style: { 'line-style': 'dotted', opacity: 0.6 } },
      { selector: 'edge:selected', style: { 'overlay-color': '#ffb300', 'overlay-opacity': 0.3, 'overlay-padding': 4 } },
      { selector: '.path-hop', style: { 'overlay-color': '#6a1b9a', 'overlay-opacity': 0.15, 'overlay-padding': 3 } },
    ],
  });
}

export function runLayout(cy) {
  if (cy.nodes().length === 0) return;
  const layout = cy.layout({ name: 'cose', animate: false, fit: true, padding: 40, nodeRepulsion: () => 12000,
    idealEdgeLength: () => 90, randomize: true });
  layout.one('layoutstop', () => {
    // A few nodes would be fitted huge: keep them at a readable size.
    if (cy.zoom() > 1.5) {
      cy.zoom(1.5);
      cy.center();
    }
  });
  layout.run();
}
