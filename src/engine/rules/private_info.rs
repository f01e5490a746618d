//! Private info: asking for personal or account data where everyone can read the answer.
//! Asking for it by DM is the right move, so a private channel anywhere in the draft
//! cancels these rules.

use super::{Fix, Rule, BASE, NEGATED};
use crate::engine::api::{Severity::*, ToneKind::PrivateInfo};
use crate::engine::word_list::WordList;
use crate::word_list;

/// Mentioning one of these means the details go somewhere private.
const PRIVATE_CHANNELS: WordList = word_list!["<private_channel>", "form", "ticket", "portal", "request", "subject"];

/// What the rules that ask about details here share: the rewrite moves the request to a DM;
/// a negation before, a thing rather than a person after, a private channel or a link cancel it.
const ASKING_HERE: Rule = Rule {
    kind: PrivateInfo,
    fix: Fix::ToDm,
    unless_before: NEGATED,
    unless_after: NOT_PERSONAL_AFTER,
    unless_in_draft: PRIVATE_CHANNELS,
    unless_link_after: true,
    ..BASE
};

/// Words after the noun that make it about a thing, not a person: "your phone model", "your
/// email app", a link to a form.
const NOT_PERSONAL_AFTER: WordList = word_list![
    "<url>", "model", "make", "type", "version", "os", "brand", "carrier", "plan", "provider",
    "settings", "app", "browser", "client",
];

pub const RULES: &[Rule] = &[
    Rule {
        id: rule_id!("private_info.post_publicly"),
        kind: PrivateInfo,
        severity: High,
        patterns: word_list![
            "<public_verb> us|me|back|below|here? with? your <private_mod>? <private_mod>? <private_noun>",
            "<public_verb> us|me|back|below|here? with? the|your name and|& address|number|email|phone",
            "<public_verb> ..5 full|legal name|names|address",
            "<public_verb> ..5 date of birth",
            "<public_verb> ..8 dob",
            "comment|reply ..1 your player|user|account|student id|number",
            "<public_verb> with your ..2 id number|no",
            "<public_verb> ..5 linked to|on your|the ..1 account|booking|order",
            "<public_verb> ..4 <private_noun> in|below this|the thread|comments|replies|tweet",
            "pop|put|drop|leave|post them|it|these in|below the? comments|replies|thread",
            "pop|put|drop|leave|post them|it|these below|here $",
            "quote ..5 in a|your reply|comment|tweet",
            "^ share|send|post|reply|drop order|account|booking|card no|number|numbers|ref|reference|email",
            "<private_noun>|birth in|below this|the thread|comments|replies|tweet",
            "digits|numbers of your card below|here|publicly",
            "<public_verb> a|the screenshot|photo|picture|pic|copy of your bank|card|credit|debit|passport|licence|license|id|statement",
            "<public_verb> to this|the|our|my tweet|post|comment|thread|reply with your ..3 <private_mod>? <private_noun>",
            "<public_verb> us|me|back? with? the <private_mod> <private_mod>? <private_noun>",
            "<public_verb> us|me|back? with? your|the full|real|legal name|names",
            "<public_verb> us|me|back? with? the last|first ..1 digits|numbers|characters of your",
            "<public_verb> us|me|back? with? your date|place of birth",
        ],
        message: "Asking for personal details in a public reply puts the customer's data on show.",
        fix: Fix::ToDm,
        unless_before: NEGATED,
        unless_after: word_list!["<url>"],
        unless_in_draft: PRIVATE_CHANNELS,
        unless_later: word_list![],
        only_with: word_list![],
        unless_link_after: true,
        even_in_private: false,
        flags: examples![
            "Reply with your full address and we'll check.",
            "Could you post your account number?",
            "Tweet us your card number and we'll refund it.",
            "Please share the order ID and email below.",
            "Leave your phone number in the comments.",
            "Please reply with the last 4 digits of your card.",
            "Reply with your date of birth so we can verify you.",
            "Pop your full name and postcode below and we'll check.",
            "Comment below with your account number.",
            "Tweet us your meter serial number.",
            "Reply to this tweet with your flight number and booking ref.",
            "Could you reply with the account holder's full name, address and date of birth?",
            "Please comment with your MPRN and full address.",
            "Kindly reply here with your registered mobile number.",
            "Please post the email and phone number linked to your rider account.",
            "What's your VIN? Pop it in the comments.",
            "Drop the last 4 digits of your card below and we'll check.",
            "Quote your customer account number in a reply and we'll check the bill.",
            "What's the VIN? Pop it below.",
            "Post your plate number and mobile here pls.",
            "Share order no + email used at checkout here.",
            "Reply with your health and care number and DOB.",
            "Can you confirm your booking reference and date of birth in this thread?",
            "Tweet us your TIN and we'll look.",
            "Comment your player ID and the email you signed up with.",
            "Reply with your student ID number and your flat number please.",
        ],
        allows: examples![
            "Please DM us your order number.",
            "Please send us a DM with your email address.",
            "Please don't post your account number here.",
            "Never share your password with anyone.",
            "Please reply with your city so we can check the outage map.",
            "Share your channel's URL and we'll take a look.",
            "Can you share your details here so we can help? https://example.com/contact",
            "What's your ZIP code? Some channels vary by area.",
            "Reply with the details in a private message.",
            "Pop us a DM with your postcode and we'll check.",
            "Reply here if your questions aren't answered.",
            "Reply here or DM us your full name and we'll look.",
            "Quote your order number when you call us on 0800 123 456.",
            "Share order updates with your family from the app.",
        ],
    },
    Rule {
        id: rule_id!("private_info.asked_here"),
        kind: PrivateInfo,
        severity: High,
        patterns: word_list![
            "what is your <private_mod>? <private_mod>? <private_noun>",
            "what is your full|real|legal name",
            "what is your|the dob|birthday|birthdate",
            "what is your|the date of birth",
            "what is the <private_mod>? <private_noun> on|for|linked to? your account|order|booking|card",
            "give|tell|send|provide|confirm|know us|me? your <private_mod>? <private_mod>? <private_noun> ..4 here|below|publicly|thread|comments|reply|replies",
        ],
        message: "Asking for personal details in a public reply puts the customer's data on show.",
        flags: examples![
            "What's your full name?",
            "What's your email? We'll look it up.",
            "Let us know your booking reference here.",
            "Send us your home address below and we'll check.",
            "What's the email on your account? Just post it below.",
            "What is the phone number linked to your account?",
            "What's the DOB and postcode on the account?",
        ],
        allows: examples![
            "What's your email? Please send it by DM.",
            "What is your favourite flavour?",
            "What's your phone model?",
            "What's your name? We'd love to give you a shout-out!",
            "Send us your postcode by DM.",
            "Tell us your order number through this form: example.com/help",
            "What's the email on your account? Please DM it to us.",
            "What is the version number on your app?",
        ],
        ..ASKING_HERE
    },
    Rule {
        id: rule_id!("private_info.asked_plainly"),
        kind: PrivateInfo,
        severity: Medium,
        patterns: word_list![
            "^ please provide|send|give|tell|share your <private_mod>? <private_mod>? <private_noun>",
            "^ provide|send|give|tell|share your <private_mod>? <private_mod>? <private_noun>",
            "could|can|would you please? provide|send|give|tell|share us|me? your <private_mod>? <private_mod>? <private_noun>",
            "send|give|tell us|me your <private_mod>? <private_mod>? <private_noun>",
            "let us|me know your <private_mod>? <private_mod>? <private_noun>",
            "let us|me know your full|real|legal name|names",
        ],
        message: "Asking for personal details in a public reply invites the customer to post them for everyone.",
        flags: examples![
            "Please provide your address so we can send a replacement.",
            "Let us know your full name and date of birth.",
            "Could you send us your order number?",
            "Give us your phone number and we'll call you back.",
        ],
        allows: examples![
            "We'll send your order number by email.",
            "We'll provide your tracking number shortly.",
            "Please send us your order number by DM.",
            "Let us know your phone model and we'll check.",
            "Could you tell us your order number through the form? example.com/help",
            "Please don't send us your card number.",
        ],
        ..ASKING_HERE
    },
    Rule {
        id: rule_id!("private_info.secret"),
        kind: PrivateInfo,
        severity: High,
        patterns: word_list![
            "provide|send|give|tell|share|confirm|reply|dm|message|post|need|needs us|me|over? with? your|the ..5 password|passcode|pin|cvv|cvc|passwords|pins|credentials",
            "what is your|the ..2 password|passcode|pin|cvv|cvc",
            // One-time codes: the code that lets someone into the account, the scammer's favourite ask.
            "provide|send|give|tell|share|confirm|dm|message|read us|me? with? your|the ..3 verification|security|otp|2fa|login|authentication|authenticator|sms code|codes",
            "send|give|tell|share|confirm|dm|message|read us|me? the|that ..2 code we|i have? just? sent|texted|emailed",
            "the ..2 code|codes from|in your authenticator|authentication|2fa|sms|texts",
            "send|give|tell|share|confirm|dm|message|read us|me? the|that ..2 code you have? just? received|got",
            // A whole card number, or what goes with it, is never asked for on social media.
            "provide|send|give|tell|share|confirm|reply|dm|message|post|need us|me? with? your|the full|long|whole|complete card number|numbers",
            "send|give|tell|share|reply|post|provide|confirm|with the ..2 number on the front|back of your card",
            "answer|answers to your|the security|secret question|questions",
            "the long|full number on your card",
            "plus|and|with the|your cvv|cvc|pin|passcode|password",
            "your|the memorable word|information",
        ],
        message: "No brand asks for a password, PIN or one-time code, even by DM: asking teaches customers to give them to scammers.",
        fix: Fix::Sentence("We'll never ask for your password, PIN or a code we send you; please DM us your username so we can check."),
        unless_before: NEGATED,
        even_in_private: true,
        flags: examples![
            "Tell us your username and password and we'll check.",
            "Please DM us your PIN so we can verify the account.",
            "What's the CVV on your card?",
            "Please send us the verification code you just received.",
            "DM me the 6-digit code we texted you.",
            "DM us the one-time code we've just texted you.",
            "Can you share the 6-digit code from your authenticator app? A DM is fine.",
            "Send us your full card number via DM and we'll refund it.",
            "Reply with the long number on the front of your card.",
            "Tell us the answer to your security question.",
            "Please DM us the one-time code you've just received.",
            "Please DM your registered mobile number and UPI PIN.",
            "DM us the long number on your card plus the CVV.",
        ],
        allows: examples![
            "Never share your password with anyone, including us.",
            "We'll never ask for your PIN.",
            "You can reset your password here: example.com/reset",
            "Please don't send us your password.",
            "Enter the verification code we sent you to finish signing in.",
            "We'll send you a verification code by text.",
            "Never share a verification code with anyone, including us.",
            "Send us the discount code that didn't work and we'll honour it.",
            "Please DM us the last four digits of your card.",
            "Share the discount code from your email at checkout.",
            "We'll never ask for the answer to your security question.",
        ],
        ..BASE
    },
];
