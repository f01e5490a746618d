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
  editor.focus();
  const range = document.createRange();
  range.selectNodeContents(editor);
  if (mode === 'append') range.collapse(false);
  const selection = getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  await selectionSettled();
  const data = new DataTransfer();
  data.setData('text/plain', mode === 'append' && before.trim() && !/\s$/.test(before) ? ` ${text}` : text);
  editor.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  return site.readEditor(editor).text !== before || before === text;
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
 * The draft as it will read once the editor has handled `key` (a character typed or a
 * Backspace at a collapsed caret inside the draft's text), or null when that cannot be known
 * before the editor acts (a selection, a caret between elements, Enter, a shortcut).
 * @param {HTMLElement} editor @param {string} key
 */
function draftAfterKey(editor, key) {
  const selection = getSelection();
  if (!selection?.isCollapsed || (key.length !== 1 && key !== 'Backspace')) return null;
  const { text, nodes } = site.readEditor(editor);
  const at = nodes.find(({ node }) => node === selection.anchorNode);
  if (!at) return null;
  const caret = at.start + selection.anchorOffset;
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
