// @ts-check
// Boomerang's settings and keyboard on facebook.com, as on x.com: the Facebook switch takes every
// hint off the open page at once (X keeps its own), the review step can be switched off, the
// first suggestion has a shortcut, and the hints follow Facebook's dark mode. Same fixtures and
// checks as the journeys: no page errors, no CSP violations, nothing sent off the machine.
import assert from 'node:assert/strict';
import { journey, lexicalText } from './facebook-harness.mjs';
import { CUSTOMERS } from '../fixtures/x/pages.mjs';

const SUGGESTION = '[data-boomerang="suggestion"]';
const HINTS = 'boomerang-composer, boomerang-clock';
const BLAMING = 'You should have checked the app before you travelled.';

journey('switched off for Facebook, every hint leaves the open page at once while X keeps its own; switched on, they come back', async ({ browser, open }) => {
  const page = await open('post');
  await page.click('[data-fixture-reply="reply-jane"]');
  await page.locator(SUGGESTION).first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length === 3);
  const t = CUSTOMERS.complaint;
  const x = await browser.open(`/${t.handle}/status/${t.id}`);
  await x.locator(SUGGESTION).first().waitFor();

  await browser.setSettings({ platforms: { x: true, facebook: false } });
  await page.waitForFunction((hints) => document.querySelectorAll(hints).length === 0, HINTS);
  // A draft typed while off is checked once Boomerang is back on.
  await page.focus('#reply-jane');
  await page.keyboard.type(BLAMING);
  assert.equal(await lexicalText(page, '#reply-jane'), BLAMING);
  assert.equal(await page.locator('boomerang-composer').count(), 0, 'nothing came back while off');
  assert.ok(await x.locator(SUGGESTION).count() > 0, 'X keeps its suggestions');

  await browser.setSettings({ platforms: { x: true, facebook: true } });
  await page.locator('[data-boomerang="tone-warning"][data-kind="blame"]').waitFor();
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length === 3);
});

journey('with review_before_sending off, Enter posts a reply with a warning at once', async ({ browser, open }) => {
  await browser.setSettings({ review_before_sending: false });
  const page = await open('post');
  await page.click('[data-fixture-reply="reply-jane"]');
  await page.keyboard.type(BLAMING);
  await page.locator('[data-boomerang="tone-warning"][data-kind="blame"]').waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixturePosted.length === 1);
  assert.equal(await page.locator('[data-boomerang="review"]').count(), 0);
});

journey('Alt+Shift+1 puts the first suggestion into the Messenger box, in Lexical\'s state', async ({ browser, open }) => {
  const page = await open('messenger');
  const first = page.locator(SUGGESTION).first();
  await first.waitFor();
  const label = await first.getAttribute('aria-label') ?? '';
  await page.focus('#message-box');
  await page.keyboard.press('Alt+Shift+Digit1');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixtureEditorText(document.getElementById('message-box')).length > 0);
  const inserted = await lexicalText(page, '#message-box');
  assert.ok(label.includes(inserted.split('\n')[0]), `the first suggestion: ${inserted}`);
});

journey('hints follow Facebook\'s display setting: dark in dark mode, light otherwise', async ({ browser, open }) => {
  for (const [query, theme] of [['?theme=dark', 'dark'], ['', 'light']]) {
    const page = await open('post', query);
    await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length === 3);
    const themes = await page.$$eval('boomerang-clock', (hosts) => [...new Set(hosts.map((h) => h.getAttribute('data-theme')))]);
    assert.deepEqual(themes, [theme], `page${query}`);
  }
});
