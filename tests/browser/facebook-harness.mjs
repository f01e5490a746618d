// @ts-check
// What the Facebook browser tests share: the extension with Facebook's fixtures served on top of
// the harness's routes, a journey that always ends with the harness's checks, and readers of
// the fixture's Lexical state and posts.
import { journey as browserJourney } from './harness.mjs';
import { serveFacebook, FACEBOOK_PAGES } from '../fixtures/facebook/site.mjs';

/**
 * A journey (see harness.mjs) with Facebook's fixtures served on top of x.com's routes; `open`
 * takes a page name and an optional query such as `?theme=dark`.
 * @param {string} name
 * @param {(facebook: {browser: import('./harness.mjs').Browser, open: (name: keyof typeof FACEBOOK_PAGES, query?: string) => Promise<import('playwright-core').Page>}) => Promise<void>} body
 */
export function journey(name, body) {
  browserJourney(name, async (browser) => {
    await serveFacebook(browser.context);
    const open = (/** @type {keyof typeof FACEBOOK_PAGES} */ page, query = '') => browser.open(FACEBOOK_PAGES[page].url + query, 'html[data-fixture-ready]');
    await body({ browser, open });
  });
}

/** Lexical's own text of the editor `selector`. @param {import('playwright-core').Page} page @param {string} selector */
export const lexicalText = (page, selector) => page.$eval(selector, (e) => /** @type {any} */ (window).__fixtureEditorText(e));

/** What the fixture posted, in order. @param {import('playwright-core').Page} page @returns {Promise<string[]>} */
export const posted = (page) => page.evaluate(() => /** @type {any} */ (window).__fixturePosted.map((/** @type {any} */ p) => p.text));
