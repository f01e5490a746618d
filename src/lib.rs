//! Boomerang: on-device judgement for social customer care.
//!
//! [`engine`] is pure Rust and holds every decision; the `wasm` module (wasm32 only) and the
//! `boomerang` CLI only translate values in and out of it.

pub mod engine;

#[cfg(all(target_arch = "wasm32", feature = "engine-api"))]
mod wasm;

/// The popup and options pages (the DOM parts build for wasm32 only).
pub mod ui;

pub use engine::Engine;

/// Talc rather than Rust's default dlmalloc in the wasm builds: 6 KB smaller, and the engine's
/// calls measure within a few per cent of dlmalloc's speed.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
