// @ts-check
// Follow-back prompts on a followers list and on "… followed you" notifications: decisions
// with reasons, X's own follow button pressed only when the agent clicks.
import assert from 'node:assert/strict';
import { journey } from './harness.mjs';
import { ACCOUNT, FOLLOWERS } from '../fixtures/x/pages.mjs';

const PROMPT = '[data-boomerang="follow-prompt"]';
/** @param {import('playwright-core').Page} page */
const followClicks = (page) => page.evaluate(() => /** @type {any} */ (window).__fixture.followClicks);

journey('followers list: a prompt per follower with the decision; Follow back presses X\'s button only on click', async (browser) => {
  const page = await browser.open(`/${ACCOUNT.handle}/followers`);
  await page.locator(PROMPT).nth(FOLLOWERS.length - 1).waitFor();
  const decisions = Object.fromEntries(await page.locator(PROMPT).evaluateAll((els) =>
    els.map((el) => [el.getAttribute('data-handle'), el.getAttribute('data-decision')])));
  // A teacher with a bio and a verified account: follow back. A follow-for-follow crypto
  // account with a default picture: never.
  assert.equal(decisions.jo_baker, 'follow_back');
  assert.equal(decisions.cryptok4471902, 'skip');
  assert.ok(['review', 'follow_back'].includes(decisions.mo_hassan));
  const spam = page.locator(`${PROMPT}[data-handle="cryptok4471902"]`);
  assert.match(await spam.getAttribute('aria-label') ?? '', /follow-for-follow|crypto|promotion/);
  assert.equal(await spam.locator('[data-action="follow"]').count(), 0, 'no Follow back button for spam');
  const jo = page.locator(`${PROMPT}[data-handle="jo_baker"]`);
  assert.match(await jo.textContent() ?? '', /Jo/, 'a personal welcome to copy');

  // Nothing was followed by itself.
  assert.deepEqual(await followClicks(page), []);
  await jo.locator('[data-action="follow"]').click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.followClicks.length > 0);
  assert.deepEqual(await followClicks(page), [`${FOLLOWERS[0].id}-follow`]);
  await page.locator('[data-testid="147722432-unfollow"]').waitFor();
  const day = Object.values((await browser.stats()).days)[0];
  assert.equal(day.x.follow_backs, 1);
  assert.equal(day.x.followers_seen, FOLLOWERS.length);
});

journey('notifications: "followed you" entries get prompts; likes do not', async (browser) => {
  const page = await browser.open('/notifications');
  await page.locator(`${PROMPT}[data-handle="jo_baker"]`).waitFor();
  const handles = await page.locator(PROMPT).evaluateAll((els) => els.map((el) => el.getAttribute('data-handle')).sort());
  assert.deepEqual(handles, ['cryptok4471902', 'danaw', 'jo_baker']);
  // Dana wrote to the brand on the same page: a customer, followed back.
  assert.equal(await page.locator(`${PROMPT}[data-handle="danaw"]`).getAttribute('data-decision'), 'follow_back');
  assert.equal(await page.locator(`${PROMPT}[data-handle="cryptok4471902"]`).getAttribute('data-decision'), 'skip');
});
