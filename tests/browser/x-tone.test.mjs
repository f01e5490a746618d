// @ts-check
// Tone warnings while the agent types in X's editor: the span marked, a card that says why,
// the rewrite in one click, and one "Review before sending?" step that never blocks.
import assert from 'node:assert/strict';
import { journey } from './harness.mjs';
import { CUSTOMERS } from '../fixtures/x/pages.mjs';

const BLAMING = "That's not our fault, you should have read the terms.";
const WARNING = '[data-boomerang="tone-warning"]';
const t = CUSTOMERS.complaint;
const STATUS = `/${t.handle}/status/${t.id}`;

/** @param {import('playwright-core').Page} page */
const draftText = (page) => page.evaluate(() => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0'));
/** The text under Boomerang's highlight, as the page's own highlight registry holds it. @param {import('playwright-core').Page} page */
const highlighted = (page) => page.evaluate(() => {
  const h = CSS.highlights.get('boomerang-warning');
  return h ? [...h].map((r) => r.toString()) : [];
});
/** @param {import('playwright-core').Page} page */
const posted = (page) => page.evaluate(() => /** @type {any} */ (window).__fixture.posted.map((/** @type {any} */ p) => p.text));

/** @param {import('playwright-core').Page} page @param {string} text */
async function type(page, text, editor = 'tweetTextarea_0') {
  await page.click(`[data-testid="${editor}"]`);
  await page.keyboard.type(text);
  await page.waitForFunction(([id, want]) => /** @type {any} */ (window).__fixture.draftText(id) === want, [editor, text]);
}

journey('a blaming sentence is marked on its span with why, and the rewrite clears it', async (browser) => {
  const page = await browser.open(STATUS);
  await type(page, BLAMING);
  // While the words arrive other cards may come and go (a half-typed reply has no empathy yet);
  // the finished sentence must carry the blame card.
  const card = page.locator(`${WARNING}[data-kind="blame"]`);
  await card.waitFor();
  assert.ok((await card.getAttribute('aria-label') ?? '').length > 20, 'the card says why');
  // The marked span is text of the draft, not the whole draft.
  await page.waitForFunction(() => CSS.highlights.has('boomerang-warning'));
  const spans = await highlighted(page);
  assert.ok(spans.length >= 1 && spans.every((s) => BLAMING.includes(s) && s.length < BLAMING.length), `spans: ${spans}`);

  await card.locator('[data-action="rewrite"]').click();
  await page.waitForFunction((old) => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0') !== old, BLAMING);
  const rewritten = await draftText(page);
  assert.ok(!/not our fault/i.test(rewritten), `rewrite in Draft's state: ${rewritten}`);
  await page.locator(`${WARNING}[data-kind="blame"]`).waitFor({ state: 'detached' });
  await page.waitForFunction(() => !CSS.highlights.has('boomerang-warning') || [...CSS.highlights.get('boomerang-warning') ?? []].every((r) => !/fault/.test(r.toString())));
  const day = Object.values((await browser.stats()).days)[0];
  assert.ok(day.x.warnings_shown >= 1 && day.x.warnings_revised >= 1, 'shown and revised counted');
});

journey('blame told in a shape no phrase rule knows is found by the learned model, and only its sentence is rewritten', async (browser) => {
  const page = await browser.open(STATUS);
  const greeting = 'Hi Jo, thanks for waiting.';
  const blaming = "It looks like the discount code was entered after it had expired, which is why it didn't apply to your order.";
  await type(page, `${greeting} ${blaming}`);
  const card = page.locator(`${WARNING}[data-kind="blame"]`);
  await card.waitFor();
  assert.match(await card.getAttribute('aria-label') ?? '', /whose fault/i, 'the card says why');
  await page.waitForFunction((want) => [...CSS.highlights.get('boomerang-warning') ?? []].some((r) => r.toString() === want), blaming);
  await card.locator('[data-action="rewrite"]').click();
  await page.waitForFunction((old) => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0') !== old, `${greeting} ${blaming}`);
  const rewritten = await draftText(page);
  assert.ok(rewritten.startsWith(greeting) && !/entered after/.test(rewritten), `only the blaming sentence rewritten: ${rewritten}`);
  await card.waitFor({ state: 'detached' });
});

journey("Don't warn about this: those words are never warned again, and the options page turns them back on", async (browser) => {
  const page = await browser.open(STATUS);
  const nonApology = 'Sorry you feel that way';
  await type(page, `${nonApology}. Please reply with your order number.`);
  const card = page.locator(`${WARNING}[data-kind="deflection"]`);
  await card.waitFor();
  await card.locator('[data-action="mute"]').click();
  await card.waitFor({ state: 'detached' });
  assert.equal(await page.locator(`${WARNING}[data-kind="private_info"]`).count(), 1, 'the other warning stays');
  // Kept in the settings by the warning's words, once the worker has stored them.
  const muted = await browser.worker.evaluate(() => new Promise((resolve) => {
    /** @param {any} settings */
    const stored = (settings) => { if (settings?.muted?.length) resolve(settings.muted); };
    chrome.storage.onChanged.addListener((changes, area) => { if (area === 'sync') stored(changes.settings?.newValue); });
    chrome.storage.sync.get('settings').then(({ settings }) => stored(settings));
  }));
  assert.deepEqual(muted, [nonApology]);

  // Another draft with the same words, shouted: warned for the rest, not for them (one check
  // draws both cards, so the second card is the sign the first was left out).
  const next = await browser.open(STATUS);
  await type(next, 'We are SORRY YOU FEEL THAT WAY. Reply here with your email address.');
  await next.locator(`${WARNING}[data-kind="private_info"]`).waitFor();
  assert.equal(await next.locator(`${WARNING}[data-kind="deflection"]`).count(), 0);

  const options = await browser.openExtensionPage('options');
  assert.equal(await options.inputValue('#field-muted'), nonApology);
  await options.fill('#field-muted', '');
  await options.click('#settings-form button[type=submit]');
  await options.waitForFunction(() => document.querySelector('[role=status]')?.textContent === 'Saved.');
  const again = await browser.open(STATUS);
  await type(again, `${nonApology}.`);
  await again.locator(`${WARNING}[data-kind="deflection"]`).waitFor();
});

journey('a word typed or deleted mid-draft is checked as the draft then reads', async (browser) => {
  // Each key's check is sent as the key goes down, for the draft the key will make: what is
  // drawn must still be the draft's own warnings, wherever the caret stands.
  const page = await browser.open(STATUS);
  const owning = "I'm sorry, this is our fault.";
  await type(page, owning);
  for (let i = 0; i < 'our fault.'.length; i++) await page.keyboard.press('ArrowLeft');
  await page.keyboard.type('not ');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0') === "I'm sorry, this is not our fault.");
  await page.locator(`${WARNING}[data-kind="deflection"]`).waitFor();
  await page.waitForFunction(() => [...CSS.highlights.get('boomerang-warning') ?? []].some((r) => /not our fault/.test(r.toString())));
  for (let i = 0; i < 'not '.length; i++) await page.keyboard.press('Backspace');
  await page.waitForFunction((want) => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0') === want, owning);
  await page.locator(`${WARNING}[data-kind="deflection"]`).waitFor({ state: 'detached' });
  assert.deepEqual(await highlighted(page), [], 'no span left marked');
});

journey('a missing acknowledgement waits until the agent pauses, not shown at every key', async (browser) => {
  const page = await browser.open(STATUS);
  // The page notes its last keydown and the first moment a no_empathy card is drawn.
  await page.evaluate(() => {
    const seen = /** @type {any} */ (window).__seen = { lastKey: 0, noEmpathy: 0 };
    document.addEventListener('keydown', (e) => { seen.lastKey = e.timeStamp; }, true);
    const note = (/** @type {ShadowRoot} */ root) => {
      if (!seen.noEmpathy && root.querySelector('[data-boomerang="tone-warning"][data-kind="no_empathy"]')) seen.noEmpathy = performance.now();
    };
    const watch = (/** @type {Element} */ el) => {
      const root = el.shadowRoot;
      if (!el.localName.startsWith('boomerang-') || !root) return;
      new MutationObserver(() => note(root)).observe(root, { childList: true, subtree: true });
      note(root);
    };
    new MutationObserver((records) => records.forEach((r) => r.addedNodes.forEach((n) => {
      if (n instanceof Element) [n, ...n.querySelectorAll('*')].forEach(watch);
    }))).observe(document.documentElement, { childList: true, subtree: true });
    document.querySelectorAll('*').forEach(watch);
  });
  await type(page, 'We have refunded your order');
  await page.locator(`${WARNING}[data-kind="no_empathy"]`).waitFor();
  const seen = await page.evaluate(() => /** @type {any} */ (window).__seen);
  assert.ok(seen.noEmpathy > seen.lastKey, `drawn ${(seen.noEmpathy - seen.lastKey).toFixed(0)} ms after the last key`);
  // Acknowledging clears it at once, while still typing.
  await page.keyboard.type('. Sorry for the wait');
  await page.locator(`${WARNING}[data-kind="no_empathy"]`).waitFor({ state: 'detached' });
});

journey('Reply pressed straight after the last key reviews the whole reply first', async (browser) => {
  // No pause for the whole-reply check while typing: the press itself asks for it.
  const page = await browser.open(STATUS);
  await type(page, 'We have refunded your order');
  await page.click('[data-testid="tweetButtonInline"]');
  await page.locator('[data-boomerang="review"]').waitFor();
  await page.locator(`${WARNING}[data-kind="no_empathy"]`).waitFor();
  assert.deepEqual(await posted(page), [], 'held for review, not posted');
  await page.locator('[data-boomerang="review"] button', { hasText: 'Send anyway' }).click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
  assert.deepEqual(await posted(page), ['We have refunded your order']);
});

journey('the figures count a warning still up when the agent pauses, not one that came and went while typing', async (browser) => {
  const page = await browser.open(STATUS);
  // "No empathy" is due once the first sentence ends and gone with "Sorry", keys later; the
  // capitals at the end stay.
  const draft = 'We have refunded your order. Sorry for the trouble! PLEASE CHECK YOUR EMAIL';
  await type(page, draft);
  await page.locator(`${WARNING}[data-kind="shouting"]`).waitFor();
  await page.click('[data-testid="tweetButtonInline"]');
  await page.locator('[data-boomerang="review"] button', { hasText: 'Send anyway' }).click();
  // The reply is counted after every warning event before it.
  const day = await browser.figuresWhen('x', { replies: 1 });
  assert.equal(day.warnings_shown, 1, 'the capitals, counted once');
  assert.equal(day.warnings_revised ?? 0, 0);
});

journey('pressing Reply with a warning open asks once; the second press posts', async (browser) => {
  const page = await browser.open(STATUS);
  await type(page, BLAMING);
  await page.locator(WARNING).first().waitFor();
  await page.click('[data-testid="tweetButtonInline"]');
  await page.locator('[data-boomerang="review"]').waitFor();
  assert.deepEqual(await posted(page), [], 'the first press did not post');
  assert.equal(await draftText(page), BLAMING, 'the draft is untouched');
  await page.click('[data-testid="tweetButtonInline"]');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
  assert.deepEqual(await posted(page), [BLAMING]);
  const day = Object.values((await browser.stats()).days)[0];
  assert.equal(day.x.harmful_replies, 1, 'sent with blame open: counted as harmful');
});

journey('in a DM, Enter (which sends there) asks once with a warning open; the second Enter sends', async (browser) => {
  const page = await browser.open('/messages/1234-5678');
  await type(page, BLAMING, 'dmComposerTextInput');
  await page.locator(WARNING).first().waitFor();
  await page.keyboard.press('Enter');
  await page.locator('[data-boomerang="review"]').waitFor();
  assert.deepEqual(await posted(page), [], 'the first Enter did not send');
  const dm = () => page.evaluate(() => /** @type {any} */ (window).__fixture.draftText('dmComposerTextInput'));
  assert.equal(await dm(), BLAMING, 'and added no new line');
  await page.focus('[data-testid="dmComposerTextInput"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
  assert.deepEqual(await posted(page), [BLAMING]);
});

journey('with review_before_sending off, Reply posts at once', async (browser) => {
  await browser.setSettings({ review_before_sending: false });
  const page = await browser.open(STATUS);
  await type(page, BLAMING);
  await page.locator(WARNING).first().waitFor();
  await page.click('[data-testid="tweetButtonInline"]');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
  assert.equal(await page.locator('[data-boomerang="review"]').count(), 0);
});

journey('after Chrome stops the idle service worker, the draft is still checked', async (browser) => {
  const page = await browser.open(STATUS);
  await type(page, 'Thanks for waiting. ');
  // Chrome stops an extension's worker after 30 s without events, closing the page's port to
  // it; stopped here at once, from an extension page, which may drive the extension's workers.
  const popup = await browser.openExtensionPage('popup');
  const cdp = await browser.context.newCDPSession(popup);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise((resolve) => cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    if (versions.some((v) => v.runningStatus === 'stopped')) resolve(true);
  }));
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.type(BLAMING);
  await page.locator(`${WARNING}[data-kind="blame"]`).waitFor();
});
