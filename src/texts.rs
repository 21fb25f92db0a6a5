//! Every text the program itself shows, in one place (Danish first), so that an English
//! interface can follow by swapping this module. Tool texts live in `tools/*.ron`.

use crate::core::definition::Audience;

pub fn audience(a: Audience) -> &'static str {
    match a {
        Audience::Medarbejder => "Medarbejder",
        Audience::Leder => "Leder",
        Audience::Arbejdsmiljoorganisation => "Arbejdsmiljøorganisation",
        Audience::Laege => "Praktiserende læge",
    }
}

/// A RON syntax or shape error, in words a definition author can act on.
pub fn ron_error(e: &ron::Error) -> String {
    use ron::Error as E;
    match e {
        E::NoSuchStructField {
            expected, found, ..
        } => format!(
            "ukendt felt `{found}`; mulige felter: {}",
            expected
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        E::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("feltet `{field}` mangler i `{outer}`"),
            None => format!("feltet `{field}` mangler"),
        },
        E::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "ukendt værdi `{found}`; mulige værdier: {}",
            expected
                .iter()
                .map(|s| format!("`{s}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        E::DuplicateStructField { field, .. } => format!("feltet `{field}` står to gange"),
        other => format!("RON-fejl: {other}"),
    }
}

/// Messages of `vejen-frem check`.
pub mod check {
    pub const NO_AUDIENCE: &str = "redskabet skal have mindst én målgruppe (`audience`)";
    pub const NO_STEPS: &str = "redskabet har ingen trin (`steps`)";
    pub const OPTIONS: &str = "valgmuligheder";
    pub const COLUMNS: &str = "kolonner";
    pub const ITEMS: &str = "punkter";
    pub const FEW_OPTIONS: &str = "et valg (`Choice`) skal have mindst to muligheder";
    pub const NO_COLUMNS: &str = "en tabel (`Table`) skal have mindst én kolonne";
    pub const NO_ITEMS: &str = "en tjekliste (`Checklist`) skal have mindst ét punkt";

    pub fn wrong_format(found: u32, expected: u32) -> String {
        format!(
            "formatversion {found} kendes ikke; denne udgave af programmet læser version {expected}"
        )
    }
    pub fn bad_id(id: &str) -> String {
        format!("id `{id}` må kun indeholde små bogstaver a-z, tal og bindestreg")
    }
    pub fn duplicate_id(id: &str) -> String {
        format!("id `{id}` er brugt før i samme redskab")
    }
    pub fn empty_step(id: &str) -> String {
        format!("trinnet `{id}` har ingen felter")
    }
    pub fn condition_unknown(field: &str) -> String {
        format!("betingelsen peger på feltet `{field}`, som ikke findes")
    }
    pub fn condition_later(field: &str) -> String {
        format!(
            "betingelsen peger på feltet `{field}`, som først kommer senere (eller er feltet selv)"
        )
    }
    pub fn condition_not_choice(field: &str) -> String {
        format!(
            "feltet `{field}` har ingen faste svarmuligheder; brug `Answered(field: \"{field}\")`"
        )
    }
    pub fn condition_bad_value(field: &str, value: &str, options: &[&str]) -> String {
        format!(
            "`{value}` er ikke et svar på `{field}`; mulige: {}",
            options
                .iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", ")
        )
    }
    pub fn bad_bounds(min: f64, max: f64) -> String {
        format!("mindsteværdien {min} er større end højeste værdi {max}")
    }
    pub fn bad_list_bounds(min: usize, max: usize) -> String {
        format!("listen kan ikke have mindst {min} og højst {max} punkter")
    }
    pub fn template_unknown(name: &str) -> String {
        format!("skabelonen har feltet `{{{name}}}`, som ikke findes i redskabet")
    }
    pub fn name_taken(name: &str, other: &str) -> String {
        format!("`{name}` bruges allerede af {other}")
    }
    pub fn summary(problems: usize, files: usize) -> String {
        match problems {
            0 => format!("{files} definitioner er i orden"),
            1 => "1 problem fundet".into(),
            n => format!("{n} problemer fundet"),
        }
    }
}

/// Texts of the command line.
pub mod cli {
    use std::path::Path;

    pub const ABOUT: &str =
        "VEJEN FREM: redskaber til fastholdelse af medarbejdere med muskel- og skeletbesvær (MSB)";
    pub const BROKEN_DEFINITIONS: &str =
        "der er fejl i redskabsdefinitionerne (kør `vejen-frem check`):";

    pub fn unreadable(path: &Path, e: &std::io::Error) -> String {
        format!("kan ikke læse {}: {e}", path.display())
    }
}
