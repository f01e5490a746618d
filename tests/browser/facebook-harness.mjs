// @ts-check
// What the Facebook browser tests share: the extension with Facebook's fixtures served on top of
// the harness's routes, and readers of the fixture's Lexical state and posts.
import { launch } from './harness.mjs';
import { serveFacebook, FACEBOOK_PAGES } from '../fixtures/facebook/site.mjs';

/** The extension, with Facebook's fixtures served; `open` takes a page name and an optional query. */
export async function launchFacebook() {
  const browser = await launch();
  await serveFacebook(browser.context);
  /** @param {keyof typeof FACEBOOK_PAGES} name @param {string} [query] e.g. `?theme=dark` */
  const open = (name, query = '') => browser.open(FACEBOOK_PAGES[name].url + query, 'html[data-fixture-ready]');
  return { browser, open };
}

/** Lexical's own text of the editor `selector`. @param {import('playwright-core').Page} page @param {string} selector */
export const lexicalText = (page, selector) => page.$eval(selector, (e) => /** @type {any} */ (window).__fixtureEditorText(e));

/** What the fixture posted, in order. @param {import('playwright-core').Page} page @returns {Promise<string[]>} */
export const posted = (page) => page.evaluate(() => /** @type {any} */ (window).__fixturePosted.map((/** @type {any} */ p) => p.text));
