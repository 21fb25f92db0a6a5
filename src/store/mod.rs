//! The store owns every file the program reads or writes: definition folders given by the
//! user, and the session files in the data folder. Nothing else touches the file system.

mod atomic;
pub mod background;
pub mod convert;
pub mod definitions;
pub mod delete;
pub mod exports;
mod files;
pub mod forloeb;
mod index;
pub mod sessions;
pub mod settings;
pub mod share;
pub(crate) mod vault;
