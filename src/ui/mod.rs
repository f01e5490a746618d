//! The popup and options pages. Every decision (which site a tab is, what a control means,
//! where an error goes, what a figure says) is plain Rust in [`site`], [`form`] and [`figures`],
//! tested natively; the wasm32-only modules only draw it and talk to `chrome.*`.

pub mod figures;
pub mod form;
pub mod site;

#[cfg(target_arch = "wasm32")]
mod controls;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
pub mod options;
#[cfg(target_arch = "wasm32")]
pub mod popup;
#[cfg(target_arch = "wasm32")]
mod storage;
