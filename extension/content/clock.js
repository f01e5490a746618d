// @ts-check
// The response clock on mentions: how long each has waited against the settings' targets,
// from the engine; answered ones stop. Badges are refreshed each minute while the page is open.

const CLOCK_REFRESH_MS = 60_000;
/** @type {Map<Element, {mention: Mention, host: HTMLElement, badge: HTMLElement, intent: string | null}>} */
const clocks = new Map();

/** @param {Mention} mention */
async function startClock(mention) {
  const { post } = mention;
  if (post.postedAtMs === null) return;
  if (clocks.has(post.element)) {
    // Seen again, now answered on the page (the brand wrote last): the clock stops.
    if (mention.answered) stopClock(post);
    return;
  }
  interactedHandles.add(post.authorHandle.toLowerCase());
  const { host, root } = createOverlay('clock', 'Boomerang response clock');
  host.style.display = 'inline-block';
  host.style.margin = '0 0 0 8px';
  const badge = h('span', { class: 'badge', role: 'status', 'data-boomerang': 'response-clock' });
  root.append(badge);
  const entry = { mention, host, badge, intent: /** @type {string | null} */ (null) };
  clocks.set(post.element, entry);
  /** @type {import('../protocol.js').Classification | null} */
  const classification = await ask('classify', { text: post.text });
  entry.intent = classification?.intent ?? null;
  await tick(entry);
  if (post.element.isConnected) mention.mount(host);
}

/** @param {{mention: Mention, badge: HTMLElement, intent: string | null}} entry */
async function tick({ mention, badge, intent }) {
  /** @type {import('../protocol.js').ClockStatus | null} */
  const status = await ask('clock', {
    posted_at_ms: mention.post.postedAtMs, now_ms: Date.now(), utc_offset_minutes: -new Date().getTimezoneOffset(),
    answered: mention.answered, ...(intent ? { intent } : {}),
  });
  if (!status) return;
  badge.dataset.status = status.status;
  badge.textContent = status.status === 'answered' ? 'Answered' : status.status === 'overdue' ? status.label : `Waiting ${status.label}`;
  badge.setAttribute('aria-label', status.status === 'answered'
    ? 'Answered: the clock has stopped'
    : `Waiting ${status.waited_minutes} minutes: ${status.label}`);
}

/**
 * The agent just answered `post`: its clock stops now, without waiting for the page to show the
 * reply where the adapter would see it. @param {SitePost | null | undefined} post
 */
function stopClock(post) {
  const entry = post && clocks.get(post.element);
  if (!entry || entry.mention.answered) return;
  entry.mention.answered = true;
  void tick(entry);
}

function refreshClocks() {
  for (const [element, entry] of clocks) {
    if (!element.isConnected) clocks.delete(element);
    else void tick(entry);
  }
}
