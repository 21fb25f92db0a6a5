pub mod core;
pub mod store;
pub mod texts;
pub mod tui;
