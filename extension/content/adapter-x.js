// @ts-check
// x.com: every selector Boomerang uses on X, with where it was seen. Sources:
// T = real outerHTML from x.com, Oct 2025 (../shared/fixtures-real/x, tweetyoink);
// C = control-panel-for-twitter script.js v4.24.0 (2026-08); R = rvinowise/twitter_bot HTML
// (2023-24); G = tweetGPT. Only data-testid, role, aria-* and href: X's class names are generated.
(() => {
  const SELECTOR = {
    tweet: 'article[data-testid="tweet"]', // T, C: every post
    focalTweet: 'article[data-testid="tweet"][tabindex="-1"]', // T, C: the post of a /status/ page
    tweetText: '[data-testid="tweetText"]', // T: text with emoji as <img alt>
    userName: '[data-testid="User-Name"]', // T: name link, then the @handle link (tabindex=-1)
    time: 'time[datetime]', // T: inside a[href*="/status/"]
    editor: '[data-testid^="tweetTextarea_"][contenteditable="true"]', // C, G: Draft.js editor
    draftBlock: '[data-block="true"]', // draft-js: one per paragraph
    draftContents: '[data-contents="true"]', // draft-js: text only (no placeholder)
    toolBar: '[data-testid="toolBar"]', // G: the composer's toolbar, sibling subtree of the editor
    dialog: '[role="dialog"]', // C: modals live under #layers
    dmEditor: '[data-testid="dmComposerTextInput"]', // XActions docs: legacy DM composer (Draft.js)
    dmForm: '[data-testid="dmComposerForm"]', // XActions docs: unverified
    dmMessage: '[data-testid="messageEntry"]', // XActions docs: one DM message
    dmIncoming: '[data-testid="DM_Conversation_Avatar"]', // only incoming messages show the avatar
    // XChat, X's newer DMs (/i/chat/…): a plain <textarea> in a form (research: several code hits, none
    // tied to a repository; unverified). Who wrote each message is not known from its markup.
    chatEditor: 'textarea[data-testid="dm-composer-textarea"]',
    chatForm: '[data-testid="dm-composer-form"]',
    chatEmbed: '[data-testid="xchatEmbedRoute"]', // at times the chat is in this host's open shadow root
    sendButton: '[data-testid="tweetButton"], [data-testid="tweetButtonInline"], [data-testid="dmComposerSendButton"], [data-testid="dm-composer-send-button"]', // C
    notification: 'article[data-testid="notification"]', // C: likes, reposts, follows
    userCell: '[data-testid="UserCell"]', // R, C: follower rows (div[role=button] or button)
    userDescription: '[data-testid="UserDescription"]', // R
    followButton: '[data-testid$="-follow"]', // R, C: "<numeric id>-follow", also "Follow back"
    verified: '[data-testid="icon-verified"]', // T
    avatarImage: '[data-testid^="UserAvatar-Container-"] img', // T
    accountLink: '[data-testid="AppTabBar_Profile_Link"]', // C: the signed-in account
  };
  const EDITORS = `${SELECTOR.editor}, ${SELECTOR.dmEditor}, ${SELECTOR.chatEditor}`;
  // C: the person icon of "… followed you" notifications, language-independent.
  const FOLLOW_ICON = 'M17.863 13.44c1.477 1.58 2.366';
  const DEFAULT_AVATAR = /default_profile_images/; // R: X's egg/silhouette
  const HANDLE_PATH = /^\/([A-Za-z0-9_]{1,15})\/?$/;
  const FOLLOWERS_PATH = /^\/[A-Za-z0-9_]{1,15}\/(followers|verified_followers)\/?$/; // C
  const MENTION_PATHS = /^\/notifications(\/mentions)?\/?$/;

  /** @param {ParentNode} root @param {string} selector */
  const all = (root, selector) => {
    const found = [...root.querySelectorAll(selector)];
    return root instanceof Element && root.matches(selector) ? [root, ...found] : found;
  };

  /** Text with emoji images read as their alt text (C). @param {Element | null} el */
  const textOf = (el) => {
    if (!el) return '';
    let out = '';
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      if (n.nodeType === Node.TEXT_NODE) out += n.nodeValue;
      else if (n instanceof HTMLImageElement) out += n.alt;
    }
    return out.trim();
  };

  /** @param {Element | null} a */
  const handleOf = (a) => {
    const href = a?.getAttribute('href') ?? '';
    return HANDLE_PATH.exec(href)?.[1] ?? '';
  };

  /** @param {Element} article @returns {SitePost} */
  function readTweet(article) {
    // The outer author: the first User-Name not inside a quoted post (div[role=link]).
    const names = [...article.querySelectorAll(SELECTOR.userName)];
    const userName = names.find((n) => !n.closest('div[role="link"]')) ?? names[0];
    const links = userName ? [...userName.querySelectorAll('a[href]')] : [];
    const text = [...article.querySelectorAll(SELECTOR.tweetText)].find((t) => !t.closest('div[role="link"]'));
    const time = [...article.querySelectorAll(SELECTOR.time)].find((t) => !t.closest('div[role="link"]'));
    const permalink = time?.closest('a[href*="/status/"]')?.getAttribute('href') ?? '';
    const nameLink = links.find((a) => !a.hasAttribute('tabindex')) ?? links[0];
    const posted = Date.parse(time?.getAttribute('datetime') ?? '');
    return {
      element: article,
      text: textOf(text ?? null),
      authorName: textOf(nameLink?.querySelector('span') ?? null),
      authorHandle: handleOf(links[0] ?? null),
      postedAtMs: Number.isFinite(posted) ? posted : null,
      id: /\/status\/(\d+)/.exec(permalink)?.[1] ?? null,
    };
  }

  /** Puts `host` just above the composer's toolbar, or after the editor's block. @param {HTMLElement} editor */
  const mountNear = (editor) => (/** @type {HTMLElement} */ host) => {
    let box = editor.parentElement;
    while (box && box !== document.body && !box.querySelector(SELECTOR.toolBar)) box = box.parentElement;
    const toolBar = box && box !== document.body ? box.querySelector(SELECTOR.toolBar) : null;
    // The toolbar's top-level child of `box`: insert before it, outside Draft's own tree.
    let anchor = toolBar;
    while (anchor && anchor.parentElement !== box) anchor = anchor.parentElement;
    if (box && anchor) box.insertBefore(host, anchor);
    else (editor.closest('.DraftEditor-root')?.parentElement ?? editor.parentElement)?.after(host);
  };

  /** @param {HTMLElement} editor @returns {SiteComposer} */
  function composerOf(editor) {
    if (editor.matches(SELECTOR.chatEditor)) {
      // Nothing is answered: a message of the agent's own read as the customer's would be. Enter
      // sends, as a person presses it there when no send button shows (research; unverified).
      const form = editor.closest(SELECTOR.chatForm);
      return { editor, kind: 'dm', replyTo: null, mount: (host) => (form ?? editor).before(host), sendsOnEnter: true };
    }
    if (editor.matches(SELECTOR.dmEditor)) {
      const thread = [...document.querySelectorAll(SELECTOR.dmMessage)]
        .map((m) => ({ incoming: !!m.querySelector(SELECTOR.dmIncoming), post: readDm(m) }));
      const form = editor.closest(SELECTOR.dmForm);
      return {
        editor,
        kind: 'dm',
        replyTo: unansweredPost(thread), // everything the customer wrote since the brand last did
        mount: (host) => (form ? form.before(host) : mountNear(editor)(host)),
        sendsOnEnter: true, // Enter sends a DM on x.com, Shift+Enter starts a new line
      };
    }
    const dialog = editor.closest(SELECTOR.dialog);
    // In the reply modal the post answered is the one above the editor (C, verify live); on a
    // /status/ page it is the focal post (T, G).
    const answered = dialog
      ? dialog.querySelector(SELECTOR.tweet)
      : /\/status\/\d+/.test(location.pathname) ? document.querySelector(SELECTOR.focalTweet) : null;
    return { editor, kind: answered ? 'reply' : 'post', replyTo: answered ? readTweet(answered) : null, mount: mountNear(editor) };
  }

  /** @param {Element} entry @returns {SitePost} */
  function readDm(entry) {
    const link = entry.querySelector('a[href]');
    const posted = Date.parse(entry.querySelector(SELECTOR.time)?.getAttribute('datetime') ?? '');
    const header = document.querySelector('[data-testid="DmActivityContainer"] h2, [data-testid="dm-conversation-header"]');
    return {
      element: entry,
      text: textOf(entry.querySelector('[data-testid="tweetText"], [dir="auto"]')),
      authorName: textOf(header?.querySelector('span') ?? null),
      authorHandle: handleOf(link),
      postedAtMs: Number.isFinite(posted) ? posted : null,
      id: null,
    };
  }

  /** @param {Element} cell @returns {FollowerEntry} */
  function readUserCell(cell) {
    const links = [...cell.querySelectorAll('a[href]')].filter((a) => handleOf(a));
    const avatar = cell.querySelector(SELECTOR.avatarImage);
    const handle = handleOf(links[0] ?? null);
    const nameLink = links.find((a) => !textOf(a).startsWith('@') && textOf(a));
    const button = /** @type {HTMLElement | null} */ (cell.querySelector(SELECTOR.followButton));
    return {
      element: cell,
      follower: {
        handle,
        name: textOf(nameLink?.querySelector('span') ?? nameLink ?? null),
        bio: textOf(cell.querySelector(SELECTOR.userDescription)),
        default_avatar: avatar instanceof HTMLImageElement && DEFAULT_AVATAR.test(avatar.src),
        verified: !!cell.querySelector(SELECTOR.verified),
        interacted: false,
        platform: 'x',
      },
      followButton: button,
      mount: (host) => cell.append(host),
    };
  }

  /** A "… followed you" notification: one entry per avatar link. @param {Element} n */
  function readFollowNotification(n) {
    const seen = new Set();
    /** @type {FollowerEntry[]} */
    const out = [];
    for (const a of n.querySelectorAll('a[href]')) {
      const handle = handleOf(a);
      if (!handle || seen.has(handle)) continue;
      seen.add(handle);
      const img = a.querySelector('img');
      const strong = [...n.querySelectorAll(`a[href="/${handle}"] span`)].map((s) => textOf(s)).find(Boolean);
      out.push({
        element: n,
        follower: {
          handle, name: strong ?? handle, bio: '', interacted: false, platform: 'x',
          default_avatar: img instanceof HTMLImageElement && DEFAULT_AVATAR.test(img.src),
          verified: false,
        },
        followButton: null,
        mount: (host) => n.append(host),
      });
    }
    return out;
  }

  /** The signed-in account's handle, when the page shows it (C). */
  const ownHandle = () => handleOf(document.querySelector(SELECTOR.accountLink));

  /** @type {SiteAdapter} */
  const adapter = {
    platform: 'x',
    matches: (loc) => /(^|\.)(x|twitter)\.com$/.test(loc.hostname),

    shadowRoots: (root) => all(root, SELECTOR.chatEmbed).flatMap((host) => (host.shadowRoot ? [host.shadowRoot] : [])),

    findComposers(root) {
      const editors = new Set(all(root, EDITORS));
      // Text typed in an editor re-renders inside it: the editor is an ancestor, not a descendant.
      if (root instanceof Element) {
        const inside = root.closest(EDITORS);
        if (inside) editors.add(inside);
      }
      return [...editors].filter((e) => e instanceof HTMLElement).map((e) => composerOf(/** @type {HTMLElement} */ (e)));
    },

    findFollowers(root) {
      if (FOLLOWERS_PATH.test(location.pathname)) return all(root, SELECTOR.userCell).map(readUserCell);
      if (!MENTION_PATHS.test(location.pathname)) return [];
      return all(root, SELECTOR.notification)
        .filter((n) => [...n.querySelectorAll('svg path')].some((p) => (p.getAttribute('d') ?? '').startsWith(FOLLOW_ICON)))
        .flatMap(readFollowNotification);
    },

    findMentions(root) {
      if (!MENTION_PATHS.test(location.pathname)) return [];
      const me = ownHandle().toLowerCase();
      return all(root, SELECTOR.tweet)
        .filter((t) => !t.parentElement?.closest(SELECTOR.tweet))
        .map((article) => {
          const post = readTweet(article);
          // Answered when the brand's own reply follows in the same conversation cell.
          const cell = article.closest('[data-testid="cellInnerDiv"]');
          const next = cell?.nextElementSibling?.querySelector(SELECTOR.tweet);
          const answered = !!me && !!next && readTweet(next).authorHandle.toLowerCase() === me;
          return { post, answered, mount: (/** @type {HTMLElement} */ host) => (article.querySelector(SELECTOR.userName)?.parentElement ?? article).append(host) };
        })
        .filter((m) => !me || m.post.authorHandle.toLowerCase() !== me);
    },

    readEditor(editor) {
      if (editor instanceof HTMLTextAreaElement) return { text: editor.value, nodes: [] };
      // Draft: one [data-block] per paragraph, joined by newlines; text nodes under [data-text].
      const contents = editor.querySelector(SELECTOR.draftContents) ?? editor;
      const blocks = contents.querySelectorAll(SELECTOR.draftBlock);
      /** @type {{node: Text, start: number}[]} */
      const nodes = [];
      let text = '';
      (blocks.length ? [...blocks] : [contents]).forEach((block, i) => {
        if (i > 0) text += '\n';
        const walk = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
        for (let n = walk.nextNode(); n; n = walk.nextNode()) {
          nodes.push({ node: /** @type {Text} */ (n), start: text.length });
          text += n.nodeValue;
        }
      });
      return { text, nodes };
    },

    insertText: (editor, text, mode) => (editor instanceof HTMLTextAreaElement ? typeInto(editor, text, mode) : pasteInto(editor, text, mode)),

    sendButton: (target) => /** @type {HTMLElement | null} */ (target.closest(SELECTOR.sendButton)),

    editorOfSendButton(button) {
      if (button.matches('[data-testid="dmComposerSendButton"]')) return document.querySelector(SELECTOR.dmEditor);
      // The editor in the same composer: walk up until a container holds one.
      for (let box = button.parentElement; box; box = box.parentElement) {
        const editor = box.querySelector(`${SELECTOR.editor}, ${SELECTOR.chatEditor}`);
        if (editor instanceof HTMLElement) return editor;
      }
      return null;
    },
  };

  registerAdapter(adapter);
})();
