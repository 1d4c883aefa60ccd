// The review page in a real browser: Debian's headless Chromium, driven by playwright-core.
//
//   node review_page_test.mjs EXTRACT SOURCE_DIR SCRATCH_DIR [--screenshots DIR]
//
// Builds pages from real reports (tests/data), reads the same facts as JSON Lines, and checks the
// page against them: no request leaves the page, every highlight's text is its fact's text, hover
// and focus show the fields, the filters hide and show the right facts, a click on the list brings
// the highlight into view, the keyboard reaches everything, and a page of the whole test corpus
// (thousands of facts) loads in reasonable time. Exits 77 (ctest's skip) when Chromium is absent.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import {pathToFileURL} from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const [extract, sourceDir, scratch, ...rest] = process.argv.slice(2);
const screenshots = rest[0] === '--screenshots' ? rest[1] : null;
if (!extract || !sourceDir || !scratch) {
  console.error('usage: review_page_test.mjs EXTRACT SOURCE_DIR SCRATCH_DIR [--screenshots DIR]');
  process.exit(2);
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`SKIP: ${CHROMIUM} is not installed (tools/install-deps installs Debian's chromium)`);
  process.exit(77);
}
let chromium;
try {
  ({chromium} = await import('playwright-core'));
} catch (error) {
  console.error(`FAIL: playwright-core is not installed in tests/review (tools/install-deps runs ` +
                `npm ci there): ${error.message}`);
  process.exit(1);
}

let failures = 0, checks = 0;
function check(condition, what, detail) {
  ++checks;
  if (!condition) {
    ++failures;
    console.error(`FAIL: ${what}${detail === undefined ? '' : '\n  ' + JSON.stringify(detail)}`);
  }
}

fs.mkdirSync(scratch, {recursive: true});
// extract runs in the source tree with relative paths, as a user would, so the page names its
// documents as the docs' screenshots show them.
process.chdir(sourceDir);
const rules = 'rules';
const data = 'tests/data';

// The same report in two other forms the page must show as their text: GB18030, and UTF-8 with a
// byte-order mark (offsets then count the mark's three bytes).
const sample = path.join(data, 'corpus/junping-2021.txt');
const gb18030 = path.resolve(scratch, 'junping-2021.gb18030.txt');
execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030', sample, '-o', gb18030]);
const bom = path.resolve(scratch, 'junping-2021.bom.txt');
fs.writeFileSync(bom, Buffer.concat([Buffer.from([0xEF, 0xBB, 0xBF]), fs.readFileSync(sample)]));
const devFiles = fs.readdirSync(path.join(data, 'dev')).filter((f) => f.endsWith('.txt')).sort()
                     .slice(0, 12).map((f) => path.join(data, 'dev', f));
const inputs = [path.join(data, 'corpus'), ...devFiles, gb18030, bom];

function run(args) {
  return execFileSync(extract, args, {encoding: 'utf8', maxBuffer: 1 << 30,
                                      stdio: ['ignore', 'pipe', 'pipe']});
}
// Facts by document, in output order, without the document fact (the page lists no such fact).
function factsByDoc(jsonl) {
  const docs = new Map();
  for (const line of jsonl.split('\n')) {
    if (!line) continue;
    const fact = JSON.parse(line);
    if (fact.rule === 'builtin.document') continue;
    fact.fields = Object.entries(fact.fields || {}).map(([name, field]) => ({name, ...field}));
    if (!docs.has(fact.doc)) docs.set(fact.doc, []);
    docs.get(fact.doc).push(fact);
  }
  return docs;
}

const pagePath = path.resolve(scratch, 'review.html');
run(['review', '--rules', rules, ...inputs, '-o', pagePath]);
const expected = factsByDoc(run(['--rules', rules, '--figures', ...inputs]));
const bigPath = path.resolve(scratch, 'review-all.html');
run(['--rules', rules, '--figures', '--format', 'html', data, '-o', bigPath]);
const bigFacts = run(['--rules', rules, '--figures', data]).split('\n')
                     .filter((l) => l && !l.includes('"rule":"builtin.document"')).length;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const context = await browser.newContext({viewport: {width: 1366, height: 768}});
const page = await context.newPage();
// The test machine is shared and may be loaded: a step waits up to a minute, not 30 seconds.
page.setDefaultTimeout(60000);
const requests = [];
page.on('request', (request) => requests.push(request.url()));
const pageErrors = [];
page.on('pageerror', (error) => pageErrors.push(String(error)));

async function open(file) {
  requests.length = 0;
  const started = Date.now();
  await page.goto(pathToFileURL(file).href);
  await page.waitForSelector('body[data-ready="true"]');
  return Date.now() - started;
}

async function pick(doc) {
  const index = await page.evaluate((name) => {
    const picker = document.getElementById('doc-picker');
    const option = Array.from(picker.options).findIndex((o) => o.textContent === name);
    return option;
  }, doc);
  check(index >= 0, `the picker lists ${doc}`);
  await page.selectOption('#doc-picker', String(index));
}

// The text of each fact's highlight (its pieces joined), and the report text shown.
async function shown() {
  return page.evaluate(() => {
    const byFact = new Map();
    for (const mark of document.querySelectorAll('#text mark.hl')) {
      const k = Number(mark.dataset.f);
      byFact.set(k, (byFact.get(k) || '') + mark.textContent);
    }
    const items = document.querySelectorAll('#fact-list li');
    return {texts: Array.from(items, (_, k) => byFact.get(k) ?? null),
            text: document.getElementById('text').textContent, items: items.length,
            nested: document.querySelectorAll('#text mark.hl mark.hl').length};
  });
}

// 1. Every document of the page: its text as the file's, every highlight as its fact's text.
const loadMs = await open(pagePath);
check(requests.length === 1 && requests[0].startsWith('file:'), 'the page requests nothing',
      requests);
const docNames = await page.$$eval('#doc-picker option', (options) => options.map((o) => o.textContent));
check(docNames.length === expected.size + 0 || docNames.length >= expected.size,
      'the picker lists every document', docNames.length);
let highlighted = 0, nested = 0, figureShown = false;
for (const doc of docNames) {
  await pick(doc);
  const facts = expected.get(doc) || [];
  const got = await shown();
  // The first report with a figure no rule claimed (as the stock rules grow, a sample may have
  // none): it is underlined with dots.
  const figure = facts.findIndex((f) => f.rule === 'builtin.figure');
  if (!figureShown && figure >= 0) {
    figureShown = true;
    check(await page.$eval(`#f${figure}`, (m) => m.classList.contains('fig') &&
                           getComputedStyle(m).textDecorationStyle === 'dotted'),
          'a figure no rule claimed is underlined with dots');
  }
  check(got.items === facts.length, `${doc}: one list item a fact`, [got.items, facts.length]);
  facts.forEach((fact, k) => {
    check(got.texts[k] === fact.text, `${doc}: highlight ${k} (${fact.rule}) is its fact's text`,
          [got.texts[k], fact.text]);
  });
  highlighted += got.texts.filter((t) => t !== null).length;
  nested += got.nested;
  if (doc !== gb18030) {
    const original = fs.readFileSync(doc, 'utf8').replace(/^\uFEFF/, '');
    check(got.text === original, `${doc}: the page shows the original text`);
  } else {
    const original = new TextDecoder('gb18030').decode(fs.readFileSync(doc));
    check(got.text === original, `${doc}: the page shows the GB18030 text decoded`);
  }
}
check(figureShown, 'some report has a figure no rule claimed');
console.log(`${docNames.length} documents, ${highlighted} highlights checked (${nested} nested), ` +
            `page loaded in ${loadMs} ms`);
check(requests.length === 1, 'picking documents requests nothing', requests);

// 2. Hover and focus show rule, type, fields, period and status.
const doc = path.join(data, 'corpus/junping-2021.txt');
await pick(doc);
const facts = expected.get(doc);
const withUnit = facts.findIndex((f) => f.rule !== 'builtin.figure' && f.fields.some((x) => x.unit));
check(withUnit >= 0, 'the sample has a fact with a unit');
const fact = facts[withUnit];
async function tipText() {
  return page.$eval('#tip', (tip) => (tip.hidden ? null : tip.innerText));
}
function tipShows(text, fact) {
  const wanted = [fact.rule, fact.fact, fact.status];
  if (fact.period) wanted.push(fact.period);
  for (const field of fact.fields) {
    wanted.push(field.name, String(field.value));
    if (field.unit) wanted.push(field.unit);
    if (field.approx) wanted.push(field.approx);
  }
  return text !== null && wanted.every((w) => text.includes(w));
}
await page.hover(`#f${withUnit}`);
let tip = await tipText();
check(tipShows(tip, fact), 'hovering a highlight shows its rule, fields, period and status',
      [tip, fact]);
if (screenshots) {
  fs.mkdirSync(screenshots, {recursive: true});
  await page.screenshot({path: path.join(screenshots, 'review-page.png')});
}
await page.mouse.move(5, 5);
await page.focus(`#f${withUnit}`);
tip = await tipText();
check(tipShows(tip, fact), 'focusing a highlight shows its fields', tip);
check(await page.$eval(`#f${withUnit}`, (m) => getComputedStyle(m).textDecorationStyle !== 'dotted' &&
                       getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)'),
      'a rule\'s fact is coloured');

// 3. Keyboard: from the picker, Tab reaches the first highlight, then the next; Enter marks the
// fact in the list; a list item's Enter focuses its highlight; the focus ring is visible.
await page.focus('#doc-picker');
await page.keyboard.press('Tab');
const firstInText = await page.$eval('#text mark[tabindex="0"]', (m) => m.id);
check(await page.evaluate(() => document.activeElement.id) === firstInText,
      'Tab from the picker reaches the first highlight');
check(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle) === 'solid',
      'a focused highlight shows a focus ring');
check((await tipText()) !== null, 'the focused highlight shows its details');
await page.keyboard.press('Tab');
const second = await page.evaluate(() => document.activeElement.id);
check(second !== firstInText && second.startsWith('f'), 'Tab goes on to the next highlight', second);
await page.keyboard.press('Enter');
const k2 = Number(second.slice(1));
check(await page.$eval(`#fact-list button[data-f="${k2}"]`, (b) => b.getAttribute('aria-current')) ===
      'true', 'Enter on a highlight marks its fact in the list');
await page.keyboard.press('Escape');
check((await tipText()) === null, 'Escape hides the details');

// 4. Clicking, and Enter on, a list item far down the text scrolls its highlight into view and
// focuses it.
const inView = async (k) => page.evaluate((k) => {
  const mark = document.getElementById('f' + k);
  const box = mark.getBoundingClientRect(), pane =
      document.getElementById('text-pane').getBoundingClientRect();
  return document.activeElement === mark && box.top >= pane.top && box.bottom <= pane.bottom;
}, k);
const last = facts.length - 1;
await page.click(`#fact-list button[data-f="${last}"]`);
check(await inView(last), 'clicking the last fact in the list scrolls its highlight into view');
await page.focus(`#fact-list button[data-f="0"]`);
await page.keyboard.press('Enter');
check(await inView(0), 'Enter on a list item scrolls to its highlight and focuses it');

// 5. Filters: by fact type, by rule, and back to all.
const visible = () => page.$$eval('#fact-list li', (items) =>
  items.filter((li) => !li.hidden).map((li) => Number(li.firstChild.dataset.f)));
const countOf = (pred) => facts.map((f, k) => (pred(f) ? k : -1)).filter((k) => k >= 0);
await page.selectOption('#type-filter', fact.fact);
let got = await visible();
let want = countOf((f) => f.fact === fact.fact);
check(JSON.stringify(got) === JSON.stringify(want), `the type filter shows just ${fact.fact}`,
      [got, want]);
check(await page.$$eval('#text mark.hl:not(.off)', (marks, type) => marks.every((m) =>
  m.getAttribute('aria-label') === null || m.getAttribute('aria-label').startsWith(type)), fact.fact),
      'the type filter leaves only that type highlighted');
await page.selectOption('#type-filter', '');
await page.selectOption('#rule-filter', fact.rule);
got = await visible();
want = countOf((f) => f.rule === fact.rule);
check(JSON.stringify(got) === JSON.stringify(want), 'the rule filter shows just that rule',
      [got.length, want.length]);
await page.selectOption('#rule-filter', '');
check((await visible()).length === facts.length, 'no filter shows every fact again');
check(/^\d+ of \d+ facts shown$/.test(await page.$eval('#count', (c) => c.textContent)),
      'the count says how many are shown');

// 6. Highlights that cross: two test rules whose matches cross each other and two stock facts.
const crossing = path.join(data, 'corpus/anon-town-2022.txt');
const crossingPath = path.resolve(scratch, 'crossing.html');
const crossingRules = ['--rules', rules, '--rules', 'tests/review/crossing.yaml'];
run(['review', ...crossingRules, crossing, '-o', crossingPath]);
const crossingFacts = factsByDoc(run([...crossingRules, '--figures', crossing])).get(crossing);
await open(crossingPath);
const cut = await shown();
crossingFacts.forEach((fact, k) => {
  check(cut.texts[k] === fact.text, `crossing: highlight ${k} (${fact.rule}) is its fact's text`,
        [cut.texts[k], fact.text]);
});
check(cut.text === fs.readFileSync(crossing, 'utf8'), 'crossing: the text is the file\'s');
const pieces = await page.$$eval('#text mark.hl', (marks) => {
  const count = {};
  for (const mark of marks) count[mark.dataset.f] = (count[mark.dataset.f] || 0) + 1;
  return Math.max(...Object.values(count));
});
check(pieces >= 2 && cut.nested > 0, 'crossing highlights are cut into nested pieces',
      [pieces, cut.nested]);
const crossed = crossingFacts.findIndex((f) => f.rule === 'review_test.farmland_after_area');
await page.hover(`#text mark.hl[data-f="${crossed}"]:not([id])`);
check(tipShows(await tipText(), crossingFacts[crossed]),
      'hovering the second piece of a cut highlight shows its fact');

// 7. A page of the whole test corpus: thousands of facts.
const bigMs = await open(bigPath);
check(requests.length === 1, 'the large page requests nothing', requests);
const bigDocs = await page.$$eval('#doc-picker option', (options) => options.length);
let slowest = 0, total = 0;
for (let index = 0; index < bigDocs; ++index) {
  const started = Date.now();
  await page.selectOption('#doc-picker', String(index));
  const items = await page.$$eval('#fact-list li', (items) => items.length);
  total += items;
  slowest = Math.max(slowest, Date.now() - started);
}
console.log(`large page: ${bigDocs} documents, ${total} facts (JSON Lines: ${bigFacts}), ` +
            `${(fs.statSync(bigPath).size / 1048576).toFixed(1)} MB, loaded in ${bigMs} ms, ` +
            `slowest document shown in ${slowest} ms`);
check(total === bigFacts, 'the large page lists every fact', [total, bigFacts]);
check(bigFacts > 2000, 'the large page has thousands of facts', bigFacts);
check(bigMs < 15000 && slowest < 15000, 'the large page loads and shows documents in seconds',
      [bigMs, slowest]);
if (screenshots) {
  // A provincial report, scrolled to a stretch dense with figures, one focused from the list.
  const option = await page.$$eval('#doc-picker option', (o) =>
    o.findIndex((x) => x.textContent.includes('provincial')));
  if (option >= 0) await page.selectOption('#doc-picker', String(option));
  await page.click('#fact-list button[data-f="30"]');
  await page.screenshot({path: path.join(screenshots, 'review-page-provincial.png')});
}

check(pageErrors.length === 0, 'the page raises no script error', pageErrors);
await browser.close();
console.log(`${checks - failures} passed, ${failures} failed`);
process.exit(failures ? 1 : 0);
