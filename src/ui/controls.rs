//! One setting's control on the page: label, input, help and error line, bound for screen
//! readers (`for`, `aria-describedby`, `aria-invalid`). What the control means is in [`form`].

use wasm_bindgen::JsCast;
use web_sys::{Element, EventTarget, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

use super::dom::El;
use super::form::{control_id, Field, Input, Kind, DAY_NAMES};

pub struct Control {
    pub field: Field,
    /// The settings path this control edits (`help_links[1].url` for a list cell).
    pub path: String,
    root: Element,
    input: Element,
    days: Vec<HtmlInputElement>,
    error: Element,
}

fn checkbox(id: &str) -> El {
    El::new("input").attr("type", "checkbox").id(id)
}

impl Control {
    pub fn new(field: Field, path: String) -> Control {
        let id = control_id(&path);
        let help_id = format!("{id}-help");
        let error_id = format!("{id}-error");
        let described = if field.help.is_empty() { error_id.clone() } else { format!("{help_id} {error_id}") };
        let label = || El::new("label").attr("for", &id).text(field.label);
        let mut days = Vec::new();
        let (root, input) = match field.kind {
            Kind::Toggle => {
                let input = checkbox(&id).attr("aria-describedby", &described).build();
                (El::new("div").class("field toggle").child(&input).push(label()), input)
            }
            Kind::Days => {
                let mut set = El::new("fieldset").class("days").id(&id).attr("aria-describedby", &described);
                set = set.push(El::new("legend").text(field.label));
                for (i, name) in DAY_NAMES.iter().enumerate() {
                    let day_id = format!("{id}-{i}");
                    let day: HtmlInputElement = checkbox(&day_id).cast();
                    set = set.push(El::new("label").attr("for", &day_id).child(&day).child(
                        El::new("span").text(&name[..3]).attr("aria-hidden", "true").build(),
                    ).push(El::new("span").class("visually-hidden").text(name)));
                    days.push(day);
                }
                let set = set.build();
                (El::new("div").class("field").child(&set), set)
            }
            Kind::Choice(options) => {
                let mut select = El::new("select").id(&id).attr("aria-describedby", &described);
                for (value, text) in options {
                    select = select.push(El::new("option").attr("value", value).text(text));
                }
                let select = select.build();
                (El::new("div").class("field").push(label()).child(&select), select)
            }
            Kind::Lines => {
                let area = El::new("textarea").id(&id).attr("rows", "3").attr("aria-describedby", &described).build();
                (El::new("div").class("field").push(label()).child(&area), area)
            }
            Kind::Text | Kind::Words | Kind::Time | Kind::Whole | Kind::Fraction => {
                let (kind, extra) = match field.kind {
                    Kind::Time => ("time", None),
                    Kind::Whole => ("number", Some(("step", "1"))),
                    Kind::Fraction => ("number", Some(("step", "any"))),
                    _ => ("text", None),
                };
                let mut input = El::new("input").attr("type", kind).id(&id).attr("aria-describedby", &described);
                if let Some((name, value)) = extra {
                    input = input.attr(name, value).attr("min", "0");
                }
                if field.kind == Kind::Fraction {
                    input = input.attr("max", "1");
                }
                let input = input.build();
                (El::new("div").class("field").push(label()).child(&input), input)
            }
        };
        let mut root = root;
        if !field.help.is_empty() {
            root = root.push(El::new("p").class("help").id(&help_id).text(field.help));
        }
        let error = El::new("p").class("error").id(&error_id).build();
        let root = root.child(&error).build();
        Control { field, path, root, input, days, error }
    }

    pub fn root(&self) -> &Element {
        &self.root
    }

    /// Where change events come from.
    pub fn target(&self) -> &EventTarget {
        &self.input
    }

    pub fn focus(&self) {
        let target = self.days.first().map(|d| d.unchecked_ref::<HtmlElement>()).unwrap_or_else(|| self.input.unchecked_ref());
        let _ = target.focus();
    }

    pub fn read(&self) -> Input {
        match self.field.kind {
            Kind::Toggle => Input::Flag(self.input.unchecked_ref::<HtmlInputElement>().checked()),
            Kind::Days => Input::Flags(self.days.iter().map(HtmlInputElement::checked).collect()),
            Kind::Choice(_) => Input::Text(self.input.unchecked_ref::<HtmlSelectElement>().value()),
            Kind::Lines => Input::Text(self.input.unchecked_ref::<HtmlTextAreaElement>().value()),
            _ => Input::Text(self.input.unchecked_ref::<HtmlInputElement>().value()),
        }
    }

    pub fn show(&self, input: &Input) {
        match (self.field.kind, input) {
            (Kind::Toggle, Input::Flag(on)) => self.input.unchecked_ref::<HtmlInputElement>().set_checked(*on),
            (Kind::Days, Input::Flags(on)) => {
                for (day, on) in self.days.iter().zip(on) {
                    day.set_checked(*on);
                }
            }
            (Kind::Choice(_), Input::Text(v)) => self.input.unchecked_ref::<HtmlSelectElement>().set_value(v),
            (Kind::Lines, Input::Text(v)) => self.input.unchecked_ref::<HtmlTextAreaElement>().set_value(v),
            (_, Input::Text(v)) => self.input.unchecked_ref::<HtmlInputElement>().set_value(v),
            _ => {}
        }
    }

    /// Shows (or clears, with an empty text) the error line under the control.
    pub fn set_error(&self, text: &str) {
        self.error.set_text_content(Some(text));
        if text.is_empty() {
            let _ = self.input.remove_attribute("aria-invalid");
        } else {
            let _ = self.input.set_attribute("aria-invalid", "true");
        }
    }
}
