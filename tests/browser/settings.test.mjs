// @ts-check
// The popup and options pages in the real extension: what an agent does with settings.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const EXTENSION_DIR = path.resolve(process.env.BOOMERANG_EXTENSION_DIR ?? 'dist');

/** Chromium with the extension loaded; every page's errors are collected. */
async function launch() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'boomerang-ui-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
  // Nothing may leave the machine.
  /** @type {string[]} */
  const leaked = [];
  await context.route(/^https?:/, (route) => { leaked.push(route.request().url()); return route.abort(); });
  const worker = context.serviceWorkers()[0] ?? await context.waitForEvent('serviceworker');
  const id = new URL(worker.url()).host;
  /** @type {string[]} */
  const errors = [];
  /** @param {string} page */
  const open = async (page) => {
    const tab = await context.newPage();
    tab.on('pageerror', (e) => errors.push(`${page}: ${e.message}`));
    tab.on('console', (m) => { if (m.type() === 'error') errors.push(`${page}: ${m.text()}`); });
    await tab.goto(`chrome-extension://${id}/extension/${page}.html`);
    await tab.waitForSelector('main');
    return tab;
  };
  return { context, open, errors, leaked };
}

/** @param {import('playwright-core').Page} page */
const storedSettings = (page) => page.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);

/** @param {import('playwright-core').Page} page @param {string} text */
const statusSays = (page, text) =>
  page.waitForFunction((t) => document.querySelector('[role=status]')?.textContent?.includes(t), text);

test('options: a broken settings file names the field and changes nothing', async () => {
  const browser = await launch();
  try {
    const options = await browser.open('options');
    await options.fill('#field-initials', 'JS');
    await options.fill('#field-brand_name', 'Acme Rail');
    await options.click('#settings-form button[type=submit]');
    await statusSays(options, 'Saved.');
    const before = await storedSettings(options);
    assert.equal(before.initials, 'JS');

    const broken = {
      version: 1,
      initials: 'ZZ',
      help_links: [
        { title: 'Refunds', url: 'https://acme.example/refunds' },
        { title: 'Delays', url: 'https://acme.example/delays' },
        { title: 'Lost luggage', url: 'lost luggage page' },
      ],
    };
    await options.setInputFiles('#import-settings', {
      name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)),
    });
    await statusSays(options, 'Nothing was changed');
    assert.match(await options.textContent('[role=status]') ?? '', /help_links\[2\]\.url: not a URL/);
    assert.deepEqual(await storedSettings(options), before);
    assert.equal(await options.inputValue('#field-initials'), 'JS');
    assert.equal(await options.inputValue('#field-brand_name'), 'Acme Rail');

    // A reload shows the same: nothing of the file was kept anywhere.
    await options.reload();
    await options.waitForSelector('#field-initials');
    assert.equal(await options.inputValue('#field-initials'), 'JS');
    assert.deepEqual(browser.errors, []);
    assert.deepEqual(browser.leaked, []);
  } finally {
    await browser.context.close();
  }
});

test('popup: new initials are saved at once and survive reopening', async () => {
  const browser = await launch();
  try {
    const popup = await browser.open('popup');
    await popup.fill('#field-initials', 'K.B');
    assert.equal(await popup.textContent('#field-initials-error'), 'letters and digits only, e.g. "JS"');
    await popup.fill('#field-initials', 'KB');
    await statusSays(popup, 'Saved.');
    assert.equal((await storedSettings(popup)).initials, 'KB');
    await popup.close();
    const again = await browser.open('popup');
    assert.equal(await again.inputValue('#field-initials'), 'KB');
    assert.deepEqual(browser.errors, []);
    assert.deepEqual(browser.leaked, []);
  } finally {
    await browser.context.close();
  }
});
