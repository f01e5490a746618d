// @ts-check
// The x.com adapter against real markup captured from x.com (../shared/fixtures-real/x): the
// post's author, handle, text, time and id are read as X shows them, and a quote tweet gives
// the quoting author, not the quoted one. The adapter file runs as it is, in the page, with a
// stand-in for the core's registerAdapter; the page is served at x.com with X's CSP.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { X_CSP } from './harness.mjs';

const read = (/** @type {string} */ name) => fs.readFileSync(new URL(`../../extension/content/${name}`, import.meta.url), 'utf8');
const ADAPTER = `${read('adapter.js')}\n${read('adapter-x.js')}`;
const REAL = new URL('../../../shared/fixtures-real/x/', import.meta.url);

/**
 * Mentions the adapter finds on a mentions page made of one captured timeline cell.
 * @param {string} file the captured outerHTML
 */
async function mentionsIn(file) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
  try {
    const context = await browser.newContext();
    /** @type {string[]} */
    const leaked = [];
    await context.route(/^https?:/, (route) => { leaked.push(route.request().url()); return route.abort(); });
    const markup = fs.readFileSync(new URL(file, REAL), 'utf8');
    await context.route('https://x.com/notifications/mentions', (route) => route.fulfill({
      status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': X_CSP },
      body: `<!DOCTYPE html><html><body><main role="main">${markup}</main></body></html>`,
    }));
    const page = await context.newPage();
    /** @type {string[]} */
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('https://x.com/notifications/mentions');
    const mentions = await page.evaluate(`(() => {
      ${ADAPTER}
      const adapter = boomerangAdapters[0];
      return adapter.findMentions(document).map((m) => {
        const { element, ...post } = m.post;
        return { ...post, answered: m.answered };
      });
    })()`);
    assert.deepEqual(errors, []);
    // Images and videos in the capture point at twimg.com: aborted, as every request is.
    assert.ok(leaked.every((u) => /^https:\/\/(pbs|video|abs)\.twimg\.com\//.test(u)), `only X's media was asked for: ${leaked}`);
    return /** @type {any[]} */ (mentions);
  } finally {
    await browser.close();
  }
}

test('a real focal post: author, handle, text, time and id as X shows them', async () => {
  const [post, ...rest] = await mentionsIn('tweetyoink__x-tweet-sample.html');
  assert.equal(rest.length, 0);
  assert.equal(post.authorName, 'Test User Account');
  assert.equal(post.authorHandle, 'TestUser123');
  assert.equal(post.id, '1981398750557065646');
  assert.equal(post.postedAtMs, Date.parse('2025-10-23T16:34:09.000Z'));
  assert.match(post.text, /^Democrat Shutdown Jeopardizes America's Skies/);
  assert.equal(post.answered, false);
});

for (const file of ['tweetyoink__x-tweet-quote.html', 'tweetyoink__x-tweet-quote-video.html']) {
  test(`a real quote tweet (${file}): the quoting author and words, not the quoted post's`, async () => {
    const [post, ...rest] = await mentionsIn(file);
    assert.equal(rest.length, 0, 'the quoted post is not a mention of its own');
    assert.notEqual(post.authorHandle, 'OriginalAuthor');
    assert.match(post.authorHandle, /^(TestQuoter|QuotingUser)$/);
    assert.match(post.id, /^19831\d+$/);
    assert.ok(post.postedAtMs > Date.parse('2025-10-28T11:00:00.000Z'), 'the quoting post\'s time, the later one');
    assert.ok(!post.text.includes('original quoted tweet content'), `only the quoting words: ${post.text}`);
  });
}
