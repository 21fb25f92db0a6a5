//! Checking the portal's data against the text it refers to: every section, case and
//! redskab it names is there, every quote is word for word in its source, every case's
//! story is found, each reader has one entry with all six sections, the body's figures
//! mark every region, and the reflection walk asks exactly the sections' questions. Each
//! problem comes with file:line:column.

use std::collections::{HashMap, HashSet};

use super::{
    Body, Portal, Ref, Sources, Structure, case_headings, quotes, reflection_questions, section,
    section_text, sections, story, tool_text,
};
use crate::core::catalog::Catalog;
use crate::core::check::{Places, Problem, ProblemKind, Source, is_valid_id};
use crate::core::definition::{About, Audience, FORMAT_VERSION};

/// Reads and checks the portal's files. `tools` are the definition files the catalog was
/// read from, to point at a step of the reflection walk.
pub fn check(sources: &Sources, catalog: &Catalog, tools: &[Source]) -> Vec<Problem> {
    let portal = match Portal::parse(sources) {
        Ok(portal) => portal,
        Err(problems) => return problems,
    };
    let refs = Refs {
        portal: &portal,
        catalog,
    };
    let structure = Places::new(&sources.structure);
    let body = Places::new(&sources.body);
    let quiz = Places::new(&sources.quiz);
    let mut problems = Vec::new();
    for (places, format) in [
        (&structure, portal.structure.format),
        (&body, portal.body.format),
        (&quiz, portal.quiz.format),
    ] {
        if format != FORMAT_VERSION {
            let kind = ProblemKind::WrongFormat { found: format };
            problems.push(places.at_value("format", &format.to_string(), 0, kind));
        }
    }
    check_structure(&structure, &portal.structure, &refs, &mut problems);
    check_reflections(
        &sources.structure,
        &portal.structure,
        catalog,
        tools,
        &mut problems,
    );
    check_body(&body, &portal.body, &refs, &mut problems);
    let mut at = Locator::new(&quiz);
    if portal.quiz.statements.is_empty() {
        problems.push(at.key("statements", ProblemKind::NoStatements));
    }
    for statement in &portal.quiz.statements {
        refs.quote(
            &mut at,
            &statement.source,
            &statement.explanation,
            &mut problems,
        );
    }
    problems
}

/// Finds the place of a problem in a file: the `nth` time a text is written, counted in
/// the order the checks visit them, which is the order of the file.
struct Locator<'p, 's> {
    places: &'p Places<'s>,
    seen: HashMap<String, usize>,
}

impl<'p, 's> Locator<'p, 's> {
    fn new(places: &'p Places<'s>) -> Locator<'p, 's> {
        Locator {
            places,
            seen: HashMap::new(),
        }
    }

    /// Counts one more place `literal` is written; returns which it is.
    fn next(&mut self, literal: &str) -> usize {
        let n = self.seen.entry(literal.to_string()).or_default();
        *n += 1;
        *n - 1
    }

    /// A problem at the `nth` place `literal` is written.
    fn at(&self, literal: &str, nth: usize, kind: ProblemKind) -> Problem {
        self.places.at_text(literal, nth, kind)
    }

    /// A problem at the first `key:`.
    fn key(&self, key: &str, kind: ProblemKind) -> Problem {
        self.places.at_text(&format!("{key}:"), 0, kind)
    }
}

/// How a reference is written in a file: `Section("hvad-er-msb")`.
fn written(reference: &Ref) -> String {
    match reference {
        Ref::Section(id) => format!("Section(\"{id}\")"),
        Ref::Case(id) => format!("Case(\"{id}\")"),
        Ref::Tool(id) => format!("Tool(\"{id}\")"),
    }
}

/// What references can point at.
struct Refs<'a> {
    portal: &'a Portal,
    catalog: &'a Catalog,
}

impl Refs<'_> {
    /// The text a reference points at, or why there is none. None: a case whose story is
    /// not found, which is reported with the case.
    fn text(&self, reference: &Ref) -> Result<Option<String>, ProblemKind> {
        match reference {
            Ref::Section(id) => section(id)
                .map(|doc| Some(section_text(&doc)))
                .ok_or_else(|| ProblemKind::UnknownSection(id.clone())),
            Ref::Case(id) => self
                .portal
                .case(id)
                .ok_or_else(|| ProblemKind::UnknownCase(id.clone()))
                .map(|case| story(case).map(|paragraphs| paragraphs.join("\n"))),
            Ref::Tool(id) => self
                .catalog
                .get(id)
                .map(|entry| Some(tool_text(&entry.tool)))
                .ok_or_else(|| ProblemKind::UnknownTool(id.clone())),
        }
    }

    /// Checks that `reference` exists.
    fn exists(&self, at: &mut Locator, reference: &Ref, problems: &mut Vec<Problem>) {
        let literal = written(reference);
        let nth = at.next(&literal);
        if let Err(kind) = self.text(reference) {
            problems.push(at.at(&literal, nth, kind));
        }
    }

    /// Checks that `quote` is word for word in what `source` points at.
    fn quote(&self, at: &mut Locator, source: &Ref, quote: &str, problems: &mut Vec<Problem>) {
        let literal = written(source);
        let nth = at.next(&literal);
        let quote_nth = at.next(quote);
        match self.text(source) {
            Err(kind) => problems.push(at.at(&literal, nth, kind)),
            Ok(Some(text)) if !quotes(&text, quote) => {
                let kind = ProblemKind::NotInSource {
                    quote: quote.to_string(),
                    source: literal,
                };
                problems.push(at.at(quote, quote_nth, kind));
            }
            Ok(_) => {}
        }
    }

    /// Checks the redskaber of a `tools: [...]` list.
    fn tools(&self, at: &mut Locator, tools: &[String], problems: &mut Vec<Problem>) {
        for id in tools {
            let literal = format!("\"{id}\"");
            let nth = at.next(&literal);
            if self.catalog.get(id).is_none() {
                problems.push(at.at(&literal, nth, ProblemKind::UnknownTool(id.clone())));
            }
        }
    }
}

fn check_structure(
    places: &Places,
    structure: &Structure,
    refs: &Refs,
    problems: &mut Vec<Problem>,
) {
    let mut at = Locator::new(places);
    let sections = sections();
    let mut ids = HashSet::new();
    for case in &structure.cases {
        check_id(places, &case.id, &mut ids, problems);
        let literal = format!("\"{}\"", case.section);
        if section(&case.section).is_none() {
            let kind = ProblemKind::UnknownSection(case.section.clone());
            problems.push(places.at_value("section", &literal, 0, kind));
        } else if story(case).is_none() {
            let kind = ProblemKind::CaseHeadingNotFound(case.heading.clone());
            let literal = format!("\"{}\"", case.heading);
            problems.push(places.at_value("heading", &literal, 0, kind));
        }
    }
    // Every case a section tells is one of the portal's.
    for document in &sections {
        for heading in case_headings(document.text) {
            let told = structure
                .cases
                .iter()
                .any(|c| c.section == document.name && c.heading == heading);
            if !told {
                let kind = ProblemKind::CaseUntold {
                    heading,
                    section: document.name.clone(),
                };
                problems.push(at.key("cases", kind));
            }
        }
    }
    for tools in &structure.section_tools {
        if section(&tools.section).is_none() {
            let kind = ProblemKind::UnknownSection(tools.section.clone());
            problems.push(places.at_value("section", &format!("\"{}\"", tools.section), 0, kind));
        }
        refs.tools(&mut at, &tools.tools, problems);
    }
    let mut seen = HashSet::new();
    for entry in &structure.entries {
        let name = format!("{:?}", entry.audience);
        if !seen.insert(entry.audience) {
            let kind = ProblemKind::DuplicateEntry(entry.audience);
            problems.push(places.at_value("audience", &name, 1, kind));
        }
        for item in &entry.items {
            refs.exists(&mut at, item, problems);
        }
        // "Alle tre indgange giver adgang til generelt informationsmateriale om MSB med seks
        // kortere afsnit": every entry holds every section.
        for document in &sections {
            let listed = Ref::Section(document.name.clone());
            if !entry.items.contains(&listed) {
                let kind = ProblemKind::EntryLacksSection(document.name.clone());
                problems.push(places.at_value("audience", &name, 0, kind));
            }
        }
    }
    for audience in Audience::ALL.into_iter().filter(|a| !seen.contains(a)) {
        problems.push(at.key("entries", ProblemKind::NoEntry(audience)));
    }
}

/// A case's or a region's id: plain, and not used before in the file.
fn check_id<'a>(
    places: &Places,
    id: &'a str,
    ids: &mut HashSet<&'a str>,
    problems: &mut Vec<Problem>,
) {
    let literal = format!("\"{id}\"");
    if !is_valid_id(id) {
        let kind = ProblemKind::BadId(id.to_string());
        problems.push(places.at_value("id", &literal, 0, kind));
    } else if !ids.insert(id) {
        let kind = ProblemKind::DuplicateId(id.to_string());
        problems.push(places.at_value("id", &literal, 1, kind));
    }
}

/// The reflection walk must ask exactly the questions of the sections, each section a
/// step titled as the section.
fn check_reflections(
    source: &Source,
    structure: &Structure,
    catalog: &Catalog,
    tools: &[Source],
    problems: &mut Vec<Problem>,
) {
    let places = Places::new(source);
    let id = &structure.reflections;
    let literal = format!("\"{id}\"");
    let Some(entry) = catalog.get(id) else {
        let kind = ProblemKind::UnknownTool(id.clone());
        problems.push(places.at_value("reflections", &literal, 0, kind));
        return;
    };
    if entry.tool.about != About::Workplace {
        let kind = ProblemKind::NotAboutWorkplace(id.clone());
        problems.push(places.at_value("reflections", &literal, 0, kind));
    }
    // Point at the walk's own file when it is at hand.
    let file = Places::new(
        tools
            .iter()
            .find(|s| s.name == entry.source)
            .unwrap_or(source),
    );
    let at_step = |step: &str, kind| file.at_value("id", &format!("\"{step}\""), 0, kind);
    let sections: Vec<(String, Vec<String>)> = sections()
        .into_iter()
        .map(|doc| (doc.title, reflection_questions(doc.text)))
        .filter(|(_, questions)| !questions.is_empty())
        .collect();
    for step in &entry.tool.steps {
        let asked: Vec<&str> = step.fields.iter().map(|f| f.label.as_str()).collect();
        match sections.iter().find(|(title, _)| *title == step.title) {
            None => problems.push(at_step(
                &step.id,
                ProblemKind::ReflectionsUntitled(step.id.clone()),
            )),
            Some((_, questions)) if *questions != asked => {
                problems.push(at_step(
                    &step.id,
                    ProblemKind::ReflectionsDiffer(step.id.clone()),
                ));
            }
            Some(_) => {}
        }
    }
    for (title, _) in &sections {
        if !entry.tool.steps.iter().any(|s| s.title == *title) {
            let kind = ProblemKind::ReflectionsMissing(title.clone());
            problems.push(file.at_text("steps:", 0, kind));
        }
    }
}

fn check_body(places: &Places, body: &Body, refs: &Refs, problems: &mut Vec<Problem>) {
    let mut at = Locator::new(places);
    refs.quote(&mut at, &body.general.source, &body.general.text, problems);
    let mut ids = HashSet::new();
    let mut keys = HashSet::new();
    for region in &body.regions {
        check_id(places, &region.id, &mut ids, problems);
        let key = region.key.to_string();
        if !region.key.is_ascii_lowercase() {
            problems.push(places.at_value("key", &key, 0, ProblemKind::BadKey(region.key)));
        } else if !keys.insert(region.key) {
            let kind = ProblemKind::DuplicateKey(region.key);
            problems.push(places.at_value("key", &key, 1, kind));
        }
        for passage in &region.passages {
            refs.quote(&mut at, &passage.source, &passage.text, problems);
        }
        refs.tools(&mut at, &region.tools, problems);
    }
    if body.figures.is_empty() {
        problems.push(at.key("figures", ProblemKind::NoFigure));
    }
    for (n, figure) in body.figures.iter().enumerate() {
        for (row, (art, marks)) in figure.art.iter().zip(&figure.regions).enumerate() {
            let literal = format!("\"{marks}\"");
            let nth = at.next(&literal);
            let fits = art.chars().count() == marks.chars().count()
                && art
                    .chars()
                    .zip(marks.chars())
                    .all(|(a, m)| (a == ' ') == (m == ' '));
            if !fits {
                problems.push(at.at(&literal, nth, ProblemKind::FigureMismatch { row: row + 1 }));
            }
            let unknown = marks
                .chars()
                .find(|m| *m != ' ' && *m != super::NO_REGION && !keys.contains(m));
            if let Some(mark) = unknown {
                problems.push(at.at(&literal, nth, ProblemKind::UnknownMark(mark)));
            }
        }
        if figure.art.len() != figure.regions.len() {
            let kind = ProblemKind::FigureMismatch {
                row: figure.art.len().min(figure.regions.len()) + 1,
            };
            problems.push(places.at_text("regions:", n + 1, kind));
        }
        for region in &body.regions {
            if !figure.regions.iter().any(|r| r.contains(region.key)) {
                let kind = ProblemKind::RegionNotDrawn(region.id.clone());
                problems.push(places.at_text("regions:", n + 1, kind));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::catalog::builtin_sources;

    fn catalog() -> Catalog {
        let (catalog, problems) = Catalog::load(&builtin_sources(), &[]);
        assert!(problems.is_empty(), "{problems:#?}");
        catalog
    }

    fn problems_with(change: impl FnOnce(&mut Sources)) -> Vec<Problem> {
        let mut sources = Sources::builtin();
        change(&mut sources);
        check(&sources, &catalog(), &builtin_sources())
    }

    /// The one problem `from` → `to` in a file makes, and the line it is on.
    fn one_problem(
        file: fn(&mut Sources) -> &mut Source,
        from: &str,
        to: &str,
    ) -> (ProblemKind, String) {
        let problems = problems_with(|sources| {
            let source = file(sources);
            assert!(
                source.text.contains(from),
                "{from:?} is not in {}",
                source.name
            );
            source.text = source.text.replacen(from, to, 1);
        });
        assert_eq!(problems.len(), 1, "{problems:#?}");
        (problems[0].kind.clone(), problems[0].excerpt.clone())
    }

    fn structure(s: &mut Sources) -> &mut Source {
        &mut s.structure
    }
    fn body(s: &mut Sources) -> &mut Source {
        &mut s.body
    }
    fn quiz(s: &mut Sources) -> &mut Source {
        &mut s.quiz
    }

    #[test]
    fn the_built_in_portal_passes() {
        let problems = problems_with(|_| {});
        assert!(problems.is_empty(), "{problems:#?}");
    }

    #[test]
    fn every_quiz_statement_has_a_source_that_exists_and_holds_its_explanation() {
        let (kind, line) = one_problem(
            quiz,
            "source: Section(\"haandtering\")",
            "source: Section(\"findes-ikke\")",
        );
        assert_eq!(kind, ProblemKind::UnknownSection("findes-ikke".into()));
        assert!(line.contains("findes-ikke"), "{line}");
        let (kind, _) = one_problem(
            quiz,
            "source: Tool(\"aktionspunkter\")",
            "source: Tool(\"findes-ikke\")",
        );
        assert_eq!(kind, ProblemKind::UnknownTool("findes-ikke".into()));
        // An explanation in other words than the report's.
        let (kind, line) = one_problem(
            quiz,
            "tæller dét at gå på arbejde ikke som træning",
            "er arbejde ikke træning",
        );
        assert!(matches!(kind, ProblemKind::NotInSource { .. }), "{kind:?}");
        assert!(line.contains("er arbejde ikke træning"), "{line}");
    }

    #[test]
    fn every_body_region_points_to_text_that_exists() {
        let (kind, line) = one_problem(body, "(source: Case(\"ole\")", "(source: Case(\"olga\")");
        assert_eq!(kind, ProblemKind::UnknownCase("olga".into()));
        assert!(line.contains("olga"), "{line}");
        // A quote from the right case, changed.
        let (kind, _) = one_problem(body, "problemer med sin skulder", "problemer med sit knæ");
        assert!(matches!(kind, ProblemKind::NotInSource { .. }), "{kind:?}");
        let (kind, _) = one_problem(
            body,
            "tools: [\"aktionspunkter\"",
            "tools: [\"findes-ikke\"",
        );
        assert_eq!(kind, ProblemKind::UnknownTool("findes-ikke".into()));
    }

    #[test]
    fn the_figures_mark_every_region_and_only_regions() {
        let (kind, _) = one_problem(body, "\"    ffff ffff    \",", "\"    .... ....    \",");
        assert_eq!(kind, ProblemKind::RegionNotDrawn("foedder".into()));
        let (kind, line) = one_problem(body, "\"     kkk kkk     \",", "\"     kkk kkk    \",");
        assert_eq!(kind, ProblemKind::FigureMismatch { row: 14 });
        assert!(line.contains("kkk kkk"), "{line}");
        let (kind, _) = one_problem(body, "\"     kkk kkk     \",", "\"     kkk xkk     \",");
        assert_eq!(kind, ProblemKind::UnknownMark('x'));
        // Two regions on one letter; the figures' marks of the one renamed are no one's.
        let problems = problems_with(|s| s.body.text = s.body.text.replace("key: 'h'", "key: 'n'"));
        assert_eq!(problems[0].kind, ProblemKind::DuplicateKey('n'));
        assert!(
            problems[1..]
                .iter()
                .all(|p| p.kind == ProblemKind::UnknownMark('h'))
        );
    }

    #[test]
    fn cases_are_found_and_every_case_is_told() {
        // A heading that is no box's: the case is not found, and the box not told.
        let problems = problems_with(|s| {
            s.structure.text = s.structure.text.replace(
                "heading: \"Case – MSB skal italesættes\"",
                "heading: \"Case – MSB skal tales om\"",
            )
        });
        assert_eq!(
            problems[0].kind,
            ProblemKind::CaseHeadingNotFound("Case – MSB skal tales om".into())
        );
        assert!(
            problems[0].excerpt.contains("MSB skal tales om"),
            "{problems:#?}"
        );
        assert_eq!(
            problems[1].kind,
            ProblemKind::CaseUntold {
                heading: "Case – MSB skal italesættes".into(),
                section: "hvorfor-fokus-paa-msb".into()
            }
        );
        let problems = problems_with(|s| {
            let start = s.structure.text.find("(id: \"pia\"").expect("Pia's case");
            let end = start + s.structure.text[start..].find("),\n").expect("its end") + 3;
            s.structure.text.replace_range(start..end, "");
        });
        assert!(
            problems.iter().any(|p| matches!(&p.kind, ProblemKind::CaseUntold { section, .. } if section == "redskaber")),
            "{problems:#?}"
        );
        // And Case("pia") in the entries no longer points anywhere.
        assert!(
            problems
                .iter()
                .any(|p| p.kind == ProblemKind::UnknownCase("pia".into()))
        );
    }

    #[test]
    fn every_reader_has_one_entry_with_all_six_sections() {
        let (kind, line) = one_problem(
            structure,
            "            Section(\"redskaber\"), Case(\"pia\"),\n        ]),\n        (audience: Leder",
            "            Case(\"pia\"),\n        ]),\n        (audience: Leder",
        );
        assert_eq!(kind, ProblemKind::EntryLacksSection("redskaber".into()));
        assert!(line.contains("Medarbejder"), "{line}");
        let problems = problems_with(|s| {
            s.structure.text = s
                .structure
                .text
                .replace("(audience: Laege,", "(audience: Leder,")
        });
        let kinds: Vec<&ProblemKind> = problems.iter().map(|p| &p.kind).collect();
        assert_eq!(
            kinds,
            [
                &ProblemKind::DuplicateEntry(Audience::Leder),
                &ProblemKind::NoEntry(Audience::Laege)
            ]
        );
    }

    #[test]
    fn the_reflection_walk_asks_exactly_the_sections_questions() {
        let mut tools = builtin_sources();
        let walk = tools
            .iter_mut()
            .find(|s| s.name.ends_with("overvejelser.ron"))
            .expect("the reflection walk");
        walk.text = walk.text.replace(
            "Hvor mange sygemeldinger har I om året?",
            "Hvor mange er syge?",
        );
        let (catalog, _) = Catalog::load(&tools, &[]);
        let problems = check(&Sources::builtin(), &catalog, &tools);
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(
            problems[0].kind,
            ProblemKind::ReflectionsDiffer("haandtering".into())
        );
        assert!(problems[0].file.ends_with("overvejelser.ron"));
        assert!(
            problems[0].excerpt.contains("id: \"haandtering\""),
            "{:?}",
            problems[0]
        );
    }

    #[test]
    fn a_syntax_error_has_its_place() {
        let problems = problems_with(|s| {
            s.quiz.text = s.quiz.text.replacen("answer: false,", "answer: nej,", 1)
        });
        assert_eq!(problems.len(), 1, "{problems:#?}");
        assert_eq!(problems[0].file, "content/quiz.ron");
        assert!(
            problems[0].excerpt.contains("answer: nej"),
            "{:?}",
            problems[0]
        );
    }
}
