//! The wasm builds' allocator: blocks of power-of-two sizes, a free list per size, new blocks
//! cut from the end of the heap.
//!
//! A check allocates some thirty small blocks (the draft's characters and tokens, the rules'
//! candidates, the answer's JSON), frees them all before it returns, and the next check asks
//! for the same sizes again. Taking a block off its size's list and putting it back is a few
//! instructions where a general allocator searches bins, splits blocks and merges neighbours:
//! talc (before this) spent 6% of a check in the worker, and this one took 3% of a check's
//! instructions and 0.5 KB of gzip off the engine wasm (dlmalloc is 6 KB larger still). The
//! price is memory, a block being up to twice what was asked and a freed block serving its own
//! size only: after the 1,139 real replies checked twenty times the worker's wasm memory is 3.7 MB
//! (talc 2.9 MB), after five 100 KB drafts 10 MB (talc 6 MB). Wasm memory never shrinks anyway,
//! and Chrome stops the idle worker, memory and all.

use core::alloc::{GlobalAlloc, Layout};
use core::arch::wasm32::{memory_grow, memory_size};
use core::cell::UnsafeCell;
use core::ptr::null_mut;

/// The smallest block, 8 bytes, holds a free block's link to the next.
const MIN_SHIFT: u32 = 3;
/// Blocks up to 2 GiB, all wasm32 can address.
const SIZES: usize = 29;
/// Blocks are aligned to their size up to a page of 4 KiB: an allocation's alignment is at
/// most its size, so every block of a size meets every alignment asked of that size.
const MAX_ALIGN: usize = 4096;
const WASM_PAGE: usize = 65536;

pub struct SizeClasses {
    state: UnsafeCell<State>,
}

struct State {
    /// The first free block of each size; each free block's first word points to the next.
    free: [*mut u8; SIZES],
    /// Where the next new block may start, and the end of the memory grown so far.
    next: usize,
    end: usize,
}

// wasm32 without the atomics feature has one thread (src/lib.rs builds this only there).
unsafe impl Sync for SizeClasses {}

impl SizeClasses {
    pub const fn new() -> Self {
        SizeClasses { state: UnsafeCell::new(State { free: [null_mut(); SIZES], next: 0, end: 0 }) }
    }
}

/// The index of the smallest block size that fits `layout`, its size and its alignment.
fn size_class(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(1 << MIN_SHIFT);
    (usize::BITS - (size - 1).leading_zeros() - MIN_SHIFT) as usize
}

impl State {
    /// A new block of `size` bytes from the end of the heap, growing memory as needed.
    unsafe fn cut(&mut self, size: usize) -> *mut u8 {
        if self.end == 0 {
            // The heap starts where wasm-ld put the end of the static data.
            extern "C" {
                static __heap_base: u8;
            }
            self.next = core::ptr::addr_of!(__heap_base) as usize;
            self.end = memory_size(0) * WASM_PAGE;
        }
        let align = size.min(MAX_ALIGN);
        let Some(start) = self.next.checked_add(align - 1).map(|n| n & !(align - 1)) else { return null_mut() };
        let Some(end) = start.checked_add(size) else { return null_mut() };
        if end > self.end {
            let pages = (end - self.end).div_ceil(WASM_PAGE);
            let before = memory_grow(0, pages);
            if before == usize::MAX {
                return null_mut();
            }
            if before * WASM_PAGE != self.end {
                // Memory was grown by someone else: carry on from its new end.
                self.next = before * WASM_PAGE;
                self.end = (before + pages) * WASM_PAGE;
                return self.cut(size);
            }
            self.end += pages * WASM_PAGE;
        }
        self.next = end;
        start as *mut u8
    }
}

unsafe impl GlobalAlloc for SizeClasses {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let class = size_class(layout);
        if class >= SIZES || layout.align() > MAX_ALIGN {
            return null_mut();
        }
        let state = &mut *self.state.get();
        let head = state.free[class];
        if head.is_null() {
            return state.cut(1 << (class as u32 + MIN_SHIFT));
        }
        state.free[class] = *(head as *mut *mut u8);
        head
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        let state = &mut *self.state.get();
        let class = size_class(layout);
        *(ptr as *mut *mut u8) = state.free[class];
        state.free[class] = ptr;
    }

    /// A string or vector growing within its block stays where it is.
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new_layout = Layout::from_size_align_unchecked(new_size, layout.align());
        if size_class(new_layout) == size_class(layout) {
            return ptr;
        }
        let moved = self.alloc(new_layout);
        if !moved.is_null() {
            core::ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
            self.dealloc(ptr, layout);
        }
        moved
    }
}
