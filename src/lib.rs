//! Boomerang: on-device judgement for social customer care.
//!
//! [`engine`] is pure Rust and holds every decision; the `wasm` module (wasm32 only) and the
//! `boomerang` CLI only translate values in and out of it.

pub mod engine;

#[cfg(all(target_arch = "wasm32", any(feature = "engine-api", feature = "reply-api", feature = "lists-api")))]
mod wasm;

/// The popup and options pages (the DOM parts build for wasm32 only).
pub mod ui;

pub use engine::Engine;

#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
mod size_classes;

/// The wasm builds' allocator (src/size_classes.rs says why not Rust's default dlmalloc or talc).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: size_classes::SizeClasses = size_classes::SizeClasses::new();
