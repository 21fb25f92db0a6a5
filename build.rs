//! Embeds every `tools/*.ron` definition and `content/*.md` text in the binary, so the
//! program runs from any folder.

use std::{env, error::Error, fs, path::Path};

/// `pub const NAME: &[(&str, &str)]` of (path, text) for the files in `dir` ending in `ext`.
fn embed(dir: &str, ext: &str, name: &str, skip: &[&str]) -> Result<String, env::VarError> {
    println!("cargo::rerun-if-changed={dir}");
    let mut files: Vec<String> = fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|file| file.ends_with(ext) && !skip.contains(&file.as_str()))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let root = env::var("CARGO_MANIFEST_DIR")?;
    let entries: String = files
        .iter()
        .map(|file| {
            let path = Path::new(&root).join(dir).join(file);
            format!("    (\"{dir}/{file}\", include_str!({path:?})),\n")
        })
        .collect();
    Ok(format!(
        "pub const {name}: &[(&str, &str)] = &[\n{entries}];\n"
    ))
}

fn main() -> Result<(), Box<dyn Error>> {
    let out = Path::new(&env::var("OUT_DIR")?).to_path_buf();
    fs::write(
        out.join("embedded_tools.rs"),
        embed("tools", ".ron", "EMBEDDED_TOOLS", &[])?,
    )?;
    fs::write(
        out.join("embedded_content.rs"),
        embed("content", ".md", "EMBEDDED_CONTENT", &["README.md"])?,
    )?;
    Ok(())
}
