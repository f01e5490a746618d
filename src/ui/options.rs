//! The options page: every setting of the engine, saved together after the engine validates
//! them (each error shown beside its field), export to and import from a JSON file (a bad file
//! names the field and changes nothing), and reset to defaults after a confirmation.

use std::cell::RefCell;
use std::rc::Rc;

use gloo_file::{Blob, ObjectUrl};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::spawn_local;
use web_sys::{Element, HtmlElement, HtmlInputElement};

use crate::engine::settings::FieldError;
use crate::engine::Settings;

use super::controls::Control;
use super::dom::{self, on, El};
use super::form::{self, Body, LinkRow, HELP_LINKS_PATH, LINK_COLUMNS, SECTIONS};
use super::storage;

pub const EXPORT_FILE_NAME: &str = "boomerang-settings.json";

struct Options {
    /// What storage holds: the form starts from it, and Save applies the form on top of it.
    saved: Settings,
    controls: Vec<Control>,
    link_list: Element,
    link_rows: Vec<Vec<Control>>,
    links_error: Element,
    status: Element,
    /// Kept until the next export, so the download can finish reading it.
    export_url: Option<ObjectUrl>,
}

type State = Rc<RefCell<Options>>;

/// Entry point called by `options.html` after `init()`.
#[wasm_bindgen]
pub async fn start_options() -> Result<(), JsValue> {
    mount_options(&dom::mount_point()).await;
    Ok(())
}

/// Draws the options page into `root` from storage.
pub async fn mount_options(root: &Element) {
    let loaded = storage::load_settings().await;
    let status = El::new("div").class("status").attr("role", "status").attr("aria-live", "polite").build();
    let links_error = El::new("p").class("error").id("help-links-error").build();
    let state: State = Rc::new(RefCell::new(Options {
        saved: loaded.value.clone(),
        controls: Vec::new(),
        link_list: El::new("div").class("links").build(),
        link_rows: Vec::new(),
        links_error,
        status,
        export_url: None,
    }));

    let mut form = El::new("form").id("settings-form").attr("novalidate", "").attr("aria-labelledby", "options-heading");
    for section in SECTIONS {
        form = form.child(section_element(&state, section));
    }
    let save = El::new("button").attr("type", "submit").class("primary").text("Save settings").build();
    let form = form
        .push(El::new("div").class("actions").child(&save).child(&state.borrow().status))
        .build();
    on(&form, "submit", {
        let state = state.clone();
        move |event| {
            event.prevent_default();
            save_form(&state);
        }
    });
    // Ctrl+S / Cmd+S saves from anywhere in the form, instead of saving the page as a file.
    on(&form, "keydown", {
        let state = state.clone();
        move |event| {
            let key = event.unchecked_ref::<web_sys::KeyboardEvent>();
            if (key.ctrl_key() || key.meta_key()) && key.key().eq_ignore_ascii_case("s") {
                event.prevent_default();
                save_form(&state);
            }
        }
    });

    let page = El::new("main")
        .class("boomerang options")
        .push(
            El::new("header").push(
                El::new("div")
                    .push(El::new("h1").id("options-heading").text("Boomerang settings"))
                    .push(El::new("p").class("help").text("Kept in your browser's storage. Boomerang sends nothing anywhere. Ctrl+S saves.")),
            ),
        )
        .child(&form)
        .child(file_section(&state))
        .child(reset_section(&state))
        .build();
    let _ = root.append_child(&page);
    fill(&state, &loaded.value);
    if let Some(problem) = loaded.problem {
        show_status(&state, &problem, &[], true);
    }
    storage::on_settings_changed({
        let state = state.clone();
        move |settings| stored_elsewhere(&state, settings)
    });
}

/// Settings stored by another page (the popup, another options tab) or by this page's own save.
/// An untouched form follows them; edits in progress are kept, with a word on what Save does.
fn stored_elsewhere(state: &State, settings: Settings) {
    let (shown, saved) = {
        let st = state.borrow();
        let values: Vec<_> = st.controls.iter().map(|c| (&c.field, c.read())).collect();
        (form::collect(&st.saved, &values, Some(&read_links_of(&st))).ok(), st.saved.clone())
    };
    if shown.as_ref() == Some(&settings) {
        // This page's own save coming back, or the same values.
        state.borrow_mut().saved = settings;
    } else if shown.as_ref() == Some(&saved) {
        state.borrow_mut().saved = settings.clone();
        fill(state, &settings);
        show_status(state, "Updated with settings saved in another window.", &[], false);
    } else {
        state.borrow_mut().saved = settings;
        show_status(
            state,
            "Settings were changed in another window. Saving this page replaces them with what it shows.",
            &[],
            true,
        );
    }
}

fn section_element(state: &State, section: &form::Section) -> Element {
    // ASCII only: full Unicode lowercasing would add its tables to the wasm.
    let id = format!("section-{}", section.title.to_ascii_lowercase().replace(' ', "-"));
    let mut el = El::new("section")
        .attr("aria-labelledby", &id)
        .push(El::new("h2").id(&id).text(section.title))
        .push(El::new("p").class("help").text(section.help));
    match section.body {
        Body::Fields(fields) => {
            let mut st = state.borrow_mut();
            for field in fields {
                let control = Control::new(*field, field.path.to_string());
                el = el.child(control.root());
                st.controls.push(control);
            }
        }
        Body::HelpLinks => {
            let add = El::new("button").attr("type", "button").text("Add a help link").build();
            let st = state.borrow();
            el = el.child(&st.link_list).child(&st.links_error).child(&add);
            on(&st.link_list, "click", {
                let state = state.clone();
                move |event| remove_link_clicked(&state, event)
            });
            on(&add, "click", {
                let state = state.clone();
                move |_| {
                    let mut rows = read_links(&state);
                    rows.push(LinkRow::default());
                    render_links(&state, &rows);
                    if let Some(last) = state.borrow().link_rows.last() {
                        last[0].focus();
                    }
                }
            });
        }
    }
    el.build()
}

fn read_links(state: &State) -> Vec<LinkRow> {
    read_links_of(&state.borrow())
}

fn read_links_of(st: &Options) -> Vec<LinkRow> {
    let text = |control: &Control| match control.read() {
        form::Input::Text(t) => t,
        _ => String::new(),
    };
    st.link_rows.iter().map(|row| [text(&row[0]), text(&row[1]), text(&row[2])]).collect()
}

/// Redraws the help links list; each row is a fieldset with its own remove button.
fn render_links(state: &State, rows: &[LinkRow]) {
    let mut st = state.borrow_mut();
    st.link_list.set_text_content(None);
    st.link_rows.clear();
    for (i, row) in rows.iter().enumerate() {
        let legend = format!("Help link {}", i + 1);
        let mut set = El::new("fieldset").class("link-row").push(El::new("legend").text(&legend));
        let mut controls = Vec::new();
        for (column, value) in LINK_COLUMNS.iter().zip(row) {
            let control = Control::new(*column, form::link_path(i, column));
            control.show(&form::Input::Text(value.clone()));
            set = set.child(control.root());
            controls.push(control);
        }
        let remove = El::new("button")
            .attr("type", "button")
            .attr("data-remove", &i.to_string())
            .attr("aria-label", &format!("Remove help link {}", i + 1))
            .text("Remove");
        let _ = st.link_list.append_child(&set.push(remove).build());
        st.link_rows.push(controls);
    }
    if rows.is_empty() {
        let empty = El::new("p").class("help").text("No help links yet.").build();
        let _ = st.link_list.append_child(&empty);
    }
}

fn remove_link_clicked(state: &State, event: &web_sys::Event) {
    let Some(button) = event.target().and_then(|t| t.dyn_into::<Element>().ok()) else { return };
    let Some(index) = button.get_attribute("data-remove").and_then(|i| i.parse::<usize>().ok()) else { return };
    let mut rows = read_links(state);
    if index < rows.len() {
        rows.remove(index);
        render_links(state, &rows);
        let st = state.borrow();
        // Keep keyboard focus nearby: the row that took its place, else the list's end.
        match st.link_rows.get(index).or_else(|| st.link_rows.last()) {
            Some(row) => row[0].focus(),
            None => {
                let _ = st.link_list.unchecked_ref::<HtmlElement>().focus();
            }
        }
    }
}

/// Puts `settings` into every control and clears every error.
fn fill(state: &State, settings: &Settings) {
    let doc = form::document(settings);
    {
        let st = state.borrow();
        for control in &st.controls {
            control.show(&form::shown(&doc, &control.field));
            control.set_error("");
        }
        st.links_error.set_text_content(None);
    }
    render_links(state, &form::link_rows(settings));
}

/// Replaces the status region: a headline and an optional list of details.
fn show_status(state: &State, headline: &str, details: &[String], problem: bool) {
    let st = state.borrow();
    st.status.set_text_content(None);
    st.status.set_class_name(if problem { "status problem" } else { "status" });
    let _ = st.status.append_child(&El::new("p").text(headline).build());
    if !details.is_empty() {
        let mut list = El::new("ul");
        for d in details {
            list = list.push(El::new("li").text(d));
        }
        let _ = st.status.append_child(&list.build());
    }
}

fn save_form(state: &State) {
    let result = {
        let st = state.borrow();
        let values: Vec<_> = st.controls.iter().map(|c| (&c.field, c.read())).collect();
        let rows = read_links_of(&st);
        form::collect(&st.saved, &values, Some(&rows))
    };
    match result {
        Ok(settings) => {
            clear_errors(state);
            let state = state.clone();
            spawn_local(async move {
                match storage::save_settings(&settings).await {
                    Ok(()) => {
                        state.borrow_mut().saved = settings;
                        show_status(&state, "Saved.", &[], false);
                    }
                    Err(e) => show_status(&state, &format!("Not saved: {e}"), &[], true),
                }
            });
        }
        Err(errors) => show_field_errors(state, &errors),
    }
}

fn clear_errors(state: &State) {
    let st = state.borrow();
    for control in st.controls.iter().chain(st.link_rows.iter().flatten()) {
        control.set_error("");
    }
    st.links_error.set_text_content(None);
}

/// Each error beside its field, and all of them in the status. Focus moves to the first field
/// to fix.
fn show_field_errors(state: &State, errors: &[FieldError]) {
    clear_errors(state);
    {
        let st = state.borrow();
        let controls: Vec<&Control> = st.controls.iter().chain(st.link_rows.iter().flatten()).collect();
        let mut slots: Vec<&str> = controls.iter().map(|c| c.path.as_str()).collect();
        slots.push(HELP_LINKS_PATH);
        let mut texts: Vec<Vec<String>> = vec![Vec::new(); slots.len()];
        for error in errors {
            match form::place_error(&error.field, &slots) {
                Some(i) if i < controls.len() => {
                    texts[i].push(form::error_text(error, &controls[i].path, controls[i].field.kind))
                }
                Some(_) => texts[controls.len()].push(error.to_string()),
                None => {}
            }
        }
        for (control, text) in controls.iter().zip(&texts) {
            control.set_error(&text.join(" "));
        }
        st.links_error.set_text_content(Some(&texts[controls.len()].join(" ")));
        // Controls are listed section by section, links last: pick the first on the page.
        let marked = controls.iter().zip(&texts).filter(|(_, t)| !t.is_empty()).map(|(c, _)| *c);
        let first = marked.reduce(|first, c| {
            let first_follows = c.root().compare_document_position(first.root()) & web_sys::Node::DOCUMENT_POSITION_FOLLOWING;
            if first_follows != 0 { c } else { first }
        });
        if let Some(first) = first {
            first.focus();
        }
    }
    let count = errors.len();
    let headline = if count == 1 { "Not saved: 1 problem to fix.".to_string() } else { format!("Not saved: {count} problems to fix.") };
    // The status lists every problem, including those with no field on the page (`version`).
    let details: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    show_status(state, &headline, &details, true);
}

fn file_section(state: &State) -> Element {
    let export = El::new("button").attr("type", "button").id("export-settings").text("Export settings").build();
    let import = El::new("input")
        .attr("type", "file")
        .id("import-settings")
        .attr("accept", ".json,application/json")
        .attr("aria-describedby", "import-help")
        .build();
    on(&export, "click", {
        let state = state.clone();
        move |_| export_settings(&state)
    });
    on(&import, "change", {
        let state = state.clone();
        move |event| {
            let Some(input) = event.target().and_then(|t| t.dyn_into::<HtmlInputElement>().ok()) else { return };
            let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
            // Let the same file be chosen again after it is fixed.
            input.set_value("");
            let state = state.clone();
            spawn_local(async move { import_file(&state, file).await });
        }
    });
    El::new("section")
        .attr("aria-labelledby", "section-files")
        .push(El::new("h2").id("section-files").text("Export and import"))
        .push(El::new("p").class("help").text("Move your settings to another browser, or keep a copy."))
        .push(El::new("div").class("row").child(&export))
        .push(
            El::new("div")
                .class("field file-button")
                .push(El::new("label").attr("for", "import-settings").text("Import settings from a file"))
                .child(&import)
                .push(El::new("p").class("help").id("import-help").text("A file exported by Boomerang. If anything in it is wrong, nothing is changed.")),
        )
        .build()
}

/// Downloads the saved settings as pretty JSON.
fn export_settings(state: &State) {
    let json = state.borrow().saved.to_json_text();
    let url = ObjectUrl::from(Blob::new_with_options(json.as_str(), Some("application/json")));
    let link: HtmlElement = El::new("a").attr("href", &url).attr("download", EXPORT_FILE_NAME).cast();
    link.click();
    state.borrow_mut().export_url = Some(url);
    show_status(state, &format!("Exported the saved settings as {EXPORT_FILE_NAME}."), &[], false);
}

/// Reads an exported file; only a file the engine fully accepts is stored and shown.
async fn import_file(state: &State, file: web_sys::File) {
    let name = file.name();
    let text = match gloo_file::futures::read_as_text(&gloo_file::File::from(file).into()).await {
        Ok(text) => text,
        Err(e) => {
            show_status(state, &format!("Nothing was changed: could not read {name} ({e})."), &[], true);
            return;
        }
    };
    match Settings::from_json(&text).map_err(|e| e.0).and_then(form::storable) {
        Err(errors) => {
            let details: Vec<String> = errors.iter().map(|f| f.to_string()).collect();
            show_status(state, &format!("Nothing was changed: {name} has problems."), &details, true);
        }
        Ok(settings) => match storage::save_settings(&settings).await {
            Ok(()) => {
                state.borrow_mut().saved = settings.clone();
                fill(state, &settings);
                show_status(state, &format!("Imported and saved {name}."), &[], false);
            }
            Err(e) => show_status(state, &format!("Nothing was changed: could not save ({e})."), &[], true),
        },
    }
}

fn reset_section(state: &State) -> Element {
    let reset = El::new("button").attr("type", "button").class("danger").id("reset-settings").text("Reset to defaults…").build();
    let confirm_button = El::new("button").attr("type", "button").class("danger").id("confirm-reset").text("Reset every setting").build();
    let cancel = El::new("button").attr("type", "button").id("cancel-reset").text("Cancel").build();
    let confirm = El::new("div")
        .class("confirm")
        .attr("role", "group")
        .attr("aria-labelledby", "confirm-reset-text")
        .attr("hidden", "")
        .push(El::new("p").id("confirm-reset-text").text("Reset every setting to its default? Your initials, links and templates will be gone."))
        .child(&confirm_button)
        .child(&cancel)
        .build();
    on(&reset, "click", {
        let (confirm, confirm_button) = (confirm.clone(), confirm_button.clone());
        move |_| {
            let _ = confirm.remove_attribute("hidden");
            let _ = confirm_button.unchecked_ref::<HtmlElement>().focus();
        }
    });
    let hide = {
        let (confirm, reset) = (confirm.clone(), reset.clone());
        move || {
            let _ = confirm.set_attribute("hidden", "");
            let _ = reset.unchecked_ref::<HtmlElement>().focus();
        }
    };
    on(&cancel, "click", {
        let hide = hide.clone();
        move |_| hide()
    });
    on(&confirm, "keydown", {
        let hide = hide.clone();
        move |event| {
            if event.unchecked_ref::<web_sys::KeyboardEvent>().key() == "Escape" {
                hide()
            }
        }
    });
    on(&confirm_button, "click", {
        let state = state.clone();
        move |_| {
            hide();
            let state = state.clone();
            spawn_local(async move {
                let defaults = Settings::default();
                match storage::save_settings(&defaults).await {
                    Ok(()) => {
                        state.borrow_mut().saved = defaults.clone();
                        fill(&state, &defaults);
                        show_status(&state, "Every setting is back to its default, and saved.", &[], false);
                    }
                    Err(e) => show_status(&state, &format!("Not reset: {e}"), &[], true),
                }
            });
        }
    });
    El::new("section")
        .attr("aria-labelledby", "section-reset")
        .push(El::new("h2").id("section-reset").text("Start over"))
        .child(&reset)
        .child(&confirm)
        .build()
}
