"use strict";
(function () {
  var doc = document, body = doc.body, text = doc.getElementById("text");
  var panel = doc.getElementById("panel"), index = doc.getElementById("gindex");
  var backButton = doc.getElementById("back"), pop = doc.getElementById("pop");
  var input = doc.getElementById("q"), count = doc.getElementById("count");
  var narrow = window.matchMedia("(max-width: 760px)");
  var history = [], shown = null, popFor = null;

  function state() { return { entry: shown, y: window.scrollY, open: body.classList.contains("open") }; }
  function show(entry, open) {
    var articles = panel.querySelectorAll("article.entry");
    for (var i = 0; i < articles.length; i++) articles[i].hidden = true;
    index.hidden = !!entry;
    if (entry) doc.getElementById("g" + entry).hidden = false;
    shown = entry;
    body.classList.toggle("open", open);
    backButton.disabled = history.length === 0;
  }
  function openEntry(entry) {
    history.push(state());
    show(entry, true);
    panel.scrollTop = 0;
    doc.getElementById("g" + entry).focus({ preventScroll: true });
  }
  function back() {
    var last = history.pop();
    if (!last) return;
    show(last.entry, last.open);
    window.scrollTo(0, last.y);
    var target = last.entry ? doc.getElementById("g" + last.entry) : index.querySelector("a");
    if (target && (last.open || !narrow.matches)) target.focus({ preventScroll: true });
  }
  function closePanel() {
    if (!body.classList.contains("open") && !shown) return;
    history.push(state());
    show(null, false);
  }
  function flash(element) {
    element.classList.remove("flash");
    void element.offsetWidth;
    element.classList.add("flash");
  }
  function goTo(element) {
    history.push(state());
    if (narrow.matches) show(shown, false);
    element.scrollIntoView({ block: "center" });
    element.focus({ preventScroll: true });
    flash(element);
  }

  // Popovers: one element, filled from the entry's own article (text only, never HTML).
  function fill(selector, from, to) {
    var source = from.querySelector(selector), target = pop.querySelector(selector);
    target.textContent = source ? source.textContent : "";
  }
  function showPop(mention) {
    var entry = doc.getElementById("g" + mention.getAttribute("data-e"));
    if (!entry) return;
    pop.querySelector(".title").textContent = entry.querySelector("h3").textContent;
    fill(".kind", entry, pop); fill(".dates", entry, pop); fill(".summary", entry, pop);
    pop.querySelector(".sep").hidden = !entry.querySelector(".dates").textContent;
    pop.hidden = false;
    var box = mention.getBoundingClientRect(), width = pop.offsetWidth;
    var left = Math.max(8, Math.min(box.left + window.scrollX, window.scrollX + doc.documentElement.clientWidth - width - 8));
    pop.style.left = left + "px";
    pop.style.top = (box.bottom + window.scrollY + 6) + "px";
    mention.setAttribute("aria-describedby", "pop");
    popFor = mention;
  }
  function hidePop() {
    if (popFor) popFor.removeAttribute("aria-describedby");
    pop.hidden = true;
    popFor = null;
  }
  function mentionOf(node) { return node && node.closest ? node.closest("a.m") : null; }
  text.addEventListener("mouseover", function (event) { var m = mentionOf(event.target); if (m && m !== popFor) showPop(m); });
  text.addEventListener("mouseout", function (event) { var m = mentionOf(event.target); if (m && !m.contains(event.relatedTarget) && doc.activeElement !== m) hidePop(); });
  text.addEventListener("focusin", function (event) { var m = mentionOf(event.target); if (m) showPop(m); });
  text.addEventListener("focusout", function (event) { if (mentionOf(event.target)) hidePop(); });

  doc.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-e], a[data-m], a.fn, a.back") : null;
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    hidePop();
    if (link.hasAttribute("data-e")) openEntry(link.getAttribute("data-e"));
    else if (link.hasAttribute("data-m")) goTo(doc.getElementById("m" + link.getAttribute("data-m")));
    else goTo(doc.getElementById(link.getAttribute("href").slice(1)));
  });
  backButton.addEventListener("click", back);
  doc.getElementById("to-index").addEventListener("click", function () { history.push(state()); show(null, true); index.querySelector("a") && index.querySelector("a").focus(); });
  doc.getElementById("close").addEventListener("click", closePanel);
  doc.getElementById("open-glossary").addEventListener("click", function () { history.push(state()); show(shown, true); var a = shown ? doc.getElementById("g" + shown) : index.querySelector("a"); if (a) a.focus(); });

  // Search: text nodes folded one character for one (case, accents, quotes, dashes).
  var PAINTED = 1000, painted = [0, 0], nodes = null, starts = null, nodeIndex = null, folded = "", caselessText = null, exactText = null, size = 0, matches = [], current = -1, timer = 0;
  var canHighlight = typeof Highlight === "function" && window.CSS && CSS.highlights;
  var folds = [{}, {}];
  function foldChar(c, caseless) {
    var known = folds[caseless ? 1 : 0][c];
    return known !== undefined ? known : (folds[caseless ? 1 : 0][c] = foldOne(c, caseless));
  }
  function foldOne(c, caseless) {
    var base = c.normalize("NFD")[0];
    if (/[\u2018\u2019\u02bc]/.test(c)) base = "'";
    else if (/[\u201c\u201d]/.test(c)) base = '"';
    else if (/[\u2010-\u2015\u2212]/.test(c)) base = "-";
    else if (/\s/.test(c)) base = " ";
    if (caseless) { var lower = base.toLowerCase(); if (lower.length === 1) base = lower; }
    return base;
  }
  function fold(value, caseless) {
    var out = value.replace(/[^\x21-\x7e]/g, function (c) { return foldChar(c, caseless); });
    if (caseless) {
      var lower = out.toLowerCase();
      if (lower.length === out.length) return lower;
      out = "";
      for (var i = 0; i < value.length; i++) out += foldChar(value[i], true);
    }
    return out;
  }
  function collect() {
    nodes = []; starts = []; nodeIndex = new Map();
    var walker = doc.createTreeWalker(text, NodeFilter.SHOW_TEXT), node, parts = [], length = 0;
    while ((node = walker.nextNode())) {
      if (node.parentNode.closest("aside")) continue;
      nodeIndex.set(node, nodes.length); nodes.push(node); starts.push(length); parts.push(node.data); length += node.data.length;
    }
    folded = parts.join("");
  }
  function locate(offset) {
    var low = 0, high = starts.length - 1;
    while (low < high) { var mid = (low + high + 1) >> 1; if (starts[mid] <= offset) low = mid; else high = mid - 1; }
    return low;
  }
  function rangeOf(match) {
    var range = doc.createRange(), a = locate(match), b = locate(match + size - 1);
    range.setStart(nodes[a], match - starts[a]);
    range.setEnd(nodes[b], match + size - starts[b]);
    return range;
  }
  function search(query) {
    if (!nodes) collect();
    var caseless = query === query.toLowerCase();
    var needle = fold(query, caseless).replace(/ +/g, " ");
    var haystack = caseless ? (caselessText = caselessText || fold(folded, true)) : (exactText = exactText || fold(folded, false));
    matches = [];
    size = needle.length;
    if (needle.trim()) {
      for (var at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) matches.push(at);
    }
    painted = [0, 0];
    current = -1;
    if (canHighlight && !matches.length) { CSS.highlights.delete("hit"); CSS.highlights.delete("current"); }
    if (matches.length) step(firstFrom(readingOffset()), true); else report();
  }
  // Where the reader is: the text at the top of the screen, found without laying out the page.
  function readingOffset() {
    var top = doc.querySelector("header.top").getBoundingClientRect().bottom + 4;
    var element = doc.elementFromPoint(Math.min(window.innerWidth / 3, 200), top);
    var block = element && element.closest ? element.closest("#text p, #text pre, #text h2, #text h3, #text h4, #text h5, #text h6, #text blockquote") : null;
    if (!block) return 0;
    var walker = doc.createTreeWalker(block, NodeFilter.SHOW_TEXT), node = walker.nextNode();
    var index = node ? nodeIndex.get(node) : undefined;
    return index === undefined ? 0 : starts[index];
  }
  function firstFrom(offset) {
    for (var low = 0, high = matches.length; low < high;) { var mid = (low + high) >> 1; if (matches[mid] < offset) low = mid + 1; else high = mid; }
    return low < matches.length ? low : 0;
  }
  // A common word has tens of thousands of matches: those around the current one are painted.
  function paint() {
    if (current >= painted[0] && current < painted[1]) return;
    painted = [Math.max(0, current - PAINTED), Math.min(matches.length, current + PAINTED)];
    var hits = new Highlight();
    for (var i = painted[0]; i < painted[1]; i++) hits.add(rangeOf(matches[i]));
    CSS.highlights.set("hit", hits);
  }
  function report() {
    count.textContent = !input.value.trim() ? "" : matches.length ? (current + 1) + "/" + matches.length : "no matches";
  }
  function step(to, absolute) {
    if (!matches.length) return;
    current = absolute ? to : (current + to + matches.length) % matches.length;
    var range = rangeOf(matches[current]);
    if (canHighlight) { paint(); CSS.highlights.set("current", new Highlight(range)); }
    else { var selection = window.getSelection(); selection.removeAllRanges(); selection.addRange(range); }
    var element = range.startContainer.parentNode;
    element.scrollIntoView({ block: "center" });
    report();
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(function () { search(input.value); }, matches.length > 5000 ? 250 : 80); });
  doc.getElementById("search").addEventListener("submit", function (event) { event.preventDefault(); clearTimeout(timer); if (current < 0 || !matches.length) search(input.value); else step(event.submitter && event.submitter.id === "prev" ? -1 : 1); });
  doc.getElementById("prev").addEventListener("click", function (event) { event.preventDefault(); step(-1); });
  doc.getElementById("next").addEventListener("click", function (event) { event.preventDefault(); step(1); });

  doc.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|TEXTAREA|SELECT)$/.test(event.target.tagName);
    if (event.key === "Escape") {
      if (typing) { input.value = ""; matches = []; current = -1; if (canHighlight) { CSS.highlights.delete("hit"); CSS.highlights.delete("current"); } report(); input.blur(); }
      else if (!pop.hidden) hidePop();
      else closePanel();
      return;
    }
    if (typing && event.key === "Enter" && event.shiftKey) { event.preventDefault(); step(-1); return; }
    if (typing || event.ctrlKey || event.metaKey) return;
    if (event.key === "/") { event.preventDefault(); input.focus(); input.select(); }
    else if (event.key === "n") step(1);
    else if (event.key === "N") step(-1);
    else if (event.key === "i") doc.getElementById("to-index").click();
    else if (event.key === "Backspace" || (event.altKey && event.key === "ArrowLeft")) { event.preventDefault(); back(); }
  });
  show(null, false);
})();
