//! The pure core: definitions, sessions and the walk through steps and fields. Nothing in
//! here touches the terminal or the file system, so every key press can be tested as a
//! function call.

pub mod answers;
pub mod carry;
pub mod catalog;
pub mod check;
pub mod content;
pub mod definition;
pub mod followup;
pub mod forloeb;
pub mod input;
pub mod layout;
pub mod migrate;
pub mod passphrase;
pub mod place;
pub mod portal;
pub mod privacy;
pub mod retention;
pub mod session;
pub mod share;
pub mod walk;
