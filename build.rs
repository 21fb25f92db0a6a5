//! Embeds every `tools/*.ron` definition in the binary, so the program runs from any folder.

use std::{env, fs, path::Path};

fn main() {
    println!("cargo::rerun-if-changed=tools");
    let mut names: Vec<String> = fs::read_dir("tools")
        .expect("the tools/ folder is part of the source tree")
        .filter_map(|entry| entry.ok())
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| name.ends_with(".ron"))
        .collect();
    names.sort();
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let entries: String = names
        .iter()
        .map(|name| {
            format!(
                "    (\"tools/{name}\", include_str!({:?})),\n",
                Path::new(&root).join("tools").join(name)
            )
        })
        .collect();
    let out =
        Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("embedded_tools.rs");
    fs::write(
        out,
        format!("pub const EMBEDDED_TOOLS: &[(&str, &str)] = &[\n{entries}];\n"),
    )
    .expect("OUT_DIR is writable");
}
