//! The family view: the family [`Doc`] in large type, plain words. The
//! options stand in equal columns on the same rows; pictures of 100 boys
//! stand one under the other, never side by side; the family rates what
//! matters to them, adds questions and says which way they lean. Their
//! answers live in [`Consultation`] (this session only) unless the
//! counselor chooses to keep them in the patient file.

use egui::{Color32, Rect, RichText, Stroke, Ui, vec2};

use crate::command::Command;
use crate::model::discussion::{FamilyDiscussion, Importance, Leaning, MAX_QUESTION_CHARS, MAX_QUESTIONS};
use crate::model::evidence::Evidence;
use crate::model::evidence::changelog::Changelog;
use crate::model::family::{
    Child, ChildStatus, INHERITANCE_FIGURE, IconStyle, Inheritance, headings, importance_label,
    inheritance_in, leaning_label,
};
use crate::model::l10n::{self, Arg, Lang};
use crate::model::text::{Block, Doc, Paragraph, Ratings, Run, Section, SectionId, SourceRef, Table};
use crate::ui::{doc_ui, theme};

/// Body text size in the family view (points).
const BODY: f32 = 19.0;
/// Heading size in the family view (points).
const HEADING: f32 = 24.0;
/// Text size in the options table (points), the same in every cell.
const CELL_TEXT: f32 = 16.0;
/// Widest the text column grows, so lines stay readable (points).
const MAX_WIDTH: f32 = 1000.0;

/// Text of the button that opens the inheritance explainer, in the
/// counselor's (menu) language.
pub fn inheritance_button(menu: Lang) -> String {
    l10n::text(menu, "family-inheritance-button", &[])
}
/// Text of the button that writes the family handout.
pub fn export_button(menu: Lang) -> String {
    l10n::text(menu, "family-export-button", &[])
}
/// The checkbox that keeps the family's answers in the patient file.
pub fn keep_answers(menu: Lang) -> String {
    l10n::text(menu, "family-keep-answers", &[])
}
/// The field for the family's own question, in the family's language.
pub fn question_field(lang: Lang) -> String {
    l10n::text(lang, "own-question-field", &[])
}
/// The button that adds it.
pub fn add_question(lang: Lang) -> String {
    l10n::text(lang, "own-question-add", &[])
}

/// The family's answers in this consultation. Held in memory only (never
/// in the app's saved preferences); copied into the patient file only
/// while `keep` is on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Consultation {
    /// Ratings, leaning and questions so far.
    pub answers: FamilyDiscussion,
    /// The counselor chose to keep them in the patient file.
    pub keep: bool,
    /// The question being typed.
    pub draft: String,
}

impl Consultation {
    /// The consultation of a patient as opened: answers kept in his file
    /// come back with "keep" on.
    pub fn of(discussion: Option<&FamilyDiscussion>) -> Self {
        Self {
            answers: discussion.cloned().unwrap_or_default(),
            keep: discussion.is_some(),
            draft: String::new(),
        }
    }
}

/// What the family view changed this frame.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct FamilyChanges {
    /// The icon style.
    pub icons: bool,
    /// The family's answers.
    pub answers: bool,
    /// The keep-in-file choice.
    pub keep: bool,
    /// The family pages' language.
    pub language: bool,
}

/// The accessible name of one rating button.
pub fn rating_name(statement: &str, level: Importance) -> String {
    format!("{}: {statement}", level.label())
}

/// The accessible name of the button that removes one of the family's
/// questions.
pub fn remove_question_name(question: &str, lang: Lang) -> String {
    l10n::text(lang, "own-question-remove", &[("question", Arg::Text(question.to_owned()))])
}

/// The label of the family pages' language choice, in the menu language.
pub fn language_label(menu: Lang) -> String {
    l10n::text(menu, "family-language", &[])
}

/// Draws the family view, its words in `lang`; the counselor's controls at
/// the top are in the `menu` language, as the menus are.
pub fn family_view_ui(
    ui: &mut Ui,
    doc: &Doc,
    (icons, lang, menu): (&mut IconStyle, &mut Lang, Lang),
    consultation: &mut Consultation,
    show_inheritance: &mut bool,
    out: &mut Vec<Command>,
) -> FamilyChanges {
    let mut changes = FamilyChanges::default();
    doc_ui::set_language(ui.ctx(), *lang);
    let words = *lang;
    egui::ScrollArea::vertical().auto_shrink(false).show(ui, |ui| {
        // Narrower than the panel at high zoom; never wider (lines stay readable).
        // (less a margin, so the floating scroll bar never covers words).
        ui.set_max_width((ui.available_width() - 14.0).min(MAX_WIDTH));
        // What a counselor reaches for first stays at the top.
        ui.horizontal_wrapped(|ui| {
            if ui.button(RichText::new(inheritance_button(menu)).size(BODY)).clicked() {
                *show_inheritance = true;
            }
            if ui.button(RichText::new(export_button(menu)).size(BODY)).clicked() {
                out.push(Command::ExportHandout);
            }
            changes.keep = ui
                .checkbox(&mut consultation.keep, RichText::new(keep_answers(menu)).size(BODY - 3.0))
                .on_hover_text(l10n::text(menu, "family-keep-answers-hover", &[]))
                .changed();
            egui::ComboBox::from_label(RichText::new(language_label(menu)).size(BODY - 3.0))
                .selected_text(lang.name())
                .show_ui(ui, |ui| {
                    for l in Lang::ALL {
                        changes.language |= ui.selectable_value(lang, l, l.name()).changed();
                    }
                });
        });
        for section in &doc.sections {
            match section.id {
                SectionId::AboutTheCondition | SectionId::Sources | SectionId::AboutThisAid => {
                    collapsed_section_ui(ui, section, (*icons, words));
                }
                SectionId::Pictures => {
                    ui.add_space(14.0);
                    ui.label(RichText::new(&section.heading).size(HEADING).strong());
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(l10n::text(words, "pictures-show", &[])).size(BODY));
                        for s in IconStyle::ALL {
                            changes.icons |= ui
                                .radio_value(icons, s, RichText::new(s.label_in(words)).size(BODY))
                                .accessible_name(s.label())
                                .changed();
                        }
                    });
                    blocks_ui(ui, section, (*icons, words), consultation, &mut changes.answers);
                }
                _ => {
                    ui.add_space(14.0);
                    ui.label(RichText::new(&section.heading).size(HEADING).strong());
                    blocks_ui(ui, section, (*icons, words), consultation, &mut changes.answers);
                }
            }
        }
        ui.add_space(12.0);
        let disclaimer = if words == Lang::En {
            crate::DISCLAIMER.to_owned()
        } else {
            l10n::text(words, "disclaimer", &[])
        };
        ui.label(RichText::new(disclaimer).size(BODY - 3.0));
    });
    doc_ui::set_language(ui.ctx(), Lang::En);
    changes
}

/// Long or reference sections, folded away until opened.
fn collapsed_section_ui(ui: &mut Ui, section: &Section, icons: (IconStyle, Lang)) {
    ui.add_space(10.0);
    egui::CollapsingHeader::new(RichText::new(&section.heading).size(HEADING - 4.0).strong())
        .id_salt(("family-section", section.heading.as_str()))
        .default_open(false)
        .show(ui, |ui| {
            let mut unused = Consultation::default();
            let mut changed = false;
            blocks_ui(ui, section, icons, &mut unused, &mut changed);
        });
}

fn blocks_ui(
    ui: &mut Ui,
    section: &Section,
    (icons, lang): (IconStyle, Lang),
    c: &mut Consultation,
    changed: &mut bool,
) {
    for block in &section.blocks {
        match block {
            Block::Paragraph(p) => {
                doc_ui::paragraph_ui(ui, p, BODY);
                ui.add_space(4.0);
            }
            Block::Note(p) => doc_ui::paragraph_ui(ui, p, BODY - 4.0),
            Block::Item { text, source, concerns } => item_ui(ui, text, source.as_ref(), concerns),
            Block::Table(t) => options_table_ui(ui, t),
            Block::Figure { id, .. } if *id == INHERITANCE_FIGURE => {
                inheritance_diagram_ui(ui, &inheritance_in(lang), lang);
            }
            // The family's answers are asked for here, live; the blocks
            // carry what the handout prints.
            Block::Ratings(r) => *changed |= ratings_ui(ui, r, &mut c.answers, lang),
            // The family view's only choice is which way they lean.
            Block::Choice(_) => *changed |= leaning_ui(ui, &mut c.answers, lang),
            Block::Questions { prompts, .. } => *changed |= questions_ui(ui, prompts, c, lang),
            Block::Steps(steps) => {
                for (i, s) in steps.iter().enumerate() {
                    doc_ui::paragraph_ui(
                        ui,
                        &Paragraph::new().strong(format!("{}. ", i + 1)).then(s.clone()),
                        BODY,
                    );
                }
                ui.add_space(4.0);
            }
            Block::Figure { .. } | Block::IconArray(_) => doc_ui::block_ui(ui, block, BODY, icons),
        }
    }
}

fn item_ui(ui: &mut Ui, text: &Paragraph, source: Option<&SourceRef>, concerns: &[Paragraph]) {
    egui::Frame::group(ui.style()).inner_margin(theme::CARD_MARGIN).show(ui, |ui| {
        ui.set_width(ui.available_width());
        doc_ui::paragraph_ui(ui, text, BODY);
        for p in concerns {
            doc_ui::paragraph_ui(ui, p, BODY - 2.0);
        }
        // The source, unless the statement cites it already.
        if let Some(s) = source.filter(|_| !text.0.iter().any(|r| matches!(r, Run::Cite(_)))) {
            doc_ui::paragraph_ui(ui, &Paragraph::new().cite(s.clone()), BODY - 2.0);
        }
    });
    ui.add_space(2.0);
}

/// Narrower than this (points), the options table is shown row by row,
/// each option's cell under the other, rather than squeezed into columns.
const TABLE_MIN_WIDTH: f32 = 640.0;

/// The options on equal terms: every cell the same width, size and type.
fn options_table_ui(ui: &mut Ui, t: &Table) {
    if ui.available_width() < TABLE_MIN_WIDTH {
        stacked_table_ui(ui, t);
        return;
    }
    let label_w = (ui.available_width() * 0.16).clamp(90.0, 170.0);
    let columns = t.header.len().saturating_sub(1).max(1);
    #[expect(clippy::cast_precision_loss, reason = "three columns")]
    let option_w =
        (ui.available_width() - label_w - 2.0 * f32::from(theme::CARD_MARGIN)) / columns as f32 - 8.0;
    let row_ui = |ui: &mut Ui, row: &[Paragraph], header: bool| {
        ui.horizontal_top(|ui| {
            for (i, cell) in row.iter().enumerate() {
                let w = if i == 0 { label_w } else { option_w };
                // Top-down inside the row, so the words wrap at the column's width.
                ui.allocate_ui_with_layout(vec2(w, 0.0), egui::Layout::top_down(egui::Align::Min), |ui| {
                    ui.set_width(w);
                    let size = if header { CELL_TEXT + 1.0 } else { CELL_TEXT };
                    doc_ui::paragraph_ui(ui, cell, size);
                });
                ui.add_space(6.0);
            }
        });
        ui.separator();
    };
    egui::Frame::group(ui.style()).inner_margin(theme::CARD_MARGIN).show(ui, |ui| {
        row_ui(ui, &t.header, true);
        for row in &t.rows {
            row_ui(ui, row, false);
        }
    });
}

/// The same table for a narrow window: each row under its name, with the
/// options' cells one under the other in the same order.
fn stacked_table_ui(ui: &mut Ui, t: &Table) {
    for row in &t.rows {
        let Some((name, cells)) = row.split_first() else { continue };
        egui::Frame::group(ui.style()).inner_margin(theme::CARD_MARGIN).show(ui, |ui| {
            ui.set_width(ui.available_width());
            doc_ui::paragraph_ui(ui, name, CELL_TEXT + 1.0);
            for (option, cell) in t.header.iter().skip(1).zip(cells) {
                ui.add_space(4.0);
                doc_ui::paragraph_ui(ui, option, CELL_TEXT);
                doc_ui::paragraph_ui(ui, cell, CELL_TEXT);
            }
        });
    }
}

/// Each statement with three choices; choosing the chosen one again clears
/// it. Returns true when a rating changed.
fn ratings_ui(ui: &mut Ui, rated: &Ratings, answers: &mut FamilyDiscussion, lang: Lang) -> bool {
    let mut changed = false;
    for r in &rated.rows {
        let statement = r.statement.plain();
        let current = answers.importance(&r.key);
        egui::Frame::group(ui.style()).inner_margin(theme::CARD_MARGIN).show(ui, |ui| {
            ui.set_width(ui.available_width());
            doc_ui::paragraph_ui(ui, &r.statement, BODY);
            ui.horizontal_wrapped(|ui| {
                for level in Importance::ALL {
                    let chosen = current == Some(level);
                    let response = ui
                        .radio(chosen, RichText::new(importance_label(level, lang)).size(BODY - 2.0))
                        .accessible_name(rating_name(&statement, level));
                    if response.clicked() {
                        answers.set_importance(&r.key, if chosen { None } else { Some(level) });
                        changed = true;
                    }
                }
            });
        });
    }
    changed
}

fn leaning_ui(ui: &mut Ui, answers: &mut FamilyDiscussion, lang: Lang) -> bool {
    let mut changed = false;
    ui.horizontal_wrapped(|ui| {
        for l in Leaning::ALL {
            let chosen = answers.leaning == Some(l);
            let response = ui.radio(chosen, RichText::new(leaning_label(l, lang)).size(BODY - 2.0));
            if response.accessible_name(l.label()).clicked() {
                answers.leaning = if chosen { None } else { Some(l) };
                changed = true;
            }
        }
    });
    changed
}

/// Prompt questions, the family's own with a way to remove each, and a
/// field to add more.
fn questions_ui(ui: &mut Ui, prompts: &[Paragraph], c: &mut Consultation, lang: Lang) -> bool {
    let mut changed = false;
    for q in prompts {
        doc_ui::paragraph_ui(ui, &Paragraph::new().text("• ").then(q.clone()), BODY - 1.0);
    }
    ui.add_space(6.0);
    let mut remove = None;
    for (i, q) in c.answers.questions.iter().enumerate() {
        ui.horizontal_wrapped(|ui| {
            let remove_button = ui.small_button(l10n::text(lang, "remove", &[]));
            if remove_button.accessible_name(remove_question_name(q, lang)).clicked() {
                remove = Some(i);
            }
            ui.label(RichText::new(q).size(BODY - 1.0).strong());
        });
    }
    if let Some(i) = remove {
        c.answers.questions.remove(i);
        changed = true;
    }
    let full = c.answers.questions.len() >= MAX_QUESTIONS;
    ui.horizontal_wrapped(|ui| {
        let label = ui.label(RichText::new(question_field(lang)).size(BODY - 2.0));
        let field = ui
            .add_enabled(
                !full,
                egui::TextEdit::singleline(&mut c.draft).desired_width(420.0).char_limit(MAX_QUESTION_CHARS),
            )
            .labelled_by(label.id);
        let entered = field.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        let clicked = ui
            .add_enabled(!full, egui::Button::new(RichText::new(add_question(lang)).size(BODY - 2.0)))
            .clicked();
        let text = c.draft.trim().to_owned();
        if (entered || clicked) && !text.is_empty() {
            c.answers.questions.push(text);
            c.draft.clear();
            changed = true;
        }
    });
    if full {
        let max = Arg::Count(i64::try_from(MAX_QUESTIONS).unwrap_or(i64::MAX));
        ui.label(l10n::text(lang, "at-most-questions", &[("max", max)]));
    }
    changed
}

/// The inheritance explainer as its own window (View menu and the button
/// at the top of the family view).
pub fn inheritance_ui(ctx: &egui::Context, open: &mut bool, inheritance: &Inheritance, lang: Lang) {
    let title = l10n::text(lang, "heading-inheritance", &[]);
    egui::Window::new(title).id(egui::Id::unique("inheritance")).open(open).default_width(640.0).show(
        ctx,
        |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| inheritance_diagram_ui(ui, inheritance, lang));
        },
    );
}

/// Pedigree symbols (square: male, circle: female; filled: has the
/// condition, dot: carrier) with the sentences.
fn inheritance_diagram_ui(ui: &mut Ui, inheritance: &Inheritance, lang: Lang) {
    doc_ui::paragraph_ui(ui, &inheritance.summary, BODY - 2.0);
    doc_ui::paragraph_ui(ui, &inheritance.key, BODY - 5.0);
    for case in &inheritance.cases {
        ui.add_space(10.0);
        ui.label(RichText::new(&case.parent).size(BODY).strong());
        let width = (ui.available_width() / 4.0 - ui.spacing().item_spacing.x).clamp(60.0, 120.0);
        ui.horizontal_top(|ui| {
            for (child, status) in case.children {
                ui.vertical(|ui| {
                    ui.set_width(width);
                    let (rect, response) = ui.allocate_exact_size(vec2(44.0, 44.0), egui::Sense::hover());
                    let name = format!("{}: {}", child.label_in(lang), status.label_in(lang));
                    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, &name));
                    pedigree_symbol(ui, rect.shrink(4.0), child, status);
                    ui.label(
                        RichText::new(format!("{}: {}", child.label_in(lang), status.label_in(lang)))
                            .size(BODY - 6.0),
                    );
                });
            }
        });
        for s in &case.sentences {
            doc_ui::paragraph_ui(ui, s, BODY - 3.0);
        }
    }
    ui.add_space(10.0);
    doc_ui::paragraph_ui(ui, &Paragraph::new().strong(inheritance.note.plain()), BODY - 3.0);
}

fn pedigree_symbol(ui: &Ui, r: Rect, child: Child, status: ChildStatus) {
    let painter = ui.painter();
    let color = ui.visuals().strong_text_color();
    let stroke = Stroke::new(2.0, color);
    let fill = if status == ChildStatus::Affected { color } else { Color32::TRANSPARENT };
    match child {
        Child::Son => {
            painter.rect(r, 0.0, fill, stroke, egui::StrokeKind::Inside);
        }
        Child::Daughter => {
            painter.circle(r.center(), r.width() / 2.0, fill, stroke);
        }
    }
    if status == ChildStatus::Carrier {
        painter.circle_filled(r.center(), r.width() * 0.15, color);
    }
}

/// "About this aid" and every source with its date, for the Help menu.
/// The clinician's About also gives the evidence set's fingerprint and
/// what changed in each dated version.
pub fn about_ui(
    ctx: &egui::Context,
    open: &mut bool,
    about: &Section,
    sources: &Section,
    evidence: &Evidence,
) {
    egui::Window::new(headings::ABOUT).open(open).default_width(620.0).show(ctx, |ui| {
        ui.label(format!("xhim-aid {}", env!("CARGO_PKG_VERSION")));
        ui.label(
            RichText::new(format!(
                "Evidence fingerprint (SHA-256 of the cohort files): {}",
                evidence.version
            ))
            .small(),
        );
        egui::ScrollArea::vertical().max_height(520.0).show(ui, |ui| {
            for block in &about.blocks {
                match block {
                    Block::Item { text, .. } => {
                        doc_ui::paragraph_ui(ui, text, 14.0);
                        ui.add_space(4.0);
                    }
                    Block::Note(p) | Block::Paragraph(p) => doc_ui::paragraph_ui(ui, p, 12.5),
                    other => doc_ui::block_ui(ui, other, 12.5, IconStyle::default()),
                }
            }
            if let Some(log) = Changelog::shipped() {
                ui.separator();
                ui.label(RichText::new(l10n::en("changelog-all-versions", &[])).strong());
                for v in &log.versions {
                    ui.label(RichText::new(format!("{} ({})", v.version, v.date)).strong());
                    for e in &v.entries {
                        ui.label(format!("• {} [{}]", e.text, e.cohorts.join(", ")));
                    }
                }
            }
            ui.separator();
            ui.label(RichText::new(&sources.heading).strong());
            for block in &sources.blocks {
                match block {
                    Block::Note(p) => doc_ui::paragraph_ui(ui, p, 12.5),
                    other => doc_ui::block_ui(ui, other, 12.5, IconStyle::default()),
                }
            }
            ui.separator();
            ui.label(crate::DISCLAIMER);
        });
    });
}
