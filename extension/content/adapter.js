// @ts-check
// The interface every site adapter implements, and the registry the shared core reads. An
// adapter holds every selector for its site; the core (messaging, overlay, features) never
// knows which site it serves. Adapters must never throw: a missing element is `null` or `[]`.

/** @typedef {import('../protocol.js').Platform} Platform */
/** @typedef {import('../protocol.js').Follower} FollowerInfo */

/**
 * A post or message someone wrote.
 * @typedef {object} SitePost
 * @property {Element} element
 * @property {string} text
 * @property {string} authorName
 * @property {string} authorHandle without "@"
 * @property {number | null} postedAtMs
 * @property {string | null} id the site's id for it, when it has one
 */

/**
 * A reply box and what it answers.
 * @typedef {object} SiteComposer
 * @property {HTMLElement} editor the contenteditable the agent types in
 * @property {'reply' | 'dm' | 'post'} kind
 * @property {SitePost | null} replyTo the post or last incoming message being answered
 * @property {(host: HTMLElement) => void} mount puts Boomerang's panel beside the editor (never over it)
 * @property {boolean} [sendsOnEnter] Enter (without Shift) posts, as in Facebook's comment and message
 *   boxes: the review step then also answers Enter
 */

/**
 * A new follower as the page shows it.
 * @typedef {object} FollowerEntry
 * @property {Element} element the row to put the prompt in
 * @property {FollowerInfo} follower
 * @property {HTMLElement | null} followButton the site's own follow button, if the row has one
 * @property {(host: HTMLElement) => void} mount
 */

/**
 * A mention or reply to the brand, waiting for an answer.
 * @typedef {object} Mention
 * @property {SitePost} post
 * @property {boolean} answered the page shows the brand already answered
 * @property {(host: HTMLElement) => void} mount
 */

/**
 * @typedef {object} SiteAdapter
 * @property {Platform} platform
 * @property {(location: Location) => boolean} matches
 * @property {(root: ParentNode) => ShadowRoot[]} [shadowRoots] open shadow roots in or under `root`
 *   whose contents the adapter reads too (X's chat, at times): the core watches and scans them
 * @property {(root: ParentNode) => SiteComposer[]} findComposers composers in or around `root`
 * @property {(root: ParentNode) => FollowerEntry[]} findFollowers only on pages that list new followers
 * @property {(root: ParentNode) => Mention[]} findMentions only on pages that list mentions
 * @property {(editor: HTMLElement) => {text: string, nodes: {node: Text, start: number}[]}} readEditor
 *   the draft as the site counts it, and where each text node starts in it (UTF-16)
 * @property {(editor: HTMLElement, text: string, mode: 'replace' | 'append') => Promise<boolean>} insertText
 *   puts text into the editor so the site's own state has it
 * @property {(target: Element) => HTMLElement | null} sendButton the Reply/Post/Send button `target` is in
 * @property {(target: Element) => HTMLElement | null} editorOfSendButton the editor a send button posts
 * @property {() => ('light' | 'dim' | 'dark' | null)} [theme] the theme the site says it shows, when
 *   it marks one; otherwise Boomerang reads the page's background
 */

/** @type {SiteAdapter[]} */
const boomerangAdapters = [];

/** @param {SiteAdapter} adapter */
function registerAdapter(adapter) {
  boomerangAdapters.push(adapter);
}

/**
 * What a reply in a conversation answers: everything the customer wrote since the brand last
 * did (people say it in several messages: "It still hasn't arrived", "Hello??"), as one post
 * waiting since the first of them; or, when the brand wrote last, the customer's last message.
 * @param {{incoming: boolean, post: SitePost}[]} thread oldest first @returns {SitePost | null}
 */
function unansweredPost(thread) {
  let start = thread.length;
  while (start > 0 && thread[start - 1].incoming) start--;
  const run = thread.slice(start);
  const said = (run.length ? run : thread.filter((m) => m.incoming).slice(-1)).map((m) => m.post);
  const last = said.at(-1);
  return last ? { ...last, text: said.map((m) => m.text).filter(Boolean).join('\n'), postedAtMs: said[0].postedAtMs } : null;
}
