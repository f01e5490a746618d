// @ts-check
// Talking to the background service worker, which runs the engine (protocol: ../protocol.js).
// Every failure becomes `null`: a missing hint, never an error thrown into the page.

/**
 * @param {import('../protocol.js').RequestType} type
 * @param {unknown} [payload]
 * @returns {Promise<any>}
 */
async function ask(type, payload = null) {
  try {
    /** @type {import('../protocol.js').Response | undefined} */
    const response = await chrome.runtime.sendMessage({ v: 1, type, payload });
    if (response?.ok) return response.result;
    if (response) console.debug('Boomerang:', type, response.error);
  } catch (e) {
    // The extension was reloaded or updated under this page: stay quiet.
    console.debug('Boomerang:', type, e);
  }
  return null;
}

/** The agent's local date, as the figures count days. */
function localDay(date = new Date()) {
  const pad = (/** @type {number} */ n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * Counts one thing the agent did, for the popup's figures.
 * @param {import('../protocol.js').StatsEvent['kind']} kind
 * @param {Partial<import('../protocol.js').StatsEvent>} [extra]
 */
function recordEvent(kind, extra = {}) {
  void ask('event', { kind, platform: site.platform, day: localDay(), ...extra });
}

/**
 * Runs a page callback so that nothing it throws reaches the page.
 * @template {any[]} A
 * @param {(...args: A) => unknown} fn
 * @returns {(...args: A) => void}
 */
function guarded(fn) {
  return (...args) => {
    try {
      const result = fn(...args);
      if (result instanceof Promise) result.catch((e) => console.debug('Boomerang:', e));
    } catch (e) {
      console.debug('Boomerang:', e);
    }
  };
}
