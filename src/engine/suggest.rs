//! Reply suggestions: one to three ready replies fitted to the message's intent, and the
//! personal welcome for a new follower.
//!
//! A reply is built from parts (an opener, the body, an optional closing and the signature).
//! The parts vary with a hash of the message, so different customers don't all get the same
//! opener while the same message always gets the same suggestions. Optional parts are dropped
//! until the reply fits the platform's limit. Replies never ask for personal data in public:
//! details go to a DM.

use super::api::{Intent, Platform, SuggestRequest, SuggestResponse, Suggestion};
use super::intent;
use super::knowledge;
use super::problem;
use super::settings::{HelpLink, Settings};
use super::text::hash_word;
use super::text;
use super::word_list::WordList;
use crate::word_list;

/// Words that make a display name a business or a label rather than a person's first name.
const NOT_A_PERSON: WordList = word_list![
    "the", "team", "official", "support", "help", "care", "shop", "store", "news", "ltd", "inc",
    "llc", "co", "company", "bakery", "cafe", "café", "bar", "restaurant", "group", "club", "studio",
    "agency", "media", "official", "services", "service", "hq", "uk", "usa", "app", "bot", "admin",
    "customer", "user", "account", "dr", "mr", "mrs", "ms", "miss", "prof", "sir", "lord", "lady",
    "council", "city", "university", "college", "school", "museum", "library", "hotel", "fc", "tv",
    "radio", "magazine", "podcast", "foundation", "trust", "daily", "deals", "growth",
    "marketing",
];

/// The first name to greet someone by, when the display name clearly has one.
pub fn first_name(display_name: Option<&str>) -> Option<String> {
    let name = display_name?.trim();
    // At most four words, none of them a business's or a title.
    for (i, w) in name.split_whitespace().enumerate() {
        if i == 4 || NOT_A_PERSON.contains(trim_to(&text::lowercase(w), text::is_letter_or_digit)) {
            return None;
        }
    }
    let first = trim_to(name.split_whitespace().next()?, text::is_letter);
    // One pass: a capital, then 1 to 19 letters (or - and '), some of them small ("ACME", "JS" are no names).
    let (mut length, mut small_after_initial) = (0, false);
    for (i, c) in first.chars().enumerate() {
        let letter = text::is_letter(c);
        if (i == 0 && !text::is_upper(c)) || !(letter || c == '-' || c == '\'') {
            return None;
        }
        small_after_initial |= i > 0 && letter && !text::is_upper(c);
        length += 1;
    }
    ((2..=20).contains(&length) && small_after_initial).then(|| first.to_string())
}

/// `s` without the characters at either end that fail `keep`. One copy of core's
/// `trim_matches` for [`first_name`]'s two tests, where a closure each made two.
#[inline(never)]
fn trim_to(s: &str, keep: fn(char) -> bool) -> &str {
    s.trim_matches(|c: char| !keep(c))
}

/// The message's stable hash ([`text::hash_bytes`]), so the same message gets the same variant
/// everywhere.
fn seed(text: &str) -> u64 {
    text::hash_bytes(text.as_bytes())
}

fn pick<'a>(options: &[&'a str], seed: u64, salt: u64) -> &'a str {
    options[((seed >> (salt * 7)) % options.len() as u64) as usize]
}

/// What a reply may draw on.
struct Context<'a> {
    name: Option<String>,
    brand: &'a str,
    signature: Option<String>,
    platform: Platform,
    link: Option<&'a HelpLink>,
    seed: u64,
    /// Already in a DM or inbox: ask for details here instead of moving to a DM.
    private: bool,
}

impl Context<'_> {
    /// "Hi Sam, " / "Hello Sam! " / "Sam, " or, without a name, a nameless variant.
    fn greeting(&self, salt: u64) -> String {
        match &self.name {
            Some(n) => text::replace(pick(&["Hi {n}, ", "Hello {n}, ", "{n}, ", "Hey {n}, "], self.seed, salt), "{n}", n),
            None => pick(&["Hi there, ", "Hello, ", "Hi, "], self.seed, salt).to_string(),
        }
    }

    /// How to ask for something the customer should not post in public: "send us a DM with
    /// your order number" in public, "send your order number here" in a private conversation.
    fn ask_for(&self, what: &str) -> String {
        if self.private { format!("send {what} here") } else { format!("{} with {what}", self.dm()) }
    }

    /// Where the conversation goes on: a DM from a public thread, this conversation when private.
    fn reach_us(&self) -> &'static str {
        if self.private { "reply here" } else { self.dm() }
    }

    /// "Send us a DM" in one of its wordings, the same one for the same message.
    fn dm(&self) -> &'static str {
        pick(&["send us a DM", "drop us a DM", "send us a direct message"], self.seed, 4)
    }

    fn team(&self) -> String {
        if self.brand.trim().is_empty() { "the team".into() } else { format!("the {} team", self.brand.trim()) }
    }

    /// Joins the parts in order with the signature; drops optional parts (the last first)
    /// until the reply fits the platform's limit.
    fn fit(&self, parts: &[Part]) -> Option<String> {
        let optional = parts.iter().filter(|p| p.optional).count();
        for keep in (0..=optional).rev() {
            let mut kept_optional = 0;
            let mut text = text::join_words(
                parts.iter().filter(|p| !p.optional || { kept_optional += 1; kept_optional <= keep }).map(|p| p.text.trim()),
            );
            if let Some(sig) = &self.signature {
                text = format!("{text} {sig}");
            }
            if self.platform.weighted_len(&text) <= self.platform.limit() {
                return Some(text);
            }
        }
        None
    }
}

/// A sentence of a reply; optional ones go first when space runs out.
struct Part {
    text: String,
    optional: bool,
}

// `must`, `may` and `suggestion` are out of line: called from dozens of replies, each inlined
// copy of their string conversion cost the worker's wasm 0.7 KB gzip in all.
#[inline(never)]
fn must(text: impl Into<String>) -> Part {
    Part { text: text.into(), optional: false }
}

#[inline(never)]
fn may(text: impl Into<String>) -> Part {
    Part { text: text.into(), optional: true }
}

#[inline(never)]
fn suggestion(label: &str, text: Option<String>) -> Option<Suggestion> {
    text.map(|text| Suggestion { label: label.into(), text })
}

/// One to three replies for the message; none for spam.
pub fn suggest(req: &SuggestRequest, settings: &Settings) -> SuggestResponse {
    let parsed = text::Text::new(&req.text);
    let class = intent::classify_parsed(&parsed, None);
    let ctx = Context {
        name: first_name(req.author_name.as_deref()),
        brand: &settings.brand_name,
        signature: settings.signature_text(),
        platform: req.platform.unwrap_or_default(),
        link: knowledge::best_link(&req.text, &settings.help_links),
        seed: seed(&req.text),
        private: req.private,
    };
    let mut suggestions: Vec<Suggestion> = custom_templates(class.intent, &ctx, settings);
    if class.intent != Intent::Spam {
        for s in built_in(class.intent, class.urgent, &parsed, &ctx) {
            if suggestions.len() < 3 && !suggestions.iter().any(|x| x.text == s.text) {
                suggestions.push(s);
            }
        }
    }
    suggestions.truncate(3);
    SuggestResponse { intent: class.intent, suggestions }
}

/// The agent's own templates for this intent, placeholders filled; a template that needs a
/// link when none matches is skipped.
fn custom_templates(intent: Intent, ctx: &Context, settings: &Settings) -> Vec<Suggestion> {
    let templates = settings.templates.for_intent(intent);
    let mut out = Vec::new();
    for (i, template) in templates.iter().enumerate() {
        if text::contains(template, "{link}") && ctx.link.is_none() {
            continue;
        }
        let text = fill(template, ctx);
        let label = if templates.len() == 1 { "Your template".to_string() } else { format!("Your template {}", i + 1) };
        out.extend(suggestion(&label, ctx.fit(&[must(text)])));
    }
    out
}

/// Fills `{name}`, `{brand}`, `{initials}` and `{link}`; a missing name leaves no gap.
fn fill(template: &str, ctx: &Context) -> String {
    let name = ctx.name.clone().unwrap_or_default();
    let mut filled = text::replace(template, "{brand}", ctx.brand.trim());
    filled = text::replace(&filled, "{initials}", ctx.signature.as_deref().unwrap_or("").trim_start_matches('^'));
    filled = text::replace(&filled, "{link}", ctx.link.map_or("", |l| l.url.as_str()));
    if name.is_empty() {
        for (gap, with) in [(" {name},", ","), (" {name}!", "!"), (" {name}.", "."), (", {name}", ""), (" {name}", ""), ("{name}, ", ""), ("{name}", "")] {
            filled = text::replace(&filled, gap, with);
        }
    } else {
        filled = text::replace(&filled, "{name}", &name);
    }
    text::join_words(filled.split_whitespace())
}

/// A message's words, looked up whole (and with a plural "s"), so "snapped" is not about an
/// app nor "border" an order. Cues may be several words ("locked out").
struct WholeWords {
    lower: String,
    /// Byte ranges of the words in `lower`.
    words: Vec<(usize, usize)>,
    /// The words' hashes, and a plural's without its "s", sorted: most cues are in no message,
    /// and one binary search says so (a 5,000-character post is checked against a few hundred
    /// cues).
    hashes: Vec<u32>,
}

/// A word's hash for [`WholeWords::hashes`].
fn word_hash(word: &str) -> u32 {
    hash_word(word) as u32
}

impl WholeWords {
    fn of(text: &str) -> WholeWords {
        let lower = text::lowercase(text);
        let mut words = Vec::new();
        let mut start = None;
        for (i, c) in lower.char_indices() {
            if text::is_letter_or_digit(c) {
                start.get_or_insert(i);
            } else if let Some(s) = start.take() {
                words.push((s, i));
            }
        }
        if let Some(s) = start {
            words.push((s, lower.len()));
        }
        let mut hashes = Vec::with_capacity(words.len() * 2);
        for &(s, e) in &words {
            let word = text::slice(&lower, s..e);
            hashes.push(word_hash(word));
            if let Some(singular) = word.strip_suffix('s').filter(|w| !w.is_empty()) {
                hashes.push(word_hash(singular));
            }
        }
        super::sort::sort_u32(&mut hashes);
        WholeWords { lower, words, hashes }
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.words.get(i).map(|&(s, e)| text::slice(&self.lower, s..e))
    }

    fn any(&self, cues: WordList) -> bool {
        cues.iter().any(|cue| self.has(cue))
    }

    fn has(&self, cue: &str) -> bool {
        let first = cue.split(' ').next().unwrap_or(cue);
        // The hashes hold plurals without their "s", so one search covers "order" and "orders";
        // `cue_at` then says whether the plural may stand there.
        self.hashes.binary_search(&word_hash(first)).is_ok() && (0..self.words.len()).any(|at| self.cue_at(cue, at))
    }

    /// The cue's words from word `at` on, the last one perhaps with a plural "s".
    fn cue_at(&self, cue: &str, at: usize) -> bool {
        let mut parts = cue.split(' ').peekable();
        let mut i = at;
        while let Some(part) = parts.next() {
            let Some(word) = self.word(i) else { return false };
            let plural = parts.peek().is_none() && word.len() == part.len() + 1 && word.starts_with(part) && word.ends_with('s');
            if word != part && !plural {
                return false;
            }
            i += 1;
        }
        true
    }
}

/// What the customer's problem is about, for a specific DM request.
fn dm_detail(words: &WholeWords) -> &'static str {
    let has = |cues: WordList| words.any(cues);
    // Account security first: "hacked, someone is placing orders" is about the account.
    if has(word_list!["hacked", "password", "log in", "login", "locked out", "sign in", "compromised"]) {
        "the email address on your account"
    } else if has(word_list!["flight", "booking", "reservation", "ticket", "seat", "train", "journey", "trip", "hotel"]) {
        "your booking reference"
    } else if has(word_list!["order", "parcel", "package", "delivery", "delivered", "return", "item"]) {
        "your order number"
    } else if has(word_list!["refund", "refunded"]) {
        // A refund of what, the message does not say: a shop's order or a travel booking.
        "your order or booking reference"
    } else if has(word_list!["account", "app"]) {
        "the email address on your account"
    } else {
        "a few details"
    }
}

/// What makes an urgent message urgent, for the first thing the reply should say.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Urgency {
    /// Something ate or drunk made someone ill: stop eating it, get medical advice.
    Food,
    /// A product that burns, sparks or hurts: stop using it.
    Hazard,
    /// Someone else in the account: the password is changed now, and never asked for.
    Account,
    /// A lawyer or a regulator: a senior person looks into it.
    Legal,
    /// Everything else urgent (an outage, someone stranded): act now.
    Other,
}

fn urgency(words: &WholeWords) -> Urgency {
    // intent.rs's urgent cues, by kind, in this order: a burnt hand from a charger is a hazard
    // first; "sick of waiting" is no food safety matter (only specific words are cues).
    if words.any(intent::URGENT_FOOD) {
        Urgency::Food
    } else if words.any(intent::URGENT_HAZARD) || words.any(intent::URGENT_HAZARD_REPORTED) {
        Urgency::Hazard
    } else if words.any(intent::URGENT_ACCOUNT) {
        Urgency::Account
    } else if words.any(intent::URGENT_LEGAL) {
        Urgency::Legal
    } else {
        Urgency::Other
    }
}

/// The first reply to an urgent complaint: what to do right now, before anything else.
fn urgent_first(words: &WholeWords, ctx: &Context, ask: &str) -> Option<Suggestion> {
    let g = ctx.greeting(1);
    let electrical = words.any(word_list!["charger", "plug", "battery", "socket", "cable", "adapter", "laptop", "phone", "heater", "kettle", "device", "appliance"]);
    let gas = words.any(word_list!["gas", "carbon monoxide"]);
    let (label, first, then) = match urgency(words) {
        Urgency::Food => ("Safety first", "I'm so sorry. Please don't eat any more of it, and if anyone feels unwell, please get medical advice.", "When you can, {ask} so we can look into it today."),
        // A gas smell is the one hazard where "stop using it" is the wrong advice: get out first.
        Urgency::Hazard if gas => ("Safety first", "Thank you for telling us. Please get everyone out, don't use switches or flames, and call the gas emergency line now.", "Once everyone is safe, {ask} and we'll send someone today."),
        Urgency::Hazard if electrical => ("Safety first", "I'm so sorry, and thank you for telling us. Please stop using it and keep it unplugged for now.", "When you can, {ask} so we can look into it today."),
        Urgency::Hazard => ("Safety first", "I'm so sorry, and thank you for telling us. Please stop using it for now and make sure everyone is safe.", "When you can, {ask} so we can look into it today."),
        Urgency::Account => ("Secure the account", "I'm sorry, let's secure your account now. If you can, change your password straight away; we'll never ask you for it.", "Then {ask} so we can check the activity."),
        Urgency::Legal => ("Escalate", "I'm sorry it's come to this, and we want to put it right.", "Please {ask} so a senior member of the team can look into it today."),
        Urgency::Other => (if ctx.private { "Act now" } else { "Act now by DM" }, "I'm sorry, that needs sorting right away and we're on it.", "Please {ask} so we can help straight away."),
    };
    suggestion(label, ctx.fit(&[must(format!("{g}{first}")), must(text::replace(then, "{ask}", ask))]))
}

fn built_in(intent: Intent, urgent: bool, parsed: &text::Text, ctx: &Context) -> Vec<Suggestion> {
    let text = parsed.original;
    let s = ctx.seed;
    let g = ctx.greeting(1);
    let link = ctx.link.map(|l| l.url.as_str());
    let words = WholeWords::of(text);
    let ask = ctx.ask_for(dm_detail(&words));
    let reach = ctx.reach_us();
    let by_dm = if ctx.private { "ask" } else { "DM" };
    // Someone who has just joined: welcome them aboard, and offer help getting started.
    let joining = words.any(word_list!["signed up", "joined", "subscribed", "new customer", "new member"]);
    let out = match intent {
        Intent::Complaint if urgent => vec![
            urgent_first(&words, ctx, &ask),
            suggestion(&format!("Apologise and {by_dm}"), ctx.fit(&[
                must(format!("{g}thank you for telling us, and I'm really sorry.")),
                must(format!("We're treating this as urgent: please {}.", ctx.ask_for("the details"))),
            ])),
        ],
        Intent::Complaint => {
            let general = pick(&[
                "I'm really sorry about this.",
                "I'm so sorry to hear this.",
                "sorry about this, that isn't good enough.",
                "I'm sorry, that's really frustrating.",
            ], s, 2);
            let own = pick(&[
                "That's not the experience we want for you.",
                "We should have done better here.",
                "That's on us, and we want to put it right.",
            ], s, 3);
            let apologise = |sorry: &str| ctx.fit(&[must(format!("{g}{sorry}")), may(own), must(format!("Please {ask} and we'll sort it out."))]);
            // Saying back what went wrong shows the message was read ("I'm so sorry your train
            // was cancelled again"); where that makes the reply too long, the general apology.
            let mut sorry = general.to_string();
            if let Some(p) = problem::said_back(parsed) {
                let opener = pick(&["I'm really sorry {p}.", "I'm so sorry {p}.", "sorry {p}, that isn't good enough.", "I'm sorry {p}, that's really frustrating."], s, 2);
                let specific = text::replace(opener, "{p}", &p);
                if apologise(&specific).is_some() {
                    sorry = specific;
                }
            }
            vec![
                suggestion(&format!("Apologise and {by_dm}"), apologise(&sorry)),
                link.and_then(|url| suggestion("Own it, share help", ctx.fit(&[
                    must(format!("{g}{sorry}")),
                    must(format!("This should help straight away, and if it doesn't, {reach} and we'll take it from there: {url}")),
                ]))),
                suggestion("Ask for details", ctx.fit(&[
                    must(format!("Thanks for flagging this, and sorry for the hassle{}.", ctx.name.as_ref().map(|n| format!(", {n}")).unwrap_or_default())),
                    must(format!("We'd like to look into it properly: could you {ask}?")),
                ])),
            ]
        }
        Intent::Question => {
            let happy = pick(&["happy to help with that!", "good question!", "thanks for asking!"], s, 2);
            vec![
                link.and_then(|url| suggestion("Answer with link", ctx.fit(&[
                    must(format!("{g}{happy}")),
                    must(format!("Here are the steps (and if you get stuck, just {}): {url}", if ctx.private { "reply here" } else { "DM us" })),
                ]))),
                suggestion("Start an answer", ctx.fit(&[must(format!("{g}{happy}"))])),
                suggestion(&format!("Find out by {}", if ctx.private { "asking" } else { "DM" }), ctx.fit(&[
                    must(format!("{g}{happy}")),
                    must(format!("Could you {ask}? We'll find out for you.")),
                ])),
            ]
        }
        Intent::Praise => {
            let thanks = pick(&["thank you so much!", "that's lovely to hear, thank you!", "thanks a million!"], s, 2);
            vec![
                suggestion("Say thanks", ctx.fit(&[
                    must(format!("{g}{thanks}")),
                    may(format!("We'll pass this on to {}.", ctx.team())),
                ])),
                suggestion("Thank and ask", ctx.fit(&[
                    must(format!("{g}{thanks}")),
                    must(pick(&["What did you enjoy most?", "What made it for you?", "Anything we could make even better?"], s, 3)),
                ])),
            ]
        }
        Intent::Greeting if joining => vec![
            suggestion("Welcome aboard", ctx.fit(&[
                must(format!("{g}welcome aboard, we're so glad to have you!")),
                must("If you need a hand getting started, just ask."),
            ])),
            suggestion("Start a conversation", ctx.fit(&[
                must(format!("{g}welcome, and thanks for joining us!")),
                must("What are you most looking forward to trying?"),
            ])),
        ],
        Intent::Greeting => vec![
            suggestion("Welcome", ctx.fit(&[
                must(format!("{g}great to hear from you!")),
                must(pick(&["How can we help today?", "What can we do for you?", "Anything we can help with?"], s, 3)),
            ])),
            suggestion("Start a conversation", ctx.fit(&[
                must(format!("{g}thanks for saying hello!")),
                must("What brings you our way?"),
            ])),
        ],
        Intent::Other => vec![
            suggestion("Acknowledge", ctx.fit(&[must(format!("{g}thanks for getting in touch!")), must("How can we help?")])),
            suggestion(if ctx.private { "Offer help" } else { "Offer a DM" }, ctx.fit(&[
                must(format!("{g}thanks for reaching out.")),
                must(format!("If there's anything we can help with, {reach} any time.")),
            ])),
        ],
        Intent::Spam => Vec::new(),
    };
    let mut suggestions = Vec::new();
    for made in out.into_iter().flatten() {
        suggestions.push(made);
    }
    suggestions
}

/// A personal welcome for a new follower, to send by hand; a thank-you where following back is
/// impossible (people who like or follow a Facebook Page). Starts a conversation, never just
/// "hello", and never asks for anything personal.
pub fn follower_welcome(name: Option<&str>, bio: &str, settings: &Settings, can_follow_back: bool, liked_page: bool) -> String {
    let ctx = Context {
        name: first_name(name),
        brand: &settings.brand_name,
        signature: settings.signature_text(),
        platform: if can_follow_back { Platform::X } else { Platform::Facebook },
        link: None,
        seed: seed(&format!("{}{bio}", name.unwrap_or(""))),
        private: false,
    };
    let g = ctx.greeting(1);
    let brand = settings.brand_name.trim();
    let text = if can_follow_back {
        let thanks = if brand.is_empty() { "thanks for the follow!".to_string() } else { format!("thanks for following {brand}!") };
        let question = pick(&[
            "What brought you our way?",
            "Is there anything you'd like to see more of from us?",
            "What are you hoping to hear about from us?",
        ], ctx.seed, 2);
        ctx.fit(&[must(format!("{g}{thanks}")), must(question), may("We're here whenever you need us.")])
    } else {
        let page = if brand.is_empty() { "our Page".to_string() } else { format!("the {brand} Page") };
        ctx.fit(&[
            must(format!("{g}thank you for {} {page}!", if liked_page { "liking" } else { "following" })),
            may("If there's ever anything we can help with, just send us a message."),
        ])
    };
    text.unwrap_or_else(|| "Thanks for the follow!".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(text: &str, name: Option<&str>) -> SuggestRequest {
        SuggestRequest { text: text.into(), author_name: name.map(Into::into), author_handle: None, platform: None, private: false }
    }

    /// What the tone check says of a suggested reply: a suggestion must never draw a warning.
    fn tone_issues(text: &str, s: &Settings) -> Vec<crate::engine::api::Issue> {
        super::super::tone::check(&crate::engine::api::CheckRequest { text: text.into(), ..Default::default() }, s)
    }

    #[test]
    fn first_names_only_when_they_look_like_one() {
        assert_eq!(first_name(Some("Sarah K")), Some("Sarah".into()));
        assert_eq!(first_name(Some("  Ana 🌸")), Some("Ana".into()));
        assert_eq!(first_name(Some("Jean-Luc Picard")), Some("Jean-Luc".into()));
        for not_a_name in [
            "user8823", "The Bakery", "Corner Bakery", "🌸🌸", "ACME", "dave", "Dr Smith", "", "x", "York Council",
            "Growth Hacker 🚀",
        ] {
            assert_eq!(first_name(Some(not_a_name)), None, "{not_a_name}");
        }
    }

    #[test]
    fn spam_gets_nothing_and_names_are_used() {
        let s = Settings::default();
        let spam = suggest(&req("Get 10k real followers cheap!!! DM for promo https://spam.example", None), &s);
        if spam.intent == Intent::Spam {
            assert!(spam.suggestions.is_empty());
        }
        let r = suggest(&req("hello there!", Some("Maria Lopez")), &s);
        assert!(!r.suggestions.is_empty());
        assert!(r.suggestions.iter().all(|x| x.text.contains("Maria")), "{r:?}");
    }

    #[test]
    fn a_complaint_reply_says_back_what_went_wrong_when_the_message_says_it_plainly() {
        let s = Settings::default();
        let train = "my train was cancelled AGAIN this morning and nobody at the station could tell us anything.";
        let r = suggest(&req(train, Some("Dana Whitfield")), &s);
        assert_eq!(r.intent, Intent::Complaint);
        assert!(r.suggestions[0].text.contains("sorry your train was cancelled again"), "{r:?}");
        // Nothing plain to say back: the apology stays general rather than guess.
        let vague = suggest(&req("Worst customer service ever. Waste of time.", Some("Dana Whitfield")), &s);
        assert_eq!(vague.intent, Intent::Complaint);
        let first = vague.suggestions[0].text.to_lowercase();
        assert!(first.contains("sorry") && !first.contains("sorry you"), "{vague:?}");
    }

    #[test]
    fn urgent_complaints_open_with_what_to_do_now() {
        let s = Settings::default();
        let first = |text: &str| suggest(&req(text, Some("Dee Lane")), &s).suggestions.remove(0);
        let fire = first("My charger caught fire last night and burned the carpet");
        assert!(fire.label == "Safety first" && fire.text.contains("stop using it and keep it unplugged"), "{fire:?}");
        let food = first("My son had an allergic reaction to your cereal, there were nuts in it");
        assert!(food.text.contains("don't eat any more") && food.text.contains("medical advice"), "{food:?}");
        let hacked = first("Someone hacked my account and changed the password");
        assert!(hacked.text.contains("change your password") && hacked.text.contains("never ask you for it"), "{hacked:?}");
        let fed_up = first("My charger caught fire and I'm sick of waiting for a reply");
        assert_eq!(fed_up.label, "Safety first");
        assert!(!fed_up.text.contains("eat"), "{fed_up:?}");
        let legal = first("I will be contacting my solicitor about this");
        assert!(legal.text.contains("senior member of the team"), "{legal:?}");
        let gas = first("There's a gas leak from the boiler you fitted yesterday, this is an emergency");
        assert!(gas.label == "Safety first" && gas.text.contains("get everyone out"), "{gas:?}");
        assert!(gas.text.contains("gas emergency line") && !gas.text.contains("stop using it"), "{gas:?}");
        let smell = first("I think there's a gas smell coming from the boiler you installed yesterday");
        assert!(smell.text.contains("get everyone out"), "{smell:?}");
        let stolen = first("My parcel was stolen from the doorstep after your driver left it outside, this is urgent");
        assert!(!stolen.text.contains("password"), "a stolen parcel is no account matter: {stolen:?}");
        let sick = first("My daughter was vomiting all night after eating your chicken nuggets, we're at the hospital");
        assert!(sick.text.contains("don't eat any more"), "{sick:?}");
        let asking = first("Is your chocolate safe for someone with a nut allergy?");
        assert!(!asking.text.contains("don't eat any more"), "a question about allergens is answered, not treated as a reaction: {asking:?}");
        for reply in [fire, food, hacked, legal, gas] {
            let issues = tone_issues(&reply.text, &s);
            assert!(issues.is_empty(), "{} → {issues:?}", reply.text);
        }
    }

    #[test]
    fn signature_is_appended() {
        let s = Settings { initials: "JS".into(), ..Settings::default() };
        let r = suggest(&req("hi!", None), &s);
        assert!(r.suggestions.iter().all(|x| x.text.ends_with(" ^JS")), "{r:?}");
    }

    #[test]
    fn templates_fill_placeholders_and_skip_missing_links() {
        let mut s = Settings { brand_name: "ShopCo".into(), initials: "AB".into(), ..Settings::default() };
        s.templates.greeting = vec!["Hey {name}, welcome to {brand}!".into(), "See {link}".into()];
        let r = suggest(&req("hello!", None), &s);
        assert_eq!(r.suggestions[0].text, "Hey, welcome to ShopCo! ^AB");
        assert!(r.suggestions.iter().all(|x| !x.text.starts_with("See")));
        let r = suggest(&req("hello!", Some("Tom Lee")), &s);
        assert_eq!(r.suggestions[0].text, "Hey Tom, welcome to ShopCo! ^AB");
    }

    #[test]
    fn replies_fit_the_x_limit_even_with_long_parts() {
        let long_url = format!("https://help.example/{}", "a".repeat(400));
        let mut s = Settings { brand_name: "B".repeat(60), initials: "ABCD".into(), ..Settings::default() };
        s.help_links = vec![HelpLink { title: "Refunds".into(), url: long_url, keywords: vec!["refund".into()] }];
        for text in ["I want a refund, this is the worst service ever", "how do refunds work?", "love it, thanks!", "hi"] {
            for sug in suggest(&req(text, Some("Alexandria")), &s).suggestions {
                assert!(Platform::X.weighted_len(&sug.text) <= 280, "{}", sug.text);
            }
        }
    }

    #[test]
    fn openers_vary_across_messages_but_not_for_the_same_one() {
        let s = Settings::default();
        let messages = ["hi!", "hello there", "hey, hi!", "good morning!", "hello :)", "hiya", "hi all", "hello hello"];
        let firsts: std::collections::HashSet<String> = messages
            .iter()
            .filter_map(|m| suggest(&req(m, Some("Sam")), &s).suggestions.first().map(|x| x.text.split(',').next().unwrap_or("").to_string()))
            .collect();
        assert!(firsts.len() >= 2, "{firsts:?}");
        assert_eq!(suggest(&req("hi!", None), &s), suggest(&req("hi!", None), &s));
    }

    #[test]
    fn in_a_private_conversation_details_are_asked_for_there_not_moved_to_a_dm() {
        let s = Settings::default();
        let public = suggest(&req("my parcel never arrived and nobody answers", None), &s);
        assert!(public.suggestions.iter().any(|x| x.text.contains("DM") || x.text.contains("direct message")), "{public:?}");
        let private = suggest(&SuggestRequest { private: true, ..req("my parcel never arrived and nobody answers", None) }, &s);
        assert!(!private.suggestions.is_empty());
        for x in &private.suggestions {
            assert!(!x.text.contains("DM") && !x.text.contains("direct message") && !x.label.contains("DM"), "{x:?}");
        }
        assert!(private.suggestions.iter().any(|x| x.text.contains("your order number here")), "{private:?}");
    }

    #[test]
    fn a_new_customer_is_welcomed_aboard() {
        let s = Settings::default();
        let r = suggest(&req("Just signed up, excited to try it!", Some("Alex Kim")), &s);
        assert_eq!(r.intent, Intent::Greeting);
        assert!(r.suggestions[0].text.contains("welcome aboard") && r.suggestions[0].text.contains("Alex"), "{r:?}");
        let thanked = r.suggestions.iter().any(|x| x.text.contains("What made it for you"));
        assert!(!thanked, "no thanks for an experience not yet had");
        for x in &r.suggestions {
            let issues = tone_issues(&x.text, &s);
            assert!(issues.is_empty(), "{} → {issues:?}", x.text);
        }
        let hello = suggest(&req("hey", Some("Alex Kim")), &s);
        let aboard = hello.suggestions.iter().any(|x| x.text.contains("welcome aboard"));
        assert!(!aboard, "a plain hello is no sign-up: {hello:?}");
    }

    #[test]
    fn dm_detail_fits_the_problem() {
        assert_eq!(dm_detail(&WholeWords::of("my parcel never arrived")), "your order number");
        assert_eq!(dm_detail(&WholeWords::of("my flight was cancelled")), "your booking reference");
        assert_eq!(dm_detail(&WholeWords::of("I can't log in")), "the email address on your account");
        assert_eq!(dm_detail(&WholeWords::of("hacked! someone is placing orders")), "the email address on your account");
        assert_eq!(dm_detail(&WholeWords::of("The hook snapped and my bike fell over the border")), "a few details");
        assert_eq!(dm_detail(&WholeWords::of("the app keeps logging me out")), "the email address on your account");
        assert_eq!(dm_detail(&WholeWords::of("my refund for the train still hasn't come")), "your booking reference");
        assert_eq!(dm_detail(&WholeWords::of("I returned the item and still no refund")), "your order number");
        let refund = dm_detail(&WholeWords::of("my refund for the cancelled 17:42 still hasn't come through"));
        assert_eq!(refund, "your order or booking reference", "a refund of what, it doesn't say");
    }

    #[test]
    fn follower_welcome_starts_a_conversation_or_thanks() {
        let s = Settings { brand_name: "ShopCo".into(), ..Settings::default() };
        let w = follower_welcome(Some("Sarah K"), "Nurse", &s, true, false);
        assert!(w.contains("Sarah") && w.contains('?'), "{w}");
        let t = follower_welcome(Some("Sarah K"), "", &s, false, false);
        assert!(t.contains("thank you for following the ShopCo Page"), "{t}");
        assert!(follower_welcome(None, "", &Settings::default(), true, false).starts_with("H"));
        let liked = follower_welcome(Some("Grace Okafor"), "", &s, false, true);
        assert!(liked.contains("thank you for liking the ShopCo Page"), "{liked}");
    }
}
