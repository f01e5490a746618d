// @ts-check
// The popup and options pages in the built extension, doing what an agent does with settings:
// new initials in the popup sign the next suggestion on x.com, a reply written with Boomerang
// shows in the popup's figures, and a broken settings file changes nothing.
import assert from 'node:assert/strict';
import { journey } from './harness.mjs';
import { CUSTOMERS } from '../fixtures/x/pages.mjs';

const SUGGESTION = '[data-boomerang="suggestion"]';

/** @param {import('playwright-core').Page} page */
const cspViolations = (page) => page.evaluate(() => /** @type {any} */ (window).__cspViolations ?? []);

/** What chrome.storage.sync holds under `settings`. @param {import('playwright-core').Page} page @returns {Promise<any>} */
const storedSettings = (page) => page.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);

/** @param {import('playwright-core').Page} page @param {string} text */
const statusSays = (page, text) =>
  page.waitForFunction((t) => document.querySelector('[role=status]')?.textContent?.includes(t), text);

/** The popup's figure cells for one row: X, Facebook, Total. @param {import('playwright-core').Page} popup @param {string} key */
const figures = (popup, key) => popup.locator(`tr[data-figure="${key}"] td`).allTextContents();

journey('initials changed in the popup sign the next suggestion, and the reply shows in its figures', async (browser) => {
  const popup = await browser.openExtensionPage('popup');
  assert.deepEqual(await figures(popup, 'replies'), ['0 of 0', '0 of 0', '0 of 0']);
  await popup.fill('#field-initials', 'K.B');
  assert.equal(await popup.textContent('#field-initials-error'), 'letters and digits only, e.g. "JS"');
  await popup.fill('#field-initials', 'KB');
  await statusSays(popup, 'Saved.');
  assert.equal((await storedSettings(popup)).initials, 'KB');
  assert.deepEqual(await cspViolations(popup), []);
  await popup.close();

  const t = CUSTOMERS.complaint;
  const page = await browser.open(`/${t.handle}/status/${t.id}`);
  await page.locator(SUGGESTION).first().waitFor();
  const texts = await page.locator(SUGGESTION).allTextContents();
  assert.ok(texts.every((s) => s.includes('^KB')), `every suggestion signed ^KB: ${texts.join(' | ')}`);

  // Use one and post it with X's own button: the popup counts it as written with Boomerang.
  await page.locator(SUGGESTION).first().click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0').includes('^KB'));
  await page.click('[data-testid="tweetButtonInline"]');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
  // The worker files the reply in chrome.storage.local; wait for it there, not for a time.
  await browser.worker.evaluate(() => new Promise((resolve) => {
    /** @param {any} stats */
    const replied = (stats) => Object.values(stats?.days ?? {}).some((d) => d.x?.replies >= 1);
    chrome.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && replied(changes.stats?.newValue)) resolve(null);
    });
    chrome.storage.local.get('stats').then(({ stats }) => { if (replied(stats)) resolve(null); });
  }));
  const again = await browser.openExtensionPage('popup');
  assert.equal(await again.inputValue('#field-initials'), 'KB');
  assert.deepEqual(await figures(again, 'replies'), ['1 of 1', '0 of 0', '1 of 1']);
});

journey('options: a broken settings file names the field and changes nothing', async (browser) => {
  const options = await browser.openExtensionPage('options');
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

  // Reopened, the page shows the same: nothing of the file was kept anywhere.
  await options.reload();
  await options.waitForSelector('#field-initials');
  assert.equal(await options.inputValue('#field-initials'), 'JS');
  assert.deepEqual(await cspViolations(options), []);
});

journey('switched off for X, every hint leaves the open page at once, and comes back when switched on', async (browser) => {
  const t = CUSTOMERS.complaint;
  const page = await browser.open(`/${t.handle}/status/${t.id}`);
  await page.locator(SUGGESTION).first().waitFor();
  await browser.setSettings({ platforms: { x: false, facebook: true } });
  await page.locator('boomerang-composer').waitFor({ state: 'detached' });
  // A draft typed while off is checked once Boomerang is switched back on.
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.type("That's not our fault.");
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0') === "That's not our fault.");
  await browser.setSettings({ platforms: { x: true, facebook: true } });
  await page.locator('[data-boomerang="tone-warning"][data-kind="deflection"]').waitFor();
  await page.locator(SUGGESTION).first().waitFor();
});
