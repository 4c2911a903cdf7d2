// leaflet serve's page: shows each message's source beside a field for its translation,
// asks the server to check the unsaved text (findings at their fields, the page drawn)
// within a moment of each edit, and saves with the Save button or Ctrl+S.
'use strict';

const $ = (id) => document.getElementById(id);
let state = null;
/** The text of each field as last loaded or saved, to send only what was edited. */
let loaded = {};
let version = '';
let timer = null;
let checking = false;
let checkAgain = false;

function fieldId(key) { return 'field-' + key; }

function edits() {
  const out = {};
  for (const area of document.querySelectorAll('#rows textarea')) {
    const key = area.dataset.key;
    if (area.value !== loaded[key]) out[key] = area.value;
  }
  return out;
}

function setStatus(text) { $('status').textContent = text; }

function sourcePieces(pieces) {
  const out = document.createDocumentFragment();
  for (const piece of pieces) {
    if (piece.text !== undefined) {
      out.append(piece.text);
    } else {
      const chip = document.createElement('span');
      chip.className = piece.var !== undefined ? 'chip' : 'chip code';
      chip.textContent = piece.var !== undefined ? '$' + piece.var : piece.code;
      out.append(chip);
    }
  }
  return out;
}

function render() {
  $('lang').textContent = state.lang;
  $('file').textContent = state.file;
  $('source-lang').textContent = state.source_lang;
  $('target-lang').textContent = state.lang;
  const rows = $('rows');
  rows.replaceChildren();
  loaded = {};
  for (const field of state.fields) {
    const row = document.createElement('div');
    row.className = 'row';
    const label = document.createElement('label');
    label.htmlFor = fieldId(field.key);
    label.textContent = field.key;
    const source = document.createElement('div');
    source.className = 'source';
    source.lang = state.source_lang;
    source.dir = state.source_dir;
    source.append(sourcePieces(field.source));
    const area = document.createElement('textarea');
    area.id = fieldId(field.key);
    area.dataset.key = field.key;
    area.lang = state.lang;
    area.dir = state.dir;
    area.value = field.text === null ? '' : field.text;
    area.rows = Math.max(2, area.value.split('\n').length);
    if (field.text === null) area.placeholder = 'missing: type the translation';
    area.addEventListener('input', () => { setStatus('Unsaved changes'); scheduleCheck(); });
    loaded[field.key] = area.value;
    const findings = document.createElement('ul');
    findings.className = 'findings';
    findings.id = 'findings-' + field.key;
    row.append(label, source, area, findings);
    rows.append(row);
  }
}

function showFindings(findings) {
  for (const list of document.querySelectorAll('.findings, #general ul')) list.replaceChildren();
  for (const finding of findings) {
    const item = document.createElement('li');
    item.className = finding.severity;
    item.textContent = finding.message;
    if (finding.hint) {
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = 'help: ' + finding.hint;
      item.append(hint);
    }
    const list = (finding.field && $('findings-' + finding.field)) || document.querySelector('#general ul');
    list.append(item);
  }
}

function scheduleCheck() {
  clearTimeout(timer);
  timer = setTimeout(check, 250);
}

async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

async function check() {
  if (checking) { checkAgain = true; return; }
  checking = true;
  try {
    const page = Number($('page').value) || 1;
    const { status, body } = await post('/api/check', { lang: state.lang, edits: edits(), page });
    if (status !== 200) { setStatus('Check failed: ' + body.error); return; }
    showFindings(body.findings);
    const select = $('page');
    if (body.pages > 0 && select.options.length !== body.pages) {
      select.replaceChildren();
      for (let n = 1; n <= body.pages; n++) select.append(new Option(String(n), String(n)));
    }
    if (body.pages > 0) select.value = String(body.page);
    if (body.image) {
      $('preview').src = body.image;
      $('preview-note').textContent = '';
    } else {
      $('preview-note').textContent = 'The page cannot be drawn with this text (see the findings); it shows the last text that could.';
    }
  } catch (e) {
    setStatus('The server does not answer: is `leaflet serve` still running?');
  } finally {
    checking = false;
    if (checkAgain) { checkAgain = false; check(); }
  }
}

async function save() {
  const changed = edits();
  try {
    const { status, body } = await post('/api/save', { lang: state.lang, version, edits: changed });
    if (status === 200) {
      version = body.version;
      for (const key of Object.keys(changed)) loaded[key] = changed[key];
      setStatus('Saved');
      check();
    } else if (status === 409) {
      $('conflict').hidden = false;
      setStatus('Not saved: the file changed on disk');
    } else if (status === 422) {
      showFindings(body.findings);
      setStatus('Not saved: ' + body.error + ' (see the findings at the fields)');
    } else {
      setStatus('Not saved: ' + body.error);
    }
  } catch (e) {
    setStatus('Not saved: the server does not answer');
  }
}

async function load() {
  const response = await fetch('/api/state');
  const body = await response.json();
  if (response.status !== 200) { setStatus(body.error); return; }
  state = body;
  version = state.version;
  $('conflict').hidden = true;
  render();
  setStatus('No changes');
  check();
}

document.addEventListener('keydown', (event) => {
  if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 's') {
    event.preventDefault();
    save();
  }
});
window.addEventListener('beforeunload', (event) => {
  if (state && Object.keys(edits()).length > 0) event.preventDefault();
});
$('save').addEventListener('click', save);
$('reload').addEventListener('click', load);
$('page').addEventListener('change', check);
load();
