use super::*;

fn src() -> SourceRef {
    SourceRef {
        cohort: "ebmt-2019".into(),
        finding: Some("os-5y".into()),
        label: "EBMT 2019, abstract".into(),
    }
}

#[test]
fn one_formatter_writes_every_unit() {
    let q = |v, u| format::quantity(&Quantity::published(v, u, src()));
    assert_eq!(q(78.2, Unit::Percent), "78.2 %");
    assert_eq!(q(40.0, Unit::Percent), "40 %");
    assert_eq!(q(0.0231, Unit::PValue), "P = .0231");
    assert_eq!(q(4.9, Unit::HazardRatio), "hazard ratio 4.9");
    assert_eq!(q(130.0, Unit::Count), "130");
    assert_eq!(q(5.0, Unit::Years), "5 years");
    assert_eq!(q(1.0, Unit::Years), "1 year");
    assert_eq!(q(2000.0, Unit::CalendarYear), "2000");
    assert_eq!(format::quantity(&Quantity::patient(40.0, Unit::Months)), "3 years 4 months");
}

#[test]
fn calculated_numbers_say_so_and_from_what() {
    let q = Quantity::calculated(22.0, Unit::Count, src(), "100 minus 78, the rounded 78.2 %").about();
    assert_eq!(format::quantity(&q), "about 22 (calculated: 100 minus 78, the rounded 78.2 %)");
}

#[test]
fn paragraphs_render_their_runs_in_order() {
    let p = Paragraph::new()
        .text("Overall survival ")
        .num(Quantity::published(78.2, Unit::Percent, src()))
        .text(" ")
        .cite(src());
    assert_eq!(p.plain(), "Overall survival 78.2 % (EBMT 2019, abstract)");
    let doc = Doc { sections: vec![Section::new(SectionId::Status, "Status").with(Block::Paragraph(p))] };
    assert_eq!(doc.runs().count(), 4);
    assert!(doc.section(SectionId::Status).is_some());
    assert!(doc.section(SectionId::Sources).is_none());
}

#[test]
fn ordinals_and_lists_read_naturally() {
    assert_eq!(format::ordinal(6), "6th");
    assert_eq!(format::ordinal(1), "1st");
    assert_eq!(format::ordinal(2), "2nd");
    assert_eq!(format::ordinal(13), "13th");
    assert_eq!(format::ordinal(22), "22nd");
    assert_eq!(format::join_and(&["a".into(), "b".into(), "c".into()]), "a, b and c");
}
