// @ts-check
// One panel per reply box: suggestions for what is being answered, warnings on the draft,
// and the one "Review before sending?" step. Shown beside the editor, never over it.

/**
 * @typedef {object} ComposerState
 * @property {SiteComposer} composer
 * @property {HTMLElement} host
 * @property {HTMLElement} suggestions
 * @property {HTMLElement} warnings
 * @property {import('../protocol.js').Suggestion[]} offered
 * @property {import('../protocol.js').Issue[]} issues
 * @property {Set<string>} shownKinds warning kinds counted as shown for this draft
 * @property {Set<string>} dismissed "kind:start" of warnings the agent closed
 * @property {boolean} usedSuggestion
 * @property {boolean} reviewed the review step was shown for this draft
 * @property {boolean} closed the agent dismissed the whole panel
 * @property {boolean} checking a check of the draft is on its way to the engine
 * @property {boolean} recheck the draft changed while it was: check again when it answers
 * @property {Promise<void>} checked settles when the checks in flight are done (tone.js `scheduleCheck`)
 * @property {boolean} paused the agent has not typed for a moment (tone.js `draftChanged`): the
 *   whole reply is checked, missing signature and acknowledgement included
 * @property {ReturnType<typeof setTimeout> | undefined} pauseTimer
 * @property {{text: string, result: Promise<import('../protocol.js').CheckResult | null>} | null} ahead
 *   a check sent as a key went down, of the draft that key would make (tone.js `checkAhead`)
 */

/** @type {Map<HTMLElement, ComposerState>} */
const composers = new Map();

/** @param {SiteComposer} composer */
function attachComposer(composer) {
  const existing = composers.get(composer.editor);
  if (existing) {
    if (!existing.host.isConnected && !existing.closed) composer.mount(existing.host);
    return;
  }
  const { host, root } = createOverlay('composer', 'Boomerang reply assistant');
  /** @type {ComposerState} */
  const state = {
    composer, host, offered: [], issues: [], shownKinds: new Set(), dismissed: new Set(),
    usedSuggestion: false, reviewed: false, closed: false, checking: false, recheck: false, checked: Promise.resolve(),
    ahead: null, paused: true, pauseTimer: undefined,
    suggestions: h('div', { class: 'row', role: 'list', 'aria-label': 'Suggested replies' }),
    warnings: h('div', { 'aria-live': 'polite' }),
  };
  const panel = h('div', { class: 'panel' },
    panelHead(composer.kind === 'dm' ? 'for this message' : 'for this reply', () => {
      state.closed = true;
      host.remove();
      markRanges(composer.editor, []);
    }),
    state.suggestions, state.warnings);
  root.append(panel);
  host.hidden = true;
  composers.set(composer.editor, state);
  composer.mount(host);
  // Draft renders typed text itself (no input event): watch the editor's DOM instead. A
  // textarea's text is no DOM: it says so by input events.
  if (composer.editor instanceof HTMLTextAreaElement) composer.editor.addEventListener('input', guarded(() => draftChanged(state)));
  else new MutationObserver(guarded(() => draftChanged(state))).observe(composer.editor, { childList: true, subtree: true, characterData: true });
  composer.editor.addEventListener('keydown', guarded((/** @type {KeyboardEvent} */ e) => checkAhead(state, e)), true);
  void showSuggestions(state);
  scheduleCheck(state);
}

/** Hides the panel when it has nothing to show. @param {ComposerState} state */
function refreshVisibility(state) {
  state.host.hidden = !state.suggestions.childElementCount && !state.warnings.childElementCount;
}

/** Whether `node` is inside the editor of a reply box Boomerang already serves. @param {Node} node */
function insideComposer(node) {
  for (const editor of composers.keys()) if (editor.contains(node)) return true;
  return false;
}

/** Drops state of editors that left the page. */
function pruneComposers() {
  for (const [editor, state] of composers) {
    if (!editor.isConnected) {
      clearTimeout(state.pauseTimer);
      state.host.remove();
      composers.delete(editor);
      markRanges(editor, []);
    }
  }
}

/** The composer the agent is typing in, if Boomerang knows it. */
function focusedComposer() {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  for (const [editor, state] of composers) if (active && editor.contains(active)) return state;
  return composers.size === 1 ? [...composers.values()][0] : null;
}
