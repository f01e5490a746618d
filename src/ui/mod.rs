//! The popup and options pages. Every decision (which site a tab is, what a control means,
//! where an error goes, what a figure says) is plain Rust in [`site`], [`form`] and [`figures`],
//! tested natively; the wasm32-only modules only draw it and talk to `chrome.*` ([`recording`]
//! and [`muting`] also serve the service worker: they fold events into the stored figures and
//! turn off a warning in the stored settings).

pub mod figures;
pub mod form;
pub mod site;

#[cfg(all(target_arch = "wasm32", feature = "ui"))]
mod controls;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
mod dom;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod options;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod popup;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod muting;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
pub mod recording;
#[cfg(all(target_arch = "wasm32", feature = "ui"))]
mod storage;
