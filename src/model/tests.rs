use std::path::PathBuf;

use super::*;

fn leaflet(text: &str) -> Result<Leaflet, crate::diag::Diagnostics> {
    parse(SourceFile { path: PathBuf::from("t.toml"), text: text.to_string() })
}

const MINIMAL: &str = "languages = [\"en\", \"es\"]\n[[blocks]]\ntype = \"paragraph\"\ntext = \"intro\"\n";

#[test]
fn minimal_leaflet_gets_defaults() {
    let l = leaflet(MINIMAL).unwrap();
    assert_eq!(l.stem, "t");
    assert_eq!(l.messages, "t");
    assert_eq!(l.languages.iter().map(|l| l.tag.to_string()).collect::<Vec<_>>(), ["en", "es"]);
    assert_eq!((l.page.width.round(), l.page.height.round()), (595.0, 842.0));
    assert_eq!(l.style.font, "Noto Sans");
    assert_eq!(l.blocks[0].text_kind(), Some(TextKind::Paragraph));
    assert_eq!(l.blocks[0].texts()[0].id, "intro");
}

#[test]
fn landscape_swaps_the_sides() {
    let l = leaflet(&format!("paper = \"A5\"\norientation = \"landscape\"\n{MINIMAL}")).unwrap();
    assert_eq!((l.page.width.round(), l.page.height.round()), (595.0, 420.0));
}

#[test]
fn another_paper_scales_margin_and_gutter_and_keeps_the_orientation() {
    let mut l = leaflet(&format!("orientation = \"landscape\"\n{MINIMAL}")).unwrap();
    l.set_paper(units::parse_paper("A5").unwrap());
    assert_eq!((l.page.width.round(), l.page.height.round()), (595.0, 420.0));
    let mm = |pt: f32| pt / units::PT_PER_MM;
    assert!((mm(l.margin) - 15.0 * 148.0 / 210.0).abs() < 0.01, "{}", mm(l.margin));
    assert!((mm(l.gutter) - 8.0 * 148.0 / 210.0).abs() < 0.01, "{}", mm(l.gutter));
}

#[test]
fn attributes_are_split_from_ids() {
    let l = leaflet(&MINIMAL.replace("\"intro\"", "\"intro.demands\"")).unwrap();
    assert_eq!(l.blocks[0].texts()[0].id, "intro");
    assert_eq!(l.blocks[0].texts()[0].attribute.as_deref(), Some("demands"));
}

fn first_error(text: &str) -> String {
    leaflet(text).unwrap_err().0[0].to_string()
}

#[test]
fn unknown_key_suggests_the_closest() {
    let e = first_error(&format!("{MINIMAL}[style]\nfnot = \"Noto Sans\"\n"));
    assert!(e.starts_with("t.toml:6:1: error: unknown field `fnot`"), "{e}");
    assert!(e.contains("did you mean `font`?"), "{e}");
}

#[test]
fn unknown_block_type_and_paper_are_named_with_positions() {
    let all =
        leaflet(&format!("paper = \"A44\"\n{}", MINIMAL.replace("paragraph", "paragrph"))).unwrap_err().0;
    let text: Vec<String> = all.iter().map(|d| d.to_string()).collect();
    assert!(text[0].starts_with("t.toml:1:9: error: unknown paper `A44`"), "{text:?}");
    assert!(text[0].contains("did you mean \"A4\"?"), "{text:?}");
    assert!(text[1].starts_with("t.toml:4:8: error: unknown block type `paragrph`"), "{text:?}");
    assert!(text[1].contains("did you mean \"paragraph\"?"), "{text:?}");
}

#[test]
fn wrong_types_and_syntax_are_errors_with_positions() {
    let e = first_error(&MINIMAL.replace("[\"en\", \"es\"]", "\"en\""));
    assert!(e.starts_with("t.toml:1:13: error:"), "{e}");
    let e = first_error("languages = [\"en\"\n");
    assert!(e.starts_with("t.toml:1:"), "{e}");
    let e = first_error(&format!("{MINIMAL}[args]\nflag = true\n"));
    assert!(e.contains("argument `flag` is a boolean"), "{e}");
}

#[test]
fn bad_values_are_all_reported() {
    let text = format!("margin = \"15\"\n{MINIMAL}[style]\nsize = \"11.5px\"\naccent = \"red\"\n");
    let all = leaflet(&text).unwrap_err().0;
    assert_eq!(all.len(), 3, "{all:?}");
    assert!(all[0].message.contains("has no unit"));
    assert!(all[1].message.contains("unknown unit `px`"));
    assert!(all[2].message.contains("not a colour"));
}

#[test]
fn list_needs_items_and_others_need_text() {
    let e = first_error(&MINIMAL.replace("paragraph", "list"));
    assert!(e.contains("a list needs `items`"), "{e}");
    let e = first_error("languages = [\"en\"]\n[[blocks]]\ntype = \"heading\"\n");
    assert!(e.contains("this heading block has no `text`"), "{e}");
}

#[test]
fn bad_language_tags_are_named() {
    let e = first_error(&MINIMAL.replace("\"es\"", "\"not a tag\""));
    assert!(e.starts_with("t.toml:1:20: error: `not a tag` is not a language tag"), "{e}");
}

#[test]
fn align_belongs_to_text_blocks_only() {
    let qr =
        "languages = [\"en\"]\n[[blocks]]\ntype = \"qr\"\nurl = \"https://example.org\"\nalign = \"left\"\n";
    let e = first_error(qr);
    assert!(e.contains("only text blocks have `align`; this is a qr"), "{e}");
    assert!(leaflet(&qr.replace("align = \"left\"\n", "")).is_ok());
}

/// A qr block's address is encoded as the leaflet loads: the longest allowed makes a
/// code, one byte more is an error at the address (layout has nothing left to fail on).
#[test]
fn qr_codes_are_encoded_at_load() {
    let qr = |url: &str| format!("{MINIMAL}[[blocks]]\ntype = \"qr\"\nurl = \"{url}\"\n");
    let longest = format!("https://x.org/{}", "a".repeat(1000 - 14));
    let l = leaflet(&qr(&longest)).unwrap();
    let BlockContent::Qr(block) = &l.blocks[1].content else { panic!("a qr block") };
    let code = &block.code;
    assert_eq!(*code, QrCode::encode(&longest).unwrap());
    assert!(code.width() > 21, "{}", code.width());
    let e = first_error(&qr(&format!("{longest}a")));
    assert!(e.starts_with("t.toml:7:7: error: the `url` must hold 1 to 1000 characters"), "{e}");
}
