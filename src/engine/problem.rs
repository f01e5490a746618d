//! What went wrong, as the customer told it, said back in the reply's apology: "I'm so sorry
//! your train was cancelled again" reads as written by someone who read the message; "sorry
//! about this" reads as a template.
//!
//! Each [`Frame`] is one kind of problem: phrase patterns that find it (the tone rules'
//! [`pattern`](super::rules::pattern) language) and the words that say it back. A frame that
//! finds the customer's thing ("my parcel") names it, its owner turned round ("my" → "your",
//! "your app" → "our app"). A frame says nothing unless its words are plainly there: a wrong
//! apology is worse than a general one, so when no frame is sure the reply stays general.
//! Each frame carries the messages it must say back and those it must leave alone, which are
//! its tests.

use std::sync::LazyLock;

use super::rules::pattern::Pattern;
use super::rules::stream::Stream;
use super::text::{self, Text};
use super::word_list::WordList;
use crate::word_list;

pub struct Frame {
    /// Patterns, any of which finds the problem. `<thing>` is the customer's thing.
    pub finds: WordList,
    /// What follows "sorry": `{thing}` is the thing found with its owner ("your order"), or
    /// "it" when the match names none; `{noun}` the thing alone, or the match's last word;
    /// `{one|many}` agrees with the thing; `{still}` and `{again}` say "still" and "again"
    /// when the customer did.
    pub says: &'static str,
    /// Messages and what this frame says back for them, and messages no frame may say anything
    /// for (test builds only).
    pub examples: &'static [(&'static str, &'static str)],
    pub allows: &'static [&'static str],
}

/// A frame's examples, kept in test builds only (the shipped engine never reads them).
macro_rules! examples {
    ($($e:expr),* $(,)?) => {{
        if cfg!(test) { &[$($e),*] } else { &[] }
    }};
}

/// Things a customer's problem is about. Several may run together ("phone bill").
pub const THINGS: WordList = word_list![
    "order", "orders", "parcel", "parcels", "package", "packages", "delivery", "item", "items",
    "flight", "flights", "train", "trains", "bus", "booking", "reservation", "ticket", "tickets",
    "bag", "bags", "luggage", "suitcase", "suitcases", "car", "phone", "laptop", "tv", "printer",
    "card", "account", "app", "website", "site", "internet", "broadband", "wifi", "signal",
    "connection", "service", "network", "bill", "payment", "subscription", "router", "box",
    "food", "meal", "room", "appointment", "repair", "replacement", "claim", "email", "device",
    "console", "tablet", "machine", "engineer", "voucher", "purchase", "shipment", "computer",
    "washer", "dryer", "fridge", "freezer", "oven", "boiler", "heating", "charger", "headphones",
    "screen", "kettle", "watch", "camera", "controller", "jeans", "shoes", "jacket", "sofa", "table", "seat",
    "seats",
];

/// Things that can be "down": services, not possessions ("my bill went down" is good news).
pub const ONLINE: WordList = word_list![
    "internet", "broadband", "wifi", "signal", "connection", "service", "network", "app", "website",
    "site", "system", "phones", "lines", "tv", "checkout", "server", "servers", "email", "portal",
];

/// Things that are nobody's in particular when the customer names no owner: "app down again"
/// is the app, "broadband down again" their broadband.
const SHARED: WordList = word_list![
    "app", "website", "site", "system", "checkout", "server", "servers", "portal", "phones", "lines", "network",
];

/// Words after a thing that make it a detail of the thing, not the thing: "my order number".
const DETAILS: WordList = word_list![
    "number", "id", "reference", "code", "details", "status", "history", "confirmation", "tracking",
    "page", "settings", "address",
];

/// A sentence opening with one of these (and no "not") asks rather than reports: "Is my flight
/// cancelled?", "Will I be charged twice?"
const ASKING: WordList = word_list![
    "is", "are", "will", "would", "can", "could", "do", "does", "should", "has", "have",
];

/// Words before "my thing" that make the thing their object, not the subject of what follows:
/// "your link to cancel my subscription isn't working".
const OBJECT_OF: WordList = word_list![
    "to", "cancel", "renew", "update", "use", "using", "pay", "change", "reset", "access", "check", "track",
    "find", "open", "activate", "upgrade", "fix", "of", "with", "about", "on", "in",
];

/// Words in the same sentence before a match that make it a supposition, or a claim the
/// customer disputes, not a report: "what happens if my flight is cancelled?", "the website
/// insists I have no internet".
const SUPPOSING: WordList = word_list!["if", "whether", "unless", "case", "suppose", "hypothetically", "insists", "claims"];

pub const FRAMES: &[Frame] = &[
    Frame {
        finds: word_list![
            "refund still? has|have still? not been? arrived|come|gone|shown|appeared|reached|paid|processed|credited|issued",
            // "my refund for the cancelled 17:42 to Leeds": not "arrived", which is the parcel's
            // in "a refund for the parcel that hasn't arrived".
            "refund for|from|on ..6 still? has|have still? not been? come|gone|paid|processed|credited|issued",
            "not|never received|receive|got|get|getting|seen|had my|our|the|a refund|refunds",
            "still no refund",
            "no sign of my|our|the|a refund",
            "waiting for|on my|our|the|a refund",
            "where is my|our|the refund",
            "i|we still? have not been refunded|reimbursed",
            "you still? have not refunded|reimbursed me|us",
        ],
        says: "your refund {still}hasn't come through",
        examples: examples![
            ("Still haven't received my refund, it's been three weeks", "your refund still hasn't come through"),
            ("where is my refund??", "your refund hasn't come through"),
            ("Been waiting on a refund since March.", "your refund hasn't come through"),
            ("Hi, my refund for the cancelled 17:42 to Leeds still hasn't come through.", "your refund still hasn't come through"),
            ("My refund from the cancelled holiday has still not been paid", "your refund still hasn't come through"),
            ("I still haven't been refunded for the broken kettle", "your refund still hasn't come through"),
            ("You haven't refunded me and it's been a month", "your refund hasn't come through"),
            ("No sign of my refund", "your refund hasn't come through"),
            ("Forever not getting my refunds on my order", "your refund hasn't come through"),
        ],
        allows: examples![
            "Can I get a refund if I cancel?",
            "Refund received, thanks!",
            "I want a refund for the parcel that hasn't arrived",
            "Will I be refunded if the train hasn't come by 9?",
        ],
    },
    Frame {
        finds: word_list![
            "my|our|the|your <thing>? <thing> still? has|have not been? arrived|come|delivered|turned|shown|showed|appeared",
            "my|our|the|your <thing>? <thing> still? has|have yet to arrive|come|turn|show",
            "my|our|the|your <thing>? <thing> did not|never arrive|come|turn|show",
            "my|our|the|your <thing>? <thing> never arrived|came|turned|showed|appeared",
            "my|our|the|your <thing>? <thing> is|are|was|were still? not delivered|here",
            "not received|receive|got|get my|our|the <thing>? <thing>",
            "never received|got my|our|the <thing>? <thing>",
            "still waiting for|on my|our|the <thing>? <thing>",
            "where is|are my|our <thing>? <thing>",
        ],
        says: "{thing} {still}{hasn't|haven't} arrived",
        examples: examples![
            ("been almost two weeks and my order has yet to arrive. What's up??", "your order hasn't arrived"),
            ("I never received my order", "your order hasn't arrived"),
            ("where is my parcel?!?!", "your parcel hasn't arrived"),
            ("My packages still haven't turned up", "your packages still haven't arrived"),
            ("Still waiting for my phone bill", "your phone bill still hasn't arrived"),
        ],
        allows: examples![
            "where is my order number on the app?",
            "What happens if my parcel hasn't arrived by Friday?",
            "My order arrived today, thanks!",
        ],
    },
    Frame {
        finds: word_list![
            "my|our|the|your <thing>? <thing> was|were|got|has|have|is|are been? cancelled|canceled",
            "!i|we cancelled|canceled my|our <thing>? <thing>",
            "^ cancelled|canceled my|our <thing>? <thing>",
            "^ <thing>? <thing> cancelled|canceled",
        ],
        says: "{thing} {was|were} cancelled{again}",
        examples: examples![
            ("my train was cancelled AGAIN this morning", "your train was cancelled again"),
            ("You cancelled our flight with no warning", "your flight was cancelled"),
            ("8:15 train cancelled. Again.", "your train was cancelled again"),
        ],
        allows: examples!["My booking hasn't been cancelled yet, can I still change it?", "Is my flight cancelled?"],
    },
    Frame {
        finds: word_list![
            "my|our|the|your <thing>? <thing> still? has|have not even? been? shipped|dispatched|despatched|sent",
            "has|have not even? been? shipped|dispatched|despatched|sent",
            "still not shipped|dispatched|despatched",
        ],
        says: "{thing} {hasn't|haven't} been sent out yet",
        examples: examples![
            ("Ordered some new gear Tues with 1 day shipping and it hasnt even shipped yet...", "it hasn't been sent out yet"),
            ("my order has not been dispatched", "your order hasn't been sent out yet"),
        ],
        allows: examples!["Has my order shipped yet?"],
    },
    Frame {
        finds: word_list![
            "my|our|the|your <thing>? <thing> was|were|got|has|have|is|are been? delayed",
            "!i|we delayed my|our <thing>? <thing>",
        ],
        says: "{thing} {was|were} delayed{again}",
        examples: examples![("Our flight has been delayed 4 hours and no one is telling us anything", "your flight was delayed")],
        allows: examples!["Will my delivery be delayed by the strike?"],
    },
    Frame {
        finds: word_list![
            "<thing>? arrived|came broken|damaged|smashed|cracked|crushed|dented|torn|leaking",
            "<thing> was|were|is|are broken|damaged|smashed|cracked|crushed|dented|torn on arrival",
        ],
        says: "{thing} arrived damaged",
        examples: examples![
            ("My new lamp arrived smashed", "it arrived damaged"),
            ("the parcel arrived damaged and the box was soaked", "the parcel arrived damaged"),
        ],
        allows: examples!["Can I return it if it arrives damaged?"],
    },
    Frame {
        finds: word_list![
            "my|our|the|your <thing>? <thing> is|are|was|were|has|have now|already? been? broken|broke|faulty|defective",
            "my|our|the|your <thing>? <thing> broke|died",
            "^ <thing>? <thing> broken|broke",
        ],
        says: "{thing} {is|are} broken{again}",
        examples: examples![
            ("the washer is now broken and it's over $400 to fix a bearing", "the washer is broken"),
            ("My phone broke after two weeks", "your phone is broken"),
            ("Printer broken AGAIN", "your printer is broken again"),
        ],
        allows: examples!["Is my phone broken or is it the update?", "My screen isn't broken, it just flickers", "What if my kettle is faulty?"],
    },
    Frame {
        finds: word_list![
            "sent|received|got|delivered|given me|us? the|a wrong <thing>? <thing>",
            "sent|received|got|delivered|given me|us? the|a wrong size|colour|color|one|product|model|part",
        ],
        says: "you were sent the wrong {noun}",
        examples: examples![
            ("Received the wrong order again", "you were sent the wrong order"),
            ("You sent me the wrong size and the return label doesn't work", "you were sent the wrong size"),
        ],
        allows: examples!["I think I ordered the wrong size, can I swap it?"],
    },
    Frame {
        finds: word_list![
            "!nothing|not|no missing from my|our|the <thing>? <thing>",
            "^ missing from my|our|the <thing>? <thing>",
            "parts|pieces|items are|were|is? missing",
        ],
        says: "something was missing from {thing}",
        examples: examples![
            ("Two items missing from my order and no note", "something was missing from your order"),
            ("Opened the box and parts are missing", "something was missing from it"),
        ],
        allows: examples!["Nothing missing from my order, thanks!"],
    },
    Frame {
        finds: word_list![
            "lost my|our <thing>? <thing>",
            "my|our|the <thing>? <thing> is|are|was|were|has|have|went been? lost|missing",
        ],
        says: "{thing} went missing",
        examples: examples![("BA lost our suitcases yesterday. They still didn't arrive.", "your suitcases went missing")],
        allows: examples!["I lost my password, how do I reset it?"],
    },
    Frame {
        finds: word_list![
            "charged|billed|charging|billing me|us? twice|double",
            "double|twice charged|billed",
            "charged|billed 2x|x2",
            "overcharged|overcharging",
        ],
        says: "you were charged more than you should have been{again}",
        examples: examples![
            ("You've charged me twice for the same order", "you were charged more than you should have been"),
            ("Overcharged AGAIN this month", "you were charged more than you should have been again"),
        ],
        allows: examples!["Will I be charged twice if I reorder?", "I was charged two pounds for delivery, fine."],
    },
    Frame {
        finds: word_list![
            "my|our|the|your <thing>? <thing> is|are|has|have not been? working",
            "my|our|the|your <thing>? <thing> does|do|did not work",
            "my|our|the|your <thing>? <thing> keeps|kept|is|are crashing|freezing|dropping|failing|disconnecting",
            "my|our|the|your <thing>? <thing> stopped|stops working",
            "my|our|the|your <online> is|are|has|have|went|was|were been? down",
            "^ <online> down",
            "^ <thing>? <thing> not working",
            "<thing> does|do|did not work",
            "still not working",
            "^ not working",
            "is|are|has|have been? not working",
            "^ keeps|kept crashing|freezing",
            "my|our|the|your <thing>? <thing> will|does|did|is|are not load|loading|open|print|printing|connect|connecting|sync|syncing|charge|charging",
            "will|does|did|is|are not load|loading|open",
            "never loads|opens",
        ],
        says: "{thing} {still}{isn't|aren't} working{again}",
        examples: examples![
            ("broadband down for 3 days, not acceptable.", "your broadband isn't working"),
            ("No further update and still my internet is not working?", "your internet still isn't working"),
            ("Your app keeps crashing when I pay", "our app isn't working"),
            ("my printer will not allow me to print colour. my printer does not work", "your printer isn't working"),
            ("your link to cancel my subscription isn't working", "it isn't working"),
            ("my wifi wont connect to any network", "your wifi isn't working"),
        ],
        allows: examples![
            "Is the app down for anyone else or just me? Thanks",
            "My phone is working again, thanks!",
        ],
    },
    Frame {
        finds: word_list![
            "i|we|still can not log|sign|login|signin|access",
            "i|we am|are|was|were|keep|kept|get|getting locked out",
            "i|we am|are|was|were unable to log|sign|login|access",
        ],
        says: "you {still}can't get into your account",
        examples: examples![("I can't log in to my account since the update", "you can't get into your account")],
        allows: examples!["I can log in now, thanks", "Can I log in with my email instead?"],
    },
    Frame {
        finds: word_list![
            "no signal|internet|wifi|broadband|power|electricity|water|heat|heating|network|service",
        ],
        says: "you've been left without {noun}{again}",
        examples: examples![
            ("I have no water and the bill is current and paid.", "you've been left without water"),
            ("no signal/network in RG27, is there a known issue?", "you've been left without signal"),
        ],
        allows: examples!["No worries, the signal is back now", "The website insists I have no internet connection"],
    },
    Frame {
        // "double-booked" is "double booked" in the stream, which drops the hyphen.
        finds: word_list![
            "double booked my|our|the|your <thing>? <thing>",
            "my|our|the|your <thing>? <thing> was|were|got|has|have|is|are been? double booked",
        ],
        says: "{thing} {was|were} double-booked{again}",
        examples: examples![
            ("The hotel double-booked our room and we had nowhere to stay", "your room was double-booked"),
            ("my appointment was double booked AGAIN", "your appointment was double-booked again"),
        ],
        allows: examples!["Can my table be double booked for two sittings?"],
    },
    Frame {
        finds: word_list!["power|electricity is|are|has|have|was|went still? been? out|off|down"],
        says: "you've been left without power{again}",
        examples: examples![("Our power is out again, third time this week", "you've been left without power again")],
        allows: examples!["Is the power off in SE1 for the works tomorrow?", "If the power goes off, will the freezer be ok?"],
    },
    Frame {
        finds: word_list![
            "still being|getting charged|billed",
            "charged|billed me? for something|a i|we did not order|use|want|authorize|authorise",
            "charged|billed me? after cancelling|canceling",
            "charged|billed me? after i|we cancelled|canceled",
        ],
        says: "you're still being charged",
        examples: examples![("I cancelled my subscription in May and I am still getting charged monthly", "you're still being charged")],
        allows: examples!["Will I still be charged after I cancel?"],
    },
    Frame {
        finds: word_list![
            "getting|get|got|throwing|throws|shows|showing an|the? error",
            "error code|message",
        ],
        says: "you're getting an error{again}",
        examples: examples![("Keep getting an error when I try to pay", "you're getting an error")],
        allows: examples!["Was it an error on my side? All sorted now"],
    },
    Frame {
        finds: word_list![
            "got|get|was|were|keep|kept|getting cut off !by",
            "got|get|was|were|keep|kept|getting cut off $",
            "hung|hanging|hangs up on",
            "keeps|kept hanging up",
            "no one|nobody answering|answers|answered|picking|picks",
            "can|could not get through",
        ],
        says: "you couldn't get through to us",
        examples: examples![
            ("Trying to book a hotel and got cut off twice.", "you couldn't get through to us"),
            ("The phone is keep ringing and no one picking it up", "you couldn't get through to us"),
        ],
        allows: examples!["Got through in the end, thanks!", "I just got cut off by one of your trucks"],
    },
    Frame {
        finds: word_list![
            "on hold ..2 for|since|over|hour|hours|minutes|mins",
            "mins|minutes|hour|hours|ages on hold",
            "been waiting",
            "waiting ..2 hours|days|weeks|ages",
            "waited ..3 hours|days|weeks|ages",
            "kept waiting",
        ],
        says: "you've been kept waiting",
        examples: examples![
            ("Waiting for over 2 hours now for a chat agent. Almost 2 hours on hold for phone", "you've been kept waiting"),
            ("30 mins on hold to talk to someone about my policy", "you've been kept waiting"),
        ],
        allows: examples!["How long will I be waiting for the engineer?"],
    },
    Frame {
        finds: word_list![
            "no reply|response|answer|callback|call",
            "have|has not|never heard back|anything",
            "not|never had|got|received a|any reply|response|answer|callback",
            "nobody ..1 got|gotten|called|come back",
            "nobody ..1 replied|responded|answered",
            "no one ..1 got|gotten|called|come back",
            "no one ..1 replied|responded|answered",
            "been ignored",
            "keep|kept|are|were|is ignoring me|us|my|our",
        ],
        says: "you {still}haven't heard back from us",
        examples: examples![
            ("I emailed you on the 28th June and was told I would hear back and I still haven't heard anything.",
             "you still haven't heard back from us"),
            ("was asked to take this further through private message and have been ignored ever since", "you haven't heard back from us"),
            ("You keep ignoring my emails", "you haven't heard back from us"),
            ("Being charged 2x month. No reply to my email sent months ago.", "you were charged more than you should have been"),
        ],
        allows: examples!["No worries, got it sorted", "Ignoring me? No, you just replied, thanks!"],
    },
    Frame {
        finds: word_list![
            "staff|driver|agent|employee|employees|manager|cashier|waiter|waitress|crew was|were|is|are so|very|really|super? rude|unhelpful|abusive|aggressive|racist|condescending",
            "rude|unhelpful|abusive|aggressive|condescending staff|driver|agent|employee|employees|manager|cashier|waiter|waitress|crew",
        ],
        says: "about how you were treated",
        examples: examples![("The driver was so rude to my mum today", "about how you were treated")],
        allows: examples!["The staff were not rude at all, just slow"],
    },
];

/// The problem said back for the apology of a reply to the message `parsed`, when a frame is
/// sure of it: "your train was cancelled again". The first frame that finds something speaks.
#[inline(never)]
pub fn said_back(parsed: &Text) -> Option<String> {
    let stream = Stream::new(parsed);
    for (frame, pattern) in COMPILED.iter() {
        for found in pattern.matches(&stream) {
            if let Some(said) = say(&FRAMES[*frame], parsed, &stream, found) {
                return Some(said);
            }
        }
    }
    None
}

/// Every frame's patterns, compiled once, each with its frame's index, in [`FRAMES`]'s order.
static COMPILED: LazyLock<Vec<(usize, Pattern)>> = LazyLock::new(|| {
    let mut out = Vec::new();
    for (i, frame) in FRAMES.iter().enumerate() {
        for src in frame.finds.iter() {
            out.push((i, Pattern::parse(src)));
        }
    }
    out
});

/// The frame's words for the match `found` (stream items), or `None` when the match is a
/// supposition or a question, or its thing is only a detail ("my order number") or another
/// word's object.
#[inline(never)]
fn say(frame: &Frame, parsed: &Text, stream: &Stream, found: std::ops::Range<usize>) -> Option<String> {
    let items = &stream.items;
    let sentence = items[found.start].sentence;
    let mut opening = found.start;
    while opening > 0 && items[opening - 1].sentence == sentence {
        opening -= 1;
    }
    let before = &items[opening..found.start];
    let asking = ASKING.contains(items[opening].word) && items.get(opening + 1).is_none_or(|i| i.word != "not");
    // "cancel my subscription isn't working": the subscription is not what isn't working.
    let object = matches!(items[found.start].word, "my" | "our" | "the" | "your")
        && before.last().is_some_and(|i| OBJECT_OF.contains(i.word));
    if asking || object || before.iter().any(|i| SUPPOSING.contains(i.word)) {
        return None;
    }
    // The thing: the last run of thing words in the match.
    let is_thing = |i: usize| THINGS.contains(items[i].word) || ONLINE.contains(items[i].word);
    let mut end = found.end;
    while end > found.start && !is_thing(end - 1) {
        end -= 1;
    }
    let mut start = end;
    while start > found.start && is_thing(start - 1) {
        start -= 1;
    }
    let words = |from: usize, to: usize| {
        let (first, last) = (&parsed.tokens[items[from].tok], &parsed.tokens[items[to - 1].tok]);
        parsed.slice(first.byte_start, last.byte_end)
    };
    let (mut owner, mut plural) = ("", false);
    if start < end {
        if items.get(end).is_some_and(|i| i.sentence == sentence && DETAILS.contains(i.word)) {
            return None;
        }
        let head = items[end - 1].word;
        // With no owner word, a possession is the customer's ("train cancelled again" is their
        // train), a service nobody's in particular ("app doesn't work").
        owner = match (start > opening).then(|| items[start - 1].word) {
            Some("your") => "our ",
            Some("my" | "our") => "your ",
            _ if SHARED.contains(head) => "the ",
            Some("the" | "this" | "that" | "these" | "those") => "the ",
            _ => "your ",
        };
        // Every plural thing ends in "s"; of the things that do, only "bus" is singular.
        plural = head.ends_with('s') && head != "bus";
    }
    let said = |word: &str| items.iter().any(|i| i.word == word);
    let from = if start < end { start } else { found.end - 1 };
    let noun = words(from, end.max(from + 1));
    // "Printer broken again": the capital is the sentence's, not the printer's.
    let noun = if from == opening { text::uncapitalised(noun) } else { noun.to_string() };
    let named = format!("{owner}{noun}");
    let thing = if start < end { &named } else { "it" };
    // The template: `{thing}`, `{noun}`, `{still}`, `{again}`, or `{one|many}` by agreement.
    let at = |s: &str, byte: u8| s.bytes().position(|b| b == byte);
    let mut out = String::new();
    let mut rest = frame.says;
    while let (Some(open), Some(close)) = (at(rest, b'{'), at(rest, b'}')) {
        out.push_str(text::slice(rest, ..open));
        let key = text::slice(rest, open + 1..close);
        rest = text::slice(rest, close + 1..);
        let bar = at(key, b'|').unwrap_or(key.len());
        out.push_str(match key {
            "thing" => thing,
            "noun" => &noun,
            "still" if said("still") => "still ",
            "again" if said("again") || said("another") => " again",
            "still" | "again" => "",
            _ if plural => text::slice(key, bar + 1..),
            _ => text::slice(key, ..bar),
        });
    }
    out.push_str(rest);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn said_back(message: &str) -> Option<String> {
        super::said_back(&Text::new(message))
    }

    #[test]
    fn every_frame_says_back_its_examples_and_leaves_its_look_alikes_alone() {
        for frame in FRAMES {
            for (message, said) in frame.examples {
                assert_eq!(said_back(message).as_deref(), Some(*said), "for {message:?}");
            }
            for message in frame.allows {
                assert_eq!(said_back(message), None, "for {message:?}");
            }
        }
    }

    #[test]
    fn every_pattern_finds_something() {
        // A pattern no example reaches may be dead (the `a|b c` trap): each must find a match
        // in its frame's examples or in the sentences below.
        let more = [
            "my refund has not come through", "still no refund", "my order is still not here",
            "they never delivered. I did not get my parcel", "my order did not arrive", "my parcels never arrived",
            "my order has not been delivered", "my flight got cancelled", "The airline delayed our flight",
            "the box was crushed on arrival", "my phone is missing", "you billed me double", "double charged",
            "charged 2x", "my tv stopped working", "internet not working", "the site is down", "my card did not work",
            "i am locked out", "i am unable to log in", "waited 3 hours", "I have been waiting all day",
            "I was kept waiting", "on hold for ages", "Missing from my order: the charger", "I have not had a reply",
            "nobody called back", "no one has got back to me", "nobody has replied", "no one responded",
            "rude staff at the counter", "my card keeps failing", "kept crashing", "still not working?",
            "Not working again.", "the app will not load", "it will not load", "chat never loads", "still not shipped",
            "Cancelled my flight without telling me", "app not working", "my wifi is not working",
            "charged me for something I did not order", "billed after cancelling", "charged me after I cancelled",
            "they hung up on me", "I was cut off.", "kept hanging up", "could not get through", "error code 37",
        ];
        let sources = FRAMES.iter().flat_map(|f| f.finds.iter().map(move |src| (f, src)));
        for ((frame, src), (_, pattern)) in sources.zip(COMPILED.iter()) {
            let found = frame.examples.iter().map(|e| e.0).chain(more).any(|m| {
                let t = Text::new(m);
                let s = Stream::new(&t);
                let found = pattern.matches(&s).next().is_some();
                found
            });
            assert!(found, "pattern {src:?} finds nothing");
        }
    }

    #[test]
    fn owners_turn_round_and_verbs_agree() {
        assert_eq!(said_back("my parcels have not arrived").as_deref(), Some("your parcels haven't arrived"));
        assert_eq!(said_back("your website is down").as_deref(), Some("our website isn't working"));
        assert_eq!(said_back("the trains were cancelled").as_deref(), Some("the trains were cancelled"));
        assert_eq!(said_back("my bus was cancelled").as_deref(), Some("your bus was cancelled"));
    }

    #[test]
    fn a_message_with_no_plain_problem_gets_nothing_said_back() {
        for message in ["This is ridiculous.", "Worst customer service ever. Waste of time.", "Pretty nasty lamp shade at the hotel", ""] {
            assert_eq!(said_back(message), None, "for {message:?}");
        }
    }
}
