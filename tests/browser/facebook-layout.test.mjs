// @ts-check
// When Facebook changes its markup, Boomerang goes quiet where it cannot read the page: no hint,
// no exception thrown into the page, and the agent still types and posts as before.
import assert from 'node:assert/strict';
import { journey, posted } from './facebook-harness.mjs';

journey('posts and comments Facebook no longer marks as articles: no suggestions or clocks, warnings still work, Enter still posts', async ({ browser, open }) => {
  const page = await open('post', '?layout=renamed');
  // The comment being answered can't be read, so nothing is suggested for it; the draft is still checked.
  await page.click('[data-fixture-reply="reply-jane"]');
  const draft = 'You should have checked the app before you travelled.';
  await page.keyboard.type(draft);
  await page.locator('[data-boomerang="tone-warning"][data-kind="blame"]').waitFor();
  assert.equal(await page.locator('[data-boomerang="suggestion"]').count(), 0);
  await page.keyboard.press('Enter');
  await page.locator('[data-boomerang="review"]').waitFor();
  await page.focus('#reply-jane');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixturePosted.length === 1);
  assert.deepEqual(await posted(page), [draft]);

  // The same page with Facebook's usual markup gets its clocks: the quiet one is quiet for the markup.
  const usual = await open('post');
  await usual.locator('boomerang-clock').first().waitFor();
  assert.equal(await page.locator('boomerang-clock').count(), 0);
});
