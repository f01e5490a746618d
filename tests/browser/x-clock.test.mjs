// @ts-check
// The response clock on mentions: an old complaint is overdue, a fresh question is fine, and
// a mention the brand already answered has stopped.
import assert from 'node:assert/strict';
import { journey } from './harness.mjs';
import { CUSTOMERS } from '../fixtures/x/pages.mjs';

/** @param {import('playwright-core').Page} page @param {{id: string}} t */
const clockOf = (page, t) =>
  page.locator(`article:has(a[href$="/status/${t.id}"]) [data-boomerang="response-clock"]`);

journey('mentions: overdue for a three-day-old complaint, ok for a fresh question, answered stops', async (browser) => {
  const page = await browser.open('/notifications/mentions');
  const old = clockOf(page, CUSTOMERS.old);
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length >= 4);
  await assert.doesNotReject(old.waitFor());
  assert.equal(await old.getAttribute('data-status'), 'overdue');
  assert.match(await old.textContent() ?? '', /overdue/);
  assert.equal(await clockOf(page, CUSTOMERS.question).getAttribute('data-status'), 'ok');
  assert.equal(await clockOf(page, CUSTOMERS.praise).getAttribute('data-status'), 'answered');
  // The brand's own reply gets no clock.
  assert.equal(await page.locator('article:has(a[href="/AcmeRail"]) boomerang-clock').count(), 0);
});
