// Browser test of the web UI (run by web_browser_test.sh): playwright-core
// drives Debian's chromium headless against a running `tiegraph serve`.
// Usage: node web_browser.mjs BASE_URL ARTIFACT_DIR
// Env: TIEGRAPH_WEB_DIR (web/, where playwright-core is installed),
//      TIEGRAPH_TOKEN (the server's ingest token), CHROMIUM (browser binary).
import { createRequire } from 'node:module';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [base, artifacts] = process.argv.slice(2);
const require = createRequire(pathToFileURL(join(process.env.TIEGRAPH_WEB_DIR, 'package.json')));
const { chromium } = require('playwright-core');

let failures = 0, passes = 0;
const pass = (what) => { passes++; console.log('ok: ' + what); };
const fail = (what) => { failures++; console.log('FAIL: ' + what); };
const check = (cond, what, detail = '') => (cond ? pass(what) : fail(what + (detail ? ' — ' + detail : '')));

const userDataDir = mkdtempSync(join(tmpdir(), 'tiegraph-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1500, height: 900 },
  acceptDownloads: true,
});
const page = context.pages()[0] || (await context.newPage());
const pageErrors = [], dialogs = [], external = [];
page.on('pageerror', (e) => pageErrors.push(e.message));
page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss().catch(() => {}); });
page.on('request', (r) => { if (!r.url().startsWith(base) && !r.url().startsWith('blob:') && !r.url().startsWith('data:')) external.push(r.url()); });
const shot = (name) => page.screenshot({ path: join(artifacts, name) });

async function step(name, fn) {
  try {
    await fn();
  } catch (e) {
    fail(name + ': ' + e.message.split('\n')[0]);
    await shot('web-failed-' + name.replace(/[^a-z0-9]+/gi, '-') + '.png').catch(() => {});
  }
}

async function searchAndOpen(query, expect) {
  await page.fill('#search', '');
  await page.type('#search', query);
  await page.waitForSelector('#suggestions li', { timeout: 10000 });
  await page.press('#search', 'Enter');
  await page.waitForFunction((re) => {
    const cy = window.tiegraph && window.tiegraph.cy;
    return cy && cy.$('node.centre').length === 1 && new RegExp(re).test(cy.$('node.centre').data('label'));
  }, expect, { timeout: 15000 });
}

await step('open the UI', async () => {
  await page.goto(base, { waitUntil: 'load' });
  await page.waitForFunction(() => /documents/.test(document.getElementById('status').textContent), null, { timeout: 10000 });
  pass('UI loaded: ' + (await page.textContent('#status')));
});

await step('Le Pen and her edge to Putin', async () => {
  await searchAndOpen('Le Pen', 'Le Pen');
  const info = await page.evaluate(() => {
    const cy = window.tiegraph.cy;
    const centre = cy.$('node.centre');
    const putin = cy.nodes().filter((n) => /Putin/.test(n.data('label')));
    const edges = putin.length ? centre.edgesWith(putin) : cy.collection();
    return { centre: centre.data('label'), nodes: cy.nodes().length, edges: cy.edges().length,
      putin: putin.length ? putin[0].data('label') : null, toPutin: edges.map((e) => e.data('relation')) };
  });
  pass(`ego network of ${info.centre}: ${info.nodes} actors, ${info.edges} ties`);
  check(info.putin !== null, 'Putin is in Le Pen\'s ego network', JSON.stringify(info));
  check(info.toPutin.length > 0, `an edge joins ${info.centre} and ${info.putin} (${info.toPutin.join(', ')})`, JSON.stringify(info));
  const listed = await page.textContent('#tie-list');
  check(/Putin/.test(listed), 'the tie list names Putin');
  await shot('web-lepen-ego.png');
});

await step('click the Le Pen–Putin edge and read the evidence', async () => {
  const target = await page.evaluate(() => {
    const cy = window.tiegraph.cy;
    const centre = cy.$('node.centre');
    const putin = cy.nodes().filter((n) => /Putin/.test(n.data('label')));
    const edge = centre.edgesWith(putin)[0];
    if (!edge) return null;
    const box = document.getElementById('cy').getBoundingClientRect();
    const p = edge.renderedMidpoint();
    return { x: box.left + p.x, y: box.top + p.y };
  });
  if (!target) throw new Error('no Le Pen–Putin edge to click');
  await page.mouse.click(target.x, target.y);
  await page.waitForSelector('#evidence-title', { timeout: 10000 });
  const title = await page.textContent('#evidence-title');
  check(/Le Pen/.test(title) && /Putin/.test(title), 'clicking the edge opens the evidence of Le Pen and Putin', title);
  const evidence = await page.textContent('#evidence');
  check(/9 million euro loan/.test(evidence), 'the evidence panel reads "9 million euro loan"', evidence.slice(0, 300));
  const marks = await page.$$eval('#evidence mark.evidence', (m) => m.map((x) => x.textContent));
  check(marks.some((m) => /9 million euro loan/.test(m)), 'the sentence with the loan is highlighted');
  await shot('web-lepen-evidence.png');
});

await step('Pompeo\'s timeline shows the flip', async () => {
  await searchAndOpen('Pompeo', 'Pompeo');
  await page.click('#timeline-button');
  await page.waitForSelector('#timeline', { timeout: 10000 });
  const banner = await page.$('.flip-banner');
  const text = banner ? await banner.textContent() : await page.textContent('#timeline');
  check(banner !== null && /flipped/.test(text), 'Pompeo\'s timeline marks a flip', text.slice(0, 300));
  await shot('web-pompeo-timeline.png');
});

await step('fuzzy search', async () => {
  await page.fill('#search', '');
  await page.type('#search', 'Vladmir Putn');
  await page.waitForSelector('#suggestions li', { timeout: 10000 });
  const names = await page.$$eval('#suggestions li', (l) => l.map((x) => x.textContent));
  check(names.some((n) => /Putin/.test(n)), 'a mistyped "Vladmir Putn" suggests Putin', names.join(' | '));
  await page.press('#search', 'Escape');
});

await step('path finder', async () => {
  await page.fill('#path-from', 'Le Pen');
  await page.fill('#path-to', 'Putin');
  await page.click('#path-button');
  await page.waitForSelector('#path-list, #panel-body .hint', { timeout: 10000 });
  const paths = await page.$$eval('#path-list li', (l) => l.map((x) => x.textContent));
  check(paths.length > 0, `path finder: ${paths.length} path(s) from Le Pen to Putin`, paths.join(' | '));
  await shot('web-path.png');
});

await step('export PNG', async () => {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.click('#export-png')]);
  const file = join(artifacts, 'web-export.png');
  await download.saveAs(file);
  check(/\.png$/.test(download.suggestedFilename()) && statSync(file).size > 1000, 'Export PNG downloads an image',
    download.suggestedFilename() + ' ' + statSync(file).size + ' bytes');
});

await step('a document with <script> and <img onerror> renders inert', async () => {
  const text = 'Hostile markup test. Nigel Farage <script>window.__pwned = 1</script> praised ' +
    '<img src=x onerror="window.__pwned = 2"> Vladimir Putin, calling him a genius. ' +
    'Marine Le Pen met Vladimir Putin <svg onload="window.__pwned = 3"></svg> in Moscow in 2017.';
  const posted = await page.evaluate(async ([text, token]) => {
    const r = await fetch('/api/documents', { method: 'POST', headers: { 'Content-Type': 'application/json',
      Authorization: 'Bearer ' + token }, body: JSON.stringify({ text, title: '<b onmouseover="window.__pwned=4">Hostile</b>' }) });
    return { status: r.status, body: await r.json() };
  }, [text, process.env.TIEGRAPH_TOKEN]);
  check(posted.status === 201, 'POST /api/documents with the token stores the document', JSON.stringify(posted));
  const denied = await page.evaluate(async () => (await fetch('/api/documents', { method: 'POST', body: 'x' })).status);
  check(denied === 401, 'POST without the token is refused (401)', String(denied));
  await page.goto(base + '#document=' + posted.body.id, { waitUntil: 'load' });
  await page.waitForSelector('#document-text', { timeout: 10000 });
  const shown = await page.textContent('#document-text');
  check(shown.includes('<script>window.__pwned = 1</script>') && shown.includes('<img src=x onerror='),
    'the markup is shown as text', shown.slice(0, 200));
  const claims = posted.body.claims;
  if (claims > 0) {
    // Open the evidence of one of its claims too: the sentence goes through the evidence panel.
    const claim = await page.evaluate(async (id) => (await (await fetch('/api/claims?document=' + id)).json()).claims[0], posted.body.id);
    await page.evaluate(([a]) => { location.hash = 'actor=' + a; location.reload(); }, [claim.subject.id]);
    await page.waitForSelector('#tie-list li', { timeout: 10000 });
    await page.click(`#tie-list li:has-text("${claim.object.name.replace(/"/g, '')}")`);
    await page.waitForSelector('#evidence', { timeout: 10000 });
  }
  await page.waitForTimeout(300);
  const inert = await page.evaluate(() => ({
    pwned: window.__pwned === undefined ? null : window.__pwned,
    imgs: document.querySelectorAll('#panel img, #panel svg[onload], #panel script, #panel b').length,
  }));
  check(inert.pwned === null && dialogs.length === 0, 'no script from the document ran', JSON.stringify({ ...inert, dialogs }));
  check(inert.imgs === 0, 'no element from the document was created', JSON.stringify(inert));
  await shot('web-hostile-document.png');
});

check(pageErrors.length === 0, 'no JavaScript errors on the page', pageErrors.join(' | '));
check(external.length === 0, 'no request left the server (works offline)', external.join(' '));
await context.close();
rmSync(userDataDir, { recursive: true, force: true });
console.log(`${passes} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
