pub mod core;
pub mod export;
pub mod grid;
pub mod present;
pub mod store;
pub mod texts;
pub mod tui;
pub mod wrap;
