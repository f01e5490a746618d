// @ts-check
// Boomerang's elements on the page: `boomerang-*` elements with open shadow roots, styled by
// constructed style sheets (allowed under any page CSP), text set with textContent only.

const OVERLAY_CSS = `
:host { all: initial; display: block; font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  --fg: #0f1419; --muted: #536471; --bg: #f7f9f9; --line: #cfd9de; --accent: #0f766e; --warn: #b45309; --bad: #b91c1c;
  color: var(--fg); margin: 6px 0; }
:host([data-theme="dim"]) { --fg: #f7f9f9; --muted: #8b98a5; --bg: #1e2732; --line: #38444d; --accent: #2dd4bf; --warn: #fbbf24; --bad: #f87171; }
:host([data-theme="dark"]) { --fg: #e7e9ea; --muted: #71767b; --bg: #16181c; --line: #2f3336; --accent: #2dd4bf; --warn: #fbbf24; --bad: #f87171; }
:host([hidden]) { display: none; }
.panel { background: var(--bg); border: 1px solid var(--line); border-radius: 12px; padding: 8px 10px; }
.head { display: flex; align-items: center; gap: 6px; color: var(--muted); font-size: 12px; margin-bottom: 6px; }
.head b { color: var(--accent); font-weight: 700; }
.head .close { margin-left: auto; }
.row { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; }
button { font: inherit; color: inherit; cursor: pointer; border-radius: 999px; border: 1px solid var(--line);
  background: transparent; padding: 4px 10px; }
button:hover { border-color: var(--accent); }
button:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; }
:host([data-theme="dim"]) button.primary, :host([data-theme="dark"]) button.primary { color: #042f2e; }
button.close { border: 0; padding: 0 4px; color: var(--muted); font-size: 15px; line-height: 1; }
button.quiet { border: 0; padding: 0; color: var(--muted); font-size: 12px; text-decoration: underline; }
.suggestion { max-width: 100%; text-align: left; border-radius: 10px; }
.suggestion small { display: block; color: var(--muted); font-size: 11px; }
.card { border-left: 3px solid var(--warn); padding: 4px 8px; margin: 4px 0; }
.card[data-severity="high"] { border-color: var(--bad); }
.card p { margin: 2px 0 6px; }
.title { font-weight: 700; }
.muted { color: var(--muted); }
ul { margin: 2px 0 6px; padding-left: 18px; }
.badge { display: inline-block; border-radius: 999px; padding: 1px 8px; font-size: 12px; font-weight: 600; border: 1px solid var(--line); }
.badge[data-status="ok"] { color: var(--accent); }
.badge[data-status="due_soon"] { color: var(--warn); border-color: var(--warn); }
.badge[data-status="overdue"] { color: #fff; background: var(--bad); border-color: var(--bad); }
.badge[data-status="answered"] { color: var(--muted); }
.decision { font-weight: 700; }
.decision[data-decision="follow_back"] { color: var(--accent); }
.decision[data-decision="skip"] { color: var(--bad); }
.welcome { font-style: italic; }
`;

/** @type {CSSStyleSheet | null} */
let overlaySheet = null;

/**
 * The site's theme from the page background: light, dim (dark blue) or dark (black). A
 * transparent body (Facebook paints further down) defers to the root, then counts as light.
 */
function pageTheme() {
  const painted = [document.body, document.documentElement]
    .map((el) => (getComputedStyle(el).backgroundColor.match(/[\d.]+/g) ?? []).map(Number))
    .find((c) => c.length >= 3 && (c.length < 4 || c[3] > 0));
  const [r, g, b] = painted ?? [255, 255, 255];
  const light = (0.299 * r + 0.587 * g + 0.114 * b) / 255;
  if (light > 0.5) return 'light';
  return b > 30 ? 'dim' : 'dark';
}

/**
 * A new `boomerang-<name>` element with an open shadow root holding a panel.
 * @param {string} name
 * @param {string} label what a screen reader announces for the whole region
 * @returns {{host: HTMLElement, root: ShadowRoot}}
 */
function createOverlay(name, label) {
  const host = document.createElement(`boomerang-${name}`);
  const root = host.attachShadow({ mode: 'open' });
  overlaySheet ??= new CSSStyleSheet();
  if (!overlaySheet.cssRules.length) overlaySheet.replaceSync(OVERLAY_CSS);
  root.adoptedStyleSheets = [overlaySheet];
  host.dataset.theme = site.theme?.() ?? pageTheme();
  host.setAttribute('role', 'region');
  host.setAttribute('aria-label', label);
  // Keys typed in Boomerang's buttons stay out of X's keyboard shortcuts.
  root.addEventListener('keydown', (e) => e.stopPropagation());
  return { host, root };
}

/**
 * Builds an element; strings become text nodes (never parsed as HTML).
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, string>} [attrs]
 * @param {(Node | string)[]} children
 * @returns {HTMLElementTagNameMap[K]}
 */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  el.append(...children);
  return el;
}

/**
 * A button that runs `onClick` guarded.
 * @param {string} text @param {Record<string, string>} attrs @param {(e: MouseEvent) => unknown} onClick
 */
function button(text, attrs, onClick) {
  const b = h('button', { type: 'button', ...attrs }, text);
  b.addEventListener('click', guarded((/** @type {MouseEvent} */ e) => {
    e.preventDefault();
    e.stopPropagation();
    return onClick(e);
  }));
  return b;
}

/** The panel's heading line with the name and a dismiss button. @param {string} title @param {() => void} onClose */
function panelHead(title, onClose) {
  return h('div', { class: 'head' }, h('b', {}, 'Boomerang'), title,
    button('×', { class: 'close', 'aria-label': `Dismiss ${title}`, title: 'Dismiss' }, onClose));
}
