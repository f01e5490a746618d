//! The popup: this site on or off, initials, sensitivity, and today's figures. Every change is
//! validated by the engine and saved at once; an invalid value shows its error and is not saved.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::Element;

use crate::engine::stats::Stats;
use crate::engine::Settings;

use super::controls::Control;
use super::dom::{self, on, El};
use super::figures;
use super::form::{self, Field};
use super::site;
use super::storage;

/// Entry point called by `popup.html` after `init()`.
#[wasm_bindgen]
pub async fn start_popup() -> Result<(), JsValue> {
    mount_popup(&dom::mount_point()).await;
    Ok(())
}

/// Draws the popup into `root` from storage and the active tab.
pub async fn mount_popup(root: &Element) {
    let settings = storage::load_settings().await;
    let stats = storage::load_stats().await;
    let url = storage::active_tab_url().await.unwrap_or_default();

    let status = El::new("p").class("status").attr("role", "status").attr("aria-live", "polite").build();
    let problems: Vec<String> = settings.problem.into_iter().chain(stats.problem).collect();
    dom::set_text(&status, &problems.join(" "));
    let state = Rc::new(RefCell::new(settings.value));

    let page = El::new("main")
        .class("boomerang popup")
        .push(header(&status))
        .child(site_section(&url, &state, &status))
        .child(reply_section(&state, &status))
        .child(figures_section(&stats.value, &today()))
        .child(&status)
        .build();
    let _ = root.append_child(&page);
}

/// The agent's local date, as events are filed.
pub fn today() -> String {
    let now = js_sys::Date::new_0();
    figures::day_string(now.get_full_year(), now.get_month() + 1, now.get_date())
}

fn header(status: &Element) -> El {
    let options = El::new("button").attr("type", "button").class("link").text("All settings").build();
    let status = status.clone();
    on(&options, "click", move |_| {
        let status = status.clone();
        spawn_local(async move {
            if let Err(e) = storage::open_options_page().await {
                dom::set_text(&status, &format!("Could not open the settings page: {e}"));
            }
        });
    });
    El::new("header").push(El::new("h1").text("Boomerang")).child(options)
}

/// Validates one change on top of the current settings; saves it or shows why not.
fn apply(state: &Rc<RefCell<Settings>>, control: &Control, status: &Element) {
    let result = form::collect(&state.borrow(), &[(&control.field, control.read())], None);
    match result {
        Ok(settings) => {
            control.set_error("");
            *state.borrow_mut() = settings.clone();
            let status = status.clone();
            spawn_local(async move {
                let text = match storage::save_settings(&settings).await {
                    Ok(()) => "Saved.".to_string(),
                    Err(e) => format!("Not saved: {e}"),
                };
                dom::set_text(&status, &text);
            });
        }
        Err(errors) => {
            let text: Vec<String> =
                errors.iter().map(|e| form::error_text(e, &control.path, control.field.kind)).collect();
            control.set_error(&text.join(" "));
            dom::set_text(status, &format!("Not saved: {}", text.join(" ")));
        }
    }
}

/// Binds a control to the settings: shows the current value, applies every change.
fn bound(field: Field, event: &'static str, state: &Rc<RefCell<Settings>>, status: &Element) -> Element {
    let control = Control::new(field, field.path.to_string());
    let doc = form::document(&state.borrow());
    control.show(&form::shown(&doc, &field));
    let root = control.root().clone();
    let target = control.target().clone();
    let (state, status) = (state.clone(), status.clone());
    on(&target, event, move |_| apply(&state, &control, &status));
    root
}

fn site_section(url: &str, state: &Rc<RefCell<Settings>>, status: &Element) -> Element {
    let section = El::new("section").attr("aria-labelledby", "site-heading").push(El::new("h2").id("site-heading").text("This site"));
    let Some(platform) = site::platform_for_url(url) else {
        return section
            .push(El::new("p").class("help").text("Boomerang works on X and Facebook. Open one of them to switch it on or off there."))
            .build();
    };
    let label = site::platform_label(platform);
    let on_label: &'static str = match platform {
        crate::engine::Platform::X => "Boomerang on X",
        crate::engine::Platform::Facebook => "Boomerang on Facebook",
    };
    let switch = form::field_at(site::switch_path(platform)).copied().map(|f| Field { label: on_label, help: "", ..f });
    match switch {
        Some(field) => section.child(bound(field, "change", state, status)).build(),
        None => section.push(El::new("p").text(label)).build(),
    }
}

fn reply_section(state: &Rc<RefCell<Settings>>, status: &Element) -> Element {
    let mut section = El::new("section").attr("aria-labelledby", "reply-heading").push(El::new("h2").id("reply-heading").text("Your replies"));
    for (path, event) in [("initials", "input"), ("sensitivity", "change")] {
        if let Some(field) = form::field_at(path) {
            section = section.child(bound(*field, event, state, status));
        }
    }
    section.build()
}

fn figures_section(stats: &Stats, day: &str) -> Element {
    let mut head = El::new("tr").push(El::new("td"));
    for label in figures::column_labels() {
        head = head.push(El::new("th").attr("scope", "col").text(label));
    }
    let mut body = El::new("tbody");
    for row in figures::rows(stats, day) {
        let mut tr = El::new("tr").attr("data-figure", row.key).push(El::new("th").attr("scope", "row").text(row.label));
        for cell in &row.cells {
            tr = tr.push(El::new("td").text(cell));
        }
        body = body.push(tr);
    }
    let score = figures::tone_score(stats, day);
    let pair = |label: &str, value: &str, key: &str| {
        El::new("p").push(El::new("span").class("score-label").text(label)).push(El::new("strong").attr("data-figure", key).text(value))
    };
    El::new("section")
        .attr("aria-labelledby", "today-heading")
        .push(El::new("h2").id("today-heading").text("Today"))
        .push(El::new("table").class("figures").push(El::new("thead").push(head)).push(body))
        .push(
            El::new("div")
                .class("score")
                .push(pair("Today", &score.today, "today_score"))
                .push(pair("To beat", &score.seed, "seed_score"))
                .push(El::new("p").class("help").text("One brand's public replies in a documented exchange: Boomerang exists to invert that."))
                .push(El::new("p").class("verdict").attr("data-figure", "verdict").text(&score.verdict)),
        )
        .build()
}
