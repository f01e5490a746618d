//! Boomerang: on-device judgement for social customer care.
//!
//! [`engine`] is pure Rust and holds every decision; the `wasm` module (wasm32 only) and the
//! `boomerang` CLI only translate values in and out of it.

pub mod engine;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use engine::Engine;
