// zwgk pages: progressive enhancement only. Every page works without this script (plain forms, POST + redirect).
// With it: the evidence form saves itself as the clerk types and shows the server's live score in place
// (scored by the engine on the server), and "复制" buttons copy activation links. Text is set with textContent only.
(function () {
  'use strict';

  function $(sel, root) { return (root || document).querySelector(sel); }
  function $all(sel, root) { return Array.prototype.slice.call((root || document).querySelectorAll(sel)); }

  function setText(el, text) { if (el && el.textContent !== text) { el.textContent = text; flash(el); } }
  function flash(el) { el.classList.remove('is-updated'); void el.offsetWidth; el.classList.add('is-updated'); }
  function setList(ul, lines) {
    if (!ul) return;
    while (ul.firstChild) ul.removeChild(ul.firstChild);
    lines.forEach(function (line) { var li = document.createElement('li'); li.textContent = line; ul.appendChild(li); });
    var head = ul.previousElementSibling;
    if (head && head.tagName === 'H4') head.classList.toggle('is-empty', lines.length === 0);
  }
  function setStatus(el, cls, text) {
    if (!el) return;
    el.className = el.className.replace(/\bstatus-[a-z_]+\b/g, '').trim() + (cls ? ' status-' + cls : '');
    setText(el, text);
  }

  function describedBy(el, id, on) {
    var ids = (el.getAttribute('aria-describedby') || '').split(/\s+/).filter(function (x) { return x && x !== id; });
    if (on) ids.push(id);
    if (ids.length) el.setAttribute('aria-describedby', ids.join(' ')); else el.removeAttribute('aria-describedby');
  }

  function showErrors(form, errors) {
    $all('.field-error[data-for]', form).forEach(function (p) {
      var input = document.getElementById(p.getAttribute('data-for'));
      p.textContent = '';
      if (input) { input.removeAttribute('aria-invalid'); describedBy(input, p.id, false); }
    });
    errors.forEach(function (e) {
      var p = document.getElementById(e.inputId + '-error');
      var input = document.getElementById(e.inputId);
      if (p) p.textContent = e.message;
      if (input) { input.setAttribute('aria-invalid', 'true'); if (p) describedBy(input, p.id, true); }
    });
    var count = $('[data-live="errorCount"]');
    if (count) count.textContent = errors.length ? '有 ' + errors.length + ' 处填写需要更正，见各栏下方的红字说明。' : '';
  }

  function applyLive(form, live) {
    var t = live.totals;
    setText($('[data-live="final"]'), t.finalText);
    setText($('[data-live="grade"]'), t.grade);
    setText($('[data-live="base"]'), t.baseText);
    setText($('[data-live="bonus"]'), t.bonusText);
    setText($('[data-live="penalty"]'), t.penaltyText);
    setText($('[data-live="claimed"]'), t.claimedText);
    setText($('[data-live="summary"]'), t.summary);
    setText($('[data-live="pendingCount"]'), String(live.pendingCount));
    live.sections.forEach(function (s) {
      var box = $('[data-section="' + CSS.escape(s.id) + '"]');
      if (!box) return;
      setText($('.js-section-score', box), s.scoreText);
      setText($('.js-section-claimed', box), s.claimedText);
    });
    live.items.forEach(function (i) {
      var box = $('[data-item="' + CSS.escape(i.id) + '"]');
      if (!box) return;
      setText($('.js-score', box), i.scoreText);
      setStatus($('.js-status', box), i.statusClass, i.statusText);
      var diff = $('.js-diff', box);
      if (diff) { diff.className = 'diff js-diff' + (i.differenceClass ? ' ' + i.differenceClass : ''); diff.textContent = i.differenceText ? '自评' + i.differenceText : ''; }
      setList($('.js-reasons', box), i.reasons);
      setList($('.js-fixes', box), i.fixes);
      var pending = $('.js-pending', box);
      if (pending) pending.hidden = !i.pending;
    });
    setList($('[data-live="missing"]'), live.missing.map(function (m) { return m.id + ' ' + m.title + '：缺少' + m.facts; }));
    setList($('[data-live="overClaims"]'), live.overClaims.map(function (o) { return o.id + ' ' + o.title + '：自评 ' + o.claimedText + '，核定 ' + o.scoreText; }));
  }

  function initAutosave(form) {
    var url = form.getAttribute('data-live-url');
    var state = $('[data-live="saveState"]');
    var timer = null, inflight = false, again = false;
    function say(text, isError) { if (state) { state.textContent = text; state.classList.toggle('is-error', !!isError); } }
    function save() {
      if (inflight) { again = true; return; }
      inflight = true;
      say('正在保存并评分…');
      var body = new URLSearchParams();
      new FormData(form).forEach(function (v, k) { if (typeof v === 'string') body.append(k, v); });
      fetch(url, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json', 'x-csrf-token': form.elements._csrf ? form.elements._csrf.value : '' },
        body: body.toString()
      }).then(function (r) {
        return r.json().then(function (data) { return { ok: r.ok, data: data }; });
      }).then(function (res) {
        var d = res.data || {};
        if (d.live) applyLive(form, d.live);
        showErrors(form, d.errors || (d.live && d.live.errors) || []);
        if (res.ok) say(d.message || '已自动保存', false);
        else say(d.message || '保存失败，请稍后重试', true);
        if (d.version !== undefined && form.elements.version) form.elements.version.value = String(d.version);
      }).catch(function () {
        say('网络异常，未能保存；请检查网络后继续填写，内容不会丢失', true);
      }).then(function () {
        inflight = false;
        if (again) { again = false; save(); }
      });
    }
    function schedule() { clearTimeout(timer); timer = setTimeout(save, 700); }
    form.addEventListener('input', function (e) { if (e.target && e.target.type !== 'file') schedule(); });
    form.addEventListener('change', function (e) { if (e.target && e.target.type !== 'file') schedule(); });
  }

  function initCopy() {
    $all('button[data-copy]').forEach(function (b) {
      b.hidden = false;
      b.addEventListener('click', function () {
        var src = document.getElementById(b.getAttribute('data-copy'));
        if (!src) return;
        src.select();
        var done = function () { b.textContent = '已复制'; };
        if (navigator.clipboard) navigator.clipboard.writeText(src.value).then(done, function () { document.execCommand('copy'); done(); });
        else { document.execCommand('copy'); done(); }
      });
    });
  }

  document.addEventListener('DOMContentLoaded', function () {
    $all('form[data-live-url]').forEach(initAutosave);
    initCopy();
  });
})();
