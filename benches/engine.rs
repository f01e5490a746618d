//! Engine speed, natively: each judgement per call on three sizes of text, and `check`
//! throughput over the 1,139 real brand replies. `make bench` reads criterion's medians from
//! `target/criterion/` into `bench/results.json`.
//!
//! Budget (issue 5): `check` on a 280-character draft ≤ 20 µs median.

use std::hint::black_box;
use std::path::Path;

use boomerang::engine::{CheckRequest, ClassifyRequest, Follower, Platform, SuggestRequest};
use boomerang::{Engine, engine::Settings};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

#[path = "../src/bin/eval/corpus.rs"]
mod corpus;

/// A typical short reply, a full-length X draft with a blaming clause, and a 5,000-character
/// post, from `bench/texts.json` (the wasm benchmark reads the same file).
fn texts() -> Vec<(&'static str, String)> {
    let doc: serde_json::Value =
        serde_json::from_str(include_str!("../bench/texts.json")).expect("bench/texts.json is JSON");
    ["short", "draft280", "post5000"]
        .into_iter()
        .map(|size| (size, doc[size].as_str().expect("a text per size").to_string()))
        .collect()
}

fn engine() -> Engine {
    let mut settings = Settings::default();
    settings.initials = "JS".into();
    settings.brand_name = "ShopCo".into();
    Engine::new(settings)
}

fn per_call(c: &mut Criterion) {
    let engine = engine();
    for (size, text) in texts() {
        let check = CheckRequest { text: text.clone(), in_reply_to: None, platform: Some(Platform::X), private: false, typing: false };
        c.bench_function(&format!("check/{size}"), |b| b.iter(|| engine.check(black_box(&check))));
        let classify = ClassifyRequest { text: text.clone() };
        c.bench_function(&format!("classify/{size}"), |b| b.iter(|| engine.classify(black_box(&classify))));
        let suggest = SuggestRequest {
            text: text.clone(),
            author_name: Some("Sam Lee".into()),
            author_handle: Some("samlee".into()),
            platform: Some(Platform::X),
            private: false,
        };
        c.bench_function(&format!("suggest/{size}"), |b| b.iter(|| engine.suggest(black_box(&suggest))));
    }
    let follower = Follower {
        handle: "growth_guru_4412".into(),
        name: "Growth Guru".into(),
        bio: "Buy 10k real followers cheap! DM for promo 🚀 crypto giveaways daily".into(),
        followers: Some(3),
        following: Some(4800),
        posts: Some(0),
        account_age_days: Some(6),
        default_avatar: true,
        ..Follower::default()
    };
    c.bench_function("follow/spam", |b| b.iter(|| engine.follow(black_box(&follower))));
}

fn corpus_throughput(c: &mut Criterion) {
    let eval_dir = std::env::var("BOOMERANG_EVAL_DIR").unwrap_or_else(|_| "../shared/eval".into());
    let replies = match corpus::brand_replies(Path::new(&eval_dir)) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("skipping corpus throughput: {e}");
            return;
        }
    };
    let requests: Vec<CheckRequest> = replies
        .iter()
        .map(|r| CheckRequest { text: r.text.clone(), in_reply_to: None, platform: Some(Platform::X), private: false, typing: false })
        .collect();
    let engine = engine();
    let mut group = c.benchmark_group("corpus");
    group.throughput(Throughput::Elements(requests.len() as u64));
    group.bench_function("check_brand_replies", |b| {
        b.iter(|| requests.iter().map(|r| engine.check(black_box(r)).issues.len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, per_call, corpus_throughput);
criterion_main!(benches);
