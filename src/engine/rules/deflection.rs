//! Deflection: denying responsibility, "nothing we can do", sending the customer elsewhere
//! without help.

use super::{Fix, Rule, BASE, NEGATED};
use crate::engine::api::{Severity::*, ToneKind::Deflection};

pub const RULES: &[Rule] = &[
    Rule {
        id: "deflection.not_our_fault",
        kind: Deflection,
        severity: High,
        patterns: &[
            "not our|my fault|problem|responsibility|department|concern|doing|issue|call|decision|remit|job|area|headache|business",
            "no fault of ours|mine",
            "nothing to do with us|me",
            "is|was|are|were not on us|me",
            "is|was|are|were not down to us|me",
            "not us|me $",
            "it was|is them not us",
            "rather than us $",
        ],
        message: "Saying it's not your fault in public reads as denying responsibility.",
        fix: Fix::Sentence("We're sorry about this, and we'll help put it right."),
        flags: examples![
            "That isn't our fault.",
            "Honestly this is not our problem.",
            "Sorry, not my department.",
            "That has nothing to do with us.",
            "This one isn't on us.",
            "The courier delayed it, not us.",
        ],
        allows: examples![
            "It's not your fault at all.",
            "This isn't on you, and we'll sort it.",
            "Not our finest moment, sorry!",
            "That's not our standard and we're sorry.",
            "Through no fault of your own, your order was delayed.",
            "Not us forgetting your birthday treat, we've added it now!",
        ],
        ..BASE
    },
    Rule {
        id: "deflection.not_responsible",
        kind: Deflection,
        severity: High,
        patterns: &[
            "we|i are|am|is not responsible|liable|accountable",
            "we|i are|am|is not to blame",
            "we|i can not be held responsible|liable|accountable",
            "we|i can|do|will not take|accept any? responsibility|liability",
            "no responsibility|liability for",
        ],
        message: "Disclaiming responsibility in public reads as not caring about the outcome.",
        fix: Fix::Sentence("We're sorry this happened, and we'll do what we can to help."),
        flags: examples![
            "We're not responsible for that.",
            "We cannot be held liable for delays.",
            "We don't accept responsibility for third-party sellers.",
        ],
        allows: examples![
            "We take full responsibility and we're sorry.",
            "We're responsible for this, and we'll fix it.",
            "The team responsible for refunds will reply today.",
        ],
        ..BASE
    },
    Rule {
        id: "deflection.nothing_we_can_do",
        kind: Deflection,
        severity: High,
        patterns: &[
            "nothing|not|little more|else|further? we|i can|could do|offer",
            "not much we|i can|could do",
            "our hands are tied",
            "out of our|my hands",
            "beyond|outside our|my control",
            "out of our|my control",
            "we|i can not do anything|nothing|much about|for|more|further",
            "not something we|i can help|assist|deal with",
            "not something we|i deal with|handle",
        ],
        message: "Saying nothing can be done closes the door on a customer who came for help.",
        fix: Fix::Sentence("We understand, and here's what we can do."),
        unless_before: &["if", "anything", "everything", "whatever"],
        flags: examples![
            "There's nothing we can do at this point.",
            "It's beyond our control, I'm afraid.",
            "Our hands are tied here.",
            "We can't do anything about that.",
            "That's not something we can help with.",
            "That's not something we deal with.",
        ],
        allows: examples![
            "Let us know if there's anything else we can do.",
            "If there's nothing else we can do, have a great day!",
            "We'll do everything we can do to help.",
            "We're doing all we can and will update you within the hour.",
        ],
        ..BASE
    },
    Rule {
        id: "deflection.go_elsewhere",
        kind: Deflection,
        severity: Medium,
        patterns: &[
            "take this|that|it? up with",
            "you will|would have to contact|call|ask|email|phone|ring|complain|speak|talk|write|reach out? to? your|them|their|<third>",
            "you will|would have to contact|call|ask|email|phone|ring|complain|speak|talk|write|reach out? to? the <third>",
            "you will|would|do need to contact|call|ask|email|phone|ring|complain|speak|talk|write|reach out? to? ..4 directly|instead",
            "that|this|it is a question|matter for your|them|<third>",
            "that|this|it is a question|matter for the <third>",
            "you are|were better off asking|contacting|calling|going",
        ],
        message: "Sending the customer elsewhere without helping reads as passing them on.",
        fix: Fix::Sentence("We'll help you with this, and we can point you to the right team too."),
        unless_before: NEGATED,
        flags: examples![
            "You'll have to take that up with your bank.",
            "You'll have to contact the seller.",
            "You'll need to contact the manufacturer directly.",
            "You'd need to speak to your provider directly.",
            "You'll have to call the store you bought it from.",
            "That's a question for your provider.",
        ],
        allows: examples![
            "You'll have to contact our billing team, here's the link and we'll flag it for them.",
            "You won't have to contact anyone else, we'll sort it.",
            "You won't need to contact the bank, we've refunded it.",
            "You'll need to contact us by DM so we can check the order.",
            "You'll need to contact your bank only if the charge is still there after 5 days.",
            "You'd need to call the store to collect it, here are their hours.",
            "Please contact your bank if the charge still shows after 5 days.",
        ],
        ..BASE
    },
    Rule {
        id: "deflection.policy",
        kind: Deflection,
        severity: Medium,
        patterns: &[
            "policy ..4 can|will not change|bend|make|do|help",
            "rules are rules",
            "policy is policy",
            "that|it is just|simply the|our? policy $",
            "that|it is just|simply how it is|works",
            "that|it is just|simply the way it is",
        ],
        message: "Hiding behind policy reads as refusing to help.",
        fix: Fix::Sentence("We know this is frustrating; here's what we can do."),
        unless_before: NEGATED,
        flags: examples!["It's company policy, we can't change it.", "Sorry, rules are rules.", "That's just the policy."],
        allows: examples![
            "Our refund policy is here: example.com/refunds",
            "We've changed the policy so this can't happen again.",
        ],
        ..BASE
    },
    Rule {
        id: "deflection.not_our_side",
        kind: Deflection,
        severity: Medium,
        patterns: &[
            "not ..2 issue|problem|fault|error|bug on|at|from our|my end|side",
            "problem|issue|fault|error is|was|lies not on|at|with|from our|my end|side",
            "is|was|are not on|at|from our|my end|side",
            "nothing wrong on|at|with our|my end|side",
        ],
        message: "Insisting the problem isn't on your side reads as denying responsibility.",
        fix: Fix::Sentence("Let's get to the bottom of this together."),
        flags: examples!["This is not an issue on our side.", "The problem isn't on our end.", "There's nothing wrong on our side."],
        allows: examples![
            "We're checking whether the issue is on our side.",
            "We've found the issue on our side and fixed it.",
        ],
        ..BASE
    },
    Rule {
        id: "deflection.only_you",
        kind: Deflection,
        severity: Medium,
        patterns: &[
            "nobody|none else has|have|is|are ..2 complained|reported|had|having|seen|experiencing|mentioned",
            "no one else has|have|is|are ..2 complained|reported|had|having|seen|experiencing|mentioned",
            "you are the only one|person|customer",
            "everyone|everybody else manages|managed|manage|copes|coped",
            "everyone|everybody else seems|is|was fine|happy",
            "everyone|everybody else has|had|have had? no problem|problems|issue|issues|trouble",
        ],
        unless_after: &["who", "that", "we"],
        message: "Saying no one else has the problem reads as doubting the customer.",
        fix: Fix::Sentence("Thanks for flagging this; we'll look into it."),
        flags: examples![
            "Nobody else has complained about this.",
            "You're the only customer with this issue.",
            "Everyone else manages fine.",
            "Everybody else has had no problems with it.",
        ],
        allows: examples![
            "You're the only one who can reset it, so here's how.",
            "We've had other reports and we're on it.",
            "Everyone else in the queue will hear from us today too.",
            "Everyone else on your plan got the same issue, and we're fixing it.",
        ],
        ..BASE
    },
    Rule {
        id: "deflection.sorry_you_feel",
        kind: Deflection,
        severity: Low,
        patterns: &["sorry you feel|felt that|this way", "sorry if you feel|felt"],
        message: "Being sorry for how someone feels, not for what happened, reads as a non-apology.",
        fix: Fix::Sentence("We're sorry for what happened."),
        flags: examples!["We're sorry you feel that way."],
        allows: examples!["We're sorry you had to wait."],
        ..BASE
    },
];
