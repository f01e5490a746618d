// @ts-check
// Talking to the background service worker, which runs the engine (protocol: ../protocol.js).
// Every failure becomes `null`: a missing hint, never an error thrown into the page.

/**
 * @typedef {object} PendingRequest
 * @property {import('../protocol.js').Request} message
 * @property {boolean} retried sent once more after its port closed
 * @property {(r: import('../protocol.js').Response | undefined) => void} done
 */

/**
 * One long-lived port to the worker, with the requests it has yet to answer: a message on an
 * open port is one hop each way, where `sendMessage` opens and closes a channel per call. The
 * port closes when Chrome stops the idle worker; the next request opens a new one, which
 * wakes it.
 * @type {{port: chrome.runtime.Port, pending: Map<number, PendingRequest>} | null}
 */
let workerPort = null;
let lastRequestId = 0;

function connection() {
  if (workerPort) return workerPort;
  const opened = { port: chrome.runtime.connect(), pending: new Map() };
  opened.port.onMessage.addListener((/** @type {import('../protocol.js').PortAnswer} */ answer) => {
    const waiting = opened.pending.get(answer?.id);
    opened.pending.delete(answer?.id);
    waiting?.done(answer.response);
  });
  opened.port.onDisconnect.addListener(() => {
    if (workerPort === opened) workerPort = null;
    // Requests cut off by the worker stopping are sent once more, on a new port.
    for (const waiting of opened.pending.values()) retry(waiting);
    opened.pending.clear();
  });
  workerPort = opened;
  return opened;
}

/** @param {PendingRequest} request */
function send(request) {
  const id = ++lastRequestId;
  let conn = null;
  try {
    conn = connection();
    conn.pending.set(id, request);
    conn.port.postMessage(/** @type {import('../protocol.js').PortRequest} */ ({ id, request: request.message }));
  } catch (e) {
    // A port whose worker just stopped (its disconnect not yet delivered), or the extension
    // reloaded under this page.
    conn?.pending.delete(id);
    if (workerPort === conn) workerPort = null;
    console.debug('Boomerang:', e);
    retry(request);
  }
}

/** Once more on a new port, then a quiet miss. @param {PendingRequest} request */
function retry(request) {
  if (request.retried) request.done(undefined);
  else send({ ...request, retried: true });
}

/**
 * @param {import('../protocol.js').RequestType} type
 * @param {unknown} [payload]
 * @returns {Promise<any>}
 */
async function ask(type, payload = null) {
  /** @type {import('../protocol.js').Response | undefined} */
  const response = await new Promise((done) => send({ message: { v: 1, type, payload }, retried: false, done }));
  if (response?.ok) return response.result;
  if (response) console.debug('Boomerang:', type, response.error);
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
