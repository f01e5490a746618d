//! Named word classes that patterns refer to as `<name>`: one list per idea, so a rule says
//! "a third party" or "a past participle of a customer's slip" once.

use crate::engine::word_list::WordList;
use crate::word_list;

pub const CLASSES: &[(&str, WordList)] = &[
    // A link, as the word stream writes it.
    ("url", word_list!["<url>"]),
    // What a customer's problem is about, and the things of those that can be "down"
    // ([`crate::engine::problem`]).
    ("thing", crate::engine::problem::THINGS),
    ("online", crate::engine::problem::ONLINE),
    // What a customer "should have" done: hindsight about their own actions.
    ("hindsight", word_list![
        "booked", "read", "checked", "called", "ordered", "contacted", "told", "known", "asked",
        "updated", "restarted", "followed", "looked", "backed", "saved", "chosen", "selected",
        "cancelled", "canceled", "reported", "noticed", "used", "bought", "thought", "listened",
        "done", "taken", "signed", "logged", "registered", "installed", "tried", "paid", "kept",
        "come", "gone", "double", "confirmed", "insured", "planned", "measured",
        "opted", "picked", "waited", "realised", "realized", "reset", "rebooted", "charged",
        "packed", "labelled", "labeled", "entered", "typed", "filled", "submitted", "sent",
        "included", "attached", "printed", "removed", "deleted", "turned", "switched", "set",
        "enabled", "disabled", "activated", "verified", "collected", "returned", "reserved",
        "made", "applied", "raised", "requested", "plugged",
    ]),
    // A slip "you must have" made.
    ("slip", word_list![
        "missed", "entered", "typed", "forgotten", "forgot", "deleted", "clicked", "misread",
        "misunderstood", "ignored", "overlooked", "skipped", "confused", "mistyped", "misspelled",
        "misspelt", "dropped", "broken", "damaged", "lost", "chosen", "selected", "picked",
        "put", "changed", "disabled", "turned", "unsubscribed", "blocked", "declined", "cancelled",
        "canceled", "removed", "reset", "misplaced", "mixed", "tapped", "pressed", "ticked", "unticked",
    ]),
    // Words meaning "wrong" about what a customer supplied.
    ("wrong", word_list!["wrong", "incorrect", "invalid", "expired", "old", "outdated", "bad", "mistyped"]),
    // Parties other than the brand and the customer.
    ("third", word_list![
        "retailer", "seller", "courier", "driver", "postman", "postal", "bank", "carrier",
        "manufacturer", "airport", "supplier", "partner", "vendor", "reseller", "landlord", "isp",
        "provider", "government", "dealer", "merchant", "distributor", "contractor", "shipper",
        "council", "airline", "hotel", "franchise", "franchisee", "installer", "ups", "fedex",
        "dhl", "usps", "hermes", "evri", "dpd", "paypal", "visa", "mastercard", "retailers",
        "sellers", "couriers", "banks", "drivers", "carriers", "suppliers", "partners", "vendors",
        "store", "shop", "operator", "insurer", "host", "hosts", "restaurant", "publisher", "developer", "lender", "buyer", "buyers",
    ]),
    // Words before "because you…" that make it a condition, an apology or an opinion rather
    // than a cause told as fact: "if it's because you…", "sorry, maybe because you…".
    ("cause_hedge", word_list![
        "if", "whether", "sorry", "case", "worry", "even", "matter", "though", "hope", "unless", "maybe", "perhaps",
        "might", "think", "clearly", "obviously",
    ]),
    // What a brand did to hand a matter on itself ("I've passed yours to them"): a handover,
    // not the customer sent elsewhere.
    ("handed_on", word_list!["passed", "forwarded", "contacted", "chased", "raised"]),
    // "Because", as people type it.
    ("because", word_list!["because", "cause", "cos", "coz", "cuz", "bc"]),
    // Things a customer did, in the past tense: told as the cause of a problem, they blame.
    ("past_act", word_list![
        "kept", "shared", "closed", "rode", "drove", "waited", "overwatered", "wired", "gave", "sent", "chose",
        "changed", "left", "used", "put", "made", "took", "let", "set", "ran", "washed", "dropped", "bought",
        "opted", "selected", "registered", "signed", "logged", "installed", "downloaded", "uploaded", "typed",
        "entered", "cancelled", "canceled", "deleted", "removed", "moved", "turned", "switched", "tapped",
        "clicked", "pressed", "skipped", "forgot", "ignored", "missed", "declined", "exceeded", "failed", "tried",
        "edited", "submitted", "misread", "misunderstood", "overlooked", "mistyped", "misplaced", "packed",
        "stored", "plugged", "connected", "disconnected", "reset", "modified", "altered", "opened", "unlocked",
        "lost", "broke", "damaged", "overloaded", "overfilled", "exposed", "paid", "booked", "ordered", "picked",
        "delayed", "postponed", "rushed", "wore", "spilled", "spilt", "lent", "sold", "posted", "replied",
        "responded", "answered", "agreed", "accepted", "allowed", "disabled", "enabled", "blocked", "unsubscribed",
        "updated", "upgraded", "ticked", "tapped", "played", "rooted", "jailbroke", "sideloaded", "modded",
    ]),
    // What going wrong sounds like in the sentence that explains why.
    // What went right: with one, an act of the customer's told as the cause is thanks for it
    // ("…ships free because you signed up for six months"), not blame (credits_their_act).
    ("went_right", word_list![
        "free", "early", "earlier", "approved", "saved", "avoided", "protected", "eligible", "qualify",
        "qualified", "qualifies", "waived", "discount", "discounted", "cheaper", "faster", "quicker",
        "quickly", "sooner", "automatically", "instantly", "priority", "unaffected", "cashback", "bonus", "reward",
        "rewards", "smoothly", "sailed", "restored", "located", "accepted", "fast", "first", "refunded", "reversed", "credited",
        "compensation", "covered", "quick", "safely", "safe", "ahead", "already", "upgraded", "unlocked", "activated",
        "confirmed", "valid", "ready", "working", "through", "thru", "right", "straight", "forgiven",
        "full", "reserved",
    ]),
    // A fault in what the customer did, which makes the outcome it explains blame
    // ("because you entered the wrong PIN").
    ("at_fault", word_list![
        "wrong", "late", "incorrect", "incorrectly", "forgot", "forgotten", "failed", "missed", "only", "too",
        "expired", "invalid", "instead", "mistake", "error", "ignored", "overlooked", "skipped", "waited", "delayed", "after",
        "badly", "poorly",
    ]),
    // Costs a customer's act can spare them, said negated ("no late fee", "wasn't charged");
    // named otherwise, a cost unless something lifts it.
    ("spared", word_list![
        "fee", "fees", "charge", "charges", "charged", "penalty", "fine", "fined", "surcharge", "suspended", "blocked",
        "locked", "affected", "interrupted", "disconnected", "declined", "rejected", "cancelled", "canceled",
        "delayed", "lose", "lost", "bounced", "expired", "late", "missing", "refused", "taken", "stolen", "deposit",
        "pay", "due", "owed", "affect", "gap", "interruption",
    ]),
    // What lifts a cost: "the late fee was waived".
    ("lifted", word_list![
        "waived", "refunded", "reversed", "credited", "forgiven", "covered", "removed", "lifted", "dropped", "free", "included",
        "returned", "back", "saved", "avoided", "halved", "reduced", "capped", "discounted",
    ]),
    ("went_wrong", word_list![
        "failed", "fail", "fails", "declined", "rejected", "refused", "cancelled", "canceled", "void", "voided", "late",
        "wrong", "missing", "lost", "broke", "broken", "cracked", "bent", "damaged", "died", "dead", "cold", "stain",
        "stained", "fee", "fees", "charge", "charges", "charged", "penalty", "fine", "suspended", "blocked", "locked",
        "expired", "bounced", "error", "problem", "issue", "delay", "delayed", "overheated", "spoiled", "shrank",
        "shrunk", "gone", "crashed", "crashing", "offline", "jammed", "leak", "leaking", "flooded", "faulty", "stopped",
        "wore", "worn", "tight", "breakage", "blocking", "held", "corrupted", "corrupt", "refusal", "denied", "invalid", "mismatch", "record",
        "froze", "frozen", "burst", "drops", "overheats", "overheating", "higher", "flagged", "deactivated", "lapsed",
        "wiped", "split", "longer", "slower", "slow", "throttled", "deleted", "forfeited", "banned", "restricted",
        "deducted", "deduction", "withheld", "short", "timed", "missed", "pushed", "wait", "crashes",
        "failing", "partly", "duplicate", "dropping", "cracks", "crushed", "smashed", "dented", "torn", "ripped", "scratched",
    ]),
    // A customer's own equipment and its settings: "your router is blocking it".
    ("device", word_list![
        "settings", "setting", "phone", "handset", "device", "browser", "router", "connection", "network",
        "firewall", "adblocker", "blocker", "extension", "extensions", "antivirus", "vpn", "computer", "laptop", "wifi", "setup", "equipment", "console",
    ]),
    // Ways of getting in touch with someone: "you'll have to contact / ring / speak to…".
    ("contact_verb", word_list!["contact", "call", "ask", "email", "phone", "ring", "complain", "speak", "talk", "write", "reach"]),
    // What a brand said before: "as per my last tweet", "read our previous reply".
    ("message_noun", word_list![
        "reply", "replies", "message", "messages", "tweet", "tweets", "response", "responses", "answer", "email",
        "post", "comment", "dm",
    ]),
    // What a customer is lectured to have read: "read the terms", "the small print".
    // How a rule or term was told, in "it was clearly shown", "as stated in".
    ("shown", word_list![
        "stated", "explained", "shown", "displayed", "mentioned", "marked", "labelled", "labeled", "set", "detailed",
    ]),
    ("reading", word_list![
        "terms", "instructions", "manual", "faq", "guide", "description", "policy", "conditions", "rules", "small", "fine",
    ]),
    // Public places: where a reply, comment or post is seen by everyone.
    ("public_verb", word_list![
        "reply", "respond", "post", "tweet", "comment", "share", "leave", "drop", "write", "put",
        "list", "publish", "paste", "type", "mention", "tag", "retweet", "pop", "stick",
    ]),
    // What goes before the private noun: "your order number", "your full name".
    ("private_mod", word_list![
        "full", "order", "account", "card", "credit", "debit", "bank", "phone", "mobile", "home",
        "email", "billing", "shipping", "delivery", "booking", "membership", "customer",
        "login", "passport", "contact", "personal", "confirmation", "reservation", "policy",
        "member", "postal", "street", "house", "cell", "telephone", "sort", "security",
        "social", "tax", "national", "insurance", "loyalty", "payment", "case", "ticket",
        "claim", "reference", "tracking", "registration", "licence", "license", "pnr", "frequent",
        "flyer", "flier", "banking", "id", "meter", "serial", "driving", "drivers", "registered", "mortgage", "plate",
        "nhs", "student", "university", "patient",
    ]),
    // Private data a brand must never ask for in public (secrets, never asked for at all, are
    // private_info.secret's).
    ("private_noun", word_list![
        "number", "numbers", "no", "details", "detail", "id", "address", "addresses", "email",
        "surname", "code", "reference", "ref", "info",
        "information", "dob", "birthday", "birthdate", "ssn",
        "iban", "phone", "login", "digits", "data", "username", "tin", "nin", "bvn", "aadhaar", "pan", "postcode",
        "eircode",
    ]),
    // The private nouns that name one detail of a person (not codes, an error's or a
    // discount's as often; not "details" or "info", said of anything), and "birth" of "date of
    // birth": what private_info.named_with_a_place finds named with where to put it.
    ("named_detail", word_list![
        "number", "numbers", "no", "id", "address", "email", "postcode", "eircode", "dob", "surname",
        "reference", "ref", "iban", "ssn", "username", "birth",
    ]),
    // Insulting nouns: fine nowhere in a brand's reply.
    ("insult_noun", word_list![
        "idiot", "idiots", "moron", "morons", "imbecile", "imbeciles", "dumbass", "cretin",
        "dimwit", "halfwit", "nitwit", "numpty", "loser", "losers", "retard", "retarded",
        "dipshit", "asshole", "arsehole", "twat", "prat", "pillock", "jackass", "crybaby",
        "scumbag",
    ]),
    // Insulting adjectives when aimed at someone.
    ("insult_adj", word_list![
        "stupid", "dumb", "ignorant", "clueless", "pathetic", "delusional",
        "incompetent", "lazy", "dense", "thick", "silly", "ridiculous", "foolish", "childish",
        "immature", "hysterical", "dramatic", "unreasonable", "rude",
        "brainless", "useless", "idiotic", "moronic", "petty", "whiny", "obnoxious",
    ]),
    // Words that negate what follows them in a sentence.
    ("negator", word_list!["not", "never", "no", "nor", "without", "hardly", "neither", "none"]),
    // Private channels: a request sent through one of these is the right move.
    ("private_channel", word_list![
        "dm", "dms", "dming", "dmed", "dmd", "pm", "pms", "inbox", "privately", "private", "messenger", "direct",
        "securely", "secure",
    ]),
];
