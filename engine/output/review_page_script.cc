// The review page's styles and script. The page holds each document as a JSON block (written by
// review_page.cc); the script renders the picked document's text once, as one fragment, and its
// fact list, so a page of many documents and thousands of facts builds only what is shown.
#include "engine/output/review_page_script.h"

namespace glean::output {

const char kReviewPageHead[] = R"PAGE(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>@TITLE@</title>
<style>
:root { --side: 24rem; --bar: 3.25rem; --focus: #1747c9; }
* { box-sizing: border-box; }
html, body { margin: 0; height: 100%; }
body { font: 15px/1.5 system-ui, "Noto Sans CJK SC", "Noto Sans SC", sans-serif; color: #1b1b1b;
       background: #fafaf8; display: flex; flex-direction: column; }
header { height: var(--bar); display: flex; align-items: center; gap: 1rem; padding: 0 1rem;
         background: #24292f; color: #fff; flex: none; }
header h1 { font-size: 1rem; margin: 0; white-space: nowrap; overflow: hidden;
            text-overflow: ellipsis; max-width: 30%; }
header label { display: flex; align-items: center; gap: .4rem; min-width: 0; flex: 1; }
header select { min-width: 0; max-width: 40rem; flex: 1; font: inherit; padding: .2rem; }
#doc-meta { font-size: .85rem; color: #d0d7de; white-space: nowrap; }
#main { flex: 1; display: flex; min-height: 0; }
#text-pane { flex: 1; overflow: auto; padding: 1rem 1.5rem 40vh; min-width: 0; }
#doc-title { font-size: 1.15rem; margin: 0 0 .75rem; }
#text { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 16px; line-height: 1.9;
        max-width: 60rem; }
aside { width: var(--side); flex: none; display: flex; flex-direction: column; border-left: 1px
        solid #d0d7de; background: #fff; min-height: 0; }
.filters { display: grid; grid-template-columns: auto 1fr; gap: .35rem .5rem; padding: .6rem .75rem;
           border-bottom: 1px solid #d0d7de; align-items: center; }
.filters select { font: inherit; min-width: 0; }
#count { margin: 0; padding: .3rem .75rem; font-size: .85rem; color: #57606a; }
#fact-list { list-style: none; margin: 0; padding: 0 0 2rem; overflow: auto; flex: 1; }
#fact-list li[hidden] { display: none; }
#fact-list button { display: block; width: 100%; text-align: left; font: inherit; font-size: .9rem;
                    border: 0; border-bottom: 1px solid #eaeef2; background: none; padding: .35rem
                    .75rem; cursor: pointer; color: inherit; }
#fact-list button:hover { background: #f3f4f6; }
#fact-list button[aria-current="true"] { background: #ddf4ff; }
#fact-list .sw { display: inline-block; width: .8rem; height: .8rem; border-radius: 2px;
                 vertical-align: -1px; margin-right: .35rem; background: var(--hl);
                 border: 1px solid rgba(0, 0, 0, .35); }
#fact-list .sw.fig { background: #fff; border: 1px dotted #333; }
#fact-list .ft { font-weight: 600; }
#fact-list .fv { margin-left: .4rem; }
#fact-list .fr, #fact-list .fx { display: block; color: #57606a; font-size: .8rem; white-space:
                                 nowrap; overflow: hidden; text-overflow: ellipsis; }
#fact-list .nohl { color: #9a3412; }
mark.hl { background: var(--hl); color: #111; border-radius: 2px; padding: 0; cursor: help;
          box-shadow: inset 0 -2px 0 rgba(0, 0, 0, .28); }
mark.hl mark.hl { box-shadow: inset 0 -3px 0 rgba(0, 0, 0, .45); }
mark.hl.fig { background: transparent; box-shadow: none; text-decoration: underline dotted #444;
              text-decoration-thickness: 2px; text-underline-offset: 4px; }
mark.hl.off { background: transparent; box-shadow: none; text-decoration: none; cursor: auto; }
mark.hl:focus { outline: 3px solid var(--focus); outline-offset: 1px; }
mark.hl.current { outline: 2px dashed var(--focus); }
button:focus-visible, select:focus-visible { outline: 3px solid var(--focus); outline-offset: -3px; }
#tip { position: fixed; z-index: 10; max-width: 26rem; background: #fff; color: #1b1b1b;
       border: 1px solid #8c959f; border-radius: 4px; box-shadow: 0 4px 14px rgba(0, 0, 0, .18);
       padding: .5rem .7rem; font-size: .85rem; pointer-events: none; }
#tip[hidden] { display: none; }
#tip table { border-collapse: collapse; }
#tip th { text-align: left; font-weight: 600; padding: 0 .6rem 0 0; vertical-align: top;
          white-space: nowrap; color: #57606a; }
#tip td { padding: 0; }
#tip .tip-head { font-weight: 700; margin-bottom: .25rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: .5rem; z-index: 20; background: #fff; color: #000; padding: .3rem; }
@media (max-width: 900px) { :root { --side: 18rem; } }
</style>
<style id="type-colors"></style>
</head>
<body>
<a class="skip" href="#text-pane">Skip to the report text</a>
<header>
<h1>@TITLE@</h1>
<label>Document <select id="doc-picker"></select></label>
<span id="doc-meta" aria-live="polite"></span>
</header>
<div id="main">
<main id="text-pane" tabindex="-1" aria-label="Report text">
<h2 id="doc-title"></h2>
<div id="text" lang="zh"></div>
</main>
<aside aria-label="Facts">
<div class="filters">
<label for="type-filter">Fact type</label><select id="type-filter"></select>
<label for="rule-filter">Rule</label><select id="rule-filter"></select>
</div>
<p id="count" aria-live="polite"></p>
<ul id="fact-list" aria-label="Facts of this document"></ul>
</aside>
</div>
<div id="tip" role="tooltip" hidden></div>
<noscript><p>This page needs JavaScript to show the reports.</p></noscript>
)PAGE";

const char kReviewPageTail[] = R"PAGE(<script>
(function () {
  'use strict';
  // Light backgrounds, each with a contrast ratio above 10 against the near-black text.
  const PALETTE = ['#ffe08a', '#b8e6b8', '#b9dcff', '#ffc9c9', '#e2cbff', '#ffd8a8', '#a8ece6',
                   '#f5c6e8', '#d8e9a8', '#c9d3ff', '#f0d9b5', '#c2f0c2'];
  const byId = (id) => document.getElementById(id);
  const blocks = Array.from(document.querySelectorAll('script.glean-doc'));
  const picker = byId('doc-picker'), textEl = byId('text'), list = byId('fact-list');
  const typeFilter = byId('type-filter'), ruleFilter = byId('rule-filter'), tip = byId('tip');
  const sheet = byId('type-colors').sheet;
  const typeClasses = new Map();
  let current = null;  // {data, first: the first element of each fact's highlight, items}

  // A fact type's colour depends only on its name, so it is the same on every page.
  function typeClass(type) {
    let name = typeClasses.get(type);
    if (name) return name;
    let hash = 2166136261;
    for (const ch of type) hash = Math.imul(hash ^ ch.codePointAt(0), 16777619);
    name = 't' + typeClasses.size;
    typeClasses.set(type, name);
    sheet.insertRule('.' + name + ' { --hl: ' + PALETTE[(hash >>> 0) % PALETTE.length] + '; }',
                     sheet.cssRules.length);
    return name;
  }

  function fieldText(field) {
    let text = field.value + (field.unit ? ' ' + field.unit : '');
    if (field.approx) text += ' (' + field.approx + ')';
    return text;
  }

  // The field that says most in a line: a figure's value, else a rule's first field.
  function mainField(fact) {
    const field = fact.fields.find((f) => f.name === 'value') || fact.fields[0];
    return field ? fieldText(field) : '';
  }

  // A figure's own words first, since its fact type says nothing: 国家级中小企业特色产业集群 · 7个.
  function labelled(fact) {
    const label = fact.figure && fact.fields.find((f) => f.name === 'label');
    return label && label.value ? label.value + ' · ' + fact.text : fact.text;
  }

  function describe(fact) {
    const main = mainField(fact);
    return fact.fact + (main ? ' ' + main : '');
  }

  function span(className, text) {
    const element = document.createElement('span');
    element.className = className;
    element.textContent = text;
    return element;
  }

  // Highlights nest; one that crosses the end of another is cut there and goes on in a piece
  // of its own, so every piece is a well-formed element. Only a fact's first piece is focusable.
  function renderText(data, first) {
    const facts = data.facts, text = data.text;
    const order = [];
    const bounds = new Set();
    facts.forEach((fact, k) => {
      if (fact.s === undefined) return;
      order.push(k);
      bounds.add(fact.s);
      bounds.add(fact.e);
    });
    order.sort((a, b) => facts[a].s - facts[b].s || facts[b].e - facts[a].e || a - b);
    const sorted = Array.from(bounds).sort((a, b) => a - b);
    const fragment = document.createDocumentFragment();
    const stack = [{element: fragment, end: Infinity, k: -1}];
    const open = (k, parent) => {
      const fact = facts[k];
      const mark = document.createElement('mark');
      mark.className = 'hl ' + typeClass(fact.fact) + (fact.figure ? ' fig' : '');
      mark.dataset.f = k;
      if (!first[k]) {
        first[k] = mark;
        mark.id = 'f' + k;
        mark.tabIndex = 0;
        mark.setAttribute('role', 'button');
        mark.setAttribute('aria-label', describe(fact) + ', rule ' + fact.rule);
      }
      parent.appendChild(mark);
      return mark;
    };
    let at = 0, next = 0;
    for (const bound of sorted) {
      if (bound > at) {
        stack[stack.length - 1].element.appendChild(document.createTextNode(text.slice(at, bound)));
        at = bound;
      }
      let lowest = stack.findIndex((entry) => entry.end <= bound);
      if (lowest > 0) {
        const reopened = stack.splice(lowest).filter((entry) => entry.end > bound);
        for (const entry of reopened) {
          entry.element = open(entry.k, stack[stack.length - 1].element);
          stack.push(entry);
        }
      }
      while (next < order.length && facts[order[next]].s === bound) {
        const k = order[next++];
        const mark = open(k, stack[stack.length - 1].element);
        if (facts[k].e > bound) stack.push({element: mark, end: facts[k].e, k: k});
      }
    }
    if (at < text.length) fragment.appendChild(document.createTextNode(text.slice(at)));
    textEl.replaceChildren(fragment);
  }

  function renderList(data, first) {
    const fragment = document.createDocumentFragment();
    const items = data.facts.map((fact, k) => {
      const item = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.dataset.f = k;
      const swatch = span('sw ' + typeClass(fact.fact) + (fact.figure ? ' fig' : ''), '');
      swatch.setAttribute('aria-hidden', 'true');
      button.append(swatch, span('ft', fact.fact), span('fv', mainField(fact)), span('fr', fact.rule + ' · line ' + fact.line +
                    (fact.period ? ' · ' + fact.period : '') + ' · ' + fact.status),
                    span('fx' + (first[k] ? '' : ' nohl'), labelled(fact)));
      item.appendChild(button);
      fragment.appendChild(item);
      return item;
    });
    list.replaceChildren(fragment);
    return items;
  }

  function fillFilter(select, label, names) {
    const counts = new Map();
    for (const name of names) counts.set(name, (counts.get(name) || 0) + 1);
    const options = [new Option('all ' + label + ' (' + names.length + ')', '')];
    for (const name of Array.from(counts.keys()).sort()) {
      options.push(new Option(name + ' (' + counts.get(name) + ')', name));
    }
    select.replaceChildren(...options);
  }

  function applyFilters() {
    if (!current) return;
    const type = typeFilter.value, rule = ruleFilter.value;
    let shown = 0;
    current.data.facts.forEach((fact, k) => {
      const keep = (!type || fact.fact === type) && (!rule || fact.rule === rule);
      current.items[k].hidden = !keep;
      if (keep) ++shown;
    });
    for (const mark of textEl.querySelectorAll('mark.hl')) {
      const fact = current.data.facts[mark.dataset.f];
      const keep = (!type || fact.fact === type) && (!rule || fact.rule === rule);
      mark.classList.toggle('off', !keep);
      if (current.first[mark.dataset.f] === mark) mark.tabIndex = keep ? 0 : -1;
    }
    byId('count').textContent = shown + ' of ' + current.data.facts.length + ' facts shown';
  }

  function showDocument(index) {
    hideTip();
    const data = JSON.parse(blocks[index].textContent);
    const first = new Array(data.facts.length).fill(null);
    renderText(data, first);
    const items = renderList(data, first);
    current = {data: data, first: first, items: items};
    byId('doc-title').textContent = data.title || data.doc;
    byId('doc-meta').textContent = (data.year ? data.year + ' · ' : '') + data.facts.length +
                                   ' facts';
    fillFilter(typeFilter, 'fact types', data.facts.map((fact) => fact.fact));
    fillFilter(ruleFilter, 'rules', data.facts.map((fact) => fact.rule));
    applyFilters();
    byId('text-pane').scrollTop = 0;
  }

  function row(table, name, value) {
    const tr = table.insertRow();
    const th = document.createElement('th');
    th.textContent = name;
    tr.appendChild(th);
    tr.insertCell().textContent = value;
  }

  function showTip(mark) {
    const fact = current.data.facts[mark.dataset.f];
    const head = document.createElement('div');
    head.className = 'tip-head';
    head.textContent = fact.fact + (fact.figure ? ' (no rule claimed this figure)' : '');
    const table = document.createElement('table');
    row(table, 'rule', fact.rule);
    row(table, 'fact type', fact.fact);
    for (const field of fact.fields) row(table, field.name, fieldText(field));
    row(table, 'period', fact.period || 'unknown');
    row(table, 'status', fact.status);
    if (fact.section) row(table, 'section', fact.section);
    row(table, 'at', 'line ' + fact.line + ', column ' + fact.column);
    tip.replaceChildren(head, table);
    tip.hidden = false;
    const box = mark.getBoundingClientRect(), size = tip.getBoundingClientRect();
    let top = box.bottom + 6;
    if (top + size.height > window.innerHeight) top = Math.max(4, box.top - size.height - 6);
    tip.style.top = top + 'px';
    tip.style.left = Math.max(4, Math.min(box.left, window.innerWidth - size.width - 8)) + 'px';
    mark.setAttribute('aria-describedby', 'tip');
  }

  function hideTip() {
    tip.hidden = true;
    for (const mark of textEl.querySelectorAll('[aria-describedby]')) {
      mark.removeAttribute('aria-describedby');
    }
  }

  function markOf(target) {
    const mark = target.closest && target.closest('mark.hl');
    return mark && !mark.classList.contains('off') ? mark : null;
  }

  function select(k, focusText) {
    for (const button of list.querySelectorAll('[aria-current]')) {
      button.removeAttribute('aria-current');
    }
    for (const mark of textEl.querySelectorAll('mark.current')) mark.classList.remove('current');
    const button = current.items[k].firstChild;
    button.setAttribute('aria-current', 'true');
    const mark = current.first[k];
    if (focusText && mark) {
      mark.classList.add('current');
      mark.scrollIntoView({block: 'center'});
      mark.focus({preventScroll: true});
    } else {
      button.scrollIntoView({block: 'nearest'});
    }
  }

  textEl.addEventListener('mouseover', (event) => {
    const mark = markOf(event.target);
    if (mark) showTip(mark);
  });
  textEl.addEventListener('mouseout', (event) => {
    if (markOf(event.target) && document.activeElement !== markOf(event.target)) hideTip();
  });
  textEl.addEventListener('focusin', (event) => {
    const mark = markOf(event.target);
    if (mark) showTip(mark);
  });
  textEl.addEventListener('focusout', hideTip);
  textEl.addEventListener('keydown', (event) => {
    const mark = markOf(event.target);
    if (!mark) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      select(Number(mark.dataset.f), false);
    } else if (event.key === 'Escape') {
      hideTip();
    }
  });
  textEl.addEventListener('click', (event) => {
    const mark = markOf(event.target);
    if (mark) select(Number(mark.dataset.f), false);
  });
  list.addEventListener('click', (event) => {
    const button = event.target.closest('button');
    if (button) select(Number(button.dataset.f), true);
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') hideTip();
  });
  typeFilter.addEventListener('change', applyFilters);
  ruleFilter.addEventListener('change', applyFilters);
  picker.addEventListener('change', () => showDocument(picker.selectedIndex));

  blocks.forEach((block, index) => {
    // The name only: a document's data is parsed when it is picked.
    const name = block.dataset.name || ('document ' + (index + 1));
    picker.appendChild(new Option(name, String(index)));
  });
  if (blocks.length) {
    showDocument(0);
  } else {
    byId('doc-title').textContent = 'No documents';
  }
  document.body.dataset.ready = 'true';
})();
</script>
</body>
</html>
)PAGE";

}  // namespace glean::output
