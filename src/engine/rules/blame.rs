//! Blame: fault put on the customer or on a third party, in public.

use super::{Fix, Rule, BASE, NEGATED};
use crate::engine::api::{Severity::*, ToneKind::Blame};

pub const RULES: &[Rule] = &[
    Rule {
        id: "blame.you_should_have",
        kind: Blame,
        severity: High,
        patterns: &[
            "you should have just|really|simply|maybe|probably|already|definitely|first? <hindsight>",
            "you should not have <hindsight>",
            "you ought to have <hindsight>",
            "you could have just|easily|simply <hindsight>",
            "^ if|had you had|would? <hindsight> ..5 would|wouldn't not|never? have",
        ],
        message: "Telling a customer what they should have done reads as blaming them.",
        fix: Fix::Sentence("We're sorry this happened; let's see what we can do now."),
        unless_before: NEGATED,
        flags: examples![
            "You should've checked the size guide first.",
            "Honestly you should have called us sooner.",
            "You shouldn't have deleted the app.",
            "You could have just asked at the desk.",
            "If you'd read the instructions this wouldn't have happened.",
            "If you had checked the size guide you would have known.",
        ],
        allows: examples![
            "You should have received an email from us.",
            "You should have an email with the tracking link.",
            "We should have told you sooner.",
            "You shouldn't have had to wait this long.",
            "You should have been refunded by now, let us check.",
            "You should have got a text with the code.",
            "If you should have any questions, just ask.",
            "If you had any trouble, we would have refunded it straight away.",
            "If you'd like, we can call you back.",
        ],
        ..BASE
    },
    Rule {
        id: "blame.you_must_have",
        kind: Blame,
        severity: High,
        patterns: &[
            "you must have accidentally|somehow|probably|just? <slip>",
            "you obviously|clearly <slip>",
        ],
        message: "Guessing at the customer's slip in public reads as blaming them.",
        fix: Fix::Sentence("Let's find out what happened."),
        unless_before: NEGATED,
        flags: examples![
            "The parcel shows as delivered, you must have missed the driver.",
            "You obviously typed the code wrong.",
        ],
        allows: examples![
            "You must have been so worried.",
            "You must have received the confirmation by now.",
            "You must have had a long day, sorry about this.",
            "Not that you must have missed anything.",
        ],
        ..BASE
    },
    Rule {
        id: "blame.your_fault",
        kind: Blame,
        severity: High,
        patterns: &[
            "your own? fault|doing",
            "that|this|it is|was your own? mistake|error|problem|issue|responsibility|lookout",
            "your own mistake|error",
            "user error",
            "the fault is|was|lies with you",
            "the fault is|was yours",
            "you are|were to blame",
            "you only have yourself|yourselves to blame",
            "the problem|issue|error|fault is|was|lies on|at|with your end|side",
            "you are|were responsible for <hindsight>|checking|reading|making|keeping|ensuring|providing",
        ],
        message: "Putting the fault on the customer in public reads as blaming them.",
        fix: Fix::Sentence("None of this is on you, and we'll help put it right."),
        unless_before: &["<negator>", "if", "whether"],
        unless_after: &["message", "messages", "code", "screen", "log", "logs", "report", "page", "popup"],
        flags: examples![
            "Honestly, it's your own fault.",
            "That was your mistake, not ours.",
            "This looks like user error.",
            "The problem is on your end.",
            "That's your problem.",
            "You're to blame for the delay.",
            "As stated in our terms, you were responsible for checking the size.",
        ],
        allows: examples![
            "It's not your fault at all.",
            "None of this is your fault.",
            "This is in no way your fault, sorry!",
            "What does your error message say?",
            "We'll fix your problem today.",
            "Is the issue on your end resolved now?",
            "Not sure whether the issue is on your end or ours, so let's check.",
            "It's not your problem to fix, we'll sort it.",
            "You're not responsible for checking the parcel, we are.",
        ],
        ..BASE
    },
    Rule {
        id: "blame.third_party",
        kind: Blame,
        severity: High,
        patterns: &[
            "the|your * 's fault|mistake|error|doing|responsibility",
            "the|your * * 's fault|mistake|error|doing|responsibility",
            "is the|your <third> 's issue|problem|concern",
            "the|your <third> is|are|was|were to blame",
            "blame the|your <third>",
            "down to the|your <third>",
            "caused by the|your <third>",
            "the|your <third> messed|screwed up",
        ],
        message: "Pointing at someone else in public reads as passing the blame.",
        fix: Fix::Sentence("We're sorry about this, and we'll look into what happened."),
        unless_before: NEGATED,
        flags: examples![
            "That's the courier's fault, not something we control.",
            "Blame the bank for that one.",
            "The delay is down to your bank.",
            "This was caused by the carrier.",
            "This is the delivery company's fault, not ours.",
            "Unfortunately that's the retailer's issue, please contact them.",
            "The seller is to blame here.",
        ],
        allows: examples![
            "It was our courier's mistake and we're so sorry.",
            "Please don't blame the driver, this one is on us.",
            "The weather has delayed some flights tonight.",
            "Did the courier leave a card?",
            "It isn't the delivery company's fault, it's ours.",
            "We'll look into the courier's problem with your address.",
        ],
        ..BASE
    },
    Rule {
        id: "blame.you_got_it_wrong",
        kind: Blame,
        severity: Medium,
        patterns: &[
            "you entered|typed|used|put|selected|chose|picked|gave|provided|supplied|sent|ordered|booked an|a|the <wrong>",
            "you entered|typed|used|put|selected|chose|picked|gave|provided|supplied|sent|ordered|booked it|them|this|that wrong|wrongly|incorrectly",
            "you did not|never follow|read|enter|install|set|update|fill|do ..4 properly|correctly|right",
            "which is why it failed|declined|bounced|broke",
        ],
        message: "Telling a customer they got it wrong, in public, reads as blaming them.",
        fix: Fix::Sentence("Let's get this sorted for you."),
        unless_before: &["<negator>", "looks", "seems", "may", "might", "appears", "if", "think", "possible", "perhaps", "maybe", "case"],
        flags: examples!["You used an expired voucher.", "You typed it wrong, so it bounced.", "You didn't follow the setup guide properly."],
        allows: examples![
            "It looks like you entered an old address, shall we update it?",
            "If you entered the wrong email, we can change it.",
            "You entered everything right, this one's on us.",
            "If you didn't set it up correctly, that's fine, we'll walk you through it.",
        ],
        ..BASE
    },
    Rule {
        id: "blame.only_when_customers",
        kind: Blame,
        severity: Medium,
        patterns: &[
            "only happens|happen|happened|occurs|occur when|if ..3 not|forget|forgot|fail|failed|ignore|ignored|skip|skipped",
        ],
        message: "Saying it only happens when customers slip up reads as blaming them.",
        fix: Fix::Sentence("Let's get this working for you."),
        flags: examples!["This only happens when people don't update the app."],
        allows: examples![
            "This only happens when the server is busy, and we're fixing it.",
            "We'd like to know if it only happens on Wi-Fi.",
        ],
        ..BASE
    },
    Rule {
        id: "blame.your_setup",
        kind: Blame,
        severity: Medium,
        patterns: &[
            "your ..2 settings|setting|phone|device|browser|router|connection|network|firewall|adblocker|antivirus|vpn|computer|laptop|wifi|setup|equipment|card is|are blocking|causing|preventing|stopping|breaking",
        ],
        message: "Stating the customer's setup is the cause, flatly and in public, reads as blaming them.",
        fix: Fix::Sentence("Something on the device may be getting in the way; we can walk you through it."),
        flags: examples!["Your browser settings are blocking the page.", "Your router is causing this."],
        allows: examples![
            "Your browser's cache may be causing this, could you try clearing it?",
            "Your phone is the newest model, so it should work.",
        ],
        ..BASE
    },
    Rule {
        id: "blame.next_time",
        kind: Blame,
        severity: Medium,
        patterns: &[
            "you need|needed|should|must ..5 next time",
            "you have to ..4 next time",
            "next time make|remember|check|read|double",
            "read the terms|small|fine|instructions|description|conditions|rules before",
            "you need|needed|have to read|check the|our terms|rules|instructions|policy|small|fine|description|conditions",
        ],
        message: "Lecturing a customer about next time reads as blaming them for this time.",
        fix: Fix::Sentence("Let's sort this out for you."),
        flags: examples![
            "You should double-check the dates next time.",
            "Next time, make sure the address is complete.",
            "You have to read the conditions carefully.",
        ],
        allows: examples![
            "Next time you visit, ask for Sam!",
            "We'll make sure it's right next time.",
            "You can read the terms here: example.com/terms",
        ],
        ..BASE
    },
];
