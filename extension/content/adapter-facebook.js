// @ts-check
// facebook.com and Meta Business Suite: every selector Boomerang uses on Facebook, with where
// it was seen. Sources (../shared/research, none checked live): SF = Social Fixer v30;
// M = Maskbook facebook.com adaptor; RH = rental-hunter selectors.ts; B = Briskine
// facebook.js / editor-beforeinput.js; S = snorkel constants; FBI = FB-Invite-Smart-Replies;
// L = the real `lexical` package from npm, tested in tests/browser/facebook*.test.mjs.
// Facebook's class names are generated: only role, aria-*, data-* and href are used. Where
// only a localised label exists (aria-label "Follow", "Comment as …"), it is marked EN.
(() => {
  const SELECTOR = {
    article: '[role="article"]', // SF, M: posts, and comments nested in them
    postText: '[data-ad-rendering-role="story_message"], [data-ad-preview="message"], [data-ad-comet-preview="message"]', // RH, M
    postAuthor: '[data-ad-rendering-role="profile_name"] a, h2 a[href], h3 a[href], h4 a[href]', // RH, longphamdev
    commentText: 'div[dir="auto"]', // M: span/div[dir=auto] holds the text
    editor: '[contenteditable="true"][role="textbox"][data-lexical-editor="true"]', // S, B, L (Lexical sets data-lexical-editor)
    main: '[role="main"]', // B: Messenger view; the recipient is its a[aria-label]
    chatPopup: '[tabindex="-1"]', // B: a chat pop-up (Messenger's box over any page) holds its recipient's a[aria-label] (verify live)
    messageRow: '[role="row"]', // Messenger grid rows (fixture; verify live)
    senderHeading: 'h5, h6', // Messenger: hidden heading naming each group's sender (verify live)
    notificationLink: 'a[href*="notif_t="]', // FBI: the type is in the query string
    bizPage: '[data-pagelet="BizKitPresenceSelector"]', // FBI: Business Suite's selected Page (unverified)
    // Conversation lists: Business Suite's thread list (FBI-style pagelet name, unverified) and
    // Messenger's chats (rows of the grid in the navigation column linking /messages/t/<id>/;
    // fixture, verify live).
    threadRow: '[data-pagelet="BizInboxThreadList"] [role="row"], [role="navigation"] [role="row"]:has(a[href*="/messages/t/"])',
    followButton: '[role="button"][aria-label="Follow"]', // EN: a follower row's own Follow button
    listItem: '[role="listitem"]',
    sendButton: '[role="button"][aria-label="Comment"], [role="button"][aria-label="Press enter to send"], [role="button"][aria-label="Send"]', // EN
  };
  /** FBI: notification types of someone following or liking the Page (no follow back possible). */
  const PAGE_FAN_TYPES = ['page_fan', 'page_follow', 'fan_profile', 'follower_invite_accept'];
  /** Someone followed a profile: a profile can follow back. */
  const PROFILE_FOLLOW_TYPES = ['follow_profile'];
  const COMMENT_AS = /^Comment as (.+)$/; // EN: the composer names the Page the agent acts as (S)
  const TOP_LEVEL_BOX = /^(Comment as |Write a (public )?comment)/; // EN: a post's own comment box (S, SF)
  const OUTGOING_SNIPPET = /^You:/; // EN: Business Suite threads and Messenger chats, the Page wrote last
  const MESSAGE_PATH = /^\/messages\/(e2ee\/)?t\/[^/]+/;
  const BIZ_INBOX_PATH = /^\/latest\/inbox\//;
  const FOLLOWERS_PATH = /^\/([^/]+\/followers|profile\.php)\/?$/;
  const NOTIFICATIONS_PATH = /^\/notifications\/?$/;
  /** Facebook's own theme classes on <html> (Meta's stylex theme config; userscripts key on them). */
  const THEME_CLASS = { dark: '__fb-dark-mode', light: '__fb-light-mode' };
  /** Relative times Facebook prints on comments and threads: "12m", "5h", "2d", "1w", "Just now". */
  const RELATIVE_TIME = /^(\d+)\s*(s|m|min|mins|h|hr|hrs|d|w|y)$/i;
  const UNIT_MS = { s: 1e3, m: 6e4, min: 6e4, mins: 6e4, h: 36e5, hr: 36e5, hrs: 36e5, d: 864e5, w: 6048e5, y: 31536e6 };

  /** @param {ParentNode} root @param {string} selector */
  const all = (root, selector) => {
    const found = [...root.querySelectorAll(selector)];
    return root instanceof Element && root.matches(selector) ? [root, ...found] : found;
  };
  /** @param {Element | null | undefined} el */
  const textOf = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  /** Descendants of `article` that belong to it, not to an article nested in it. @param {Element} article @param {string} selector */
  const own = (article, selector) => [...article.querySelectorAll(selector)].filter((e) => e.parentElement?.closest(SELECTOR.article) === article);

  /** "jane.doe.51" of /jane.doe.51, or the id of /profile.php?id=… @param {Element | null | undefined} a */
  function handleOf(a) {
    try {
      const url = new URL(a?.getAttribute('href') ?? '', location.href);
      if (!/(^|\.)facebook\.com$/.test(url.hostname)) return '';
      if (url.pathname === '/profile.php') return url.searchParams.get('id') ?? '';
      return /^\/([A-Za-z0-9.]+)\/?$/.exec(url.pathname)?.[1] ?? '';
    } catch {
      return '';
    }
  }

  /** @param {string} text @returns {number | null} */
  function relativeTime(text) {
    if (/^just now$/i.test(text)) return Date.now();
    const m = RELATIVE_TIME.exec(text);
    if (!m) return null;
    return Date.now() - Number(m[1]) * UNIT_MS[/** @type {keyof typeof UNIT_MS} */ (m[2].toLowerCase())];
  }

  /** The link of a post or comment that shows when it was posted ("5h"). @param {Element} article */
  const timeLinkOf = (article) => own(article, 'a[href]').find((a) => relativeTime(textOf(a)) !== null);

  /** A post or comment article. @param {Element} article @returns {SitePost} */
  function readArticle(article) {
    const links = own(article, 'a[href]');
    const nameLink = own(article, SELECTOR.postAuthor)[0] ?? links.find((a) => textOf(a) && relativeTime(textOf(a)) === null);
    const timeLink = timeLinkOf(article);
    const storyText = own(article, SELECTOR.postText)[0];
    const text = storyText ?? own(article, SELECTOR.commentText).find((d) => !d.closest('a'));
    const href = timeLink?.getAttribute('href') ?? '';
    return {
      element: article,
      text: textOf(text),
      authorName: textOf(nameLink),
      authorHandle: handleOf(nameLink),
      postedAtMs: timeLink ? relativeTime(textOf(timeLink)) : null,
      id: /[?&]comment_id=([^&]+)/.exec(href)?.[1] ?? /\/posts\/([^/?]+)/.exec(href)?.[1] ?? null,
    };
  }

  /** The Page the agent acts as: its handle and name, when the page shows them. */
  function ownPage() {
    const commentAs = [...document.querySelectorAll(SELECTOR.editor)]
      .map((e) => COMMENT_AS.exec(e.getAttribute('aria-label') ?? '')?.[1])
      .find(Boolean);
    const biz = textOf(document.querySelector(SELECTOR.bizPage));
    // On a Page's own post (/<page>/posts/…) the post's author is the Page.
    const slug = /^\/([^/]+)\/posts\//.exec(location.pathname)?.[1] ?? '';
    const post = document.querySelector(`${SELECTOR.main} ${SELECTOR.article}`);
    const author = post ? readArticle(post) : null;
    const pageHandle = author && author.authorHandle === slug ? slug : '';
    return { handle: pageHandle, name: commentAs || biz || (pageHandle && author ? author.authorName : '') };
  }

  /** @param {SitePost} post @param {{handle: string, name: string}} me */
  const isMine = (post, me) => (!!me.handle && post.authorHandle === me.handle) || (!!me.name && post.authorName === me.name);

  /**
   * What a comment box answers: the top-level box of a post answers the post (unless the Page
   * wrote it); a reply box answers the comment of its thread ("Reply to <name>" picks which).
   * @param {HTMLElement} editor
   */
  function commentReplyTarget(editor) {
    const post = editor.closest(SELECTOR.article);
    const topLevel = TOP_LEVEL_BOX.test(editor.getAttribute('aria-label') ?? '');
    // Up to the post the box belongs to, never past it: in a feed, earlier posts are not its thread.
    for (let box = editor.parentElement; !topLevel && box && box !== post && box !== document.body; box = box.parentElement) {
      const before = [...box.querySelectorAll(SELECTOR.article)]
        .filter((a) => !a.contains(editor) && a.compareDocumentPosition(editor) & Node.DOCUMENT_POSITION_FOLLOWING);
      if (!before.length) continue;
      const replyTo = /^Reply to (.+)$/.exec(editor.getAttribute('aria-label') ?? '')?.[1]; // EN, S
      const named = replyTo ? before.filter((a) => readArticle(a).authorName === replyTo).at(-1) : undefined;
      return readArticle(named ?? before[0]);
    }
    // A top-level comment box: it answers its post.
    if (!post) return null;
    const read = readArticle(post);
    return isMine(read, ownPage()) ? null : read;
  }

  /** Message rows with who sent each: a row without a heading continues the last sender. @param {Element} scope */
  function messages(scope) {
    const me = ownPage();
    const peer = textOf(scope.querySelector('a[aria-label]')) || scope.querySelector('a[aria-label]')?.getAttribute('aria-label') || '';
    const peerHandle = handleOf(scope.querySelector('a[aria-label]'));
    let sender = '';
    return all(scope, SELECTOR.messageRow)
      .filter((row) => !row.matches(SELECTOR.threadRow))
      .map((row) => {
        sender = textOf(row.querySelector(SELECTOR.senderHeading)) || sender;
        const incoming = !!peer && sender === peer && sender !== me.name;
        return { row, incoming, post: {
          element: row, text: textOf(row.querySelector(SELECTOR.commentText)), authorName: peer,
          authorHandle: peerHandle, postedAtMs: null, id: null,
        } };
      });
  }

  /**
   * The chat pop-up an editor is in: the nearest `[tabindex="-1"]` box around it that holds
   * message rows (smaller ones only wrap the editor). A comment box is never in one.
   * @param {HTMLElement} editor
   */
  function chatPopupOf(editor) {
    if (editor.closest(SELECTOR.article)) return null;
    let box = editor.closest(SELECTOR.chatPopup);
    while (box && !box.querySelector(SELECTOR.messageRow)) box = box.parentElement?.closest(SELECTOR.chatPopup) ?? null;
    return box;
  }

  /**
   * A message box in a conversation (`scope`: Messenger's view or a chat pop-up): it answers
   * everything the customer wrote since the Page last did.
   * @param {HTMLElement} editor @param {Element} scope @param {number | null} waitingSince @returns {SiteComposer}
   */
  function conversationComposer(editor, scope, waitingSince) {
    const said = unansweredPost(messages(scope));
    const replyTo = said && { ...said, postedAtMs: waitingSince };
    return { editor, kind: 'dm', replyTo, mount: mountAbove(editor), sendsOnEnter: true };
  }

  /** @param {HTMLElement} editor @returns {SiteComposer} */
  function composerOf(editor) {
    const isMessages = MESSAGE_PATH.test(location.pathname) || BIZ_INBOX_PATH.test(location.pathname);
    const main = editor.closest(SELECTOR.main);
    // Messages show no time of their own: the conversation list says since when it waits.
    if (isMessages && main) return conversationComposer(editor, main, openThreadWaitingSince());
    const popup = chatPopupOf(editor);
    if (popup) return conversationComposer(editor, popup, null);
    return { editor, kind: 'reply', replyTo: commentReplyTarget(editor), mount: mountAbove(editor), sendsOnEnter: true };
  }

  /** Puts `host` just above the box that holds the editor and its placeholder, outside Lexical's root. @param {HTMLElement} editor */
  const mountAbove = (editor) => (/** @type {HTMLElement} */ host) => {
    const box = editor.parentElement ?? editor;
    box.before(host);
  };

  /** Notifications of someone liking or following the Page (or a profile). @param {ParentNode} root */
  function notificationFollowers(root) {
    /** @type {FollowerEntry[]} */
    const out = [];
    for (const link of all(root, SELECTOR.notificationLink)) {
      const type = new URL(link.getAttribute('href') ?? '', location.href).searchParams.get('notif_t') ?? '';
      const fan = PAGE_FAN_TYPES.includes(type);
      if (!fan && !PROFILE_FOLLOW_TYPES.includes(type)) continue;
      const name = textOf(link.querySelector('strong'));
      if (!name) continue;
      const row = link.parentElement ?? link;
      out.push({
        element: row,
        follower: {
          handle: name, name, bio: '', default_avatar: false, verified: false, interacted: false,
          ...(fan ? { platform: /** @type {const} */ ('facebook'), liked_page: type === 'page_fan' } : {}),
        },
        followButton: null,
        mount: (host) => row.append(host),
      });
    }
    return out;
  }

  /** Rows of a followers list: a Follow button where following back is possible. @param {ParentNode} root */
  function listFollowers(root) {
    return all(root, `${SELECTOR.main} ${SELECTOR.listItem}`).flatMap((row) => {
      const link = [...row.querySelectorAll('a[href]')].find((a) => textOf(a) && handleOf(a));
      if (!link) return [];
      const name = textOf(link);
      const bio = [...row.querySelectorAll('span[dir="auto"]')].map(textOf).filter((t) => t && t !== name).join(' ');
      const button = /** @type {HTMLElement | null} */ (row.querySelector(SELECTOR.followButton));
      return [{
        element: row,
        follower: {
          handle: handleOf(link), name, bio, default_avatar: false, verified: false, interacted: false,
          ...(button ? {} : { platform: /** @type {const} */ ('facebook') }),
        },
        followButton: button,
        mount: (/** @type {HTMLElement} */ host) => row.append(host),
      }];
    });
  }

  /** @param {Element} article @param {{handle: string, name: string}} me */
  const isMineArticle = (article, me) => isMine(readArticle(article), me);

  /** The post's own text links to the Page: a tag. @param {Element} article @param {{handle: string, name: string}} me */
  const tagsPage = (article, me) => own(article, SELECTOR.postText)
    .flatMap((message) => [...message.querySelectorAll('a[href]')])
    .some((a) => (!!me.name && textOf(a) === me.name) || (!!me.handle && handleOf(a) === me.handle));

  /**
   * What waits for the Page's answer: posts that tag the Page, and comments under the Page's own
   * posts or under posts that tag it, without a later reply from the Page in their thread.
   * Other people's posts and comments (a group, the feed) are not the Page's to answer.
   * @param {ParentNode} root
   */
  function commentMentions(root) {
    const me = ownPage();
    if (!me.handle && !me.name) return [];
    /** @type {Map<Element, boolean>} posts the Page is party to: its own, or tagging it */
    const partyTo = new Map();
    /** @param {Element} post */
    const concernsPage = (post) => partyTo.get(post) ?? partyTo.set(post, isMineArticle(post, me) || tagsPage(post, me)).get(post);
    return all(root, SELECTOR.article).flatMap((article) => {
      const post = readArticle(article);
      if (post.postedAtMs === null || isMine(post, me)) return [];
      let top = article;
      for (let up = article.parentElement?.closest(SELECTOR.article); up; up = up.parentElement?.closest(SELECTOR.article)) top = up;
      if (top === article) {
        if (!tagsPage(article, me)) return [];
        const answered = all(article, SELECTOR.article).some((a) => a !== article && isMineArticle(a, me));
        const timeLink = timeLinkOf(article);
        return [{ post, answered, mount: (/** @type {HTMLElement} */ host) => (timeLink?.parentElement ?? article).append(host) }];
      }
      if (!concernsPage(top)) return [];
      const thread = article.parentElement ?? article;
      const answered = [...thread.querySelectorAll(SELECTOR.article)]
        .some((a) => a !== article && article.compareDocumentPosition(a) & Node.DOCUMENT_POSITION_FOLLOWING && isMineArticle(a, me));
      const timeRow = own(article, 'ul')[0];
      return [{ post, answered, mount: (/** @type {HTMLElement} */ host) => (timeRow ?? article).append(host) }];
    });
  }

  /**
   * Conversation lists (Business Suite's threads, Messenger's chats): each conversation's last
   * message and its time; "You: …" means the Page answered. `root` may be a row or inside one.
   * @param {ParentNode} root
   */
  function threadMentions(root) {
    const rows = new Set(all(root, SELECTOR.threadRow));
    const around = root instanceof Element ? root.closest(SELECTOR.threadRow) : null;
    if (around) rows.add(around);
    return [...rows].flatMap((row) => {
      const thread = readThreadRow(row);
      return thread ? [{ ...thread, mount: (/** @type {HTMLElement} */ host) => (row.querySelector('a') ?? row).append(host) }] : [];
    });
  }

  /** A conversation list row: who, their last message and when; "You: …" means answered. @param {Element} row */
  function readThreadRow(row) {
    const spans = [...row.querySelectorAll('span')].map(textOf);
    const posted = spans.map(relativeTime).find((t) => t !== null) ?? null;
    const [name = '', snippet = ''] = [...row.querySelectorAll('span[dir="auto"]')].map(textOf);
    if (posted === null || !name) return null;
    const post = { element: row, text: snippet, authorName: name, authorHandle: name, postedAtMs: posted, id: null };
    return { post, answered: OUTGOING_SNIPPET.test(snippet) };
  }

  /** When the open conversation's last message came, if it is the customer's (its row in the list). */
  function openThreadWaitingSince() {
    const row = all(document, SELECTOR.threadRow).find((r) => r.matches('[aria-selected="true"]') || r.querySelector('a[aria-current="page"]'));
    const thread = row ? readThreadRow(row) : null;
    return thread && !thread.answered ? thread.post.postedAtMs : null;
  }

  /** Selects all of the editor, or puts the caret after its last character. @param {HTMLElement} editor @param {'replace' | 'append'} mode */
  function selectForInsert(editor, mode) {
    editor.focus();
    const range = document.createRange();
    const walk = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
    let last = null;
    for (let n = walk.nextNode(); n; n = walk.nextNode()) last = n;
    if (mode === 'replace') range.selectNodeContents(editor);
    else if (last) range.setStart(last, last.nodeValue?.length ?? 0);
    else {
      range.selectNodeContents(editor);
      range.collapse(false);
    }
    const selection = getSelection();
    selection?.removeAllRanges();
    selection?.addRange(range);
  }

  /** @type {SiteAdapter} */
  const adapter = {
    platform: 'facebook',
    matches: (loc) => /^(www|web|m)\.facebook\.com$/.test(loc.hostname)
      || (loc.hostname === 'business.facebook.com' && BIZ_INBOX_PATH.test(loc.pathname)),

    findComposers(root) {
      const editors = new Set(all(root, SELECTOR.editor));
      if (root instanceof Element) {
        const inside = root.closest(SELECTOR.editor);
        if (inside) editors.add(inside);
      }
      return [...editors].filter((e) => e instanceof HTMLElement).map((e) => composerOf(/** @type {HTMLElement} */ (e)));
    },

    findFollowers(root) {
      if (NOTIFICATIONS_PATH.test(location.pathname)) return notificationFollowers(root);
      if (FOLLOWERS_PATH.test(location.pathname)) return listFollowers(root);
      return [];
    },

    findMentions(root) {
      if (BIZ_INBOX_PATH.test(location.pathname) || MESSAGE_PATH.test(location.pathname)) return threadMentions(root);
      return commentMentions(root);
    },

    readEditor(editor) {
      // Lexical: one block element (p) per paragraph, text in span[data-lexical-text], <br> for
      // a line break (or alone, for an empty paragraph). Paragraphs join with one newline.
      /** @type {{node: Text, start: number}[]} */
      const nodes = [];
      let text = '';
      [...editor.children].forEach((block, i) => {
        if (i > 0) text += '\n';
        const walk = document.createTreeWalker(block, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          if (n instanceof HTMLBRElement && block.childNodes.length > 1) text += '\n';
          else if (n.nodeType === Node.TEXT_NODE) {
            nodes.push({ node: /** @type {Text} */ (n), start: text.length });
            text += n.nodeValue;
          }
        }
      });
      return { text, nodes };
    },

    async insertText(editor, text, mode) {
      // Lexical (L): a beforeinput "insertReplacementText" carrying a DataTransfer is inserted
      // at the DOM selection, synchronously, in empty and non-empty editors alike. A synthetic
      // paste uses Lexical's last known selection, so "replace" appends until a selectionchange
      // has been processed; execCommand('insertText') loses the first insertion.
      const before = adapter.readEditor(editor).text;
      selectForInsert(editor, mode);
      const data = new DataTransfer();
      data.setData('text/plain', mode === 'append' && before.trim() && !/\s$/.test(before) ? ` ${text}` : text);
      editor.dispatchEvent(new InputEvent('beforeinput', {
        inputType: 'insertReplacementText', dataTransfer: data, bubbles: true, cancelable: true, composed: true,
      }));
      const changed = () => adapter.readEditor(editor).text !== before || before === text;
      if (changed()) return true;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return changed();
    },

    sendButton(target) {
      const button = /** @type {HTMLElement | null} */ (target.closest(SELECTOR.sendButton));
      return button && adapter.editorOfSendButton(button) ? button : null;
    },

    editorOfSendButton(button) {
      // The editor of the same form or composer: the nearest container holding one.
      for (let box = button.parentElement; box && box !== document.body; box = box.parentElement) {
        const editor = box.querySelector(SELECTOR.editor);
        if (editor instanceof HTMLElement) return editor;
      }
      return null;
    },

    theme() {
      // The body stays transparent (Facebook paints a container further down): read the class.
      const root = document.documentElement.classList;
      return root.contains(THEME_CLASS.dark) ? 'dark' : root.contains(THEME_CLASS.light) ? 'light' : null;
    },
  };

  registerAdapter(adapter);
})();
