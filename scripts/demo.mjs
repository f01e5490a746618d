// @ts-check
// `make run` without a display or network: serves the offline x.com and Facebook pages at their real
// addresses, walks through each feature in headless Chromium with the built extension, and
// writes screenshots and a short report of what Boomerang showed to out/demo/.
import fs from 'node:fs';
import path from 'node:path';
import { launch } from '../tests/browser/harness.mjs';
import { ACCOUNT, CUSTOMERS } from '../tests/fixtures/x/pages.mjs';
import { serveFacebook, FACEBOOK_PAGES } from '../tests/fixtures/facebook/site.mjs';

const out = path.resolve('out/demo');
fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });
/** @type {string[]} */
const report = ['# Boomerang on x.com and facebook.com: offline demo', '',
  `Run ${new Date().toISOString()} in headless Chromium with \`dist/\` loaded, on copies of X's and Facebook's pages served at their real addresses with each site's CSP; every other request aborted.`, ''];
/** @param {string} line */
const say = (line) => { report.push(line); console.log(line); };

const browser = await launch();
await serveFacebook(browser.context);
/** @param {keyof typeof FACEBOOK_PAGES} name @param {string} [query] `?theme=dark` for Facebook's dark mode */
const openFacebook = (name, query = '') => browser.open(FACEBOOK_PAGES[name].url + query, 'html[data-fixture-ready]');
/** @param {import('playwright-core').Locator} loc */
const labels = (loc) => loc.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
await browser.setSettings({ initials: 'JS', brand_name: ACCOUNT.name });
/** @type {import('playwright-core').Page} */
let page;

/** @param {string} name @param {string} caption @param {import('playwright-core').Locator} [focus] */
async function shot(name, caption, focus) {
  await page.evaluate(() => document.fonts.ready);
  if (focus) await focus.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(out, `${name}.png`) });
  say(`![${caption}](${name}.png)`, );
  say('');
}
const draft = () => page.evaluate(() => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0'));

try {
  const t = CUSTOMERS.complaint;
  say('## 1. Reply suggestions');
  page = await browser.open(`/${t.handle}/status/${t.id}`);
  const suggestion = page.locator('[data-boomerang="suggestion"]');
  await suggestion.first().waitFor();
  say(`Answering @${t.handle}: “${t.text}”`, );
  say('');
  for (const s of await suggestion.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) say(`- ${s}`);
  say('');
  await shot('1-suggestions', 'Suggestions under the reply box of a complaint');
  await suggestion.first().click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0').length > 0);
  say(`After one click, X's editor (draft-js state) holds: “${await draft()}”`);
  say('');
  await shot('2-inserted', 'The first suggestion inserted into X’s editor');

  say('## 2. Tone warnings');
  page = await browser.open(`/${t.handle}/status/${t.id}`);
  const blaming = "That's not our fault, you should have read the terms.";
  await page.click('[data-testid="tweetTextarea_0"]');
  await page.keyboard.type(blaming);
  const warning = page.locator('[data-boomerang="tone-warning"]');
  await page.locator('[data-boomerang="tone-warning"][data-kind="blame"]').waitFor();
  say(`Typed: “${blaming}”`);
  say('');
  for (const w of await warning.evaluateAll((els) => els.map((e) => `**${e.getAttribute('data-kind')}**: ${e.getAttribute('aria-label')}`))) say(`- ${w}`);
  say('');
  await shot('3-tone-warning', 'The blaming span marked in the editor, with why and the rewrite');
  await page.click('[data-testid="tweetButtonInline"]');
  await page.locator('[data-boomerang="review"]').waitFor();
  say('Pressing Reply with the warning open shows one “Review before sending?” step; a second press would post.');
  say('');
  await shot('4-review', 'Review before sending?');
  await warning.first().locator('[data-action="rewrite"]').first().click();
  await page.waitForFunction((old) => /** @type {any} */ (window).__fixture.draftText('tweetTextarea_0') !== old, blaming);
  await warning.first().waitFor({ state: 'detached' });
  say(`One click on the rewrite, and the warnings go: “${await draft()}”`);
  say('');
  await shot('5-rewritten', 'After the rewrite');
  await page.click('[data-testid="tweetButtonInline"]');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.posted.length === 1);
  say('Reply posted by the agent’s press; it counts as a helping reply in the popup.');
  say('');

  say('## 3. Follow-back prompts');
  page = await browser.open(`/${ACCOUNT.handle}/followers`);
  const prompts = page.locator('[data-boomerang="follow-prompt"]');
  await prompts.nth(2).waitFor();
  for (const p of await prompts.evaluateAll((els) => els.map((e) => `@${e.getAttribute('data-handle')} → **${e.getAttribute('data-decision')}**: ${e.getAttribute('aria-label')?.replace(/^[^:]*: /, '')}`))) say(`- ${p}`);
  say('');
  await shot('6-follow-prompts', 'Follow-back prompts on the followers list');
  const followBack = page.locator('[data-boomerang="follow-prompt"][data-decision="follow_back"]').first();
  const handle = await followBack.getAttribute('data-handle');
  await followBack.locator('[data-action="follow"]').click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixture.followClicks.length === 1);
  say(`The agent clicks “Follow back” for @${handle}: X's own follow button is pressed for that one account, nothing else is followed.`);
  say('');

  say('## 4. Response clock');
  page = await browser.open('/notifications/mentions');
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length >= 4);
  const clocks = await page.locator('[data-boomerang="response-clock"]').evaluateAll((els) => els.map((e) => {
    const article = e.getRootNode() instanceof ShadowRoot ? /** @type {ShadowRoot} */ (e.getRootNode()).host.closest('article') : null;
    return `${article?.querySelector('[data-testid="User-Name"] a[tabindex="-1"]')?.textContent}: ${e.getAttribute('data-status')} (${e.textContent})`;
  }));
  for (const c of clocks) say(`- ${c}`);
  say('');
  await shot('7-response-clock', 'Response clock on mentions');

  say('## 5. A DM conversation, dim theme');
  page = await browser.open('/messages/1234-5678?theme=dim');
  await page.locator('[data-boomerang="suggestion"]').first().waitFor();
  for (const s of await page.locator('[data-boomerang="suggestion"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')))) say(`- ${s}`);
  say('');
  await shot('8-dm-dim', 'Suggestions for everything the customer wrote since the agent last did (“…I want my money back”, “Hello??”), in X’s dim theme');

  say('## 5b. XChat, X’s newer DMs (a plain textarea, here inside a shadow root)');
  page = await browser.open('/i/chat/1234-5678?embed=shadow');
  await page.click('[data-testid="dm-composer-textarea"]');
  await page.keyboard.type("That's not our fault, you should have read the terms.");
  const chatWarning = page.locator('[data-boomerang="tone-warning"]').first();
  await chatWarning.waitFor();
  say(`- ${await chatWarning.getAttribute('aria-label')}`);
  say('');
  await shot('8b-xchat', 'XChat: the draft in its textarea warned, with why and the rewrite');

  say('## 6. Notifications, dark theme');
  page = await browser.open('/notifications?theme=dark');
  await page.locator('[data-boomerang="follow-prompt"]').nth(2).waitFor();
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length >= 2);
  await shot('9-notifications-dark', '“Followed you” prompts and clocks on the notifications page, dark theme');

  say('## 7. Facebook: a complaint under the Page’s post');
  page = await openFacebook('post');
  await page.click('[data-fixture-reply="reply-jane"]');
  await page.locator('[data-boomerang="suggestion"]').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length >= 3);
  for (const s of await labels(page.locator('[data-boomerang="suggestion"]'))) say(`- ${s}`);
  for (const c of await labels(page.locator('[data-boomerang="response-clock"]'))) say(`- clock: ${c}`);
  say('');
  await page.locator('[data-boomerang="suggestion"]').first().click();
  await page.waitForFunction(() => /** @type {any} */ (window).__fixtureEditorText(document.getElementById('reply-jane')).length > 0);
  await shot('10-facebook-post', 'Suggestions under a customer’s comment, inserted into Facebook’s Lexical editor; clocks on the comments', page.locator('#reply-jane'));
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixturePosted.length === 1);
  await page.locator('[aria-label^="Comment by Jane Doe"] [data-boomerang="response-clock"][data-status="answered"]').waitFor();
  say('The agent presses Enter: the reply is posted as Facebook posts it, and Jane’s clock stops.');
  say('');

  say('## 8. Facebook: a group post that tags the Page');
  page = await openFacebook('group');
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length >= 2);
  for (const c of await labels(page.locator('[data-boomerang="response-clock"]'))) say(`- clock: ${c}`);
  await page.click('#comment-ken');
  await page.locator('[data-boomerang="suggestion"]').first().waitFor();
  for (const s of await labels(page.locator('[data-boomerang="suggestion"]'))) say(`- ${s}`);
  say('');
  await shot('11-facebook-group', 'A customer tags the Page in a group: the clock runs on that post only, and the Page’s comment box gets suggestions', page.locator('#comment-ken'));

  say('## 9. Facebook: people who follow or like the Page');
  page = await openFacebook('notifications');
  await page.waitForFunction(() => document.querySelectorAll('boomerang-follow').length >= 3);
  for (const p of await labels(page.locator('[data-boomerang="follow-prompt"]'))) say(`- ${p}`);
  say('');
  await shot('12-facebook-followers', 'A Page cannot follow people back: a thank-you to send by hand instead; spam skipped');

  say('## 10. Meta Business Suite inbox');
  page = await openFacebook('inbox');
  await page.locator('[data-boomerang="suggestion"]').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length >= 2);
  for (const s of await labels(page.locator('[data-boomerang="suggestion"]'))) say(`- ${s}`);
  say('');
  await shot('13-business-inbox', 'Suggestions for the open conversation and clocks on the thread list in the Business Suite inbox');

  say('## 11. Messenger, dark mode');
  page = await openFacebook('messenger', '?theme=dark');
  await page.locator('[data-boomerang="suggestion"]').first().waitFor();
  await page.waitForFunction(() => document.querySelectorAll('boomerang-clock').length >= 3);
  for (const c of await labels(page.locator('[data-boomerang="response-clock"]'))) say(`- clock: ${c}`);
  say('');
  await page.focus('#message-box');
  await page.keyboard.press('Alt+Shift+Digit1');
  await page.waitForFunction(() => /** @type {any} */ (window).__fixtureEditorText(document.getElementById('message-box')).length > 0);
  say(`Alt+Shift+1 puts the first suggestion into the message box: “${await page.evaluate(() => /** @type {any} */ (window).__fixtureEditorText(document.getElementById('message-box')))}”`);
  say('');
  await shot('14-messenger-dark', 'Messenger in Facebook’s dark mode: clocks on the chat list, the first suggestion inserted with Alt+Shift+1');

  say('## 12. A chat pop-up over the feed');
  page = await openFacebook('chat');
  await page.locator('[data-boomerang="suggestion"]').first().waitFor();
  for (const s of await labels(page.locator('[data-boomerang="suggestion"]'))) say(`- ${s}`);
  say('');
  await shot('15-chat-popup', 'Messenger’s chat pop-up over the feed: suggestions for both of the customer’s messages, asked right there', page.locator('#popup-box'));

  say('## 13. Popup');
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 380, height: 760 });
  await popup.goto(`chrome-extension://${browser.extensionId}/extension/popup.html`);
  await popup.waitForSelector('main');
  page = popup;
  await shot('16-popup', 'The popup: settings and today’s figures from this walk-through');

  say('## Checks');
  say(`- Requests that would have left the machine: ${browser.leaked.length}`);
  say(`- Uncaught page errors: ${browser.errors.length}`);
  say(`- CSP violations: ${(await browser.violations()).length}`);
} finally {
  fs.writeFileSync(path.join(out, 'report.md'), `${report.join('\n')}\n`);
  await browser.close();
}
console.log(`\nScreenshots and report in ${path.relative(process.cwd(), out)}/`);
