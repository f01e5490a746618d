//! The popup and options pages, built by the real Rust UI in headless Chromium over a fake
//! `chrome.storage` that keeps values in memory exactly as the extension stores them.
#![cfg(target_arch = "wasm32")]

use boomerang::ui::options::mount_options;
use boomerang::ui::popup::mount_popup;
use js_sys::{Function, Promise};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::*;
use web_sys::{Element, Event, HtmlElement, HtmlInputElement};

wasm_bindgen_test_configure!(run_in_browser);

/// `chrome.storage.{sync,local}`, `chrome.tabs.query` and `chrome.runtime.openOptionsPage`,
/// backed by `globalThis.fakeChrome`; values are copied in and out like the real storage.
const SHIM: &str = r#"
const fake = { sync: {}, local: {}, tabUrl: undefined, optionsOpened: 0, writes: 0, listeners: [] };
const copy = (v) => JSON.parse(JSON.stringify(v));
const area = (store) => ({
  get: (key) => Promise.resolve(key in fake[store] ? { [key]: copy(fake[store][key]) } : {}),
  set: (items) => {
    fake.writes++;
    const changes = {};
    for (const [k, v] of Object.entries(items)) changes[k] = { oldValue: fake[store][k], newValue: copy(v) };
    Object.assign(fake[store], copy(items));
    // Like Chrome: listeners hear of the change in a later task.
    setTimeout(() => fake.listeners.forEach((l) => l(copy(changes), store)), 0);
    return Promise.resolve();
  },
});
globalThis.fakeChrome = fake;
globalThis.chrome = {
  storage: { sync: area('sync'), local: area('local'), onChanged: { addListener: (l) => fake.listeners.push(l) } },
  tabs: { query: () => Promise.resolve([{ url: fake.tabUrl }]) },
  runtime: { openOptionsPage: () => { fake.optionsOpened++; return Promise.resolve(); } },
};
// Keep what the options page exports, instead of only starting a download.
if (!URL.realCreateObjectURL) URL.realCreateObjectURL = URL.createObjectURL;
URL.createObjectURL = (blob) => { fake.exported = blob; return URL.realCreateObjectURL(blob); };
"#;

fn js(body: &str) -> JsValue {
    Function::new_no_args(body).call0(&JsValue::NULL).expect("test script runs")
}

/// A fresh fake with `setup` run against it (`fake` is in scope), and a fresh container.
fn fresh(setup: &str) -> Element {
    js(SHIM);
    js(&format!("const fake = globalThis.fakeChrome; {setup}"));
    let doc = web_sys::window().unwrap().document().unwrap();
    let container = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&container).unwrap();
    container
}

/// A stored value as JSON text (`"undefined"` when missing).
fn stored(expr: &str) -> String {
    let body = format!("const fake = globalThis.fakeChrome; try {{ return String(JSON.stringify({expr})); }} catch {{ return 'undefined'; }}");
    js(&body).as_string().unwrap()
}

async fn next_turns(n: usize) {
    for _ in 0..n {
        let next_turn = js("return new Promise((resolve) => setTimeout(resolve, 0));");
        JsFuture::from(next_turn.unchecked_into::<Promise>()).await.unwrap();
    }
}

/// Gives the page's pending work (storage promises, file reads) turns of the event loop until
/// `done` holds; bounded, so work that never finishes fails the test.
async fn settle_until(what: &str, done: impl Fn() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        next_turns(1).await;
    }
    panic!("never happened: {what}");
}

fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no element matches {selector}"))
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn type_into(root: &Element, selector: &str, value: &str) {
    let input: HtmlInputElement = find(root, selector).unchecked_into();
    input.set_value(value);
    input.dispatch_event(&Event::new("input").unwrap()).unwrap();
}

fn click(root: &Element, selector: &str) {
    find(root, selector).unchecked_into::<HtmlElement>().click();
}

fn today() -> String {
    boomerang::ui::popup::today()
}

#[wasm_bindgen_test]
async fn popup_saves_new_initials() {
    let page = fresh(r#"fake.sync.settings = { version: 1, initials: "AB", brand_name: "Acme" };"#);
    mount_popup(&page).await;
    let input: HtmlInputElement = find(&page, "#field-initials").unchecked_into();
    assert_eq!(input.value(), "AB");
    type_into(&page, "#field-initials", "KB");
    settle_until("initials saved", || stored("fake.sync.settings.initials") == "\"KB\"").await;
    // The rest of the stored settings is kept.
    assert_eq!(stored("fake.sync.settings.brand_name"), "\"Acme\"");
    settle_until("saved status", || text(&page, "[role=status]") == "Saved.").await;
}

#[wasm_bindgen_test]
async fn popup_refuses_invalid_initials_and_says_why() {
    let page = fresh(r#"fake.sync.settings = { version: 1, initials: "AB" };"#);
    mount_popup(&page).await;
    type_into(&page, "#field-initials", "K.B!");
    assert_eq!(text(&page, "#field-initials-error"), "letters and digits only, e.g. \"JS\"");
    assert_eq!(find(&page, "#field-initials").get_attribute("aria-invalid").as_deref(), Some("true"));
    // A later valid value saves; the invalid one never reached storage.
    type_into(&page, "#field-initials", "KB");
    settle_until("valid initials saved", || stored("fake.sync.settings.initials") == "\"KB\"").await;
    assert_eq!(stored("fake.writes"), "1");
    assert_eq!(text(&page, "#field-initials-error"), "");
}

#[wasm_bindgen_test]
async fn popup_switches_the_current_site_off() {
    let page = fresh(r#"fake.tabUrl = "https://x.com/acme/status/1";"#);
    mount_popup(&page).await;
    let switch: HtmlInputElement = find(&page, "#field-platforms-x").unchecked_into();
    assert!(switch.checked(), "on by default");
    assert_eq!(text(&page, "label[for=field-platforms-x]"), "Boomerang on X");
    switch.click();
    settle_until("site switched off", || stored("fake.sync.settings.platforms") == r#"{"x":false,"facebook":true}"#).await;
}

#[wasm_bindgen_test]
async fn popup_on_another_site_has_no_switch() {
    let page = fresh(r#"fake.tabUrl = "https://example.com/";"#);
    mount_popup(&page).await;
    assert!(page.query_selector("#field-platforms-x").unwrap().is_none());
    assert!(page.text_content().unwrap().contains("Boomerang works on X and Facebook"));
}

#[wasm_bindgen_test]
async fn popup_shows_todays_figures_from_storage() {
    let stats = format!(
        r#"fake.local.stats = {{ days: {{ "{}": {{
            x: {{ replies: 4, replies_with_boomerang: 3, helping_replies: 4, harmful_replies: 0,
                 warnings_shown: 4, warnings_revised: 3, followers_seen: 10, follow_backs: 9,
                 reply_minutes: [2, 6, 40] }},
            facebook: {{ replies: 1, replies_with_boomerang: 1, helping_replies: 0, harmful_replies: 1,
                 reply_minutes: [90] }} }},
          "2026-01-01": {{ x: {{ replies: 50 }} }} }} }};"#,
        today()
    );
    let page = fresh(&stats);
    mount_popup(&page).await;
    let cells = |key: &str| -> Vec<String> {
        let list = page.query_selector_all(&format!("tr[data-figure={key}] td")).unwrap();
        (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap()).collect()
    };
    assert_eq!(cells("replies"), ["3 of 4", "1 of 1", "4 of 5"]);
    assert_eq!(cells("revised"), ["3 (75%)", "0", "3 (75%)"]);
    assert_eq!(cells("follow_back_ratio"), ["90%", "—", "90%"]);
    assert_eq!(cells("median_reply"), ["6 min", "1 h 30 min", "23 min"]);
    assert_eq!(text(&page, "[data-figure=today_score]"), "4 helping : 1 harmful");
    assert_eq!(text(&page, "[data-figure=seed_score]"), "7 blaming : 2 helping");
    assert!(text(&page, "[data-figure=verdict]").starts_with("Ahead: 80%"));
}

#[wasm_bindgen_test]
async fn popup_opens_the_options_page() {
    let page = fresh("");
    mount_popup(&page).await;
    click(&page, "header button");
    settle_until("options opened", || stored("fake.optionsOpened") == "1").await;
}

fn value(root: &Element, selector: &str) -> String {
    let el = find(root, selector);
    js_sys::Reflect::get(&el, &"value".into()).unwrap().as_string().unwrap()
}

fn set_value(root: &Element, selector: &str, value: &str) {
    let el = find(root, selector);
    js_sys::Reflect::set(&el, &"value".into(), &value.into()).unwrap();
}

/// Chooses a file in an `<input type=file>` as a person would, then lets the page react.
fn choose_file(root: &Element, selector: &str, name: &str, contents: &str) {
    let input = find(root, selector);
    let choose = Function::new_with_args(
        "input, name, contents",
        "const files = new DataTransfer();
         files.items.add(new File([contents], name, { type: 'application/json' }));
         input.files = files.files;
         input.dispatchEvent(new Event('change', { bubbles: true }));",
    );
    choose.call3(&JsValue::NULL, &input, &name.into(), &contents.into()).unwrap();
}

fn status(root: &Element) -> String {
    text(root, "[role=status]")
}

const STORED: &str = r#"fake.sync.settings = { version: 1, initials: "JS", brand_name: "Acme Rail",
    help_links: [{ title: "Refunds", url: "https://acme.example/refunds", keywords: ["refund", "money back"] }],
    templates: { complaint: ["Sorry {name}, we are on it. ^{initials}"] } };"#;

#[wasm_bindgen_test]
async fn options_show_every_stored_setting() {
    let page = fresh(STORED);
    mount_options(&page).await;
    assert_eq!(value(&page, "#field-initials"), "JS");
    assert_eq!(value(&page, "#field-brand_name"), "Acme Rail");
    assert_eq!(value(&page, "#field-help_links-0--url"), "https://acme.example/refunds");
    assert_eq!(value(&page, "#field-help_links-0--keywords"), "refund, money back");
    assert_eq!(value(&page, "#field-templates-complaint"), "Sorry {name}, we are on it. ^{initials}");
    assert_eq!(value(&page, "#field-sensitivity"), "medium");
    assert_eq!(value(&page, "#field-business_hours-start"), "09:00");
    // Labels are bound to their inputs.
    assert_eq!(text(&page, "label[for=field-initials]"), "Your initials");
    assert!(find(&page, "#field-initials").get_attribute("aria-describedby").unwrap().contains("field-initials-help"));
}

#[wasm_bindgen_test]
async fn options_save_refuses_bad_fields_and_names_them() {
    let page = fresh(STORED);
    mount_options(&page).await;
    set_value(&page, "#field-help_links-0--url", "refunds page");
    set_value(&page, "#field-templates-praise", "Thanks {name}!\nThanks {nmae}!");
    set_value(&page, "#field-response_targets-complaint_minutes", "");
    click(&page, "#settings-form button[type=submit]");
    assert_eq!(text(&page, "#field-help_links-0--url-error"), "not a URL (expected https://…)");
    assert!(text(&page, "#field-templates-praise-error").starts_with("Line 2: unknown placeholder {nmae}"));
    assert_eq!(text(&page, "#field-response_targets-complaint_minutes-error"), "must be a whole number, e.g. 60");
    assert!(status(&page).contains("help_links[0].url: not a URL"), "{}", status(&page));
    // Focus goes to the first field to fix; nothing was written.
    let active = web_sys::window().unwrap().document().unwrap().active_element().unwrap();
    assert_eq!(active.id(), "field-help_links-0--url");
    assert_eq!(stored("fake.writes"), "0");
}

#[wasm_bindgen_test]
async fn options_save_every_change_together() {
    let page = fresh(STORED);
    mount_options(&page).await;
    set_value(&page, "#field-brand_name", "Acme Trains");
    click(&page, "#field-checks-shouting");
    click(&page, "#field-business_hours-days-5");
    click(&page, "button[data-remove='0']");
    click(&page, "section button:not([data-remove])[type=button]");
    set_value(&page, "#field-help_links-0--title", "Delays");
    set_value(&page, "#field-help_links-0--url", "https://acme.example/delays");
    set_value(&page, "#field-help_links-0--keywords", "late,  delayed ,");
    // Saved from the keyboard, as from the Save button.
    let keys = Function::new_with_args(
        "input",
        "input.dispatchEvent(new KeyboardEvent('keydown', { key: 's', ctrlKey: true, bubbles: true, cancelable: true }));",
    );
    keys.call1(&JsValue::NULL, &find(&page, "#field-brand_name")).unwrap();
    settle_until("saved", || status(&page) == "Saved.").await;
    assert_eq!(stored("fake.sync.settings.brand_name"), "\"Acme Trains\"");
    assert_eq!(stored("fake.sync.settings.checks.shouting"), "false");
    assert_eq!(stored("fake.sync.settings.business_hours.days"), "[true,true,true,true,true,true,false]");
    assert_eq!(
        stored("fake.sync.settings.help_links"),
        r#"[{"title":"Delays","url":"https://acme.example/delays","keywords":["late","delayed"]}]"#
    );
    // Untouched settings are kept.
    assert_eq!(stored("fake.sync.settings.initials"), "\"JS\"");
}

#[wasm_bindgen_test]
async fn options_import_of_a_broken_file_changes_nothing() {
    let page = fresh(STORED);
    mount_options(&page).await;
    let before = stored("fake.sync.settings");
    let broken = r#"{"version":1,"initials":"ZZ","help_links":[
        {"title":"a","url":"https://a.example"},{"title":"b","url":"https://b.example"},
        {"title":"c","url":"not a url"}]}"#;
    choose_file(&page, "#import-settings", "broken.json", broken);
    settle_until("import refused", || status(&page).contains("Nothing was changed")).await;
    assert!(status(&page).contains("help_links[2].url: not a URL"), "{}", status(&page));
    assert_eq!(stored("fake.sync.settings"), before);
    assert_eq!(stored("fake.writes"), "0");
    // The form still shows the old settings.
    assert_eq!(value(&page, "#field-initials"), "JS");
    assert_eq!(page.query_selector_all(".link-row").unwrap().length(), 1);

    choose_file(&page, "#import-settings", "not-json.json", "{ initials: JS");
    settle_until("not JSON refused", || status(&page).contains("not-json.json has problems")).await;
    assert!(status(&page).contains("not valid JSON"));
    assert_eq!(stored("fake.sync.settings"), before);
}

#[wasm_bindgen_test]
async fn options_import_of_a_good_file_saves_and_shows_it() {
    let page = fresh(STORED);
    mount_options(&page).await;
    choose_file(&page, "#import-settings", "team.json", r#"{"version":1,"initials":"KB","sensitivity":"high"}"#);
    settle_until("imported", || status(&page) == "Imported and saved team.json.").await;
    assert_eq!(stored("fake.sync.settings.initials"), "\"KB\"");
    assert_eq!(value(&page, "#field-initials"), "KB");
    assert_eq!(value(&page, "#field-sensitivity"), "high");
    assert_eq!(page.query_selector_all(".link-row").unwrap().length(), 0);
}

#[wasm_bindgen_test]
async fn options_export_the_saved_settings_as_json() {
    let page = fresh(STORED);
    mount_options(&page).await;
    click(&page, "#export-settings");
    let exported = js("return globalThis.fakeChrome.exported.text();");
    let text = JsFuture::from(exported.unchecked_into::<Promise>()).await.unwrap().as_string().unwrap();
    let settings = boomerang::engine::Settings::from_json(&text).expect("an export imports again");
    assert_eq!(settings.initials, "JS");
    assert_eq!(settings.help_links[0].keywords, ["refund", "money back"]);
}

#[wasm_bindgen_test]
async fn options_reset_asks_first() {
    let page = fresh(STORED);
    mount_options(&page).await;
    click(&page, "#reset-settings");
    click(&page, "#cancel-reset");
    assert_eq!(stored("fake.writes"), "0");
    assert!(find(&page, ".confirm").has_attribute("hidden"));
    click(&page, "#reset-settings");
    click(&page, "#confirm-reset");
    settle_until("reset", || status(&page).contains("back to its default")).await;
    assert_eq!(stored("fake.sync.settings.initials"), "\"\"");
    assert_eq!(value(&page, "#field-initials"), "");
}

#[wasm_bindgen_test]
async fn options_follow_settings_saved_in_another_window() {
    let page = fresh(STORED);
    mount_options(&page).await;
    js(r#"chrome.storage.sync.set({ settings: { version: 1, initials: "QQ", brand_name: "Acme Rail" } });"#);
    settle_until("form follows", || value(&page, "#field-initials") == "QQ").await;
    assert_eq!(page.query_selector_all(".link-row").unwrap().length(), 0);
    assert!(status(&page).contains("another window"));
    // The page's own save is not mistaken for someone else's.
    set_value(&page, "#field-brand_name", "Acme Trains");
    click(&page, "#settings-form button[type=submit]");
    settle_until("saved", || status(&page) == "Saved.").await;
    next_turns(3).await;
    assert_eq!(status(&page), "Saved.");
    assert_eq!(value(&page, "#field-brand_name"), "Acme Trains");
}

#[wasm_bindgen_test]
async fn options_keep_edits_in_progress_when_settings_change_elsewhere() {
    let page = fresh(STORED);
    mount_options(&page).await;
    set_value(&page, "#field-brand_name", "Half typed");
    js(r#"chrome.storage.sync.set({ settings: { version: 1, initials: "QQ" } });"#);
    settle_until("warned", || status(&page).contains("Saving this page replaces them")).await;
    assert_eq!(value(&page, "#field-brand_name"), "Half typed");
    assert_eq!(value(&page, "#field-initials"), "JS");
}

/// The service worker folds each event into the stored figures with this wasm's `recordEvent`;
/// the popup then reads what it wrote, and a malformed stored document is refused, not replaced.
#[wasm_bindgen_test]
fn the_worker_folds_events_into_the_figures_the_popup_reads() {
    use boomerang::engine::json::FromJson;
    use boomerang::engine::stats::Stats;
    use boomerang::ui::recording::record_event;
    let sent = r#"{"kind":"reply_sent","platform":"facebook","day":"2026-11-24","minutes":12,"clean":true,"with_suggestion":true}"#;
    let once = record_event(None, sent).ok().expect("a first event starts the figures");
    let twice = record_event(Some(once), sent).ok().expect("a second event adds to them");
    let day = Stats::from_json_text(&twice).expect("the popup reads the figures").summary("2026-11-24");
    assert_eq!((day.total.replies, day.total.helping_replies, day.total.replies_with_boomerang), (2, 2, 2));
    assert_eq!(day.median_reply_minutes, Some(12));
    assert!(record_event(Some("{not json".into()), sent).is_err());
}
