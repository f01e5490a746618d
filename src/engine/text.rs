//! Text handling: normalisation against simple evasion, tokens with UTF-16 offsets.
