//! The settings form as data: each setting's control, label and help text, how a control's value
//! maps onto the settings document (by its JSON path), and where each validation error is shown.
//!
//! The popup and the options page both edit settings through [`collect`], so a value is parsed
//! and validated the same way wherever it is typed, and errors name the same fields.

use crate::engine::json::{self, Json, ToJson};

use crate::engine::settings::{FieldError, Settings};

/// The control a setting is edited with, and how its text maps to JSON.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Toggle,
    /// One of fixed values: `(value, label)`.
    Choice(&'static [(&'static str, &'static str)]),
    /// A whole number.
    Whole,
    /// A number between 0 and 1.
    Fraction,
    /// `HH:MM`.
    Time,
    /// A list of strings, one per line.
    Lines,
    /// A list of words, separated by commas.
    Words,
    /// Seven switches, Monday first.
    Days,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field {
    /// JSON path in the settings document, as validation errors name it.
    pub path: &'static str,
    pub label: &'static str,
    pub help: &'static str,
    pub kind: Kind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Body {
    Fields(&'static [Field]),
    /// The help links list: rows of [`LINK_COLUMNS`], added and removed by the agent.
    HelpLinks,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    pub title: &'static str,
    pub help: &'static str,
    pub body: Body,
}

/// What a control holds, as read from the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Text(String),
    Flag(bool),
    Flags(Vec<bool>),
}

pub const DAY_NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

pub const SENSITIVITY: Kind = Kind::Choice(&[
    ("low", "Low: only the surest warnings"),
    ("medium", "Medium"),
    ("high", "High: everything found"),
]);

const fn field(path: &'static str, label: &'static str, help: &'static str, kind: Kind) -> Field {
    Field { path, label, help, kind }
}

pub const HELP_LINKS_PATH: &str = "help_links";

/// Columns of one help link row; paths are relative to `help_links[i]`.
pub const LINK_COLUMNS: [Field; 3] = [
    field("title", "Title", "What the page helps with, e.g. \"Refunds\".", Kind::Text),
    field("url", "Address", "The page itself, https://…", Kind::Text),
    field("keywords", "Keywords", "Words customers use for this, separated by commas.", Kind::Words),
];

/// Every setting of the engine, in the order the options page shows them.
pub const SECTIONS: &[Section] = &[
    Section {
        title: "You and your brand",
        help: "How your replies are signed and who they speak for.",
        body: Body::Fields(&[
            field("brand_name", "Brand name", "The name customers know you by; templates use it for {brand}.", Kind::Text),
            field("initials", "Your initials", "Up to 4 letters or digits. Replies are signed with them, e.g. ^JS.", Kind::Text),
            field("signature.format", "Signature format", "How the signature is written; {initials} stands for your initials.", Kind::Text),
            field("signature.required", "Warn when a reply is not signed", "Needs your initials.", Kind::Toggle),
            field(
                "review_before_sending",
                "Ask \"Review before sending?\"",
                "One calm question when you post with a warning still open. It never blocks posting.",
                Kind::Toggle,
            ),
        ]),
    },
    Section {
        title: "Tone warnings",
        help: "Which warnings appear on your drafts while you type.",
        body: Body::Fields(&[
            field("sensitivity", "Sensitivity", "Low shows only the surest warnings; high shows all of them, less sure blame too.", SENSITIVITY),
            field("checks.blame", "Blame", "Fault put on the customer or on someone else.", Kind::Toggle),
            field("checks.deflection", "Deflection", "Denying responsibility, or sending people elsewhere without help.", Kind::Toggle),
            field("checks.hostile", "Arguing or sarcasm", "A public skirmish nobody wins.", Kind::Toggle),
            field("checks.private_info", "Personal data in public", "Asking for account or personal details in a public reply.", Kind::Toggle),
            field("checks.shouting", "Shouting", "Capitals and stacked exclamation marks.", Kind::Toggle),
            field("checks.no_signature", "Missing signature", "A reply without your initials, when signing is required.", Kind::Toggle),
            field("checks.no_empathy", "No empathy for a complaint", "Answering a complaint without acknowledging it.", Kind::Toggle),
            field("checks.over_limit", "Over the length limit", "Longer than the platform allows.", Kind::Toggle),
            field(
                "muted",
                "Warnings turned off",
                "The words of each warning you turned off with \"Don't warn about this\", one per line. Delete a line to be warned about those words again.",
                Kind::Lines,
            ),
        ]),
    },
    Section {
        title: "Help links",
        help: "The specific help pages suggestions point customers to, instead of a generic \"contact us\".",
        body: Body::HelpLinks,
    },
    Section {
        title: "Reply templates",
        help: "Your own replies, one per line. Placeholders: {name}, {brand}, {initials}, {link}.",
        body: Body::Fields(&[
            field("templates.complaint", "Complaints", "", Kind::Lines),
            field("templates.question", "Questions", "", Kind::Lines),
            field("templates.praise", "Praise", "", Kind::Lines),
            field("templates.greeting", "Greetings", "", Kind::Lines),
            field("templates.other", "Everything else", "", Kind::Lines),
            field("templates.follower", "Welcomes for new followers", "Sent by you, never automatically.", Kind::Lines),
        ]),
    },
    Section {
        title: "Follow-back",
        help: "How new followers are judged. Boomerang only prepares; you click.",
        body: Body::Fields(&[
            field(
                "follow_back.follow_customers",
                "Always suggest following back customers",
                "People who have written to you, unless they look like spam.",
                Kind::Toggle,
            ),
            field("follow_back.follow_threshold", "Follow back from score", "0 to 1. At or above it, the prompt suggests following back.", Kind::Fraction),
            field("follow_back.skip_threshold", "Skip below score", "0 to 1. Below it, the prompt suggests skipping; in between, you decide.", Kind::Fraction),
        ]),
    },
    Section {
        title: "Response targets",
        help: "When the response clock turns \"due soon\" and \"overdue\". Complaints as fast as possible, everything else within a business day.",
        body: Body::Fields(&[
            field("response_targets.complaint_minutes", "Complaints within (minutes)", "Most customers expect an answer within the hour.", Kind::Whole),
            field("response_targets.question_minutes", "Questions within (minutes)", "", Kind::Whole),
            field("response_targets.other_business_days", "Everything else within (business days)", "", Kind::Whole),
            field("response_targets.due_soon_fraction", "\"Due soon\" after this share of the target", "Between 0 and 1, e.g. 0.75.", Kind::Fraction),
        ]),
    },
    Section {
        title: "Business hours",
        help: "Business-day targets count only these hours, in your local time.",
        body: Body::Fields(&[
            field("business_hours.start", "Start", "", Kind::Time),
            field("business_hours.end", "End", "", Kind::Time),
            field("business_hours.days", "Working days", "", Kind::Days),
        ]),
    },
    Section {
        title: "Platforms",
        help: "Where Boomerang helps. Switched off, it leaves the site alone.",
        body: Body::Fields(&[
            field("platforms.x", "X (Twitter)", "", Kind::Toggle),
            field("platforms.facebook", "Facebook", "", Kind::Toggle),
        ]),
    },
];

/// The field at `path`, from [`SECTIONS`].
pub fn field_at(path: &str) -> Option<&'static Field> {
    SECTIONS.iter().find_map(|s| match s.body {
        Body::Fields(fields) => fields.iter().find(|f| f.path == path),
        Body::HelpLinks => None,
    })
}

/// The path of one cell of the help links list, as validation names it.
pub fn link_path(row: usize, column: &Field) -> String {
    format!("{HELP_LINKS_PATH}[{row}].{}", column.path)
}

/// An element id for the control of `path` (`help_links[2].url` → `field-help_links-2--url`).
pub fn control_id(path: &str) -> String {
    let safe: String = path.chars().map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '-' }).collect();
    format!("field-{safe}")
}

/// The settings as a JSON document, which the controls read and write by path.
pub fn document(settings: &Settings) -> Json {
    settings.to_json()
}

fn lookup<'a>(doc: &'a Json, path: &str) -> Option<&'a Json> {
    path.split('.').try_fold(doc, |v, key| v.get(key))
}

fn assign(doc: &mut Json, path: &str, value: Json) {
    let mut keys = path.split('.').peekable();
    let mut at = doc;
    while let Some(key) = keys.next() {
        if keys.peek().is_none() {
            at.set(key, value);
            return;
        }
        if at.get(key).is_none() {
            at.set(key, Json::Object(Vec::new()));
        }
        at = at.get_mut(key).expect("set above");
    }
}

fn strings(value: Option<&Json>) -> impl Iterator<Item = &str> {
    value.and_then(Json::as_array).into_iter().flatten().filter_map(Json::as_str)
}

/// What the control of `field` shows for the settings document `doc`.
pub fn shown(doc: &Json, field: &Field) -> Input {
    let value = lookup(doc, field.path);
    match field.kind {
        Kind::Toggle => Input::Flag(value.and_then(Json::as_bool).unwrap_or(false)),
        Kind::Days => Input::Flags(
            (0..7).map(|i| value.and_then(Json::as_array).and_then(|v| v.get(i)).and_then(Json::as_bool).unwrap_or(false)).collect(),
        ),
        Kind::Lines => Input::Text(strings(value).collect::<Vec<_>>().join("\n")),
        Kind::Words => Input::Text(strings(value).collect::<Vec<_>>().join(", ")),
        Kind::Fraction | Kind::Whole => Input::Text(value.filter(|v| v.as_f64().is_some()).map(Json::to_text).unwrap_or_default()),
        Kind::Text | Kind::Time | Kind::Choice(_) => {
            Input::Text(value.and_then(Json::as_str).unwrap_or_default().to_string())
        }
    }
}

fn words(text: &str) -> Json {
    Json::Array(text.split(',').map(str::trim).filter(|w| !w.is_empty()).map(|w| w.to_json()).collect())
}

/// The JSON value a control holds, or why it cannot be read.
pub fn read(field: &Field, input: &Input) -> Result<Json, String> {
    let text = match input {
        Input::Flag(on) => return Ok(on.to_json()),
        Input::Flags(days) => return Ok(days.to_json()),
        Input::Text(text) => text.trim(),
    };
    match field.kind {
        Kind::Whole => text.parse::<u32>().map(|n| n.to_json()).map_err(|_| "must be a whole number, e.g. 60".into()),
        // The engine's JSON number reader rather than core's float parser; JSON wants "0.5" for ".5".
        Kind::Fraction => {
            let text = if text.starts_with('.') { format!("0{text}") } else { text.to_string() };
            match json::parse(&text) {
                Ok(Json::Number(f)) if f.is_finite() => Ok(Json::Number(f)),
                _ => Err("must be a number between 0 and 1, e.g. 0.75".into()),
            }
        }
        // Blank lines only separate templates; the engine would refuse them as empty.
        Kind::Lines => Ok(Json::Array(text.lines().map(str::trim_end).filter(|l| !l.trim().is_empty()).map(|l| l.to_json()).collect())),
        Kind::Words => Ok(words(text)),
        Kind::Toggle | Kind::Days => Err("expected a switch".into()),
        Kind::Text | Kind::Time | Kind::Choice(_) => Ok(text.to_json()),
    }
}

/// One row of the help links editor: title, address, keywords as typed.
pub type LinkRow = [String; 3];

/// The rows the help links editor shows for `settings`.
pub fn link_rows(settings: &Settings) -> Vec<LinkRow> {
    settings.help_links.iter().map(|l| [l.title.clone(), l.url.clone(), l.keywords.join(", ")]).collect()
}

/// Settings with the controls' values applied on top of `base`, validated by the engine.
/// `links` replaces the help links when given. Every problem is returned, each naming its field;
/// on error nothing is applied anywhere.
pub fn collect(base: &Settings, values: &[(&Field, Input)], links: Option<&[LinkRow]>) -> Result<Settings, Vec<FieldError>> {
    let mut doc = document(base);
    let mut errors = Vec::new();
    for (field, input) in values {
        match read(field, input) {
            Ok(value) => assign(&mut doc, field.path, value),
            Err(message) => errors.push(FieldError { field: field.path.to_string(), message }),
        }
    }
    if let Some(rows) = links {
        let list = rows
            .iter()
            .map(|[title, url, keywords]| {
                let link = [("title", title.trim().to_json()), ("url", url.trim().to_json()), ("keywords", words(keywords))];
                Json::Object(link.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            })
            .collect();
        assign(&mut doc, HELP_LINKS_PATH, Json::Array(list));
    }
    match Settings::from_value(doc).map_err(|e| e.0).and_then(storable) {
        Ok(settings) if errors.is_empty() => Ok(settings),
        Ok(_) => Err(errors),
        Err(e) => {
            errors.extend(e);
            Err(errors)
        }
    }
}

/// The most `chrome.storage.sync` keeps in one item: its JSON text plus the key, in bytes.
pub const SYNC_ITEM_LIMIT: usize = 8192;

/// Valid settings that also fit the browser's synced storage, which would otherwise refuse
/// them with a quota error after the agent pressed Save.
pub fn storable(settings: Settings) -> Result<Settings, Vec<FieldError>> {
    // Compact, as `JSON.stringify` writes it.
    let size = settings.to_json().to_text().len() + "settings".len();
    if size <= SYNC_ITEM_LIMIT {
        return Ok(settings);
    }
    Err(vec![FieldError {
        field: String::new(),
        message: format!(
            "too large for the browser's synced storage ({size} of {SYNC_ITEM_LIMIT} bytes): shorten or remove some templates or help links"
        ),
    }])
}

/// Which of `slots` (paths that have an error line on the page) shows an error on `field`: the
/// longest slot that is the field itself or contains it. `None` means the page-wide status.
pub fn place_error(field: &str, slots: &[&str]) -> Option<usize> {
    slots
        .iter()
        .enumerate()
        .filter(|(_, slot)| {
            !slot.is_empty()
                && field.strip_prefix(**slot).is_some_and(|rest| rest.is_empty() || rest.starts_with(['.', '[']))
        })
        .max_by_key(|(_, slot)| slot.len())
        .map(|(i, _)| i)
}

/// The error line shown under the control for `slot`: the bare message for the field itself,
/// "Line 3: …" for one line of a list, and the full field name for anything else.
pub fn error_text(error: &FieldError, slot: &str, kind: Kind) -> String {
    let rest = error.field.strip_prefix(slot).unwrap_or(&error.field);
    if rest.is_empty() {
        return error.message.clone();
    }
    let index = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')).and_then(|i| i.parse::<usize>().ok());
    match (kind, index) {
        (Kind::Lines, Some(i)) => format!("Line {}: {}", i + 1, error.message),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::settings::HelpLink;

    fn all_fields() -> Vec<&'static Field> {
        SECTIONS
            .iter()
            .flat_map(|s| match s.body {
                Body::Fields(f) => f.iter().collect::<Vec<_>>(),
                Body::HelpLinks => Vec::new(),
            })
            .collect()
    }

    fn leaf_paths(value: &Json, prefix: &str, out: &mut Vec<String>) {
        match value {
            Json::Object(obj) => {
                for (k, v) in obj {
                    let path = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
                    leaf_paths(v, &path, out);
                }
            }
            _ => out.push(prefix.to_string()),
        }
    }

    fn shown_all(settings: &Settings) -> Vec<(&'static Field, Input)> {
        let doc = document(settings);
        all_fields().into_iter().map(|f| (f, shown(&doc, f))).collect()
    }

    fn busy_settings() -> Settings {
        let mut s = Settings::default();
        s.initials = "JS".into();
        s.brand_name = "Acme Rail".into();
        s.signature.required = true;
        s.follow_back.follow_threshold = 0.8;
        s.response_targets.due_soon_fraction = 0.6;
        s.business_hours.days = [true, false, true, false, true, false, true];
        s.templates.complaint = vec!["Sorry {name}, we'll fix this. {link}".into(), "On it now.".into()];
        s.help_links = vec![HelpLink {
            title: "Refunds".into(),
            url: "https://acme.example/refunds".into(),
            keywords: vec!["money back".into(), "refund".into()],
        }];
        s
    }

    #[test]
    fn every_engine_setting_has_a_control() {
        let mut paths = Vec::new();
        leaf_paths(&Settings::default().to_json(), "", &mut paths);
        let fields: Vec<&str> = all_fields().iter().map(|f| f.path).collect();
        for path in paths {
            let covered = path == "version" || path == HELP_LINKS_PATH || fields.contains(&path.as_str());
            assert!(covered, "no control for setting {path}");
        }
        assert!(SECTIONS.iter().any(|s| s.body == Body::HelpLinks));
    }

    #[test]
    fn shown_values_read_back_to_the_same_settings() {
        for settings in [Settings::default(), busy_settings()] {
            let values = shown_all(&settings);
            let rows = link_rows(&settings);
            assert_eq!(collect(&Settings::default(), &values, Some(&rows)), Ok(settings));
        }
    }

    #[test]
    fn fractions_show_as_typed() {
        let doc = document(&busy_settings());
        let f = field_at("follow_back.follow_threshold").unwrap();
        assert_eq!(shown(&doc, f), Input::Text("0.8".into()));
        assert_eq!(read(f, &Input::Text(".25".into())), Ok(Json::Number(0.25)));
        assert!(read(f, &Input::Text("a quarter".into())).is_err());
    }

    #[test]
    fn a_typo_names_its_field_and_nothing_else() {
        let mut values = shown_all(&Settings::default());
        for (f, input) in values.iter_mut() {
            match f.path {
                "response_targets.complaint_minutes" => *input = Input::Text("soon".into()),
                "initials" => *input = Input::Text("J.S".into()),
                "templates.praise" => *input = Input::Text("Thanks {name}!\n\nThanks {nme}!".into()),
                _ => {}
            }
        }
        let errors = collect(&Settings::default(), &values, Some(&[])).unwrap_err();
        let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(fields, ["response_targets.complaint_minutes", "initials", "templates.praise[1]"]);
        let template = &errors[2];
        assert_eq!(
            error_text(template, "templates.praise", Kind::Lines),
            "Line 2: unknown placeholder {nme} (use {name}, {brand}, {initials} or {link})"
        );
    }

    #[test]
    fn bad_help_link_is_placed_on_its_cell() {
        let rows = vec![
            ["Refunds".to_string(), "https://a.example/r".to_string(), String::new()],
            ["Delays".to_string(), "delays page".to_string(), "late, delay".to_string()],
        ];
        let errors = collect(&Settings::default(), &[], Some(&rows)).unwrap_err();
        assert_eq!(errors.len(), 1);
        let cell = link_path(1, &LINK_COLUMNS[1]);
        assert_eq!(cell, "help_links[1].url");
        let slots = ["help_links[0].url", cell.as_str(), "help_links"];
        assert_eq!(place_error(&errors[0].field, &slots), Some(1));
    }

    #[test]
    fn errors_go_to_the_deepest_containing_slot() {
        let slots = ["templates.praise", "templates", "business_hours.days", "initials"];
        assert_eq!(place_error("templates.praise[3]", &slots), Some(0));
        assert_eq!(place_error("templates.praisey", &slots), Some(1));
        assert_eq!(place_error("business_hours.days", &slots), Some(2));
        assert_eq!(place_error("version", &slots), None);
        assert_eq!(place_error("", &slots), None);
        assert_eq!(place_error("initialsx", &slots), None);
    }

    #[test]
    fn one_change_from_the_popup() {
        let base = Settings::default();
        let initials = field_at("initials").unwrap();
        let s = collect(&base, &[(initials, Input::Text(" KB ".into()))], None).unwrap();
        assert_eq!(s.initials, "KB");
        let errors = collect(&base, &[(initials, Input::Text("K B!".into()))], None).unwrap_err();
        assert_eq!(errors[0].field, "initials");
        assert_eq!(error_text(&errors[0], "initials", Kind::Text), "letters and digits only, e.g. \"JS\"");

        let sensitivity = field_at("sensitivity").unwrap();
        let s = collect(&base, &[(sensitivity, Input::Text("high".into()))], None).unwrap();
        assert_eq!(s.sensitivity, crate::engine::settings::Sensitivity::High);
        let switch = field_at("platforms.x").unwrap();
        assert!(!collect(&base, &[(switch, Input::Flag(false))], None).unwrap().platforms.x);
    }

    #[test]
    fn clearing_initials_while_signing_is_required_says_why() {
        let base = busy_settings();
        let initials = field_at("initials").unwrap();
        let errors = collect(&base, &[(initials, Input::Text(String::new()))], None).unwrap_err();
        assert_eq!(errors[0].to_string(), "signature.required: needs initials to sign with");
        assert_eq!(place_error(&errors[0].field, &["initials"]), None);
    }

    #[test]
    fn settings_too_large_to_sync_are_refused_before_saving() {
        let mut s = Settings::default();
        s.templates.complaint = (0..60).map(|i| format!("Sorry {{name}}, reply {i}: {}", "we are on it. ".repeat(10))).collect();
        let errors = storable(s).unwrap_err();
        assert!(errors[0].message.starts_with("too large for the browser's synced storage ("), "{}", errors[0].message);
        assert!(storable(busy_settings()).is_ok());
    }

    #[test]
    fn control_ids_are_safe() {
        assert_eq!(control_id("help_links[2].url"), "field-help_links-2--url");
        assert_eq!(control_id("business_hours.start"), "field-business_hours-start");
    }
}
