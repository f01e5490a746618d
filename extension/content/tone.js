// @ts-check
// Tone warnings on the draft while the agent types: the span marked in the editor, a card that
// says why with the engine's rewrite in one click, and one calm "Review before sending?" step.

/** Kinds that make a sent reply count as harmful in the figures (stats.rs `clean`). */
const HARMFUL = ['blame', 'deflection', 'hostile'];
/** Kinds warned about words the agent may turn off for good ("Don't warn about this"). */
const MUTABLE = ['blame', 'deflection', 'hostile', 'private_info'];
const KIND_NAMES = {
  blame: 'Blame', deflection: 'Deflection', hostile: 'Public argument', private_info: 'Personal data in public',
  shouting: 'Shouting', no_signature: 'No signature', no_empathy: 'No empathy', over_limit: 'Too long',
};

/**
 * How long a pause in typing reads as "done for now": warnings about the whole reply (a
 * missing signature, a missing acknowledgement) are asked for then, not at every key.
 */
const PAUSE_MS = 800;

/**
 * The draft changed under the agent's hands: check it as typing, and once they pause, check it
 * whole. @param {ComposerState} state
 */
function draftChanged(state) {
  state.paused = false;
  clearTimeout(state.pauseTimer);
  state.pauseTimer = setTimeout(() => checkWhole(state), PAUSE_MS);
  scheduleCheck(state);
}

/** Checks the whole reply now, as after a pause. @param {ComposerState} state */
function checkWhole(state) {
  clearTimeout(state.pauseTimer);
  state.paused = true;
  return scheduleCheck(state);
}

/**
 * Checks the draft now, or, while a check is on its way, once more when it answers: no timer
 * stands between the agent's key and the warning, at most one check per composer is in flight
 * however fast the typing or pasting, and the last draft is always the one checked. Resolves
 * once the last draft's warnings are drawn.
 * @param {ComposerState} state @returns {Promise<void>}
 */
function scheduleCheck(state) {
  if (state.checking) {
    state.recheck = true;
    return state.checked;
  }
  state.checking = true;
  state.checked = (async () => {
    try {
      do {
        state.recheck = false;
        await checkDraft(state);
      } while (state.recheck && state.composer.editor.isConnected);
    } catch (e) {
      console.debug('Boomerang:', e);
    } finally {
      state.checking = false;
    }
  })();
  return state.checked;
}

/**
 * Sends the draft the key will make to the engine as the key goes down, before the editor has
 * handled it: the editor's own re-render (a few ms for Draft.js) and the round trip to the
 * worker then overlap. The answer is used only if the draft turns out exactly so.
 * @param {ComposerState} state @param {KeyboardEvent} e
 */
function checkAhead(state, e) {
  if (state.checking || state.closed || e.isComposing || e.ctrlKey || e.metaKey || e.altKey) return;
  const predicted = draftAfterKey(state.composer.editor, e.key);
  if (predicted?.trim()) state.ahead = { text: predicted, result: askCheck(state, predicted, true) };
}

/**
 * @param {ComposerState} state @param {string} text @param {boolean} typing
 * @returns {Promise<import('../protocol.js').CheckResult | null>}
 */
function askCheck(state, text, typing) {
  const { replyTo, kind } = state.composer;
  return ask('check', {
    text, in_reply_to: replyTo?.text || undefined, platform: site.platform, private: kind === 'dm', typing,
  });
}

/** @param {ComposerState} state */
async function checkDraft(state) {
  const { editor } = state.composer;
  const { text } = site.readEditor(editor);
  const ahead = state.ahead;
  state.ahead = null;
  if (!text.trim()) {
    state.reviewed = false;
    state.shownKinds.clear();
    return showIssues(state, text, [], true);
  }
  const typing = !state.paused;
  const result = await (ahead?.text === text && typing ? ahead.result : askCheck(state, text, typing));
  // A newer draft may have been typed while the engine answered.
  if (!result || site.readEditor(editor).text !== text) return;
  showIssues(state, text, result.issues, !typing);
}

/**
 * @param {ComposerState} state @param {string} text @param {import('../protocol.js').Issue[]} issues
 * @param {boolean} whole the whole reply was checked, the agent having paused
 */
function showIssues(state, text, issues, whole) {
  const visible = issues.filter((i) => !state.dismissed.has(`${i.kind}:${text.slice(i.start, i.end)}`));
  const kinds = new Set(visible.map((i) => /** @type {string} */ (i.kind)));
  // The figures count a warning the agent had in front of them: still up when they paused (or
  // acted on, see warningCard), not one that came and went while they typed.
  const shown = whole ? [...kinds].filter((kind) => !state.shownKinds.has(kind)) : [];
  // A counted warning that went away while a draft remains was revised (by hand or by the rewrite).
  const revised = text.trim() ? [...state.shownKinds].filter((kind) => !kinds.has(kind)).length : 0;
  state.shownKinds = new Set([...state.shownKinds, ...shown].filter((kind) => kinds.has(kind)));
  state.issues = visible;
  if (!visible.length) state.reviewed = false;
  const { editor } = state.composer;
  markRanges(editor, state.closed ? [] : visible.flatMap((i) => draftRange(editor, i.start, i.end) ?? []));
  // An open review step stays through re-checks (focus moving to it can make the editor re-render)
  // until no warning is left.
  const review = visible.length ? state.warnings.querySelector('[data-boomerang="review"]') : null;
  state.warnings.replaceChildren(...(review ? [review] : []), ...visible.map((issue) => warningCard(state, text, issue)));
  refreshVisibility(state);
  // Counted once the cards are drawn: the figures can wait, the agent can't.
  for (let i = 0; i < shown.length; i++) recordEvent('warning_shown');
  for (let i = 0; i < revised; i++) recordEvent('warning_revised');
}

/** @param {ComposerState} state @param {string} text @param {import('../protocol.js').Issue} issue */
function warningCard(state, text, issue) {
  const span = text.slice(issue.start, issue.end);
  const name = KIND_NAMES[issue.kind] ?? issue.kind;
  const card = h('div', {
    class: 'card', role: 'group', 'data-boomerang': 'tone-warning', 'data-kind': issue.kind, 'data-severity': issue.severity,
    'aria-label': `Tone warning, ${name}: ${issue.message}`,
  },
  h('div', { class: 'head' }, h('span', { class: 'title' }, name), span && issue.kind !== 'no_signature' ? `“${span}”` : '',
    button('×', { class: 'close', 'aria-label': `Dismiss the ${name} warning` }, () => dismiss(state, issue.kind, span))),
  h('p', {}, issue.message));
  const { rewrite } = issue;
  if (rewrite) {
    card.append(h('div', { class: 'row' },
      button('Use rewrite', { class: 'primary', 'data-action': 'rewrite', 'aria-label': `Replace the draft with: ${rewrite}` },
        () => {
          countShown(state, issue.kind);
          return site.insertText(state.composer.editor, rewrite, 'replace');
        }),
      h('span', { class: 'muted' }, rewrite)));
  }
  if (span && MUTABLE.includes(issue.kind)) {
    card.append(h('div', { class: 'row' },
      button("Don't warn about this", { class: 'quiet', 'data-action': 'mute', 'aria-label': `Don't warn about “${span}” again` }, () => {
        // Off in the stored settings, so the engine leaves these words alone in later drafts;
        // in this one, dismissing hides them already.
        void ask('mute', { words: span });
        dismiss(state, issue.kind, span);
      })));
  }
  return card;
}

/**
 * Closes a warning for this draft. Closed, not revised: it leaves the figures' count of revised
 * warnings alone. @param {ComposerState} state @param {string} kind @param {string} span
 */
function dismiss(state, kind, span) {
  countShown(state, kind);
  state.shownKinds.delete(kind);
  state.dismissed.add(`${kind}:${span}`);
  scheduleCheck(state);
}

/** A warning the agent acted on was shown, paused or not. @param {ComposerState} state @param {string} kind */
function countShown(state, kind) {
  if (state.shownKinds.has(kind)) return;
  state.shownKinds.add(kind);
  recordEvent('warning_shown');
}

/**
 * Capture-phase press of Reply/Post/Send: with warnings open, once per draft, show the review
 * step instead of posting; the next press posts. Never a block.
 * @param {Event} e
 */
function onSendPress(e) {
  // Inside a shadow root the document sees the host as the target: the path starts at the button.
  const target = e.composedPath()[0];
  if (!(target instanceof Element)) return;
  const sendButton = site.sendButton(target);
  const editor = sendButton && site.editorOfSendButton(sendButton);
  const state = editor && composers.get(editor);
  if (state) reviewOrRecordSend(e, state, () => sendButton.click());
}

/**
 * Capture-phase Enter in a box that posts on Enter (Facebook's comments and messages, see the
 * composer's `sendsOnEnter`): the same one review step; the next Enter posts.
 * @param {KeyboardEvent} e
 */
function onSendKey(e) {
  const target = e.composedPath()[0];
  if (e.key !== 'Enter' || e.shiftKey || e.isComposing || !(target instanceof Node)) return;
  const state = [...composers.values()].find((s) => s.composer.sendsOnEnter && s.composer.editor.contains(target));
  if (!state) return;
  const editor = state.composer.editor;
  // Composed, so an editor inside a shadow root (X's chat) sends it past this listener again.
  reviewOrRecordSend(e, state, () => editor.dispatchEvent(new KeyboardEvent('keydown', {
    key: 'Enter', code: 'Enter', keyCode: 13, bubbles: true, cancelable: true, composed: true,
  })));
}

/**
 * With warnings open, once per draft, stops the send and shows the review step; otherwise lets
 * it through and counts the reply. @param {Event} e @param {ComposerState} state @param {() => void} send
 */
function reviewOrRecordSend(e, state, send) {
  const wantsReview = boomerangSettings?.review_before_sending !== false && !state.reviewed && !state.closed;
  if (wantsReview && !state.paused) {
    // Sent straight after the last key: the whole reply (signature, acknowledgement) has not
    // been checked yet. Check it now, then send again, which reviews or posts.
    e.preventDefault();
    e.stopImmediatePropagation();
    void checkWholeThen(state, send);
    return;
  }
  if (state.issues.length && wantsReview) {
    e.preventDefault();
    e.stopImmediatePropagation();
    state.reviewed = true;
    showReview(state, send);
    return;
  }
  const posted = state.composer.replyTo?.postedAtMs;
  recordEvent('reply_sent', {
    clean: !state.issues.some((i) => HARMFUL.includes(i.kind)),
    with_suggestion: state.usedSuggestion,
    ...(posted ? { minutes: Math.max(0, Math.round((Date.now() - posted) / 60000)) } : {}),
  });
  stopClock(state.composer.replyTo);
  // Whatever is typed next is a new draft, with its own review.
  state.usedSuggestion = false;
  state.reviewed = false;
  state.warnings.querySelector('[data-boomerang="review"]')?.remove();
}

/** Longest a send waits for the whole reply's check: after it, the reply goes as it is. */
const SEND_WAIT_MS = 1000;

/** @param {ComposerState} state @param {() => void} send */
async function checkWholeThen(state, send) {
  await Promise.race([checkWhole(state), new Promise((done) => setTimeout(done, SEND_WAIT_MS))]);
  send();
}

/** @param {ComposerState} state @param {() => void} send */
function showReview(state, send) {
  const count = state.issues.length;
  const review = h('div', { class: 'card', role: 'alertdialog', 'data-boomerang': 'review', 'aria-label': 'Review before sending?' },
    h('div', { class: 'head' }, h('span', { class: 'title' }, 'Review before sending?')),
    h('p', {}, `${count} warning${count === 1 ? '' : 's'} above. Customers read every public reply; a calmer one gets the conversation back.`),
    h('div', { class: 'row' },
      button('Edit reply', { class: 'primary' }, () => { review.remove(); state.composer.editor.focus(); }),
      button('Send anyway', {}, () => { review.remove(); send(); })));
  state.warnings.prepend(review);
  refreshVisibility(state);
  review.querySelector('button')?.focus();
}
