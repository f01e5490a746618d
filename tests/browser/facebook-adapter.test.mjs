// @ts-check
// The Facebook adapter against the fixture pages, in headless Chromium with the real Lexical
// editor and Facebook's CSP: what it reads from the page, and that text it inserts lands in
// Lexical's own EditorState (read through the fixture's hook, never the DOM). The adapter file
// runs as it is, in the page, after the adapter interface's shared file.
import test from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { serveFacebook, FACEBOOK_PAGES } from '../fixtures/facebook/site.mjs';
import { lexicalText } from './facebook-harness.mjs';

const read = (/** @type {string} */ name) => fs.readFileSync(new URL(`../../extension/content/${name}`, import.meta.url), 'utf8');
const ADAPTER = `${read('adapter.js')}\n${read('adapter-facebook.js')}`;

/** @type {import('playwright-core').Browser} */
let browser;
/** @type {import('playwright-core').BrowserContext} */
let context;
/** @type {string[]} */
const leaked = [];

test.before(async () => {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  context = await browser.newContext();
  await context.route(/^https?:/, (route) => { leaked.push(route.request().url()); return route.abort(); });
  await serveFacebook(context);
});
test.after(async () => {
  await browser?.close();
  assert.deepEqual(leaked, [], 'nothing but the fixtures was requested');
});

/** Opens a fixture page with the adapter loaded as `window.__fb`. @param {keyof typeof FACEBOOK_PAGES} name */
async function open(name) {
  const page = await context.newPage();
  /** @type {string[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(FACEBOOK_PAGES[name].url);
  await page.waitForSelector('html[data-fixture-ready]');
  await page.evaluate(`(() => { ${ADAPTER}\n window.__fb = boomerangAdapters[0]; })()`);
  return { page, errors };
}

/** @param {import('playwright-core').Page} page @param {string} selector @param {string} text @param {'replace' | 'append'} mode */
const insert = (page, selector, text, mode) =>
  page.$eval(selector, (e, [t, m]) => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).insertText(/** @type {HTMLElement} */ (e), t, /** @type {"replace" | "append"} */ (m)), [text, mode]);

for (const [name, selector] of /** @type {const} */ ([['post', '#reply-jane'], ['messenger', '#message-box'], ['inbox', '#inbox-box']])) {
  test(`${name}: inserted text is in Lexical's state, empty or not, replace or append`, async () => {
    const { page, errors } = await open(name);
    await page.$eval(selector, (e) => { const form = e.closest('form'); if (form) form.hidden = false; });
    assert.equal(await insert(page, selector, 'Sorry about this, we are on it.', 'replace'), true);
    assert.equal(await lexicalText(page, selector), 'Sorry about this, we are on it.');
    assert.equal(await insert(page, selector, 'Could you DM us the details?', 'append'), true);
    assert.equal(await lexicalText(page, selector), 'Sorry about this, we are on it. Could you DM us the details?');
    assert.equal(await insert(page, selector, 'Hi, thanks for telling us.', 'replace'), true);
    assert.equal(await lexicalText(page, selector), 'Hi, thanks for telling us.');
    // The editor stays healthy: typing goes on where the insertion ended, and the adapter
    // reads what Lexical holds.
    await page.keyboard.type(' ^MB');
    assert.equal(await lexicalText(page, selector), 'Hi, thanks for telling us. ^MB');
    assert.equal(await page.$eval(selector, (e) => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).readEditor(/** @type {HTMLElement} */ (e)).text), 'Hi, thanks for telling us. ^MB');
    // Enter posts it, as on Facebook.
    await page.keyboard.press('Enter');
    assert.deepEqual(await page.evaluate(() => /** @type {any} */ (window).__fixturePosted.map((/** @type {{text: string}} */ p) => p.text)), ['Hi, thanks for telling us. ^MB']);
    assert.equal(await lexicalText(page, selector), '');
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('post: a reply box answers its comment; the Page\'s own post needs no suggestion', async () => {
  const { page, errors } = await open('post');
  const composers = await page.evaluate(() => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).findComposers(document).map((c) => ({
    id: c.editor.id, kind: c.kind, replyTo: c.replyTo && { ...c.replyTo, element: undefined },
  })));
  const reply = /** @type {any} */ (composers.find((c) => c.id === 'reply-jane'));
  assert.equal(reply.kind, 'reply');
  assert.equal(reply.replyTo.authorName, 'Jane Doe');
  assert.equal(reply.replyTo.authorHandle, 'jane.doe.51');
  assert.match(reply.replyTo.text, /^My train was cancelled again/);
  assert.equal(reply.replyTo.id, 'Y29tbWVudDox');
  const waited = (Date.now() - reply.replyTo.postedAtMs) / 3_600_000;
  assert.ok(waited >= 4.99 && waited <= 5.01, `posted 5 h ago, got ${waited} h`);
  assert.equal(composers.find((c) => c.id === 'comment-box')?.replyTo, null, 'the Page does not answer itself');
  assert.deepEqual(errors, []);
  await page.close();
});

test('post: every customer comment is a mention; the Page\'s reply answers its thread', async () => {
  const { page } = await open('post');
  const mentions = await page.evaluate(() => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).findMentions(document)
    .map((m) => [m.post.authorName, m.answered]));
  assert.deepEqual(mentions, [['Jane Doe', false], ['Omar Haddad', true], ['Priya Shah', false]]);
  await page.close();
});

test('group: posts that tag the Page wait for its answer, other people\'s posts and comments do not; the box under a post answers it', async () => {
  const { page, errors } = await open('group');
  const mentions = await page.evaluate(() => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).findMentions(document)
    .map((m) => [m.post.authorName, m.answered, Math.round((Date.now() - (m.post.postedAtMs ?? 0)) / 3_600_000)]));
  assert.deepEqual(mentions, [['Ken Obi', false, 7], ['Ana Silva', true, 24]]);
  const [composer] = await page.evaluate(() => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).findComposers(document)
    .map((c) => ({ kind: c.kind, author: c.replyTo?.authorName, handle: c.replyTo?.authorHandle, text: c.replyTo?.text })));
  assert.deepEqual({ ...composer, text: undefined }, { kind: 'reply', author: 'Ken Obi', handle: 'ken.obi.7', text: undefined });
  assert.match(composer.text ?? '', /^Sat on the 07:12 for 40 minutes/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a chat pop-up over any page is a conversation: its box answers both of the customer\'s messages, from them', async () => {
  const { page, errors } = await open('chat');
  const composers = await page.evaluate(() => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).findComposers(document)
    .map((c) => ({ id: c.editor.id, kind: c.kind, text: c.replyTo?.text, author: c.replyTo?.authorName, handle: c.replyTo?.authorHandle })));
  assert.deepEqual(composers, [{
    id: 'popup-box', kind: 'dm', author: 'Priya Shah', handle: 'priya.shah.31',
    text: "Hi, my refund for the cancelled 17:42 to Leeds still hasn't come through.\nIt's been three weeks now",
  }]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('messenger and inbox: the composer answers what the customer wrote since the Page last did, waiting since the conversation list says', async () => {
  // Tom wrote twice after the Page's question: both messages, in order.
  for (const [name, expected, author, minutes] of /** @type {const} */ ([['messenger', /^It's ACR-20931, and the card still hasn't arrived\. I need it for Monday\.\nHello\?\?$/, 'Tom Reyes', 12], ['inbox', /^My bike was damaged/, 'Lena Fischer', 240]])) {
    const { page } = await open(name);
    const [composer] = await page.evaluate(() => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).findComposers(document)
      .map((c) => ({ kind: c.kind, text: c.replyTo?.text, author: c.replyTo?.authorName, waited: Math.round((Date.now() - (c.replyTo?.postedAtMs ?? NaN)) / 60_000) })));
    assert.equal(composer.kind, 'dm');
    assert.match(composer.text ?? '', expected);
    assert.equal(composer.author, author);
    assert.equal(composer.waited, minutes);
    await page.close();
  }
});

for (const [name, expected] of /** @type {const} */ ([
  ['inbox', [['Lena Fischer', false, 4], ['Ravi Patel', true, 24]]],
  ['messenger', [['Tom Reyes', false, 0], ['Nadia Karim', false, 72], ['Ben Ortiz', true, 24]]],
])) {
  test(`${name}: each conversation in the list is a mention; one the Page answered last has no clock running`, async () => {
    const { page } = await open(name);
    const mentions = await page.evaluate(() => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).findMentions(document)
      .map((m) => [m.post.authorName, m.answered, Math.round((Date.now() - (m.post.postedAtMs ?? 0)) / 3_600_000)]));
    assert.deepEqual(mentions, expected);
    // A row whose text changed is found from inside it, as the page's mutations report it.
    const fromInside = await page.evaluate(() => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb)
      .findMentions(/** @type {Element} */ (document.querySelector('[role="row"] span[dir="auto"]'))).map((m) => m.post.authorName));
    assert.deepEqual(fromInside, [expected[0][0]]);
    await page.close();
  });
}

test('notifications: Page likes and follows are followers to thank; comments are not', async () => {
  const { page } = await open('notifications');
  const followers = await page.evaluate(() => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).findFollowers(document)
    .map((f) => [f.follower.name, f.follower.platform ?? null, !!f.followButton]));
  assert.deepEqual(followers, [['Sam Lee', 'facebook', false], ['Grace Okafor', 'facebook', false], ['Cheap Followers 4U', 'facebook', false]]);
  await page.close();
});

test('followers list: a Follow button where the Page can follow back, a thank-you where not', async () => {
  const { page } = await open('followers');
  const followers = await page.evaluate(() => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).findFollowers(document)
    .map((f) => [f.follower.handle, f.follower.name, f.follower.bio, f.follower.platform ?? null, !!f.followButton]));
  assert.deepEqual(followers, [
    ['yorkstationcafe', 'York Station Café', 'Coffee and cake on platform 3 since 1998. Independent, family run.', null, true],
    ['maria.lopez.204', 'Maria Lopez', 'Commuter, Leeds to York. Teacher.', 'facebook', false],
    ['100099887766', 'Cheap Followers 4U', 'Buy followers cheap! 10k followers for $5, DM now, guaranteed growth', null, true],
  ]);
  await page.close();
});

test('adapter claims Facebook and Business Suite inbox addresses only', async () => {
  const { page } = await open('post');
  const claims = await page.evaluate(() => [
    'https://www.facebook.com/acmerail', 'https://web.facebook.com/x', 'https://m.facebook.com/x',
    'https://business.facebook.com/latest/inbox/all', 'https://business.facebook.com/latest/home',
    'https://x.com/home', 'https://www.facebook.com.evil.example/',
  ].map((u) => /** @type {SiteAdapter} */ (/** @type {any} */ (window).__fb).matches(/** @type {any} */ (new URL(u)))));
  assert.deepEqual(claims, [true, true, true, true, false, false, false]);
  await page.close();
});
