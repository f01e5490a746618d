//! The wasm builds' allocator (src/size_classes.rs), under the engine as the worker runs it: blocks
//! hold what was written to them, alignments are kept, and memory stops growing once the sizes a
//! check asks for have been served.
#![cfg(target_arch = "wasm32")]

use boomerang::engine::{CheckRequest, Platform, Settings};
use boomerang::Engine;
use core::arch::wasm32::memory_size;
use std::alloc::{alloc, dealloc, Layout};
use wasm_bindgen_test::*;

#[wasm_bindgen_test]
fn live_blocks_of_every_size_and_alignment_keep_their_contents() {
    let mut live: Vec<(*mut u8, Layout, u8)> = Vec::new();
    let mut seed = 7u32;
    for round in 0..4000u32 {
        seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        let size = 1 + (seed >> 8) as usize % [24, 300, 5000, 70_000][round as usize % 4];
        let align = 1 << ((seed >> 4) % 13);
        let layout = Layout::from_size_align(size, align).unwrap();
        let ptr = unsafe { alloc(layout) };
        assert!(!ptr.is_null(), "no block of {size} bytes");
        assert_eq!(ptr as usize % align, 0, "a block of {size} bytes asked to align to {align}");
        let fill = (round % 251) as u8;
        unsafe { ptr.write_bytes(fill, size) };
        live.push((ptr, layout, fill));
        // Free about every other block, oldest first among a few, so sizes are reused out of order.
        if seed % 2 == 0 {
            let (ptr, layout, fill) = live.swap_remove((seed as usize >> 3) % live.len());
            let bytes = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
            assert!(bytes.iter().all(|&b| b == fill), "a block of {} bytes was overwritten", layout.size());
            unsafe { dealloc(ptr, layout) };
        }
    }
    for (ptr, layout, fill) in live {
        let bytes = unsafe { std::slice::from_raw_parts(ptr, layout.size()) };
        assert!(bytes.iter().all(|&b| b == fill), "a block of {} bytes was overwritten", layout.size());
        unsafe { dealloc(ptr, layout) };
    }
}

#[wasm_bindgen_test]
fn growing_strings_and_vectors_keep_what_they_hold() {
    let mut text = String::new();
    let mut numbers = Vec::new();
    for i in 0..50_000u32 {
        text.push(char::from(b'a' + (i % 26) as u8));
        numbers.push(i);
    }
    assert!(text.bytes().enumerate().all(|(i, b)| b == b'a' + (i % 26) as u8));
    assert!(numbers.iter().enumerate().all(|(i, &n)| n == i as u32));
    numbers.truncate(10);
    numbers.shrink_to_fit();
    assert_eq!(numbers, (0..10).collect::<Vec<u32>>());
}

#[wasm_bindgen_test]
fn the_workers_memory_stops_growing_over_repeated_checks() {
    let engine = Engine::new(Settings::default());
    let drafts = [
        "Sorry, that's not our fault. You should have read the terms before ordering.",
        "Please reply with your order number and email address so we can look into it.",
        "Thanks so much for the kind words! We'll pass them on to the team. ^AB",
        "I'm sorry your parcel hasn't arrived yet. Please DM us and we'll sort it out today: https://example.com/help",
    ];
    let check = |text: &str| {
        engine.check(&CheckRequest { text: text.into(), in_reply_to: None, platform: Some(Platform::X), private: false, typing: false })
    };
    let warned = |text: &str| check(text).issues.len();
    assert!(warned(drafts[0]) > 0 && warned(drafts[1]) > 0, "the blaming and the data-asking drafts are warned");
    for _ in 0..20 {
        drafts.iter().for_each(|d| drop(check(d)));
    }
    let pages = memory_size(0);
    for _ in 0..500 {
        drafts.iter().for_each(|d| drop(check(d)));
    }
    assert_eq!(memory_size(0), pages, "2,000 more checks of the same drafts grew the wasm memory");
}
