// @ts-check
// What the Facebook browser tests share: the extension with Facebook's fixtures served on top of
// the harness's routes, a journey that always ends with the harness's checks, and readers of
// the fixture's Lexical state and posts.
import test from 'node:test';
import assert from 'node:assert/strict';
import { launch, assertClean } from './harness.mjs';
import { serveFacebook, FACEBOOK_PAGES } from '../fixtures/facebook/site.mjs';

/** The extension, with Facebook's fixtures served; `open` takes a page name and an optional query. */
export async function launchFacebook() {
  const browser = await launch();
  await serveFacebook(browser.context);
  /** @param {keyof typeof FACEBOOK_PAGES} name @param {string} [query] e.g. `?theme=dark` */
  const open = (name, query = '') => browser.open(FACEBOOK_PAGES[name].url + query, 'html[data-fixture-ready]');
  return { browser, open };
}

/**
 * A test in a fresh browser with Facebook served; it ends, when `body` succeeds, with no page
 * errors, no CSP violations and no request that left the machine.
 * @param {string} name
 * @param {(facebook: Awaited<ReturnType<typeof launchFacebook>>) => Promise<void>} body
 */
export function journey(name, body) {
  test(name, async () => {
    const facebook = await launchFacebook();
    try {
      await body(facebook);
      await assertClean(facebook.browser, assert);
    } finally {
      await facebook.browser.close();
    }
  });
}

/** Lexical's own text of the editor `selector`. @param {import('playwright-core').Page} page @param {string} selector */
export const lexicalText = (page, selector) => page.$eval(selector, (e) => /** @type {any} */ (window).__fixtureEditorText(e));

/** What the fixture posted, in order. @param {import('playwright-core').Page} page @returns {Promise<string[]>} */
export const posted = (page) => page.evaluate(() => /** @type {any} */ (window).__fixturePosted.map((/** @type {any} */ p) => p.text));
