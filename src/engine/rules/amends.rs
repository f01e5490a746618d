//! What counts as the brand making good: a refund given, a charge waived, a redo at its own
//! cost, the fault owned. A draft that makes good does not blame the customer, whatever it says
//! about the cause ("The uploaded file was 72dpi, which blurs at that size; we'll reprint it
//! free"), so the learned blame model leaves it alone. The phrase rules still judge it.

use std::sync::LazyLock;

use super::pattern::Pattern;
use super::stream::Stream;
use crate::engine::word_list::WordList;
use crate::word_list;

pub const AMENDS: WordList = word_list![
    "our|my bad|mistake|fault|error",
    "on us $",
    "we|i have refunded|credited|waived|reversed|removed|cancelled|covered",
    "has|have been refunded|credited|waived|reversed",
    "we|i will refund|credit|waive|reverse|cover|reprint|replace|redo",
    "free of charge|cost",
    "at no cost|charge|extra",
    "reprint|replace|redeliver|resend|redo ..2 free",
    "you will not be charged",
    "we|i have resent|reissued|replaced|redelivered|rebooked",
    "we|i have re sent|issued|booked",
    "sending|send you? a replacement",
    "sending|send you? a new one",
    "you do not need to do anything",
];

static COMPILED: LazyLock<Vec<Pattern>> = LazyLock::new(|| {
    let mut patterns = Vec::new();
    for src in AMENDS.iter() {
        patterns.push(Pattern::parse(src));
    }
    patterns
});

/// True when the draft makes good somewhere.
pub fn makes_amends(stream: &Stream) -> bool {
    let patterns = &*COMPILED;
    (0..stream.items.len()).any(|i| patterns.iter().any(|p| p.match_at(stream, i).is_some()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::text::Text;

    fn amends(s: &str) -> bool {
        let t = Text::new(s);
        makes_amends(&Stream::new(&t))
    }

    #[test]
    fn refunds_waivers_free_redos_and_owned_faults_make_amends() {
        for s in [
            "We've refunded it in full.",
            "Send a higher-res version and we'll reprint free.",
            "The fee has been waived.",
            "That one's on us.",
            "We'll contact your vet directly, so you don't need to do anything.",
            "So you won't be charged.",
            "We've re-sent it after confirming the address by phone.",
            "We've opened an investigation and are sending a replacement today.",
        ] {
            assert!(amends(s), "{s}");
        }
    }

    #[test]
    fn a_paid_fix_or_a_bare_cause_makes_no_amends() {
        for s in [
            "We can quote for a repair.",
            "We can exchange it for a £30 fee.",
            "Your free trial ended because it wasn't cancelled.",
            "The refund was refused as the item was used.",
        ] {
            assert!(!amends(s), "{s}");
        }
    }
}
