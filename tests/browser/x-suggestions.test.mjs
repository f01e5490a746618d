// @ts-check
// Reply suggestions on x.com: what an agent sees when answering a complaint, and what X's own
// editor (the real draft-js) holds after a click.
import assert from 'node:assert/strict';
import { journey } from './harness.mjs';
import { CUSTOMERS } from '../fixtures/x/pages.mjs';

const SUGGESTION = '[data-boomerang="suggestion"]';
/** @param {import('playwright-core').Page} page */
const draftText = (page) => page.evaluate(() => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0'));

journey('a reply to a complaint on its /status/ page gets suggestions; a click puts one into Draft', async (browser) => {
  const t = CUSTOMERS.complaint;
  const page = await browser.open(`/${t.handle}/status/${t.id}`);
  const first = page.locator(SUGGESTION).first();
  await first.waitFor();
  const count = await page.locator(SUGGESTION).count();
  assert.ok(count >= 1 && count <= 3, `one to three suggestions, got ${count}`);
  // Beside the editor, not over it: the panel starts below the editor's bottom edge.
  const editorBox = await page.locator('[data-testid="tweetTextarea_0"]').boundingBox();
  const panelBox = await page.locator('boomerang-composer').boundingBox();
  assert.ok(editorBox && panelBox && panelBox.y >= editorBox.y + editorBox.height - 1, 'panel below the editor');
  assert.match(await page.locator('boomerang-composer').evaluate((h) => h.shadowRoot?.textContent ?? ''), /complaint/);

  const label = await first.getAttribute('aria-label') ?? '';
  // The apology says back what the customer told: the agent sees the message was read.
  assert.match(label, /sorry your train was cancelled again/i, `the apology names the problem: ${label}`);
  await first.click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0').length > 0);
  const inserted = await draftText(page);
  assert.ok(label.includes(inserted.split('\n')[0]), `Draft holds the suggestion: ${inserted}`);

  // Another suggestion replaces the draft, it does not pile up.
  if (count > 1) {
    await page.locator(SUGGESTION).nth(1).click();
    await page.waitForFunction((old) => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0') !== old, inserted);
    const second = await draftText(page);
    assert.ok(!second.includes(inserted), 'replaced, not appended');
  }
  // Shift+click adds a suggestion after the draft instead of replacing it. (A short draft of
  // the agent's own first: two suggestions together run over X's 280 and would be held for review.)
  await page.locator('[data-testid="tweetTextarea_0"]').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type('Hi Dana.');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0') === 'Hi Dana.');
  const kept = await draftText(page);
  await first.click({ modifiers: ['Shift'] });
  await page.waitForFunction((old) => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0') !== old, kept);
  const both = await draftText(page);
  assert.ok(both.startsWith(kept) && both.includes(inserted.split('\n')[0]), `appended after the draft: ${both}`);
  // X's own Reply button posts exactly what Draft holds.
  const before = await draftText(page);
  await page.click('[data-testid="tweetButtonInline"]');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
  assert.equal(await page.evaluate(() => /** @type {any} */ (window).__fixture.posted[0].text), before);
  const stats = await browser.stats();
  const day = Object.values(stats.days)[0];
  assert.ok(day.x.suggestions_inserted >= 1, 'insertion counted');
  assert.equal(day.x.replies_with_boomerang, 1, 'the reply counts as written with Boomerang');
});

journey('the reply modal opened from the timeline (in-app navigation) offers suggestions for that post', async (browser) => {
  const page = await browser.open('/home');
  const t = CUSTOMERS.question;
  await page.locator(`article:has(a[href$="/status/${t.id}"]) [data-testid="reply"]`).click();
  await page.waitForURL('https://x.com/compose/post');
  const dialog = page.locator('[role="dialog"]');
  await dialog.locator(SUGGESTION).first().waitFor();
  assert.match(await dialog.locator('boomerang-composer').evaluate((h) => h.shadowRoot?.textContent ?? ''), /question/);
  // The keyboard shortcut accepts the first suggestion.
  await dialog.locator('[data-testid="tweetTextarea_0"]').click();
  const firstLabel = await dialog.locator(SUGGESTION).first().getAttribute('aria-label') ?? '';
  await page.keyboard.press('Alt+Shift+Digit1');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0').length > 0);
  const text = await draftText(page);
  assert.ok(firstLabel.includes(text), `first suggestion inserted: ${text}`);
  assert.match(text, /Sam/, 'addressed to the customer by name');
  // The home page's own composer (no post being answered) got no suggestions.
  assert.equal(await page.locator(`[data-testid="primaryColumn"] ${SUGGESTION}`).count(), 0);
});

journey('a DM conversation: suggestions answer everything the customer wrote since the agent did, and go into the DM editor', async (browser) => {
  const page = await browser.open('/messages/1234-5678');
  await page.locator(SUGGESTION).first().waitFor();
  // Dana's "Hello??" alone would get a greeting; with the message before it, an apology.
  assert.match(await page.locator('boomerang-composer').evaluate((h) => h.shadowRoot?.textContent ?? ''), /complaint/);
  // Already in a DM: the details are asked for here, not by "send us a DM".
  const texts = await page.locator(SUGGESTION).evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  assert.ok(texts.every((t) => !/\bDM\b|direct message/.test(t)), `no DM asked for inside a DM: ${texts}`);
  assert.ok(texts.some((t) => / here\b/.test(t)), `details asked for here: ${texts}`);
  assert.ok(texts.some((t) => /sorry/i.test(t)), `an apology: ${texts}`);
  await page.locator(SUGGESTION).first().click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.draftText('dmComposerTextInput').length > 0);
  await page.click('[data-testid="dmComposerSendButton"]');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
});

journey('initials saved in chrome.storage.sync show in the next suggestion', async (browser) => {
  await browser.setSettings({ initials: 'KB' });
  const t = CUSTOMERS.complaint;
  const page = await browser.open(`/${t.handle}/status/${t.id}`);
  await page.locator(SUGGESTION).first().waitFor();
  const texts = await page.locator(SUGGESTION).evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  assert.ok(texts.every((s) => s.includes('^KB')), `signed ^KB: ${texts.join(' | ')}`);
  // A change while the page is open applies to the next reply box at once.
  await browser.setSettings({ initials: 'ZQ' });
  await page.reload();
  await page.locator(SUGGESTION).first().waitFor();
  assert.match(await page.locator(SUGGESTION).first().textContent() ?? '', /\^ZQ/);
});
