// @ts-check
// Putting text into a site's rich editor so that the site's own state has it, and marking
// spans of the draft without touching the editor's DOM.

/** Resolves once the page has seen a selection change (React reads it on `selectionchange`). */
function selectionSettled() {
  return new Promise((resolve) => {
    const done = () => { document.removeEventListener('selectionchange', done); resolve(undefined); };
    document.addEventListener('selectionchange', done);
    // An unchanged selection fires nothing: do not wait for it.
    window.setTimeout(done, 50);
  });
}

/**
 * Draft.js (X) and editors like it take text from a synthetic paste carrying a DataTransfer;
 * execCommand('insertText') into an empty Draft editor corrupts React's tree (DESIGN.md §3).
 * @param {HTMLElement} editor
 * @param {string} text
 * @param {'replace' | 'append'} mode
 */
async function pasteInto(editor, text, mode) {
  const before = site.readEditor(editor).text;
  const inserted = addition(before, text, mode);
  editor.focus();
  const range = document.createRange();
  range.selectNodeContents(editor);
  if (mode === 'append') range.collapse(false);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  await selectionSettled();
  const data = new DataTransfer();
  data.setData('text/plain', inserted);
  editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  return site.readEditor(editor).text !== before || before === text;
}

/**
 * A plain <textarea> (X's newer chat) takes text as typing would: `insertText` keeps the undo
 * history and fires the input event that React's controlled textarea listens to.
 * @param {HTMLTextAreaElement} area @param {string} text @param {'replace' | 'append'} mode
 */
async function typeInto(area, text, mode) {
  const before = area.value;
  area.focus();
  if (mode === 'append') area.setSelectionRange(before.length, before.length);
  else area.select();
  document.execCommand('insertText', false, addition(before, text, mode));
  return area.value !== before || before === text;
}

/**
 * What to insert for `text`: after a draft, set off by a space unless it ends in one.
 * @param {string} before @param {string} text @param {'replace' | 'append'} mode
 */
function addition(before, text, mode) {
  return mode === 'append' && before.trim() && !/\s$/.test(before) ? ` ${text}` : text;
}

/**
 * A DOM range over [start, end) of the draft as `site.readEditor` counts it.
 * @param {HTMLElement} editor @param {number} start @param {number} end
 */
function draftRange(editor, start, end) {
  const { nodes } = site.readEditor(editor);
  /** @param {number} offset @returns {[Text, number] | null} */
  const locate = (offset) => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      const { node, start: s } = nodes[i];
      if (offset >= s) return [node, Math.min(offset - s, node.length)];
    }
    return null;
  };
  const from = locate(start);
  const to = locate(end);
  if (!from || !to) return null;
  const range = new Range();
  range.setStart(...from);
  range.setEnd(...to);
  return range.collapsed ? null : range;
}

/**
 * Where the caret is in the draft as `site.readEditor` counts it, or null for a selection or a
 * caret between elements.
 * @param {HTMLElement} editor @returns {number | null}
 */
function caretIn(editor) {
  if (editor instanceof HTMLTextAreaElement) return editor.selectionStart === editor.selectionEnd ? editor.selectionStart : null;
  const selection = getSelection();
  if (!selection?.isCollapsed) return null;
  const at = site.readEditor(editor).nodes.find(({ node }) => node === selection.anchorNode);
  return at ? at.start + selection.anchorOffset : null;
}

/**
 * The draft as it will read once the editor has handled `key` (a character typed or a
 * Backspace at a collapsed caret inside the draft's text), or null when that cannot be known
 * before the editor acts (a selection, a caret between elements, Enter, a shortcut).
 * @param {HTMLElement} editor @param {string} key
 */
function draftAfterKey(editor, key) {
  if (key.length !== 1 && key !== 'Backspace') return null;
  const caret = caretIn(editor);
  if (caret === null) return null;
  const { text } = site.readEditor(editor);
  if (key.length === 1) return text.slice(0, caret) + key + text.slice(caret);
  // Backspace removes one code unit only where that is one character.
  const removed = text.charCodeAt(caret - 1);
  if (caret < 1 || (removed >= 0xd800 && removed <= 0xdfff)) return null;
  return text.slice(0, caret - 1) + text.slice(caret);
}

const HIGHLIGHT = 'boomerang-warning';
/** @type {Map<HTMLElement, Range[]>} */
const marked = new Map();

/** Marks spans with the CSS Custom Highlight API: no element is added inside the editor. */
function installHighlightStyle() {
  if (!('highlights' in CSS)) return;
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(`::highlight(${HIGHLIGHT}) { text-decoration: underline wavy #d97706 2px; text-underline-offset: 3px; background-color: rgba(245, 158, 11, 0.18); }`);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
}

/** @param {HTMLElement} editor @param {Range[]} ranges */
function markRanges(editor, ranges) {
  if (!('highlights' in CSS)) return;
  if (ranges.length) marked.set(editor, ranges);
  else marked.delete(editor);
  for (const e of marked.keys()) if (!e.isConnected) marked.delete(e);
  const all = [...marked.values()].flat();
  if (all.length) CSS.highlights.set(HIGHLIGHT, new Highlight(...all));
  else CSS.highlights.delete(HIGHLIGHT);
}
