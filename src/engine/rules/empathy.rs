//! What counts as acknowledging a complaint: any one of these phrases in the reply means the
//! agent has recognised the customer's trouble (apology, understanding, thanks for flagging,
//! owning the problem). Their absence in a reply to a complaint is `no_empathy`.

use std::sync::LazyLock;

use super::pattern::Phrases;
use super::stream::Stream;
use crate::engine::word_list::WordList;
use crate::word_list;

pub const ACKNOWLEDGEMENTS: WordList = word_list![
    "sorry",
    "apologise|apologize|apologies|apology|apologising|apologizing|apologised|apologized",
    "regret|regrets",
    "understand|understandable|understandably",
    "frustrating|frustration|frustrated|annoying|annoyed|disappointing|disappointed|upsetting",
    "inconvenience|inconvenienced|hassle|trouble",
    "not good|ideal|right|okay|ok|acceptable|great|fun|cool",
    "no good|fun",
    "hear|hears you|that",
    "hate|hated to hear|see",
    "thanks|thank for ..3 letting|flagging|reporting|raising|telling|bringing|sharing|pointing|patience|reaching|heads",
    "appreciate|appreciated",
    "oh no",
    "yikes|ugh|oops|eek|whoops",
    "concern|concerns|concerned|worrying|worried",
    "our bad|mistake|fault|error",
    "my bad|mistake|fault|error",
    "on us",
    "should not have|happen|happened",
    "never the way|experience",
    "not the experience|service|standard",
    "we get it",
    "we feel|get you",
    "rough|awful|terrible|unacceptable|nightmare|pain",
];

static COMPILED: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(ACKNOWLEDGEMENTS));

/// True when the stream acknowledges the customer's trouble somewhere.
pub fn acknowledges(stream: &Stream) -> bool {
    COMPILED.any_in(stream)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::Text;

    fn ack(s: &str) -> bool {
        let t = Text::new(s);
        acknowledges(&Stream::new(&t))
    }

    #[test]
    fn apologies_understanding_and_ownership_count() {
        for s in [
            "So sorry about this!",
            "We understand, that's not good enough.",
            "Thanks for letting us know, we're on it.",
            "That's on us, fixing it now.",
            "Oh no! Let's fix this.",
            "This shouldn't have happened.",
            "We hear you.",
        ] {
            assert!(ack(s), "{s}");
        }
    }

    #[test]
    fn bare_instructions_do_not() {
        for s in ["Restart the app.", "Please DM us your order number.", "Here's the link: https://ex.com", "Thanks!"] {
            assert!(!ack(s), "{s}");
        }
    }
}
