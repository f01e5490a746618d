// @ts-check
// Reply suggestions for the post or message being answered; a click (or Alt+Shift+1 for the
// first) puts one into the site's editor, replacing the draft or added after it.

/** @param {ComposerState} state */
async function showSuggestions(state) {
  const post = state.composer.replyTo;
  if (!post?.text) return;
  /** @type {import('../protocol.js').SuggestResult | null} */
  const result = await ask('suggest', {
    text: post.text, author_name: post.authorName || undefined, author_handle: post.authorHandle || undefined,
    platform: site.platform, private: state.composer.kind === 'dm',
  });
  if (!result?.suggestions?.length) return;
  state.offered = result.suggestions.slice(0, 3);
  state.suggestions.replaceChildren(
    h('span', { class: 'muted' }, `Looks like ${article(result.intent)} ${result.intent}. Suggested:`),
    ...state.offered.map((s, i) => {
      const b = button('', {
        class: 'suggestion', role: 'listitem', 'data-boomerang': 'suggestion', 'data-index': String(i),
        'aria-label': `Use suggestion: ${s.label}. ${s.text}` + (i === 0 ? ' (Alt+Shift+1)' : ''),
        title: 'Click to replace the draft; Shift+click to add it after the draft',
      }, (e) => useSuggestion(state, i, e.shiftKey ? 'append' : 'replace'));
      b.append(h('small', {}, s.label + (i === 0 ? ' · Alt+Shift+1' : '')), s.text);
      return b;
    }),
  );
  refreshVisibility(state);
}

/** @param {string} word */
const article = (word) => (/^[aeiou]/.test(word) ? 'an' : 'a');

/** @param {ComposerState} state @param {number} index @param {'replace' | 'append'} mode */
async function useSuggestion(state, index, mode) {
  const suggestion = state.offered[index];
  if (!suggestion) return;
  if (await site.insertText(state.composer.editor, suggestion.text, mode)) {
    state.usedSuggestion = true;
    recordEvent('suggestion_inserted');
  }
}

/** Alt+Shift+1 accepts the first suggestion of the reply box in use. @param {KeyboardEvent} e */
function onSuggestionShortcut(e) {
  if (!(e.altKey && e.shiftKey && e.code === 'Digit1')) return;
  const state = focusedComposer();
  if (!state?.offered.length) return;
  e.preventDefault();
  e.stopPropagation();
  void useSuggestion(state, 0, 'replace');
}
