// @ts-check
// XChat, X's newer DMs (/i/chat/…), whose composer is a plain React-controlled <textarea>: the
// draft is checked as the agent types, the rewrite lands in React's own state, and Send with a
// warning open asks once; in the page or, as X renders it at times, inside the open shadow
// root of `xchatEmbedRoute`. Its messages do not say who wrote them, so nothing is answered.
import assert from 'node:assert/strict';
import { journey } from './harness.mjs';

const CHAT = '/i/chat/1234-5678';
/** The chat in the page, and in a shadow root. */
const LAYOUTS = [['in the page', CHAT], ['in a shadow root', `${CHAT}?embed=shadow`]];
const BLAMING = "That's not our fault, you should have read the terms.";
const WARNING = '[data-boomerang="tone-warning"]';
const TEXTAREA = '[data-testid="dm-composer-textarea"]';
const SEND = '[data-testid="dm-composer-send-button"]';

/** The text React holds for the composer. @param {import('playwright-core').Page} page */
const chatText = (page) => page.evaluate(() => /** @type {any} */ (window).__fixture.chatText());
/** @param {import('playwright-core').Page} page */
const posted = (page) => page.evaluate(() => /** @type {any} */ (window).__fixture.posted.map((/** @type {any} */ p) => p.text));

/** @param {import('playwright-core').Page} page @param {string} text */
async function type(page, text) {
  await page.click(TEXTAREA);
  await page.keyboard.type(text);
  await page.waitForFunction((want) => /** @type {any} */ (window).__fixture.chatText() === want, text);
}

for (const [where, url] of LAYOUTS) {
journey(`XChat ${where}: a blaming draft in the textarea gets its card, and the rewrite lands in React's state`, async (browser) => {
  const page = await browser.open(url);
  await type(page, BLAMING);
  const card = page.locator(`${WARNING}[data-kind="blame"], ${WARNING}[data-kind="deflection"]`).first();
  await card.waitFor();
  assert.ok((await card.getAttribute('aria-label') ?? '').length > 20, 'the card says why');
  // Who wrote each message is not in XChat's markup: no suggestion answers one.
  assert.equal(await page.locator('[data-boomerang="suggestion"]').count(), 0);

  await page.locator(`${WARNING} [data-action="rewrite"]`).first().click();
  await page.waitForFunction((old) => /** @type {any} */ (window).__fixture.chatText() !== old, BLAMING);
  const rewritten = await chatText(page);
  assert.ok(!/not our fault/i.test(rewritten), `rewrite in React's state: ${rewritten}`);
  assert.equal(await page.locator(TEXTAREA).inputValue(), rewritten, 'and in the textarea');
});

journey(`XChat ${where}: Send with a warning open asks once; the second press sends`, async (browser) => {
  const page = await browser.open(url);
  await type(page, BLAMING);
  await page.locator(WARNING).first().waitFor();
  await page.click(SEND);
  await page.locator('[data-boomerang="review"]').waitFor();
  assert.deepEqual(await posted(page), [], 'the first press did not send');
  assert.equal(await chatText(page), BLAMING, 'the draft is untouched');
  await page.click(SEND);
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
  assert.deepEqual(await posted(page), [BLAMING]);
});

journey(`XChat ${where}: Enter, which sends there, asks once with a warning open; the second Enter sends`, async (browser) => {
  const page = await browser.open(url);
  await type(page, BLAMING);
  await page.locator(WARNING).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('[data-boomerang="review"]').waitFor();
  assert.deepEqual(await posted(page), [], 'the first Enter did not send');
  assert.equal(await chatText(page), BLAMING, 'and added no new line');
  await page.focus(TEXTAREA);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
  assert.deepEqual(await posted(page), [BLAMING]);
});
}

journey('XChat: a word typed mid-draft is checked as the draft then reads', async (browser) => {
  const page = await browser.open(CHAT);
  await type(page, 'Thanks for waiting, we have sorted your booking.');
  // Words typed before the draft, with the caret at its start.
  await page.locator(TEXTAREA).evaluate((/** @type {HTMLTextAreaElement} */ a) => a.setSelectionRange(0, 0));
  await page.keyboard.type('PLEASE READ THIS CAREFULLY. ');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.chatText().startsWith('PLEASE READ'));
  await page.locator(`${WARNING}[data-kind="shouting"]`).waitFor();
});
