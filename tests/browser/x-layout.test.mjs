// @ts-check
// When X changes its markup, Boomerang goes quiet where it cannot read the page: no hint, no
// exception thrown into the page, and the agent still types and posts as before.
import assert from 'node:assert/strict';
import { journey } from './harness.mjs';
import { CUSTOMERS } from '../fixtures/x/pages.mjs';

const t = CUSTOMERS.complaint;

journey('posts X no longer marks as before: no suggestions or clocks, warnings still work, Reply still posts', async (browser) => {
  const page = await browser.open(`/${t.handle}/status/${t.id}?layout=renamed`);
  // The post being answered can't be read, so nothing is suggested for it; the draft is still checked.
  await page.click('[data-testid="tweetTextarea_0"]');
  const draft = "That's not our fault, you should have read the terms.";
  await page.keyboard.type(draft);
  await page.locator('[data-boomerang="tone-warning"][data-kind="blame"]').waitFor();
  assert.equal(await page.locator('[data-boomerang="suggestion"]').count(), 0);
  await page.click('[data-testid="tweetButtonInline"]');
  await page.locator('[data-boomerang="review"]').waitFor();
  await page.click('[data-testid="tweetButtonInline"]');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
  assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__fixture.posted.map((/** @type {any} */ p) => p.text)), [draft]);

  const mentions = await browser.open('/notifications/mentions?layout=renamed');
  await mentions.locator('[data-testid="cellInnerDiv"]').first().waitFor();
  // The same page with X's usual markup gets its clocks: the quiet one is quiet for the markup.
  const usual = await browser.open('/notifications/mentions');
  await usual.locator('boomerang-clock').first().waitFor();
  assert.equal(await mentions.locator('boomerang-clock').count(), 0);
});
