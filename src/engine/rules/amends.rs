//! What counts as the brand making good: a refund given, a charge waived, a redo at its own
//! cost, a fix sent or on its way, a swap or a split offered, the fault owned, the customer
//! cleared of it; or a good outcome of what the customer did (a fee waived, a charge avoided, a
//! parcel early), told as thanks. A draft that makes good does not blame the customer, whatever
//! it says about the cause ("The uploaded file was 72dpi, which blurs at that size; we'll reprint
//! it free"), so the learned models leave it alone. The phrase rules still judge it. Each phrase
//! here changes which clean drafts `make train` picks the models' thresholds on: retrain after.

use std::sync::LazyLock;

use super::pattern::Phrases;
use super::stream::Stream;
use crate::engine::word_list::WordList;
use crate::word_list;

pub const AMENDS: WordList = word_list![
    "our|my bad|mistake|fault|error",
    "on us $",
    "we|i have refunded|credited|waived|reversed|removed|cancelled|covered",
    "has|have been refunded|credited|waived|reversed",
    "we|i will refund|credit|waive|reverse|cover|reprint|replace|redo|correct",
    "free of charge|cost",
    "at no cost|charge|extra",
    "reprint|replace|redeliver|resend|redo ..2 free",
    "you will not be charged",
    "we|i have resent|reissued|replaced|redelivered|rebooked",
    "we|i have re sent|issued|booked",
    "sending|send you? a replacement",
    "sending|send you? a new one",
    "you do not need to do anything",
    "anything|nothing you did wrong",
    "you did not do anything wrong",
    "not your fault",
    "we|i have corrected|fixed|unlocked|lifted|backdated|restored",
    "we|i have updated|moved|switched you|it|that|your",
    "^ refunded $",
    "is|was our job|responsibility",
    "nothing else|more you need to do",
    "nothing else|more needed|required from you",
    "is|are showing|cleared|fixed|sorted|working now",
    "we|i have updated our|the|your records|details",
    "we|i have attached|linked|merged|added it|them|this|that to your",
    "we|i have sent|emailed|issued|posted you? a|an new|fresh|replacement|corrected",
    "we|i have cleared|halved|located|found|arranged",
    "we|i will resend|reissue|rebook",
    "on its way",
    "is back out",
    "i|we can swap|switch|split|spread|halve|resend|reissue|rebook",
    "happy to swap|switch|split|spread|halve|resend|reissue|rebook",
    "we|i have knocked|taken ..2 off",
    "been able to halve|waive|refund|reduce|cover",
    "we|i have set it|this|everything up",
    "we|i have raised|increased|extended it|the|your",
    "is|are ready now",
    "engineer|technician|crew|driver|courier is|are booked|coming|scheduled",
    "we are chasing|following",
    // A good outcome the customer's own act brought is thanks, not blame, though the blame
    // model reads its "because you" as blame ("Your fee was waived because you paid on time").
    "was|were|is|are|been waived|accepted|upgraded|forgiven|free",
    "was|were|is|are|been covered by|under",
    "no|zero fee|charge|penalty|excess|cost",
    "no|zero cancellation|booking|delivery|change|late|extra|admin|transfer|exit|foreign fee|charge|penalty",
    "you saved|avoided|earned|qualified|qualify|unlocked|skipped",
    "thanks to you",
    "well done",
    "good call",
    "quickly|instantly|sooner|faster because|since|as",
    "did not affect|touch|wipe|hit",
    "fee|charge|penalty|deadline|surcharge|limit ..2 does|do|did not apply",
    "cost|costs nothing",
    "refunded|returned|repaid in full",
    "rolled|carried over",
    "was|were|is|are|been|stayed|kept protected|safe",
    "cheaper|lower|discounted|reduced fare|price|rate|bill|deal",
    "was|were|is|are|been backdated|reissued",
    // The fault told as the brand's, put right or owned: "…because our email server was down, here it is";
    // not "thanks for flagging", which opens blame as often.
    "here is|are the|a|your corrected|updated|right|correct|replacement",
    "^ fixed|sorted|corrected|resolved now",
    "thank|thanks you? for catching",
    "because|since our ..3 was|were down|broken|faulty|offline|wrong",
];

static COMPILED: LazyLock<Phrases> = LazyLock::new(|| Phrases::new(AMENDS));

/// True when the draft makes good somewhere.
pub fn makes_amends(stream: &Stream) -> bool {
    COMPILED.any_in(stream)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::rules::pattern::Pattern;
    use crate::engine::text::Text;

    fn amends(s: &str) -> bool {
        let t = Text::new(s);
        makes_amends(&Stream::new(&t))
    }

    /// One sentence for each phrase of [`AMENDS`], in order.
    const MAKE_AMENDS: &[&str] = &[
        "Sorry, that was our mistake.",
        "That one's on us.",
        "We've refunded it in full.",
        "The fee has been waived.",
        "We'll replace it this week.",
        "We'll fit it free of charge.",
        "We'll fix it at no cost to you.",
        "Send a higher-res version and we'll reprint free.",
        "So you won't be charged.",
        "We've rebooked you onto the 9am.",
        "We've re-sent it after confirming the address by phone.",
        "We've opened an investigation and are sending a replacement today.",
        "We're sending you a new one.",
        "We'll contact your vet directly, so you don't need to do anything.",
        "It's an automatic check rather than anything you did wrong.",
        "You didn't do anything wrong here.",
        "It's not your fault at all, and we'll fix it.",
        "I've corrected it and reissued the bill.",
        "I've moved you to two seats together in row F.",
        "The dock didn't register the bike, so the timer ran on. £8 refunded",
        "We haven't had a reading since spring, which is our job to arrange.",
        "Your debit moved to the 15th with the new mandate. There's nothing else you need to do.",
        "The version changed overnight. Nothing else needed from you!",
        "The marks hadn't synced to the portal. They're showing now.",
        "The text went to your old number, so I've updated our records.",
        "The guest order wasn't in your history; I've attached it to your profile now.",
        "The label was for a different size, so I've sent a new one to your email.",
        "The fine appeared because the return wasn't scanned. We've cleared it.",
        "Once you confirm the details, I'll resend it the same day.",
        "The wrong size went out; the correct one is on its way.",
        "The courier's map didn't know the new street, but it's back out today.",
        "The fee is because of the paper statements. I can switch it to e-statements now.",
        "It came in a medium as ordered. Happy to swap it for a large.",
        "The part isn't on the plan, but we've knocked 50% off the labour.",
        "As you're moving abroad, we've been able to halve the exit fee.",
        "The account was still in the old name, so I've set it up in yours.",
        "The file was over the limit, so I've raised it to 100MB for you.",
        "The sample had to be rerun. Your results are ready now.",
        "The repair was marked done by mistake; a crew is booked for Wednesday.",
        "It was held at customs, and we're chasing the carrier daily.",
        "Your late fee was waived because you paid on time all year.",
        "The repair was covered under warranty as you registered the boiler.",
        "There's no fee to pay, since you cancelled in the cooling-off period.",
        "No cancellation fee applies since you cancelled 48 hours ahead.",
        "You avoided the overdraft charge by moving money across before midnight.",
        "The thief couldn't use the card, thanks to you locking it in the app.",
        "You froze the card straight away. Well done.",
        "Good call on the travel notice: the payment went straight through.",
        "Your parcel arrived quickly because you picked the express option.",
        "The outage didn't affect your line, since you'd switched to fibre.",
        "The late fee doesn't apply as you paid before the 5th.",
        "The upgrade cost nothing because you traded in your old phone.",
        "Your deposit was returned in full because you left the flat spotless.",
        "Your unused data rolled over because you're on the Flex plan.",
        "Your savings were protected because you'd spread them across two banks.",
        "You got the cheaper fare because you booked 12 weeks ahead.",
        "Your council tax was backdated because you applied within a month.",
        "The box had a misprint on step 4. Here's the corrected page.",
        "The wrong meter was linked to your account. Fixed now.",
        "The date was wrong on the ticket, thank you for catching it!",
        "You didn't get the confirmation because our email server was down.",
    ];

    #[test]
    fn a_refusal_to_refund_makes_no_amends() {
        assert!(!amends("The purchases were made by a family member, so they can't be refunded."));
        assert!(!amends("Fares booked in error won't be refunded."));
    }

    #[test]
    fn refunds_waivers_free_redos_and_owned_faults_make_amends() {
        for s in MAKE_AMENDS {
            assert!(amends(s), "{s}");
        }
    }

    #[test]
    fn every_phrase_matches_its_example() {
        // A phrase no sentence matches is a slip in the syntax: `a replacement|new one` is
        // (replacement|new) then (one).
        assert_eq!(MAKE_AMENDS.len(), AMENDS.iter().count());
        for (src, example) in AMENDS.iter().zip(MAKE_AMENDS) {
            let (text, pattern) = (Text::new(example), Pattern::parse(src));
            let stream = Stream::new(&text);
            assert!(pattern.matches(&stream).next().is_some(), "{src} ~ {example}");
        }
    }

    #[test]
    fn a_paid_fix_or_a_bare_cause_makes_no_amends() {
        for s in [
            "We can quote for a repair.",
            "We can exchange it for a £30 fee.",
            "Your free trial ended because it wasn't cancelled.",
            "The refund was refused as the item was used.",
            "We've added a late fee to your account.",
            "Your claim wasn't approved because the photos were sent after the deadline.",
            "The repair isn't covered because the seal was broken.",
            "Your parcel arrived late because the address was incomplete.",
            "The data ran out early because background updates were left on.",
            "The booking was made for the wrong date, hence the no-show charge.",
            "The outdoor unit was covered with snow that wasn't cleared.",
            "The flight was missed since you did not reach the airport in time.",
            "The payout was reduced because the invoice had no treatment codes.",
            "You can switch providers if you're that unhappy.",
        ] {
            assert!(!amends(s), "{s}");
        }
    }
}
