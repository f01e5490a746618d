// @ts-check
// Follow-back prompts next to new followers: the engine's decision and reasons, the site's own
// follow button pressed only when the agent clicks, and a welcome to copy. Nothing is automatic.

const DECISION_TEXT = { follow_back: 'Follow back', review: 'Have a look first', skip: 'Skip' };
/** @type {WeakSet<Element>} rows already prompted (a row can hold several followers) */
const prompted = new WeakSet();
/** @type {WeakMap<Element, Set<string>>} followers whose prompt awaits the engine, per row */
const preparing = new WeakMap();
/** @type {Set<string>} handles that wrote to the brand on pages seen this session */
const interactedHandles = new Set();

/** @param {FollowerEntry} entry */
async function promptFollower(entry) {
  const key = entry.follower.handle.toLowerCase();
  if (!key || entry.element.querySelector(`boomerang-follow[data-handle="${CSS.escape(key)}"]`)) return;
  // Two scans of one row (a row and its parent both added in one frame) must not prompt twice.
  const waiting = preparing.get(entry.element) ?? new Set();
  if (waiting.has(key)) return;
  preparing.set(entry.element, waiting.add(key));
  const follower = { ...entry.follower, interacted: entry.follower.interacted || interactedHandles.has(key) };
  /** @type {import('../protocol.js').FollowAssessment | null} */
  const result = await ask('follow', follower).finally(() => waiting.delete(key));
  if (!result || !entry.element.isConnected) return;
  // People are @handles on X; on Facebook they go by their names.
  const who = site.platform === 'x' ? `@${follower.handle}` : follower.name || follower.handle;
  const { host, root } = createOverlay('follow', `Boomerang: follow-back prompt for ${who}`);
  host.dataset.handle = key;
  // Where the follower can't be followed back (people following a Page), the move is a thank-you.
  const canFollowBack = follower.platform !== 'facebook';
  const thankOnly = !canFollowBack && result.decision !== 'skip';
  const decision = thankOnly ? 'Thank them by hand' : DECISION_TEXT[result.decision] ?? result.decision;
  const prompt = h('div', {
    class: 'panel', 'data-boomerang': 'follow-prompt', 'data-handle': follower.handle, 'data-decision': result.decision,
    'aria-label': `${who}: ${decision}. ${result.reasons.join('; ')}`,
  },
  panelHead(who, () => host.remove()),
  h('div', {}, h('span', { class: 'decision', 'data-decision': result.decision }, decision),
    h('span', { class: 'muted' }, ` · score ${Math.round(result.score * 100)}/100`)));
  if (result.reasons.length) prompt.append(h('ul', {}, ...result.reasons.slice(0, 4).map((r) => h('li', {}, r))));
  const actions = h('div', { class: 'row' });
  const follow = entry.followButton;
  if (follow && result.decision !== 'skip') {
    actions.append(button('Follow back', { class: 'primary', 'data-action': 'follow', 'aria-label': `Follow ${who} back` }, (e) => {
      follow.click();
      recordEvent('followed_back');
      /** @type {HTMLButtonElement} */ (e.currentTarget).disabled = true;
      /** @type {HTMLButtonElement} */ (e.currentTarget).textContent = 'Followed';
    }));
  }
  const { welcome } = result;
  if (welcome) {
    actions.append(button('Copy welcome', { 'data-action': 'copy-welcome', 'aria-label': `Copy the welcome: ${welcome}` }, async (e) => {
      await navigator.clipboard.writeText(welcome);
      /** @type {HTMLButtonElement} */ (e.currentTarget).textContent = 'Copied';
    }), h('span', { class: 'welcome' }, welcome));
  }
  if (actions.childElementCount) prompt.append(actions);
  root.append(prompt);
  entry.mount(host);
  // The follow-back ratio counts only followers who could be followed back.
  if (canFollowBack && !prompted.has(entry.element)) recordEvent('follower_seen');
  prompted.add(entry.element);
}
