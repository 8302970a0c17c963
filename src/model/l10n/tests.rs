use std::collections::BTreeSet;

use fluent_syntax::ast;

use super::*;
use crate::model::family::statements::FamilyText;

/// Message ids of one language's files, and the variables each uses;
/// every file must parse without an error and no id may repeat.
fn messages(lang: Lang) -> Vec<(String, BTreeSet<String>)> {
    all_messages(lang)
        .into_iter()
        .filter(|(file, _, _)| !ENGLISH_ONLY.contains(&file.as_str()))
        .map(|(_, id, vars)| (id, vars))
        .collect()
}

/// Message ids of every file of one language, with the file each is in.
fn all_messages(lang: Lang) -> Vec<(String, String, BTreeSet<String>)> {
    let (_, files) = FILES.iter().find(|(l, _)| *l == lang).unwrap();
    let mut out: Vec<(String, String, BTreeSet<String>)> = Vec::new();
    for (name, source) in *files {
        let resource = FluentResource::try_new((*source).to_owned())
            .unwrap_or_else(|(_, e)| panic!("{lang}/{name}: {e:?}"));
        for entry in resource.entries() {
            if let ast::Entry::Message(m) = entry {
                let id = m.id.name.to_owned();
                assert!(!out.iter().any(|(_, o, _)| *o == id), "{lang}/{name}: {id} twice");
                let mut vars = BTreeSet::new();
                if let Some(p) = &m.value {
                    variables(p, &mut vars);
                }
                out.push(((*name).to_owned(), id, vars));
            }
            assert!(!matches!(entry, ast::Entry::Junk { .. }), "{lang}/{name}: unreadable {entry:?}");
        }
    }
    out
}

fn variables(p: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &p.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(e: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match e {
        ast::Expression::Inline(i) => inline_variables(i, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for v in variants {
                variables(&v.value, out);
            }
        }
    }
}

fn inline_variables(i: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match i {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

/// Messages English writes in code (the clinical formatter) or in the
/// statement file, so only the translations have them.
fn translation_only(id: &str) -> bool {
    ["unit-", "st-", "value-", "question-"].iter().any(|p| id.starts_with(p))
}

#[test]
fn every_message_exists_in_every_language_with_the_same_numbers() {
    let english = messages(Lang::En);
    for lang in [Lang::Ja, Lang::Es] {
        let translated = messages(lang);
        for (id, vars) in &english {
            let found = translated.iter().find(|(t, _)| t == id);
            let (_, theirs) = found.unwrap_or_else(|| panic!("{lang} lacks {id}"));
            // A translation may leave out no number, citation or name.
            assert_eq!(theirs, vars, "{lang}/{id} uses other variables than English");
        }
        for (id, _) in &translated {
            assert!(
                translation_only(id) || english.iter().any(|(e, _)| e == id),
                "{lang}/{id} is not an English message"
            );
        }
        let units: Vec<&String> =
            translated.iter().map(|(id, _)| id).filter(|id| id.starts_with("unit-")).collect();
        assert_eq!(units.len(), 8, "{lang}: {units:?}");
    }
}

/// Every family statement, "what matters" prompt and question is
/// translated, with the same numbers as the English.
#[test]
fn every_statement_is_translated_with_the_same_numbers() {
    let text = FamilyText::embedded().unwrap();
    let digits = |s: &str| -> Vec<String> {
        let mut out: Vec<String> =
            s.split(|c: char| !c.is_ascii_digit()).filter(|d| !d.is_empty()).map(str::to_owned).collect();
        out.sort();
        out
    };
    let mut expected: Vec<(String, &str)> =
        text.statements.iter().map(|s| (format!("st-{}", s.id), s.text.as_str())).collect();
    expected.extend(text.values.iter().map(|v| (format!("value-{}", v.id), v.text.as_str())));
    expected
        .extend(text.questions.iter().enumerate().map(|(i, q)| (format!("question-{}", i + 1), q.as_str())));
    expected.extend(
        text.questions_after
            .iter()
            .enumerate()
            .map(|(i, q)| (format!("question-after-{}", i + 1), q.as_str())),
    );
    for lang in [Lang::Ja, Lang::Es] {
        let ids = messages(lang);
        for (id, english) in &expected {
            assert!(has(lang, id), "{lang} lacks {id}");
            assert_eq!(digits(&super::text(lang, id, &[])), digits(english), "{lang}/{id}");
        }
        let extra: Vec<&String> = ids
            .iter()
            .map(|(id, _)| id)
            .filter(|id| translation_only(id) && !id.starts_with("unit-"))
            .filter(|id| !expected.iter().any(|(e, _)| e == *id))
            .collect();
        assert!(extra.is_empty(), "{lang}: {extra:?}");
    }
}

/// The clinician's files are English only: no translation has them yet,
/// and they parse without an error or a repeated id.
#[test]
fn the_clinicians_files_are_english_and_readable() {
    let english = all_messages(Lang::En);
    for file in ENGLISH_ONLY {
        assert!(FILES[0].1.iter().any(|(name, _)| *name == file), "{file} is not an English file");
        for lang in [Lang::Ja, Lang::Es] {
            let (_, files) = FILES.iter().find(|(l, _)| *l == lang).unwrap();
            assert!(
                !files.iter().any(|(name, _)| *name == file),
                "{lang}/{file}: translate it and leave ENGLISH_ONLY"
            );
        }
    }
    assert!(
        english.iter().all(|(file, id, _)| !ENGLISH_ONLY.contains(&file.as_str()) || !translation_only(id))
    );
}

#[test]
fn a_missing_translation_falls_back_to_english() {
    assert!(!has(Lang::Ja, "no-such-message"));
    assert_eq!(super::text(Lang::Ja, "no-such-message", &[]), "[missing text: no-such-message]");
    // English-only messages do not exist; a message every language has is
    // the language's own.
    assert_eq!(super::text(Lang::En, "heading-sources", &[]), "Sources");
    assert_eq!(super::text(Lang::Es, "heading-sources", &[]), "Fuentes");
}

#[test]
fn languages_are_negotiated_from_tags() {
    for (tag, lang) in
        [("en", Lang::En), ("en-GB", Lang::En), ("ja", Lang::Ja), ("ja_JP", Lang::Ja), ("es-MX", Lang::Es)]
    {
        assert_eq!(Lang::negotiate(tag), Ok(lang), "{tag}");
    }
    for tag in ["fr", "de-DE", "", "not a tag"] {
        assert!(Lang::negotiate(tag).is_err(), "{tag}");
    }
    for lang in Lang::ALL {
        assert_eq!(ron::from_str::<Lang>(&ron::to_string(&lang).unwrap()).unwrap(), lang);
    }
}

#[test]
fn numbers_and_plurals_follow_each_language() {
    let years = |v| Quantity::patient(v, Unit::Years);
    let months = |v| Quantity::patient(v, Unit::Months);
    assert_eq!(quantity(&years(1.0), Lang::Es), "1 año");
    assert_eq!(quantity(&years(5.0), Lang::Es), "5 años");
    assert_eq!(quantity(&years(1.5), Lang::Es), "1,5 años");
    assert_eq!(quantity(&years(5.0), Lang::Ja), "5年");
    assert_eq!(quantity(&months(13.0), Lang::Es), "1 año y 1 mes");
    assert_eq!(quantity(&months(40.0), Lang::Es), "3 años y 4 meses");
    assert_eq!(quantity(&months(40.0), Lang::Ja), "3年4か月");
    assert_eq!(quantity(&months(5.0), Lang::Ja), "5か月");
    assert_eq!(quantity(&months(40.0), Lang::En), "3 years 4 months");
    let src = SourceRef { cohort: "c".into(), finding: None, label: "C 2020".into() };
    let p = Quantity::published(78.2, Unit::Percent, src.clone());
    assert_eq!(quantity(&p, Lang::Es), "78,2 %");
    assert_eq!(quantity(&p, Lang::Ja), "78.2%");
    let calc = Quantity::calculated(22.0, Unit::Count, src, "100 menos 78,2 %").about();
    assert_eq!(quantity(&calc, Lang::Es), "unos 22 (calculado: 100 menos 78,2 %)");
}

/// A translated sentence keeps its numbers and citations as runs, with
/// their sources, and its emphasis.
#[test]
fn a_paragraph_keeps_numbers_and_citations_as_runs() {
    let src = SourceRef { cohort: "c".into(), finding: None, label: "C 2020".into() };
    let n = Quantity::published(130.0, Unit::Count, src.clone());
    let p = paragraph(Lang::Es, "found-counted", &[("n", Arg::Num(n.clone()))]);
    assert_eq!(
        p.0,
        vec![Run::Text(" El estudio contó ".into()), Run::Number(n), Run::Text(" niños.".into())]
    );
    let p = paragraph(
        Lang::Ja,
        "older-better",
        &[("years", Arg::Num(Quantity::patient(6.0, Unit::Years))), ("cite", Arg::Cite(src.clone()))],
    );
    assert!(p.0.contains(&Run::Cite(src)));
    assert_eq!(plain(&p, Lang::Ja).matches("6年").count(), 1, "{}", plain(&p, Lang::Ja));
    let strong = paragraph(Lang::Ja, "choice-decision", &[]);
    assert!(matches!(&strong.0[0], Run::Strong(t) if t == "決める こと："));
}
