// @ts-check
// Boomerang on facebook.com and Business Suite, as an agent uses it: the built extension in
// headless Chromium, Facebook's pages served offline at their real addresses with Facebook's
// CSP, the real Lexical editor, every other request aborted. Each test ends with no page
// errors, no CSP violations and nothing sent off the machine.
import assert from 'node:assert/strict';
import { journey, lexicalText, posted } from './facebook-harness.mjs';

const SUGGESTION = '[data-boomerang="suggestion"]';

journey('a reply to a complaint under the Page\'s post: suggestions, a click puts one into Lexical, Enter posts it, the clock stops, the popup counts it for Facebook', async ({ browser, open }) => {
  const page = await open('post');
  await page.click('[data-fixture-reply="reply-jane"]');
  const first = page.locator(`boomerang-composer ${SUGGESTION}`).first();
  await first.waitFor();
  await page.getByText(/Looks like a complaint/).waitFor();
  const label = await first.getAttribute('aria-label') ?? '';
  assert.match(label, /sorry your train was cancelled again/i, `the apology says back Jane's problem: ${label}`);
  await first.click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixtureEditorText(document.getElementById('reply-jane')).length > 0);
  const inserted = await lexicalText(page, '#reply-jane');
  assert.ok(label.includes(inserted.split('\n')[0]), `Lexical holds the suggestion: ${inserted}`);
  // The suggestion answers Jane by name, in the box under her comment.
  assert.match(inserted, /Jane/);

  await page.focus('#reply-jane');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixturePosted.length === 1);
  assert.deepEqual(await posted(page), [inserted]);
  // Jane's clock stops with the reply.
  const stopped = page.locator('[role="article"][aria-label^="Comment by Jane Doe"] [data-boomerang="response-clock"][data-status="answered"]');
  await stopped.waitFor();
  assert.equal(await stopped.textContent(), 'Answered');
  const figures = await browser.figuresWhen('facebook', { replies: 1 });
  assert.ok(figures.suggestions_inserted >= 1, 'insertion counted for facebook');
  assert.equal(figures.replies_with_boomerang, 1, 'the reply counts as written with Boomerang');

  // The popup counts it in Facebook's column: Jane waited 5 hours for it.
  const popup = await browser.openExtensionPage('popup');
  const row = (/** @type {string} */ key) => popup.locator(`tr[data-figure="${key}"] td`).allTextContents();
  assert.deepEqual(await row('replies'), ['0 of 0', '1 of 1', '1 of 1'], 'X, Facebook, Total');
  assert.deepEqual(await row('median_reply'), ['—', '5 h', '5 h']);
});

journey('a blaming sentence gets a warning on its span; the rewrite replaces it in Lexical and the warning goes', async ({ browser, open }) => {
  const page = await open('post');
  await page.click('[data-fixture-reply="reply-jane"]');
  await page.keyboard.type(BLAMING);
  const warning = page.locator('[data-boomerang="tone-warning"][data-kind="blame"]');
  await warning.waitFor();
  assert.match(await warning.getAttribute('aria-label') ?? '', /Tone warning/);
  // The span is marked in the page's highlight registry, over the words that blame.
  const marked = await page.evaluate(() => [...(/** @type {any} */ (CSS).highlights.get('boomerang-warning') ?? [])].map((r) => r.toString()));
  assert.ok(marked.length >= 1 && marked.every((m) => BLAMING.includes(m)), `marked: ${marked}`);
  await warning.locator('[data-action="rewrite"]').click();
  await warning.waitFor({ state: 'detached' });
  const rewritten = await lexicalText(page, '#reply-jane');
  assert.notEqual(rewritten, BLAMING);
  assert.ok(rewritten.length > 0, 'Lexical holds the rewrite');
  const figures = await browser.figuresWhen('facebook', { warnings_revised: 1 });
  assert.ok(figures.warnings_shown >= 1);
});

/**
 * Enter on a draft with a warning brings the review step: nothing is posted, nor a line added
 * to the draft. @param {import('playwright-core').Page} page @param {string} draft
 */
async function enterIsReviewed(page, draft) {
  await page.keyboard.press('Enter');
  await page.locator('[data-boomerang="review"]').waitFor();
  assert.deepEqual(await posted(page), [], 'held for review, not posted');
  assert.equal(await lexicalText(page, '#reply-jane'), draft, 'nor a line added to the draft');
}

/** After the review, the next Enter in the box posts the draft. @param {import('playwright-core').Page} page @param {string} draft */
async function nextEnterPosts(page, draft) {
  await page.focus('#reply-jane');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixturePosted.length === 1);
  assert.deepEqual(await posted(page), [draft]);
}

journey('Enter straight after the last key reviews the whole reply first; the next Enter posts it', async ({ browser, open }) => {
  const page = await open('post');
  await page.click('[data-fixture-reply="reply-jane"]');
  const draft = 'We have refunded your order';
  await page.keyboard.type(draft);
  await enterIsReviewed(page, draft);
  await page.locator('[data-boomerang="tone-warning"][data-kind="no_empathy"]').waitFor();
  await nextEnterPosts(page, draft);
  const figures = await browser.figuresWhen('facebook', { replies: 1 });
  assert.equal(figures.harmful_replies ?? 0, 0, 'no acknowledgement is a missed chance, not a harmful reply');
});

journey('Enter with a warning open asks "Review before sending?" once; the second Enter posts', async ({ browser, open }) => {
  const page = await open('post');
  await page.click('[data-fixture-reply="reply-jane"]');
  await page.keyboard.type(BLAMING);
  await page.locator('[data-boomerang="tone-warning"][data-kind="blame"]').waitFor();
  await enterIsReviewed(page, BLAMING);
  await nextEnterPosts(page, BLAMING);
  // The next draft gets its own review; "Send anyway" posts it through Facebook's Enter.
  await page.focus('#reply-jane');
  await page.keyboard.type(BLAMING);
  await page.locator('[data-boomerang="tone-warning"][data-kind="blame"]').waitFor();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Send anyway' }).click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixturePosted.length === 2);
  assert.deepEqual(await posted(page), [BLAMING, BLAMING]);
  const figures = await browser.figuresWhen('facebook', { replies: 2 });
  assert.equal(figures.harmful_replies, 2, 'replies sent with blame count against the ratio');
});

journey('Messenger and the Business Suite inbox: suggestions for what the customer wrote since the Page last did, inserted into Lexical; sending stops the conversation\'s clock', async ({ browser, open }) => {
  for (const [name, selector, customer] of /** @type {const} */ ([['messenger', '#message-box', 'Tom Reyes'], ['inbox', '#inbox-box', 'Lena Fischer']])) {
    const page = await open(name);
    const clock = page.locator('[role="row"]', { hasText: customer }).locator('[data-boomerang="response-clock"]');
    await clock.waitFor();
    assert.notEqual(await clock.getAttribute('data-status'), 'answered', `${name}: the customer wrote last`);
    const first = page.locator(SUGGESTION).first();
    await first.waitFor();
    // Tom's "Hello??" alone would get a greeting; with the message before it, an apology.
    assert.match(await first.getAttribute('aria-label') ?? '', /sorry/i, `${name}: answers the complaint`);
    await first.click();
    await page.waitForFunction((s) => /** @type {any} */ (window).__fixtureEditorText(document.querySelector(s)).length > 0, selector);
    const inserted = await lexicalText(page, selector);
    assert.ok((await first.getAttribute('aria-label') ?? '').includes(inserted.split('\n')[0]), `${name}: ${inserted}`);
    await page.focus(selector);
    await page.keyboard.press('Enter');
    // Enter goes through Boomerang's check of the whole reply first, a round trip to the worker.
    await page.waitForFunction(() => /** @type {any} */ (window).__fixturePosted.length === 1);
    assert.deepEqual(await posted(page), [inserted]);
    // The conversation list now shows the Page wrote last: its clock stops.
    await page.locator('[role="row"]', { hasText: customer }).locator('[data-boomerang="response-clock"][data-status="answered"]').waitFor();
  }
  const figures = await browser.figuresWhen('facebook', { replies: 2 });
  assert.equal(figures.replies_with_boomerang, 2);
  assert.deepEqual(figures.reply_minutes, [12, 240], 'how long Tom and Lena waited, from the conversation list');
});

journey('a chat pop-up over the feed: the suggestion says back the customer\'s complaint there ("my refund for the cancelled 17:42 to Leeds still hasn\'t come through" → "sorry your refund still hasn\'t come through"), without sending them to DMs, and Enter sends it', async ({ browser, open }) => {
  const page = await open('chat');
  const first = page.locator(SUGGESTION).first();
  await first.waitFor();
  const label = await first.getAttribute('aria-label') ?? '';
  assert.match(label, /sorry your refund still hasn't come through/i, 'the apology says back what went wrong');
  assert.doesNotMatch(label, /\b(DM|direct message)\b/, 'already in a private chat: no "send us a DM"');
  await first.click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixtureEditorText(document.querySelector('#popup-box')).length > 0);
  const inserted = await lexicalText(page, '#popup-box');
  await page.focus('#popup-box');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixturePosted.length === 1);
  assert.deepEqual(await posted(page), [inserted]);
  const figures = await browser.figuresWhen('facebook', { replies: 1 });
  assert.equal(figures.replies_with_boomerang, 1);
});

journey('people who like or follow the Page get a thank-you to send by hand; spam is skipped', async ({ browser, open }) => {
  const page = await open('notifications');
  const prompts = page.locator('[data-boomerang="follow-prompt"]');
  await page.waitForFunction(() => document.querySelectorAll('boomerang-follow').length === 3);
  const sam = prompts.filter({ hasText: 'Sam Lee' });
  assert.notEqual(await sam.getAttribute('data-decision'), 'skip');
  assert.match(await sam.getAttribute('aria-label') ?? '', /^Sam Lee: Thank them by hand/, 'named as on Facebook, with a thank-you as the move');
  assert.match(await sam.textContent() ?? '', /thank you for following/i, 'a thank-you to send by hand, for the follow');
  assert.match(await prompts.filter({ hasText: 'Grace Okafor' }).textContent() ?? '', /thank you for liking/i, 'a like is thanked as a like');
  assert.equal(await sam.locator('[data-action="follow"]').count(), 0, 'a Page cannot follow people back');
  assert.equal(await prompts.filter({ hasText: 'Cheap Followers 4U' }).getAttribute('data-decision'), 'skip');
  // People who follow a Page can't be followed back: they stay out of the follow-back ratio.
  const day = Object.values((await browser.stats())?.days ?? {}).at(-1);
  assert.equal(day?.facebook?.followers_seen ?? 0, 0);
});

journey('a followers list: "Follow back" presses Facebook\'s own button only when the agent clicks', async ({ browser, open }) => {
  const page = await open('followers');
  await page.waitForFunction(() => document.querySelectorAll('boomerang-follow').length === 3);
  const cafe = page.locator('[data-boomerang="follow-prompt"][data-handle="yorkstationcafe"]');
  assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__fixtureFollowed), [], 'nothing followed on its own');
  await cafe.locator('[data-action="follow"]').click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixtureFollowed.length === 1);
  assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__fixtureFollowed), ['yorkstationcafe']);
  const maria = page.locator('[data-boomerang="follow-prompt"][data-handle="maria.lopez.204"]');
  assert.equal(await maria.locator('[data-action="follow"]').count(), 0, 'no follow back for a person');
  assert.match(await maria.textContent() ?? '', /thank/i);
  const figures = await browser.figuresWhen('facebook', { follow_backs: 1 });
  assert.equal(figures.followers_seen, 2, 'the Page and the spam account had a Follow button; Maria could only be thanked');
  const popup = await browser.openExtensionPage('popup');
  assert.deepEqual(await popup.locator('tr[data-figure="follow_back_ratio"] td').allTextContents(), ['—', '50%', '50%']);
});

journey('the response clock on comments, Business Suite threads and Messenger chats: overdue when unanswered, stopped where the Page wrote last', async ({ browser, open }) => {
  const page = await open('post');
  const clock = (/** @type {string} */ name) => page.locator(`[role="article"][aria-label^="Comment by ${name}"] [data-boomerang="response-clock"]`);
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length === 3);
  assert.equal(await clock('Jane Doe').getAttribute('data-status'), 'overdue');
  assert.equal(await clock('Omar Haddad').getAttribute('data-status'), 'answered');
  assert.equal(await clock('Priya Shah').getAttribute('data-status'), 'ok');

  const inbox = await open('inbox');
  await inbox.waitForFunction(() => document.querySelectorAll('boomerang-clock').length === 2);
  const row = (/** @type {string} */ name) => inbox.locator('[role="row"]', { hasText: name }).locator('[data-boomerang="response-clock"]');
  assert.equal(await row('Lena Fischer').getAttribute('data-status'), 'overdue');
  assert.equal(await row('Ravi Patel').getAttribute('data-status'), 'answered');

  const messenger = await open('messenger');
  await messenger.waitForFunction(() => document.querySelectorAll('boomerang-clock').length === 3);
  const chat = (/** @type {string} */ name) => messenger.locator('[role="row"]', { hasText: name }).locator('[data-boomerang="response-clock"]');
  assert.equal(await chat('Nadia Karim').getAttribute('data-status'), 'overdue');
  assert.equal(await chat('Ben Ortiz').getAttribute('data-status'), 'answered');
});

journey('a group post tagging the Page: its clock runs, a suggestion answers it from the Page\'s comment box, posting stops the clock; other posts get nothing', async ({ browser, open }) => {
  const page = await open('group');
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length === 2);
  const clock = (/** @type {string} */ name) => page.locator('[role="feed"] > [role="article"]', { hasText: name }).first().locator('[data-boomerang="response-clock"]').first();
  assert.equal(await clock('Ken Obi').getAttribute('data-status'), 'overdue');
  assert.equal(await clock('Ana Silva').getAttribute('data-status'), 'answered');
  assert.equal(await page.locator('[role="feed"] > [role="article"]', { hasText: 'Mo Farah' }).locator('boomerang-clock').count(), 0, 'not the Page\'s to answer');

  await page.click('#comment-ken');
  const first = page.locator(`boomerang-composer ${SUGGESTION}`).first();
  await first.waitFor();
  assert.match(await first.textContent() ?? '', /Ken/, 'the suggestion answers Ken');
  await first.click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixtureEditorText(document.getElementById('comment-ken')).length > 0);
  await page.focus('#comment-ken');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixturePosted.length === 1);
  await page.locator('[role="feed"] > [role="article"]', { hasText: 'Ken Obi' }).locator('[data-boomerang="response-clock"][data-status="answered"]').waitFor();
});

journey('in-app navigation: a comment notification opens the post in place with its hints, Back brings the follower prompts again', async ({ browser, open }) => {
  const page = await open('notifications');
  await page.waitForFunction(() => document.querySelectorAll('boomerang-follow').length === 3);
  await page.click('a[href*="notif_t=feed_comment"]');
  await page.waitForURL(/\/acmerail\/posts\//);
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length === 3);
  assert.equal(await page.locator('boomerang-follow').count(), 0, 'nothing left from the notifications');
  await page.click('[data-fixture-reply="reply-jane"]');
  await page.locator(`boomerang-composer ${SUGGESTION}`).first().waitFor();
  assert.match(await page.locator(SUGGESTION).first().textContent() ?? '', /Jane/, 'the suggestions answer Jane');

  await page.goBack();
  await page.waitForURL(/\/notifications$/);
  await page.waitForFunction(() => document.querySelectorAll('boomerang-follow').length === 3);
  assert.equal(await page.locator('boomerang-clock, boomerang-composer').count(), 0, 'nothing left from the post');
});

const BLAMING = 'You should have checked the app before you travelled.';
