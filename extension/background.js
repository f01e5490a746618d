// @ts-check
// The background service worker: the one place the wasm engine runs for the pages (see
// protocol.js). Listeners are registered synchronously; the wasm loads on the first message.
// The engine wasm speaks JSON text (one string copy per call beats walking JS objects), so
// values are stringified on the way in and parsed on the way out, nothing else.
import init, { WasmEngine } from './pkg/boomerang.js';
// Reply suggestions come from a wasm of their own (their templates and frames are 10.6 KB gzip
// the checks need not wait on), compiled once the engine is up (engineState).
import initReply, { WasmEngine as ReplyEngine } from './pkg/boomerang_reply.js';
// The pages' wasm folds the figures (it holds their code for the popup anyway) and answers
// `follow` and `clock` for the page's lists: the engine wasm every check waits on carries only
// what a draft needs (src/wasm.rs). Loaded on the first event or list request.
import initPages, { muteWarning, recordEvent, WasmEngine as ListsEngine } from './pkg/boomerang_ui.js';
import { isRequest } from './protocol.js';

/** @typedef {import('./protocol.js').Request} Request */
/** @typedef {import('./protocol.js').Response} Response */

/** @type {Promise<{engine: WasmEngine, settings: any}> | null} */
let current = null;
/** @type {Promise<{engine: ReplyEngine, settings: any}> | null} */
let replies = null;
/** @type {Promise<{engine: ListsEngine, settings: any}> | null} */
let lists = null;
/** Stats writes run one after another so no event is lost to a concurrent read-modify-write. */
let statsQueue = Promise.resolve();

/**
 * A wasm's loader: `init` runs on the first call, and again on the next after it failed.
 * @param {() => Promise<unknown>} init @returns {() => Promise<unknown>}
 */
function loader(init) {
  /** @type {Promise<unknown> | null} */
  let ready = null;
  return () => (ready ??= retried(init(), () => (ready = null)));
}

const loadWasm = loader(init);
const loadReply = loader(initReply);
const loadPages = loader(initPages);

/**
 * One wasm's engine bound to the settings as stored (validated by the options page that stored
 * them); ones that do not read, or none, are the defaults.
 * @template E
 * @param {() => Promise<unknown>} load @param {new (settings: string | undefined) => E} Engine
 * @returns {Promise<{engine: E, settings: any}>}
 */
async function buildEngine(load, Engine) {
  // The settings are read while the wasm compiles, not after.
  const [, { settings }] = await Promise.all([load(), chrome.storage.sync.get('settings')]);
  if (settings !== undefined) {
    try {
      return { engine: new Engine(JSON.stringify(settings)), settings };
    } catch (e) {
      console.warn('Boomerang: stored settings are invalid, using the defaults:', e);
    }
  }
  // The content scripts read a setting as on unless it is false, so none stored reads as the
  // defaults: the worker's wasm need not write the whole settings document.
  return { engine: new Engine(undefined), settings: {} };
}

/** A build that failed is tried again on the next request. @template T @param {Promise<T>} built @param {() => void} forget */
function retried(built, forget) {
  return built.catch((e) => {
    forget();
    throw e;
  });
}

function engineState() {
  if (!current) {
    current = retried(buildEngine(loadWasm, WasmEngine), () => (current = null));
    // Once the engine is up and the waiting request answered (a task later), the suggestions'
    // wasm compiles in the background: the first reply box need not wait on it, nor the first
    // check on the two compiling together.
    current.then(() => setTimeout(() => loadReply().catch(() => {}))).catch(() => {});
  }
  return current;
}

function replyState() {
  replies ??= retried(buildEngine(loadReply, ReplyEngine), () => (replies = null));
  return replies;
}

function listsState() {
  lists ??= retried(buildEngine(loadPages, ListsEngine), () => (lists = null));
  return lists;
}

/** @param {any} event */
function record(event) {
  const write = statsQueue.then(async () => {
    await loadPages();
    const { stats } = await chrome.storage.local.get('stats');
    const updated = recordEvent(stats === undefined ? undefined : JSON.stringify(stats), JSON.stringify(event));
    await chrome.storage.local.set({ stats: JSON.parse(updated) });
  });
  statsQueue = write.catch(() => {});
  return write;
}

/**
 * Turns off the warnings on `words` in the stored settings ("Don't warn about this"): the pages'
 * wasm reads, changes and validates them; a change of `settings` rebuilds the engines.
 * @param {string} words
 */
async function mute(words) {
  await loadPages();
  const { settings } = await chrome.storage.sync.get('settings');
  const updated = muteWarning(settings === undefined ? undefined : JSON.stringify(settings), words);
  await chrome.storage.sync.set({ settings: JSON.parse(updated) });
  // Rebuilt now, not when storage's change event comes: the page checks again at once.
  current = replies = lists = null;
}

/** @param {Request} request @returns {Promise<unknown>} */
async function handle(request) {
  const { payload } = request;
  switch (request.type) {
    case 'event':
      await record(payload);
      return null;
    case 'settings':
      return (await engineState()).settings;
    case 'mute':
      await mute(String(/** @type {{words?: unknown}} */ (payload)?.words ?? ''));
      return null;
    case 'suggest': {
      const { engine } = await replyState();
      return JSON.parse(engine.call(request.type, JSON.stringify(payload)));
    }
    case 'follow':
    case 'clock': {
      const { engine } = await listsState();
      return JSON.parse(engine.call(request.type, JSON.stringify(payload)));
    }
    default: {
      const { engine } = await engineState();
      return JSON.parse(engine.call(request.type, JSON.stringify(payload)));
    }
  }
}

/** The answer to one request, errors included: the worker never leaves a request unanswered. @param {Request} request @returns {Promise<Response>} */
function answer(request) {
  return handle(request).then(
    (result) => ({ ok: true, result: result ?? null }),
    (e) => ({ ok: false, error: String(e?.message ?? e) }),
  );
}

// Only this extension's own scripts talk to the worker.
const ours = (/** @type {chrome.runtime.MessageSender | undefined} */ sender) => sender?.id === chrome.runtime.id;

// Content scripts: one port per page, requests answered by id (protocol.js).
chrome.runtime.onConnect.addListener((port) => {
  if (!ours(port.sender)) {
    port.disconnect();
    return;
  }
  port.onMessage.addListener((/** @type {import('./protocol.js').PortRequest} */ message) => {
    if (!isRequest(message?.request)) return;
    void answer(message.request).then((response) => {
      try {
        port.postMessage(/** @type {import('./protocol.js').PortAnswer} */ ({ id: message.id, response }));
      } catch {
        // The page went away while the engine answered.
      }
    });
  });
});

// Extension pages: one-off messages.
chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  if (!ours(sender) || !isRequest(message)) return false;
  void answer(message).then(sendResponse);
  return true; // the answer comes asynchronously
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'sync' && 'settings' in changes) current = replies = lists = null;
});
