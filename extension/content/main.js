// @ts-check
// Starts Boomerang on a page: picks the site's adapter, watches only what the page adds
// (batched per animation frame), follows in-app navigation, and stays off when the agent
// switched this site off in the settings.

/** @type {SiteAdapter} */
// eslint-disable-next-line no-var
var site = /** @type {any} */ (boomerangAdapters.find((a) => a.matches(location)));
/** @type {any} */
let boomerangSettings = null;

(() => {
  if (!site) return;
  /** @type {Set<ParentNode>} */
  let pending = new Set([document]);
  let scheduled = false;
  let lastHref = location.href;
  let running = false;
  /** Shadow roots already observed (what the page adds inside them is scanned too). */
  let watched = new WeakSet();

  const scan = guarded((/** @type {ParentNode} */ root) => {
    for (const shadow of site.shadowRoots?.(root) ?? []) {
      if (watched.has(shadow)) continue;
      watched.add(shadow);
      observer.observe(shadow, { childList: true, subtree: true });
      scan(shadow);
    }
    // Mentions first: who wrote to the brand counts when judging who followed it.
    for (const mention of site.findMentions(root)) void startClock(mention);
    for (const entry of site.findFollowers(root)) void promptFollower(entry);
    for (const composer of site.findComposers(root)) attachComposer(composer);
  });

  const flush = guarded(() => {
    scheduled = false;
    if (!running) return;
    if (location.href !== lastHref) {
      lastHref = location.href;
      pending = new Set([document]);
    }
    /** A node inside another queued node is scanned with it. @param {ParentNode} n */
    const insideQueued = (n) => {
      for (let up = /** @type {Node} */ (n).parentNode; up; up = up.parentNode) if (pending.has(/** @type {ParentNode} */ (up))) return true;
      return false;
    };
    const roots = pending.has(document) ? [document] : [...pending].filter((n) => /** @type {Node} */ (n).isConnected && !insideQueued(n));
    pending = new Set();
    pruneComposers();
    for (const root of roots) scan(root);
  });

  /** @param {ParentNode} root */
  const queue = (root) => {
    pending.add(root);
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(flush);
    }
  };

  const observer = new MutationObserver(guarded((/** @type {MutationRecord[]} */ records) => {
    for (const record of records) {
      // Boomerang's own elements are not the page's.
      if (record.target instanceof Element && record.target.localName.startsWith('boomerang-')) continue;
      // Keys typed into a reply box re-render its text: nothing there to scan for.
      if (insideComposer(record.target)) continue;
      for (const node of record.addedNodes) {
        if (node instanceof Element && !node.localName.startsWith('boomerang-')) queue(node);
        else if (node.nodeType === Node.TEXT_NODE && node.parentElement) queue(node.parentElement);
      }
    }
  }));

  const applySettings = guarded(async () => {
    boomerangSettings = await ask('settings');
    const on = boomerangSettings?.platforms?.[site.platform] !== false;
    if (on === running) return;
    running = on;
    if (on) {
      watched = new WeakSet();
      observer.observe(document.body, { childList: true, subtree: true });
      queue(document);
    } else {
      observer.disconnect();
      for (const el of document.querySelectorAll('boomerang-composer, boomerang-follow, boomerang-clock')) el.remove();
      composers.clear();
      clocks.clear();
      markRanges(document.body, []);
    }
  });

  installHighlightStyle();
  watchNavigation(() => queue(document));
  addEventListener('click', guarded(onSendPress), true);
  addEventListener('keydown', guarded(onSendKey), true);
  addEventListener('keydown', guarded(onSuggestionShortcut), true);
  setInterval(guarded(refreshClocks), CLOCK_REFRESH_MS);
  chrome.storage.onChanged.addListener(guarded((/** @type {any} */ changes, /** @type {string} */ area) => {
    if (area === 'sync' && changes.settings) void applySettings();
  }));
  void applySettings();
})();

/**
 * Calls back after in-app navigation. X and Facebook are single-page apps that change the URL
 * without a page load and retitle the page; the isolated world sees neither pushState nor the
 * app's router, so the URL is compared on every <title> change and on popstate.
 * @param {() => void} onChange
 */
function watchNavigation(onChange) {
  let last = location.href;
  const check = () => {
    if (location.href === last) return;
    last = location.href;
    onChange();
  };
  addEventListener('popstate', check);
  new MutationObserver(check).observe(document.head ?? document.documentElement, { childList: true, subtree: true, characterData: true });
}
