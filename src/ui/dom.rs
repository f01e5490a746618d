//! A few DOM helpers. Text only ever goes in through `textContent` or `value`, never as HTML.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget};

pub fn document() -> web_sys::Document {
    gloo_utils::document()
}

/// An element being built.
pub struct El(Element);

impl El {
    pub fn new(tag: &str) -> El {
        El(document().create_element(tag).expect("a valid tag name"))
    }

    pub fn attr(self, name: &str, value: &str) -> El {
        // Only fails for an invalid attribute name, which are all literals here.
        let _ = self.0.set_attribute(name, value);
        self
    }

    pub fn class(self, class: &str) -> El {
        self.attr("class", class)
    }

    pub fn id(self, id: &str) -> El {
        self.attr("id", id)
    }

    pub fn text(self, text: &str) -> El {
        self.0.set_text_content(Some(text));
        self
    }

    pub fn child(self, child: impl AsRef<web_sys::Node>) -> El {
        let _ = self.0.append_child(child.as_ref());
        self
    }

    pub fn push(self, child: El) -> El {
        self.child(child.0)
    }

    pub fn build(self) -> Element {
        self.0
    }

    /// The element as a specific kind (`HtmlInputElement` for an `input`, …).
    pub fn cast<T: JsCast>(self) -> T {
        self.0.unchecked_into()
    }
}

/// Listens for the life of the page (these pages never tear down their controls). Not passive:
/// gloo's default is, and a passive submit handler cannot stop the form from reloading the page.
pub fn on(target: &EventTarget, event: &'static str, handler: impl FnMut(&Event) + 'static) {
    EventListener::new_with_options(target, event, EventListenerOptions::enable_prevent_default(), handler).forget();
}

/// The element the page mounts into: `#app` if the shell has one, else `<body>`.
pub fn mount_point() -> Element {
    let doc = document();
    doc.get_element_by_id("app").or_else(|| doc.body().map(Into::into)).expect("a page with a body")
}

/// Replaces an element's children with one line of text.
pub fn set_text(el: &Element, text: &str) {
    el.set_text_content(Some(text));
}
