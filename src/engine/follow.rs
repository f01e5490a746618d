//! Follower assessment: follow back, review or skip, with the reasons in plain words.
//!
//! Each thing the page shows about a follower is a piece of evidence with a weight (positive
//! for a real person, negative for spam); the score is the logistic of their sum, and the
//! reasons are the evidence, most telling first. Two rules sit above the score: a customer who
//! has written to the brand is followed back (unless they look like spam or a bot), and an
//! account that looks like spam or a bot is never followed back, whatever else it shows.
//!
//! Spam cues in the bio, name and handle are data ([`CUES`]), matched on [`Text`] tokens so
//! full-width letters, zero-width characters and leetspeak do not dodge them.

use super::api::{FollowAssessment, FollowDecision, Follower, Platform};
use super::ordered_map::OrderedMap;
use super::settings::Settings;
use super::suggest::follower_welcome;
use std::sync::LazyLock;

use super::text::{fold_word, Text, TokenKind};
use super::word_list::WordList;
use crate::word_list;

/// One kind of spam cue: the reason shown, its weight, and the phrases that show it.
struct Cue {
    reason: &'static str,
    weight: f32,
    /// A cue this sure marks the account as spam on its own.
    marks_spam: bool,
    /// Not counted when this stronger cue (by reason) was already found: one finding, one reason.
    weaker_than: Option<&'static str>,
    /// Space-separated words; `{n}` stands for any number (`5k`, `1000`, `10,000`).
    phrases: WordList,
}

const CUES: &[Cue] = &[
    Cue {
        reason: "bio advertises follower packages",
        weight: -3.0,
        marks_spam: true,
        weaker_than: None,
        phrases: word_list![
            "buy followers", "cheap followers", "get {n} followers", "get {n} real followers",
            "{n} real followers", "real followers", "gain followers", "boost your followers",
            "grow your followers", "instant followers", "followers and likes", "followers fast",
            "more followers", "followers for sale", "sell followers", "likes and followers", "smm panel",
            "get you {n} followers", "followers in {n} days", "followers | likes", "likes | views",
        ],
    },
    Cue {
        reason: "bio asks for follow-for-follow",
        weight: -2.0,
        marks_spam: true,
        weaker_than: None,
        phrases: word_list![
            "f4f", "follow4follow", "follow for follow", "follow 4 follow", "followback", "i follow back",
            "teamfollowback", "ifollowback", "l4l", "like4like", "follow train", "gain train",
        ],
    },
    Cue {
        reason: "bio pushes crypto or trading schemes",
        weight: -2.5,
        marks_spam: true,
        weaker_than: None,
        phrases: word_list![
            "free mint", "airdrop", "airdrops", "binary options", "trading signals", "forex signals",
            "passive income", "guaranteed returns", "{n}x returns", "investment opportunity",
            "crypto giveaway", "bitcoin giveaway", "btc giveaway", "double your bitcoin",
            "whitelist spots", "presale live", "free signals", "vip signals", "signals group",
            "dm me to start", "crypto recovery", "funds recovery", "recover your crypto", "recover lost",
        ],
    },
    Cue {
        reason: "bio talks up crypto or NFTs",
        weight: -1.0,
        marks_spam: false,
        weaker_than: Some("bio pushes crypto or trading schemes"),
        phrases: word_list!["nft", "nfts", "crypto", "bitcoin", "forex", "memecoin", "web3"],
    },
    Cue {
        reason: "bio sells promotion",
        weight: -2.5,
        marks_spam: true,
        weaker_than: None,
        phrases: word_list![
            "dm for promo", "dm for promotion", "dm for prices", "dm for price", "dm for paid",
            "paid promo", "paid promotion", "promo available", "shoutouts available",
            "shoutout for", "promote your", "promotion services", "dm for shoutout", "dm for collab",
            "dm for collabs", "dm for collaboration", "10x your", "10x their", "grow your account",
            "grow your page",
        ],
    },
    Cue {
        reason: "bio baits follows with giveaways",
        weight: -2.0,
        marks_spam: true,
        weaker_than: None,
        phrases: word_list![
            "follow rt to win", "follow and rt", "follow rt", "rt to win", "retweet to win",
            "follow to win", "daily giveaways", "giveaways daily", "free iphone", "win an iphone",
            "win a free", "giveaway hunter",
        ],
    },
    Cue {
        reason: "bio advertises adult content",
        weight: -3.0,
        marks_spam: true,
        weaker_than: None,
        phrases: word_list!["onlyfans", "nsfw", "18 +", "xxx", "hot singles", "sugar daddy", "nudes", "adult content"],
    },
];

/// Following this many or more, with few followers back, is how follow-spam grows.
const MASS_FOLLOWING: u64 = 1000;
/// More posts a day than this looks automated.
const BOT_POSTS_PER_DAY: f64 = 50.0;
/// Trailing digits in a handle at or above this look generated (`user9928371`), while a
/// year (`mike_1987`) does not.
const GENERATED_DIGITS: usize = 5;
/// Where the sum starts: most accounts that follow a brand are people, so an account about
/// which nothing is known lands between the thresholds, for a person to review.
const PRIOR: f32 = 0.5;
/// Evidence this negative in total marks a bot-like account even without a text cue.
const BOT_EVIDENCE: f32 = -2.5;

/// A piece of evidence: the reason in plain words and its weight.
struct Evidence {
    reason: String,
    weight: f32,
}

pub fn assess(f: &Follower, settings: &Settings) -> FollowAssessment {
    let mut evidence = Vec::new();
    let text_marked = text_cues(f, &mut evidence);
    let mut marked_spam = text_marked;
    let bio_is_clean = evidence.is_empty();
    let bot_like = account_evidence(f, bio_is_clean, &mut evidence);

    let negative: f32 = evidence.iter().map(|e| e.weight.min(0.0)).sum();
    marked_spam |= negative <= BOT_EVIDENCE;
    let total: f32 = PRIOR + evidence.iter().map(|e| e.weight).sum::<f32>();
    let score = round2(super::learned::sigmoid(total));

    let rules = &settings.follow_back;
    let decision = if marked_spam {
        // Never followed back. A bio that sells spam is skipped; a person may still look at a
        // borderline one, or at one that wrote to the brand.
        if score < rules.skip_threshold || negative <= BOT_EVIDENCE * 1.5 || (text_marked && !f.interacted) {
            FollowDecision::Skip
        } else {
            FollowDecision::Review
        }
    } else if f.interacted && rules.follow_customers {
        // Bots write to brands too: one that posts like a machine or mass-follows is looked at
        // by a person, never followed back on having written.
        if bot_like { FollowDecision::Review } else { FollowDecision::FollowBack }
    } else if score >= rules.follow_threshold {
        FollowDecision::FollowBack
    } else if score < rules.skip_threshold {
        FollowDecision::Skip
    } else {
        FollowDecision::Review
    };

    // A skip is explained by what speaks against the account, not by what it has going for it.
    if decision == FollowDecision::Skip {
        evidence.retain(|e| e.weight < 0.0);
    }
    // Most telling first; equal weights keep the order they were found in.
    super::sort::sort_small_by(&mut evidence, |a, b| b.weight.abs().total_cmp(&a.weight.abs()));
    let mut reasons = Vec::new();
    for e in evidence {
        reasons.push(e.reason);
    }
    // Nothing to send a skipped account; on Facebook, where a Page cannot follow back, a thank-you.
    let welcome = (decision != FollowDecision::Skip).then(|| {
        let can_follow_back = f.platform != Some(Platform::Facebook);
        let name = Some(f.name.trim()).filter(|n| !n.is_empty());
        follower_welcome(name, &f.bio, settings, can_follow_back, f.liked_page)
    });
    FollowAssessment { decision, score, reasons, welcome }
}

/// Adds the spam cues found in the bio, name and handle; true when one marks spam on its own.
fn text_cues(f: &Follower, evidence: &mut Vec<Evidence>) -> bool {
    let words = cue_words(&format!("{}\n{}\n{}", f.bio, f.name, f.handle));
    let mut marked = false;
    let mut found: Vec<&str> = Vec::new();
    for cue in CUES {
        if cue.weaker_than.is_some_and(|stronger| found.contains(&stronger)) {
            continue;
        }
        if cue.phrases.iter().any(|p| contains_phrase(&words, p)) {
            found.push(cue.reason);
            marked |= cue.marks_spam;
            evidence.push(Evidence { reason: cue.reason.into(), weight: cue.weight });
        }
    }
    marked
}

/// Adds what the account's numbers say; true when they say bot (mass following, or posting
/// faster than a person does).
fn account_evidence(f: &Follower, bio_is_clean: bool, evidence: &mut Vec<Evidence>) -> bool {
    let mut bot_like = false;
    let mut add = |reason: String, weight: f32| evidence.push(Evidence { reason, weight });
    if f.interacted {
        add("has written to you before".into(), 2.5);
    }
    if f.verified {
        add("verified account".into(), 1.0);
    }
    if generated_handle(&f.handle) {
        add("handle looks generated (a name plus a long number)".into(), -1.0);
    }
    if let (Some(followers), Some(following)) = (f.followers, f.following) {
        let counts = format!("follows {} accounts, followed by {}", thousands(following), thousands(followers));
        if following >= MASS_FOLLOWING && followers.saturating_mul(10) < following {
            bot_like = true;
            add(counts, -1.5);
        } else if following >= 300 && followers.saturating_mul(4) < following {
            add(counts, -0.6);
        } else if followers >= 20 && followers.saturating_mul(2) >= following {
            add(format!("followed by {}, follows {}: a real following", thousands(followers), thousands(following)), 0.6);
        }
    }
    match f.account_age_days {
        Some(d) if d < 7 => add(format!("account is {d} day{} old", plural(d)), -1.2),
        Some(d) if d < 30 => add(format!("account is {d} days old"), -0.4),
        Some(d) if d >= 365 => {
            let years = d / 365;
            add(format!("account is {years} year{} old", plural(years)), 0.8);
        }
        _ => {}
    }
    match (f.posts, f.account_age_days) {
        (Some(0), _) => add("no posts yet".into(), -0.8),
        (Some(p), Some(d)) if p as f64 / d.max(1) as f64 > BOT_POSTS_PER_DAY => {
            let per_day = p / d.max(1);
            bot_like = true;
            add(format!("posts about {} times a day, like a bot", thousands(per_day)), -1.0);
        }
        (Some(p), _) if p >= 50 => add(format!("has posted {} times", thousands(p)), 0.4),
        _ => {}
    }
    if f.default_avatar {
        add("default profile picture".into(), -0.5);
    }
    if bio_is_clean && !f.bio.trim().is_empty() {
        add("has written a bio".into(), 0.2);
    }
    bot_like
}

/// `user9928371`, `jane48213990`: letters then a long run of digits, as sign-up suggests.
fn generated_handle(handle: &str) -> bool {
    let handle = handle.trim_start_matches('@');
    let digits = handle.chars().rev().take_while(|c| c.is_ascii_digit()).count();
    digits >= GENERATED_DIGITS && digits < super::text::char_count(handle)
}

/// Every token, each as (normalised, leet-folded), hashtags without their `#`. Sentence ends
/// stay in, so a phrase never runs across a full stop or from one field into the next.
fn cue_words(text: &str) -> Vec<(String, String)> {
    let mut words = Vec::new();
    for t in Text::new(text).tokens {
        words.push(match t.kind {
            TokenKind::Hashtag => {
                let bare = t.norm.trim_start_matches('#').to_string();
                let folded = fold_word(&bare);
                (bare, folded)
            }
            _ => {
                let folded = t.folded().to_string();
                (t.norm.into_owned(), folded)
            }
        });
    }
    words
}

/// Every cue phrase split into (word, leet-folded word) pairs, built once per process: folding
/// per comparison made an assessment cost ~50 µs.
static FOLDED_PHRASES: LazyLock<OrderedMap<&'static str, Vec<(&'static str, String)>>> = LazyLock::new(|| {
    let mut phrases = OrderedMap::default();
    for phrase in CUES.iter().flat_map(|cue| cue.phrases.iter()) {
        let mut parts = Vec::new();
        for part in phrase.split(' ') {
            parts.push((part, fold_word(part)));
        }
        phrases.insert(phrase, parts);
    }
    phrases
});

/// Whether the phrase's words occur one after another in `words`.
fn contains_phrase(words: &[(String, String)], phrase: &str) -> bool {
    let Some(parts) = FOLDED_PHRASES.get(phrase) else { return false };
    if parts.is_empty() || words.len() < parts.len() {
        return false;
    }
    words.windows(parts.len()).any(|w| {
        w.iter().zip(parts).all(|((norm, folded), (part, folded_part))| match *part {
            "{n}" => norm.starts_with(|c: char| c.is_ascii_digit()),
            _ => norm == part || folded == folded_part,
        })
    })
}

/// (`format!`, not `to_string`: the latter is a digit writer of its own beside the `Display` the
/// rest of the engine uses.)
fn thousands(n: u64) -> String {
    let digits = format!("{n}");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural(n: u64) -> &'static str {
    if n == 1 { "" } else { "s" }
}

fn round2(x: f32) -> f32 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn settings() -> Settings {
        Settings::default()
    }

    /// An ordinary, established person who has not written to the brand.
    fn person() -> Follower {
        Follower {
            handle: "jo_baker".into(),
            name: "Jo".into(),
            bio: "Cyclist, teacher, bad at crosswords".into(),
            followers: Some(310),
            following: Some(290),
            posts: Some(1200),
            account_age_days: Some(1800),
            ..Default::default()
        }
    }

    fn with_bio(bio: &str) -> Follower {
        Follower { bio: bio.into(), ..person() }
    }

    /// Each cue category: bios it must flag and bios it must leave alone.
    const CUE_EXAMPLES: &[(&str, &[&str], &[&str])] = &[
        (
            "bio advertises follower packages",
            &[
                "Get 10k REAL followers in 24h!",
                "ｂｕｙ ｆｏｌｌｏｗｅｒｓ cheap",
                "Cheap f0llowers, DM me",
                "b\u{200b}uy followers",
                "Cheapest SMM panel 💯 followers | likes | views",
                "We get you 10k followers in 7 days ✅ Guaranteed.",
            ],
            &["Grateful to all my followers", "Thanks for 1k followers!", "Following my dreams", "SMM manager at a bakery 🥐"],
        ),
        (
            "bio asks for follow-for-follow",
            &["#F4F #followback", "I follow back!", "follow 4 follow", "Team followback 🔥"],
            &["Follow me for bread recipes", "Back to school teacher"],
        ),
        (
            "bio pushes crypto or trading schemes",
            &[
                "Free mint today 🚀",
                "Forex signals, 100x returns guaranteed",
                "Join our Discord for the airdrop",
                "98% accuracy 🔥 Join our Telegram for free signals",
                "Lost crypto? Crypto recovery experts, DM me to start",
            ],
            &["Free coffee lover", "Join our choir on Tuesdays", "Sign up for our reading group", "Tennis coach, 80% win rate"],
        ),
        (
            "bio talks up crypto or NFTs",
            &["NFT collector and dad", "Bitcoin since 2013"],
            &["Nifty knitter", "Cryptic crossword setter"],
        ),
        (
            "bio sells promotion",
            &[
                "DM for promo",
                "Paid promotion, DM for prices",
                "Shoutouts available 24/7",
                "I help brands 10x their followers. DM for collab",
            ],
            &["DM for recipes", "Promoted to head chef this year", "Collab with local artists on murals"],
        ),
        (
            "bio baits follows with giveaways",
            &["Daily iPhone giveaways! Follow + RT to win 🎁", "Giveaway hunter 🍀", "Follow and RT for a chance"],
            &["We ran a giveaway for the school fair", "Winning is a habit, running coach"],
        ),
        (
            "bio advertises adult content",
            &["18+ only, link below", "My OnlyFans ⬇️", "NSFW artist"],
            &["Mum of 2, 18 years in nursing", "Adult education tutor"],
        ),
    ];

    #[test]
    fn cue_examples_flag_and_allow() {
        for (reason, flags, allows) in CUE_EXAMPLES {
            for bio in *flags {
                let a = assess(&with_bio(bio), &settings());
                assert!(a.reasons.iter().any(|r| r == reason), "{bio:?} should give {reason:?}: {:?}", a.reasons);
                let marks_spam = CUES.iter().any(|c| c.reason == *reason && c.marks_spam);
                if marks_spam {
                    // The bio itself sells spam: skipped, not left for review.
                    assert_eq!(a.decision, FollowDecision::Skip, "{bio:?}: {:?}", a.reasons);
                    assert!(!a.reasons.contains(&"has written a bio".to_string()), "{bio:?}");
                }
            }
            for bio in *allows {
                let a = assess(&with_bio(bio), &settings());
                assert!(!a.reasons.iter().any(|r| r.starts_with("bio ")), "{bio:?} gave {:?}", a.reasons);
                assert_eq!(a.decision, FollowDecision::FollowBack, "{bio:?}: {:?}", a.reasons);
            }
        }
    }

    #[test]
    fn an_established_person_is_followed_back_with_reasons() {
        let a = assess(&person(), &settings());
        assert_eq!(a.decision, FollowDecision::FollowBack);
        assert!(a.score >= 0.7, "{}", a.score);
        assert_eq!(a.reasons[0], "account is 4 years old");
        assert!(a.reasons.iter().any(|r| r.starts_with("followed by 310, follows 290")));
    }

    #[test]
    fn a_customer_who_wrote_is_followed_back_even_with_a_thin_profile() {
        let f = Follower {
            handle: "newbie_22".into(),
            followers: Some(3),
            following: Some(40),
            posts: Some(2),
            account_age_days: Some(20),
            default_avatar: true,
            interacted: true,
            ..Default::default()
        };
        let a = assess(&f, &settings());
        assert_eq!(a.decision, FollowDecision::FollowBack);
        assert_eq!(a.reasons[0], "has written to you before");
    }

    #[test]
    fn customers_are_not_followed_automatically_when_the_setting_is_off() {
        let mut s = settings();
        s.follow_back.follow_customers = false;
        let f = Follower {
            handle: "quiet".into(),
            interacted: true,
            default_avatar: true,
            posts: Some(0),
            account_age_days: Some(20),
            followers: Some(50),
            following: Some(400),
            ..Default::default()
        };
        assert_ne!(assess(&f, &s).decision, FollowDecision::FollowBack);
        assert_eq!(assess(&f, &settings()).decision, FollowDecision::FollowBack);
    }

    #[test]
    fn spam_that_wrote_to_you_is_still_never_followed_back() {
        let f = Follower { interacted: true, ..with_bio("Buy followers, DM for promo") };
        assert_ne!(assess(&f, &settings()).decision, FollowDecision::FollowBack);
    }

    #[test]
    fn a_generated_mass_following_account_is_skipped_with_telling_reasons() {
        let f = Follower {
            handle: "user4471920".into(),
            name: "user4471920".into(),
            followers: Some(0),
            following: Some(4800),
            posts: Some(0),
            account_age_days: Some(4),
            default_avatar: true,
            ..Default::default()
        };
        let a = assess(&f, &settings());
        assert_eq!(a.decision, FollowDecision::Skip);
        assert!(a.score < 0.1, "{}", a.score);
        assert!(!a.reasons.iter().any(|r| r.starts_with("has ")), "only what speaks against it: {:?}", a.reasons);
        assert_eq!(a.welcome, None, "no welcome for a skip");
        assert_eq!(a.reasons[0], "follows 4,800 accounts, followed by 0");
        for expected in ["account is 4 days old", "default profile picture", "no posts yet", "handle looks generated (a name plus a long number)"] {
            assert!(a.reasons.iter().any(|r| r == expected), "{expected}: {:?}", a.reasons);
        }
    }

    #[test]
    fn a_new_real_person_is_reviewed_not_skipped() {
        let f = Follower {
            handle: "sam_r".into(),
            name: "Sam".into(),
            followers: Some(2),
            following: Some(45),
            posts: Some(3),
            account_age_days: Some(12),
            default_avatar: true,
            ..Default::default()
        };
        let a = assess(&f, &settings());
        assert_eq!(a.decision, FollowDecision::Review, "{} {:?}", a.score, a.reasons);
    }

    #[test]
    fn a_bot_posting_all_day_is_never_followed_back() {
        let f = Follower { posts: Some(30_000), account_age_days: Some(200), ..person() };
        let a = assess(&f, &settings());
        assert!(a.reasons.iter().any(|r| r == "posts about 150 times a day, like a bot"), "{:?}", a.reasons);
        // One bot-like signal alone leaves an otherwise real account to a person to judge.
        assert_eq!(a.decision, FollowDecision::Review);
        // Having written to the brand does not make a bot a customer to follow back.
        let wrote = assess(&Follower { interacted: true, ..f }, &settings());
        assert_eq!(wrote.decision, FollowDecision::Review, "{:?}", wrote.reasons);
    }

    #[test]
    fn phrases_do_not_run_across_fields_or_sentences() {
        let f = Follower { name: "Followers of Jazz".into(), ..with_bio("Things I buy") };
        assert!(!assess(&f, &settings()).reasons.iter().any(|r| r.starts_with("bio ")));
        let f = with_bio("Work in retail, buy. Followers of Christ.");
        assert!(!assess(&f, &settings()).reasons.iter().any(|r| r.starts_with("bio ")));
    }

    #[test]
    fn a_year_in_a_handle_is_not_generated() {
        assert!(!generated_handle("mike_1987"));
        assert!(generated_handle("@user9928371"));
        assert!(!generated_handle("1234567"), "all digits is a choice, not a suggestion");
    }

    #[test]
    fn thresholds_come_from_settings() {
        let f = Follower { handle: "someone".into(), ..Default::default() };
        let a = assess(&f, &settings());
        assert_eq!(a.decision, FollowDecision::Review, "nothing known: a person decides");
        let mut s = settings();
        s.follow_back.follow_threshold = 0.5;
        assert_eq!(assess(&f, &s).decision, FollowDecision::FollowBack);
        s.follow_back.follow_threshold = 0.9;
        s.follow_back.skip_threshold = 0.7;
        assert_eq!(assess(&f, &s).decision, FollowDecision::Skip);
    }

    #[test]
    fn a_welcome_is_offered_unless_skipped() {
        let a = assess(&person(), &settings());
        let welcome = a.welcome.expect("a welcome to send by hand");
        assert!(welcome.contains("Jo"), "personal: {welcome}");
        let review = Follower { handle: "someone".into(), ..Default::default() };
        assert!(assess(&review, &settings()).welcome.is_some(), "a person may still choose to welcome them");
    }

    #[test]
    fn facebook_fans_get_a_thank_you_not_a_follow_back() {
        let on_x = assess(&person(), &settings()).welcome.unwrap();
        let f = Follower { platform: Some(Platform::Facebook), ..person() };
        let a = assess(&f, &settings());
        assert_eq!(a.decision, FollowDecision::FollowBack, "worth a personal thank-you");
        let thanks = a.welcome.expect("a thank-you to send");
        assert!(thanks.to_lowercase().contains("thank"), "{thanks}");
        assert_ne!(thanks, on_x, "a Page cannot follow back, so the message differs");
    }

    #[test]
    fn never_panics_on_extreme_numbers_or_text() {
        let f = Follower {
            handle: "\u{0}".repeat(3),
            name: "𝕏".repeat(1000),
            bio: "\u{200b}#".repeat(5000),
            followers: Some(u64::MAX),
            following: Some(u64::MAX),
            posts: Some(u64::MAX),
            account_age_days: Some(0),
            ..Default::default()
        };
        let a = assess(&f, &settings());
        assert!((0.0..=1.0).contains(&a.score));
    }

    #[test]
    fn numbers_read_with_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(4800), "4,800");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    proptest::proptest! {
        #[test]
        fn any_follower_gets_a_score_in_range_and_spam_cues_block_following(
            handle in ".{0,30}",
            bio in ".{0,200}",
            followers in proptest::option::of(proptest::num::u64::ANY),
            following in proptest::option::of(proptest::num::u64::ANY),
            posts in proptest::option::of(proptest::num::u64::ANY),
            age in proptest::option::of(proptest::num::u64::ANY),
            interacted in proptest::bool::ANY,
        ) {
            let f = Follower { handle, bio, followers, following, posts, account_age_days: age, interacted, ..Default::default() };
            let a = assess(&f, &settings());
            proptest::prop_assert!((0.0..=1.0).contains(&a.score));
            let spammy = Follower { bio: format!("{} buy followers", f.bio), ..f };
            proptest::prop_assert_ne!(assess(&spammy, &settings()).decision, FollowDecision::FollowBack);
        }
    }
}
