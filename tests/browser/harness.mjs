// @ts-check
// Shared by the browser tests and `make run`: Chromium with the built extension, x.com served
// offline at its real addresses with X's CSP, and the checks every test ends with (no page
// errors, no CSP violations, nothing sent off the machine).
import fs from 'node:fs';
import test from 'node:test';
import nodeAssert from 'node:assert/strict';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { renderPage } from '../fixtures/x/pages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = path.resolve(root, process.env.BOOMERANG_EXTENSION_DIR ?? 'dist');

/**
 * x.com's script-src as quoted in public bug reports (2025-26): no 'wasm-unsafe-eval', no
 * 'unsafe-eval'; a report-uri, so a violation would also be a request leaving the page.
 */
export const X_CSP = [
  "connect-src 'self' blob: https://*.twimg.com https://x.com https://api.x.com",
  "default-src 'self'",
  "form-action 'self' https://x.com",
  "font-src 'self' https://*.twimg.com",
  "frame-src 'self' https://x.com",
  "img-src 'self' blob: data: https://*.twimg.com",
  "manifest-src 'self'",
  "media-src 'self' blob: https://*.twimg.com",
  "object-src 'none'",
  "script-src 'self' 'unsafe-inline' https://*.twimg.com https://x.com https://maps.googleapis.com/",
  "style-src 'self' 'unsafe-inline' https://*.twimg.com",
  "worker-src 'self' blob:",
  'report-uri https://x.com/i/csp_report',
].join('; ');

const node = (/** @type {string} */ p) => path.join(root, 'node_modules', p);
const fixture = (/** @type {string} */ p) => path.join(root, 'tests/fixtures/x', p);
/** What X's page loads from abs.twimg.com, served from npm and the fixture directory. */
const STATIC = {
  'react.production.min.js': node('react/umd/react.production.min.js'),
  'react-dom.production.min.js': node('react-dom/umd/react-dom.production.min.js'),
  'immutable.min.js': node('immutable/dist/immutable.min.js'),
  'Draft.min.js': node('draft-js/dist/Draft.min.js'),
  'Draft.css': node('draft-js/dist/Draft.css'),
  'fixture-app.js': fixture('app.js'),
  'fixture.css': fixture('fixture.css'),
};

/** A one-colour square PNG for avatars, coloured from the URL so people look different. */
function avatarPng(/** @type {string} */ url) {
  let hash = 0;
  for (const c of url) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  const grey = url.includes('default_profile');
  const rgb = grey ? [207, 217, 222] : [80 + (hash % 150), 80 + ((hash >> 8) % 150), 80 + ((hash >> 16) % 150)];
  const size = 8;
  const raw = Buffer.alloc((size * 3 + 1) * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) raw.set(rgb, y * (size * 3 + 1) + 1 + x * 3);
  /** @param {string} type @param {Buffer} data */
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/**
 * Chromium with the extension from `dist/`, every request answered offline: x.com pages from
 * the fixtures, X's static files from npm; anything else is aborted and recorded in `leaked`.
 * `extension: false` gives the same pages without Boomerang: the baseline `make bench` compares
 * against (no worker then: setSettings and stats are not for that case).
 * @param {{now?: number, headless?: boolean, extension?: boolean}} [options]
 */
export async function launch(options = {}) {
  const now = options.now ?? Date.now();
  const withExtension = options.extension ?? true;
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boomerang-x-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: options.headless ?? true,
    viewport: { width: 1100, height: 900 },
    args: [
      ...(withExtension ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`] : []),
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  /** @type {string[]} */
  const leaked = [];
  /** @type {string[]} */
  const errors = [];
  // Routes run newest first: the catch-all goes in first.
  await context.route(/^(https?|wss?):/, (route) => {
    leaked.push(`${route.request().method()} ${route.request().url()}`);
    return route.abort();
  });
  await context.route('https://x.com/**', (route) => {
    const request = route.request();
    const html = request.method() === 'GET' ? renderPage(request.url(), now) : null;
    if (html === null) {
      leaked.push(`${request.method()} ${request.url()}`);
      return route.abort();
    }
    return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html, headers: { 'content-security-policy': X_CSP } });
  });
  await context.route('https://abs.twimg.com/**', (route) => {
    const url = new URL(route.request().url());
    const file = /** @type {Record<string, string>} */ (STATIC)[path.basename(url.pathname)];
    if (url.pathname.startsWith('/sticky/')) return route.fulfill({ contentType: 'image/png', body: avatarPng(url.pathname) });
    if (!file) {
      leaked.push(`GET ${url}`);
      return route.abort();
    }
    const type = file.endsWith('.css') ? 'text/css' : 'text/javascript';
    return route.fulfill({ contentType: type, body: fs.readFileSync(file), headers: { 'access-control-allow-origin': '*' } });
  });
  await context.route('https://pbs.twimg.com/**', (route) => route.fulfill({ contentType: 'image/png', body: avatarPng(route.request().url()) }));
  // CSP violations of any world are events on the document: count them in the page itself.
  await context.addInitScript(() => {
    /** @type {any} */ (window).__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      /** @type {any} */ (window).__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });

  const worker = withExtension
    ? context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker')
    : /** @type {import('playwright-core').Worker} */ (/** @type {unknown} */ (null));
  const extensionId = withExtension ? new URL(worker.url()).host : '';
  /** @type {import('playwright-core').Page[]} */
  const pages = [];

  /**
   * Opens an x.com path (or full URL) and waits for the page's own app to have loaded: X's
   * fixture app, or `ready`, a selector other sites' fixtures show once they have.
   * @param {string} where @param {string} [ready]
   */
  async function open(where, ready) {
    const page = await context.newPage();
    pages.push(page);
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
    page.on('console', (m) => { if (m.type() === 'error') errors.push(`${page.url()}: console: ${m.text()}`); });
    await page.goto(where.startsWith('http') ? where : `https://x.com${where}`);
    if (ready) await page.waitForSelector(ready, { state: 'attached' });
    else await page.waitForFunction(() => 'draftText' in (/** @type {any} */ (window).__fixture ?? {}));
    return page;
  }

  /** CSP violations seen so far on every open page. */
  async function violations() {
    const all = await Promise.all(pages.filter((p) => !p.isClosed()).map((p) => p.evaluate(() => /** @type {any} */ (window).__cspViolations ?? [])));
    return all.flat();
  }

  return {
    context, worker, extensionId, open, leaked, errors, violations, now,
    /** Writes settings the way the popup does: into chrome.storage.sync, via the worker. @param {object} settings */
    async setSettings(settings) {
      await worker.evaluate(async (s) => {
        const { settings: old } = await chrome.storage.sync.get('settings');
        await chrome.storage.sync.set({ settings: { ...(old ?? {}), ...s } });
      }, settings);
    },
    /** The figures the worker folded so far. */
    /** @returns {Promise<any>} */
    stats: () => worker.evaluate(async () => (await chrome.storage.local.get("stats")).stats),
    /**
     * Today's figures for `platform` once each counter in `minimum` has reached its value:
     * waits on the worker's storage changes, and fails after 10 s with the figures as they are.
     * @param {'x' | 'facebook'} platform @param {Record<string, number>} minimum @returns {Promise<any>}
     */
    async figuresWhen(platform, minimum) {
      const reached = worker.evaluate(([p, min]) => new Promise((resolve) => {
        /** @param {any} stats */
        const check = (stats) => {
          const today = Object.values(stats?.days ?? {}).at(-1)?.[p] ?? {};
          if (!Object.entries(min).every(([k, v]) => (today[k] ?? 0) >= v)) return;
          chrome.storage.onChanged.removeListener(listener);
          resolve(today);
        };
        /** @param {any} changes @param {string} area */
        const listener = (changes, area) => { if (area === 'local' && changes.stats) check(changes.stats.newValue); };
        chrome.storage.onChanged.addListener(listener);
        chrome.storage.local.get('stats').then(({ stats }) => check(stats));
      }), /** @type {const} */ ([platform, minimum]));
      /** @type {NodeJS.Timeout | undefined} */
      let timer;
      const deadline = new Promise((_, reject) => {
        timer = setTimeout(async () => reject(new Error(`figures for ${platform} never reached ${JSON.stringify(minimum)}: ${JSON.stringify(await this.stats())}`)), 10_000);
      });
      try {
        return await Promise.race([reached, deadline]);
      } finally {
        clearTimeout(timer);
      }
    },
    /**
     * Opens the extension's popup or options page, its errors and CSP violations counted like a site's.
     * @param {'popup' | 'options'} name
     */
    async openExtensionPage(name) {
      const page = await context.newPage();
      pages.push(page);
      page.on('pageerror', (e) => errors.push(`${name}: ${e.message}`));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(`${name}: console: ${m.text()}`); });
      await page.goto(`chrome-extension://${extensionId}/extension/${name}.html`);
      await page.waitForSelector('main');
      return page;
    },
    /** Closes Chromium and removes its profile directory. */
    async close() {
      await context.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** @typedef {Awaited<ReturnType<typeof launch>>} Browser */

/**
 * What every test ends with: the page saw no uncaught error, no CSP violation, and no request
 * left the machine.
 * @param {Browser} browser
 * @param {typeof import('node:assert/strict')} assert
 */
export async function assertClean(browser, assert) {
  assert.deepEqual(browser.errors, [], 'uncaught errors on the page');
  assert.deepEqual(await browser.violations(), [], 'CSP violations');
  assert.deepEqual(browser.leaked, [], 'requests that would have left the machine');
}

/**
 * A test in a fresh browser with the extension and x.com served; it ends, when `body` succeeds,
 * with no page errors, no CSP violations and no request that left the machine.
 * @param {string} name @param {(browser: Browser) => Promise<void>} body
 */
export function journey(name, body) {
  test(name, async () => {
    const browser = await launch();
    try {
      await body(browser);
      await assertClean(browser, nodeAssert);
    } finally {
      await browser.close();
    }
  });
}
