//! Ranking help links against a message.
