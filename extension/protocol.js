// @ts-check
// The one message protocol between the content scripts (and any extension page) and the
// background service worker, which alone runs the wasm engine: a page's CSP blocks wasm in
// content scripts (DESIGN.md §2). Shapes of payloads and results are the CLI's JSON shapes.
//
//   request  {v: 1, type, payload}
//   response {ok: true, result} | {ok: false, error}
//
// Content scripts send them over one long-lived port (`chrome.runtime.connect()`), each
// wrapped with an id the answer carries back: {id, request} → {id, response}. Extension pages
// may use `chrome.runtime.sendMessage(request)` for a one-off.
//
// | type       | payload                                   | result                               |
// |------------|-------------------------------------------|--------------------------------------|
// | `check`    | {text, in_reply_to?, platform?, private?, typing?} | {issues: [{kind, severity, start, end, message, rewrite?}]} |
// | `classify` | {text}                                    | {intent, urgent, sentiment}          |
// | `suggest`  | {text, author_name?, author_handle?, platform?, private?} | {intent, suggestions: [{label, text}]} |
// | `follow`   | {handle, name, bio, followers?, …, platform?, liked_page?} | {decision, score, reasons, welcome?} |
// | `clock`    | {posted_at_ms, now_ms, intent?, utc_offset_minutes, answered?} | {status, waited_minutes, due_at_ms, minutes_left, label} |
// | `event`    | {kind, platform, day, minutes?, clean?, with_suggestion?} (src/engine/stats.rs) | null |
// | `settings` | null                                      | the settings in effect (`{}` for the defaults when none or invalid ones are stored) |
// | `mute`     | {words} (a warning's span: "Don't warn about this") | null; the warnings on those words are off from the next check |
//
// Storage: settings in chrome.storage.sync under `settings` (missing → the engine's
// defaults), a warning turned off added to them by `muteWarning` of the pages' wasm
// (src/ui/muting.rs); figures in chrome.storage.local under `stats`, folded by `recordEvent`
// of the pages' wasm (src/ui/recording.rs). The worker rebuilds its engine whenever `settings` changes.

export const PROTOCOL_VERSION = 1;

/** @typedef {'x' | 'facebook'} Platform */
/** @typedef {'check' | 'classify' | 'suggest' | 'follow' | 'clock' | 'event' | 'settings' | 'mute'} RequestType */

/**
 * @typedef {object} Request
 * @property {1} v
 * @property {RequestType} type
 * @property {unknown} payload
 */

/**
 * @typedef {{ok: true, result: any} | {ok: false, error: string}} Response
 */

/** @typedef {{id: number, request: Request}} PortRequest */
/** @typedef {{id: number, response: Response}} PortAnswer */

/**
 * @typedef {object} Issue
 * @property {'blame'|'deflection'|'hostile'|'private_info'|'shouting'|'no_signature'|'no_empathy'|'over_limit'} kind
 * @property {'low'|'medium'|'high'} severity
 * @property {number} start UTF-16 code units into the draft
 * @property {number} end
 * @property {string} message why it hurts, one calm sentence
 * @property {string} [rewrite] the whole draft rewritten (not only the span)
 */

/** @typedef {{issues: Issue[]}} CheckResult */
/** @typedef {'complaint'|'question'|'praise'|'greeting'|'spam'|'other'} Intent */
/** @typedef {{intent: Intent, urgent: boolean, sentiment: number}} Classification */
/** @typedef {{label: string, text: string}} Suggestion */
/** @typedef {{intent: Intent, suggestions: Suggestion[]}} SuggestResult */

/**
 * @typedef {object} Follower
 * @property {string} handle
 * @property {string} name
 * @property {string} bio
 * @property {number} [followers]
 * @property {number} [following]
 * @property {number} [posts]
 * @property {number} [account_age_days]
 * @property {boolean} default_avatar
 * @property {boolean} verified
 * @property {boolean} interacted
 * @property {Platform} [platform]
 * @property {boolean} [liked_page] liked the Facebook Page rather than followed it
 */

/** @typedef {{decision: 'follow_back'|'review'|'skip', score: number, reasons: string[], welcome?: string}} FollowAssessment */

/**
 * @typedef {object} ClockRequest
 * @property {number} posted_at_ms
 * @property {number} now_ms
 * @property {Intent} [intent]
 * @property {number} utc_offset_minutes east positive (the negation of Date#getTimezoneOffset)
 * @property {boolean} [answered]
 */

/** @typedef {{status: 'ok'|'due_soon'|'overdue'|'answered', waited_minutes: number, due_at_ms: number, minutes_left: number, label: string}} ClockStatus */

/**
 * @typedef {object} StatsEvent
 * @property {'suggestion_inserted'|'warning_shown'|'warning_revised'|'reply_sent'|'follower_seen'|'followed_back'} kind
 * @property {Platform} platform
 * @property {string} day the agent's local date, YYYY-MM-DD
 * @property {number} [minutes]
 * @property {boolean} [clean]
 * @property {boolean} [with_suggestion]
 */

/** @type {readonly RequestType[]} */
export const REQUEST_TYPES = ['check', 'classify', 'suggest', 'follow', 'clock', 'event', 'settings', 'mute'];

/** @param {unknown} message @returns {message is Request} */
export function isRequest(message) {
  if (typeof message !== 'object' || message === null) return false;
  const m = /** @type {Record<string, unknown>} */ (message);
  return m.v === PROTOCOL_VERSION && REQUEST_TYPES.includes(/** @type {RequestType} */ (m.type));
}
