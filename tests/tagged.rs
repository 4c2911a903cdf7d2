//! The tagged PDF: a structure tree reading each language whole in turn, every mark on
//! the page inside an element's marked content or an artifact, the parent tree finding
//! each MCID's element again, and (with poppler) the structure's text in order and
//! holding every line the page shows.

mod support;

use std::collections::BTreeMap;
use std::path::Path;

use leaflet::{BuildOptions, Built, build};
use lopdf::{Dictionary, Document, Object, ObjectId};
use support::skip;

fn built(name: &str, options: &BuildOptions) -> Built {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets").join(format!("{name}.toml"));
    build(&path, options).unwrap_or_else(|d| panic!("{name}: {d}"))
}

fn dict<'a>(doc: &'a Document, object: &'a Object) -> &'a Dictionary {
    match object {
        Object::Reference(id) => doc.get_dictionary(*id).unwrap(),
        Object::Dictionary(d) => d,
        other => panic!("not a dictionary: {other:?}"),
    }
}

fn name(d: &Dictionary, key: &[u8]) -> String {
    String::from_utf8(d.get(key).unwrap().as_name().unwrap().to_vec()).unwrap()
}

/// An element's children that are elements, and the (page, MCID) it holds directly.
fn kids(element: &Dictionary) -> (Vec<ObjectId>, Vec<(ObjectId, i64)>) {
    let (mut elements, mut content) = (Vec::new(), Vec::new());
    // A figure described in a section it is not drawn in holds nothing.
    let k = match element.get(b"K") {
        Ok(Object::Array(kids)) => kids.clone(),
        Ok(one) => vec![one.clone()],
        Err(_) => Vec::new(),
    };
    for kid in &k {
        match kid {
            Object::Reference(id) => elements.push(*id),
            // A bare MCID on the element's page.
            Object::Integer(mcid) => {
                content.push((element.get(b"Pg").unwrap().as_reference().unwrap(), *mcid))
            }
            // An annotation (the code's link) is no marked content.
            Object::Dictionary(objr) if name(objr, b"Type") == "OBJR" => {}
            Object::Dictionary(mcr) => {
                assert_eq!(name(mcr, b"Type"), "MCR");
                content.push((
                    mcr.get(b"Pg").unwrap().as_reference().unwrap(),
                    mcr.get(b"MCID").unwrap().as_i64().unwrap(),
                ));
            }
            other => panic!("unexpected kid {other:?}"),
        }
    }
    (elements, content)
}

/// The tree as lines of `depth × two spaces` and the element type, with `/Lang`.
fn outline(doc: &Document, id: ObjectId, depth: usize, out: &mut Vec<String>) {
    let element = doc.get_dictionary(id).unwrap();
    let lang =
        element.get(b"Lang").ok().map(|l| format!(" {}", String::from_utf8_lossy(l.as_str().unwrap())));
    out.push(format!("{}{}{}", "  ".repeat(depth), name(element, b"S"), lang.unwrap_or_default()));
    for kid in kids(element).0 {
        outline(doc, kid, depth + 1, out);
    }
}

fn root(doc: &Document) -> &Dictionary {
    dict(doc, doc.catalog().unwrap().get(b"StructTreeRoot").unwrap())
}

/// The strike-fund leaflet (a logo, a list, a QR code, English and Spanish): one
/// section per language with its `/Lang`, in column order, each holding the whole
/// leaflet in the block order; lists as L → LI → Lbl, LBody.
#[test]
fn each_language_is_a_section_holding_the_whole_leaflet() {
    let built = built("strike-fund", &BuildOptions::default());
    let doc = Document::load_mem(&built.pdf).unwrap();
    let catalog = doc.catalog().unwrap();
    assert!(dict(&doc, catalog.get(b"MarkInfo").unwrap()).get(b"Marked").unwrap().as_bool().unwrap());
    let prefs = dict(&doc, catalog.get(b"ViewerPreferences").unwrap());
    assert!(prefs.get(b"DisplayDocTitle").unwrap().as_bool().unwrap());
    let top = kids(root(&doc)).0;
    assert_eq!(top.len(), 1, "one Document element");
    let mut lines = Vec::new();
    outline(&doc, top[0], 0, &mut lines);
    let item = ["      LI", "        Lbl", "        LBody"];
    let mut section = vec!["    H1", "    P", "    L"];
    for _ in 0..3 {
        section.extend(item);
    }
    // The logo and the code are drawn once, across the page, as the first language's
    // figures; the second language's section describes them too, in its place. The
    // footer's address is a link in each language.
    let mut expected = vec!["Document", "  Sect en", "    Figure"];
    expected.extend(&section);
    expected.extend(["    P", "    Figure", "      Link", "    P", "      Link", "  Sect es", "    Figure"]);
    expected.extend(&section);
    expected.extend(["    P", "    Figure", "    P", "      Link"]);
    assert_eq!(lines, expected);
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Marked {
    Mcid(i64),
    Artifact,
    Other,
}

/// Every text show, filled rectangle and drawn picture of every page, inside marked
/// content with an MCID or an artifact; every MCID's element, found through the
/// parent tree, holds that MCID on that page. Returns how many MCIDs and artifacts.
fn check_tagged(pdf: &[u8]) -> (usize, usize) {
    let doc = Document::load_mem(pdf).unwrap();
    let parent_tree = dict(&doc, root(&doc).get(b"ParentTree").unwrap());
    let nums = parent_tree.get(b"Nums").unwrap().as_array().unwrap();
    // Pages' keys hold arrays; annotations' (after them) one element each.
    let parents: BTreeMap<i64, &Vec<Object>> =
        nums.chunks(2).filter_map(|p| Some((p[0].as_i64().unwrap(), p[1].as_array().ok()?))).collect();
    let (mut mcids, mut artifacts) = (0, 0);
    for (_, page_id) in doc.get_pages() {
        let page = doc.get_dictionary(page_id).unwrap();
        let key = page.get(b"StructParents").unwrap().as_i64().unwrap();
        let elements = parents[&key];
        let content = lopdf::content::Content::decode(&doc.get_page_content(page_id)).unwrap();
        let mut stack: Vec<Marked> = Vec::new();
        let mut seen = Vec::new();
        for op in &content.operations {
            match op.operator.as_str() {
                "BMC" if op.operands[0].as_name().unwrap() == b"Artifact" => {
                    artifacts += 1;
                    stack.push(Marked::Artifact)
                }
                "BMC" => stack.push(Marked::Other),
                "BDC" => match op.operands[1].as_dict().unwrap().get(b"MCID") {
                    Ok(mcid) => {
                        let mcid = mcid.as_i64().unwrap();
                        assert!(stack.iter().all(|m| !matches!(m, Marked::Mcid(_))), "MCID inside an MCID");
                        seen.push(mcid);
                        stack.push(Marked::Mcid(mcid));
                    }
                    Err(_) => stack.push(Marked::Other),
                },
                "EMC" => {
                    stack.pop().expect("EMC without BMC or BDC");
                }
                "Tj" | "TJ" | "f" | "f*" | "Do" => {
                    assert!(
                        stack.iter().any(|m| *m != Marked::Other),
                        "{} outside tagged content and artifacts",
                        op.operator
                    );
                }
                _ => {}
            }
        }
        assert!(stack.is_empty(), "marked content left open");
        assert_eq!(seen, (0..seen.len() as i64).collect::<Vec<_>>(), "MCIDs numbered in order from 0");
        assert_eq!(elements.len(), seen.len(), "one parent per MCID");
        for (mcid, element) in elements.iter().enumerate() {
            let element = dict(&doc, element);
            assert!(
                kids(element).1.contains(&(page_id, mcid as i64)),
                "MCID {mcid}'s parent does not hold it"
            );
        }
        mcids += seen.len();
    }
    (mcids, artifacts)
}

/// Every example, flat, folded, several pages, right to left, Indic, Chinese; and a
/// copy-shop sheet two-up with marks, whose second copy is all artifact.
#[test]
fn every_example_is_tagged_or_artifact() {
    let leaflets = Path::new(env!("CARGO_MANIFEST_DIR")).join("leaflets");
    let mut names: Vec<String> = std::fs::read_dir(&leaflets)
        .unwrap()
        .filter_map(|e| e.unwrap().file_name().to_str()?.strip_suffix(".toml").map(str::to_string))
        .collect();
    names.sort();
    assert!(names.len() >= 11, "{names:?}");
    for name in &names {
        let (mcids, _) = check_tagged(&built(name, &BuildOptions::default()).pdf);
        assert!(mcids > 10, "{name}: {mcids} MCIDs");
    }
    let mm = leaflet::model::units::PT_PER_MM;
    let shop =
        BuildOptions { n_up: 2, marks: true, paper: Some((148.0 * mm, 210.0 * mm)), ..Default::default() };
    let one = check_tagged(
        &built("peru-solidarity", &BuildOptions { paper: shop.paper, ..Default::default() }).pdf,
    );
    let two = check_tagged(&built("peru-solidarity", &shop).pdf);
    assert_eq!(two.0, one.0, "the second copy adds no tagged content");
    assert!(two.1 > one.1, "the second copy and the marks are artifacts");
}

/// `pdfinfo -struct-text` output, or `None` when poppler is missing.
fn struct_text(pdf: &[u8]) -> Option<String> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("tagged.pdf");
    std::fs::write(&path, pdf).unwrap();
    let out = skip::output_of(
        std::process::Command::new("pdfinfo").arg("-struct-text").arg(&path),
        "poppler-utils",
    )?;
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    Some(String::from_utf8(out.stdout).unwrap())
}

/// What poppler reads from the structure: all of the English, then all of the Spanish;
/// and every line `pdftotext` finds on the page is in it (spaces aside: poppler joins
/// an element's lines without one, and drops the soft hyphen a line ends with).
#[test]
fn the_structure_reads_english_then_spanish_and_holds_every_line() {
    let built = built("strike-fund", &BuildOptions::default());
    let Some(tree) = struct_text(&built.pdf) else { return };
    let Some(page) = support::poppler::pdftotext(&built.pdf) else { return };
    let at = |phrase: &str| {
        tree.find(phrase).unwrap_or_else(|| panic!("{phrase:?} not in the structure:\n{tree}"))
    };
    let english =
        ["Keep the strike", "180 cleaners", "Give what you can", "An injury to one", "Scan the code"];
    let spanish =
        ["Que la huelga", "180 limpiadoras", "Aporta lo que puedas", "Si tocan a una", "Escanea el código"];
    let order: Vec<usize> = english.iter().chain(&spanish).map(|p| at(p)).collect();
    assert!(order.is_sorted(), "out of order: {order:?}\n{tree}");
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace() && *c != '\u{ad}').collect::<String>();
    let structure: String = tree
        .lines()
        .filter_map(|l| l.trim().strip_prefix('"').and_then(|l| l.strip_suffix('"')))
        .map(squeeze)
        .collect();
    let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(lines.len() > 20, "{lines:?}");
    for line in lines {
        assert!(structure.contains(&squeeze(line)), "{line:?} is not in the structure:\n{tree}");
    }
}

/// Two-up, the second copy is no part of the structure: the heading is read once.
#[test]
fn the_second_copy_is_not_read() {
    let mm = leaflet::model::units::PT_PER_MM;
    let options = BuildOptions { n_up: 2, paper: Some((148.0 * mm, 210.0 * mm)), ..Default::default() };
    let built = built("peru-solidarity", &options);
    let Some(tree) = struct_text(&built.pdf) else { return };
    let Some(page) = support::poppler::pdftotext(&built.pdf) else { return };
    assert_eq!(page.matches("Kick them all out!").count(), 2);
    assert_eq!(tree.matches("Kick them all out!").count(), 1, "{tree}");
}

/// The QR code opens its address: a `/Link` annotation with the URI over exactly the
/// code's squares, on a page tabbing in structure order, found through the parent tree
/// as a `Link` element inside the code's `Figure`, which has the address as its `/Alt`.
#[test]
fn the_code_is_a_link_to_its_address() {
    let built = built("strike-fund", &BuildOptions::default());
    let doc = Document::load_mem(&built.pdf).unwrap();
    let (_, page_id) = doc.get_pages().into_iter().next().unwrap();
    let page = doc.get_dictionary(page_id).unwrap();
    assert_eq!(name(page, b"Tabs"), "S");
    let annots = page.get(b"Annots").unwrap().as_array().unwrap();
    // The code's, and the footer's address in each language.
    assert_eq!(annots.len(), 3);
    // The code's is the one whose `Link` element is in a `Figure`.
    let nums = dict(&doc, root(&doc).get(b"ParentTree").unwrap()).get(b"Nums").unwrap().as_array().unwrap();
    let element_of = |annotation: &Dictionary| {
        let key = annotation.get(b"StructParent").unwrap().as_i64().unwrap();
        let at = nums
            .chunks(2)
            .find(|p| p[0].as_i64().unwrap() == key)
            .expect("the link's key in the parent tree");
        dict(&doc, &at[1])
    };
    let in_figure =
        |a: &&Object| name(dict(&doc, element_of(dict(&doc, a)).get(b"P").unwrap()), b"S") == "Figure";
    let codes: Vec<&Object> = annots.iter().filter(in_figure).collect();
    assert_eq!(codes.len(), 1, "the code's link");
    let link = dict(&doc, codes[0]);
    assert_eq!(name(link, b"Subtype"), "Link");
    let action = dict(&doc, link.get(b"A").unwrap());
    assert_eq!(action.get(b"URI").unwrap().as_str().unwrap(), b"https://example.org/cleaners-fund");
    let rect: Vec<f32> =
        link.get(b"Rect").unwrap().as_array().unwrap().iter().map(|v| v.as_float().unwrap()).collect();

    // The code's squares in the layout (top-left origin), turned into PDF coordinates.
    let laid = &built.pressed.document.pages[0];
    let squares: Vec<_> = laid
        .items
        .iter()
        .filter(
            |p| matches!(&p.tag, leaflet::layout::Tag::Content(m) if m.role == leaflet::layout::Role::Figure),
        )
        .filter_map(|p| match &p.item {
            leaflet::layout::Item::Rect(r) => Some((p.x, p.y, r.width, r.height)),
            _ => None,
        })
        .collect();
    assert!(squares.len() > 20, "{} squares", squares.len());
    let left = squares.iter().map(|s| s.0).fold(f32::MAX, f32::min);
    let right = squares.iter().map(|s| s.0 + s.2).fold(f32::MIN, f32::max);
    let top = squares.iter().map(|s| s.1).fold(f32::MAX, f32::min);
    let bottom = squares.iter().map(|s| s.1 + s.3).fold(f32::MIN, f32::max);
    let expected = [left, laid.height - bottom, right, laid.height - top];
    for (got, want) in rect.iter().zip(expected) {
        assert!((got - want).abs() < 0.01, "link {rect:?}, code {expected:?}");
    }

    let element = element_of(link);
    assert_eq!(name(element, b"S"), "Link");
    let figure = dict(&doc, element.get(b"P").unwrap());
    assert_eq!(name(figure, b"S"), "Figure");
    assert_eq!(figure.get(b"Alt").unwrap().as_str().unwrap(), b"https://example.org/cleaners-fund");
}

/// The repository's checker (scripts/check-tagged, run by .ci/run) passes the strike
/// fund leaflet and a folded one, and fails the same PDF with its structure tree
/// taken away.
#[test]
fn the_checker_passes_tagged_pdfs_and_fails_an_untagged_one() {
    let dir = tempfile::tempdir().unwrap();
    let strike = built("strike-fund", &BuildOptions::default()).pdf;
    let folded = built("library-roll-fold", &BuildOptions::default()).pdf;
    let mut untagged = Document::load_mem(&strike).unwrap();
    untagged.catalog_mut().unwrap().remove(b"StructTreeRoot");
    let mut bytes = Vec::new();
    untagged.save_to(&mut bytes).unwrap();
    let mut paths = Vec::new();
    for (name, pdf) in [("strike", &strike), ("folded", &folded), ("untagged", &bytes)] {
        let path = dir.path().join(format!("{name}.pdf"));
        std::fs::write(&path, pdf).unwrap();
        paths.push(path);
    }
    let script = Path::new(env!("CARGO_MANIFEST_DIR")).join("scripts/check-tagged");
    let run = |path: &Path| {
        let mut cmd = std::process::Command::new("python3");
        cmd.arg(&script).arg(path);
        skip::output_of(&mut cmd, "python3")
    };
    let Some(ok) = run(&paths[0]) else { return };
    if String::from_utf8_lossy(&ok.stderr).contains("No such file or directory: 'qpdf'") {
        skip::missing_tool("qpdf", "qpdf");
        return;
    }
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    let folded = run(&paths[1]).unwrap();
    assert!(folded.status.success(), "{}", String::from_utf8_lossy(&folded.stderr));
    let bad = run(&paths[2]).unwrap();
    assert_eq!(bad.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&bad.stderr).contains("no /StructTreeRoot"),
        "{}",
        String::from_utf8_lossy(&bad.stderr)
    );
}

/// The catalog's XMP metadata (deflated): the title and every language, the PDF/UA-1
/// claim (every figure has its text), no date and no random id, so two builds are the
/// same bytes; with SOURCE_DATE_EPOCH, its date.
#[test]
fn the_metadata_says_title_languages_and_pdf_ua() {
    let metadata = |pdf: &[u8]| {
        let doc = Document::load_mem(pdf).unwrap();
        let id = doc.catalog().unwrap().get(b"Metadata").unwrap().as_reference().unwrap();
        let stream = doc.get_object(id).unwrap().as_stream().unwrap();
        // Deflated, for the size target; PDF/UA allows it (PDF/A would not).
        assert_eq!(name(&stream.dict, b"Filter"), "FlateDecode");
        String::from_utf8(stream.decompressed_content().unwrap()).unwrap()
    };
    let first = built("strike-fund", &BuildOptions::default()).pdf;
    let text = metadata(&first);
    assert!(text.contains(r#"<rdf:li xml:lang="x-default">Keep the strike strong</rdf:li>"#), "{text}");
    assert!(
        text.contains("<dc:language><rdf:Bag><rdf:li>en</rdf:li><rdf:li>es</rdf:li></rdf:Bag>"),
        "{text}"
    );
    assert!(text.contains("<pdfuaid:part>1</pdfuaid:part>"), "{text}");
    assert!(!text.contains("Date>"), "{text}");
    assert_eq!(first, built("strike-fund", &BuildOptions::default()).pdf);
    let dated = leaflet::pdf::PdfOptions { date: Some(1_700_000_000), ..Default::default() };
    let dated = built("strike-fund", &BuildOptions { pdf: dated, ..Default::default() }).pdf;
    assert!(metadata(&dated).contains("<xmp:CreateDate>2023-11-14T22:13:20Z</xmp:CreateDate>"));
}

/// The link annotations of a page: each one's URI, its rectangle and its `Link`
/// element (found through the parent tree).
fn link_annotations(doc: &Document, page_id: ObjectId) -> Vec<(String, [f32; 4], ObjectId)> {
    let page = doc.get_dictionary(page_id).unwrap();
    let Ok(annots) = page.get(b"Annots") else { return Vec::new() };
    let nums = dict(doc, root(doc).get(b"ParentTree").unwrap()).get(b"Nums").unwrap().as_array().unwrap();
    annots
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            let annotation = dict(doc, a);
            assert_eq!(name(annotation, b"Subtype"), "Link");
            let action = dict(doc, annotation.get(b"A").unwrap());
            let uri = String::from_utf8(action.get(b"URI").unwrap().as_str().unwrap().to_vec()).unwrap();
            let rect: Vec<f32> = annotation
                .get(b"Rect")
                .unwrap()
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_float().unwrap())
                .collect();
            // Its alternative text, as PDF/UA asks of an annotation.
            assert_eq!(annotation.get(b"Contents").unwrap().as_str().unwrap(), uri.as_bytes());
            let key = annotation.get(b"StructParent").unwrap().as_i64().unwrap();
            let at =
                nums.chunks(2).find(|p| p[0].as_i64().unwrap() == key).expect("its key in the parent tree");
            (uri, [rect[0], rect[1], rect[2], rect[3]], at[1].as_reference().unwrap())
        })
        .collect()
}

/// Each text show of `pieces` (the address as set, line by line) lies under one link
/// rectangle of `links` opening `uri`, the rectangle no wider than the show (within a
/// point) and holding its baseline; every such rectangle covers one of them.
fn links_cover(pdf: &support::pdf::Page, links: &[(String, [f32; 4], ObjectId)], uri: &str, pieces: &[&str]) {
    let rects: Vec<[f32; 4]> = links.iter().filter(|l| l.0 == uri).map(|l| l.1).collect();
    assert_eq!(rects.len(), pieces.len(), "{uri}: {rects:?}");
    for piece in pieces {
        let span = pdf.spans.iter().find(|s| s.text == *piece).unwrap_or_else(|| {
            panic!(
                "{piece:?} not shown on its own: {:?}",
                pdf.spans.iter().map(|s| &s.text).collect::<Vec<_>>()
            )
        });
        let over = rects
            .iter()
            .find(|r| r[1] < span.y && span.y < r[3] && (r[0] - span.x).abs() < 1.0)
            .unwrap_or_else(|| panic!("no link over {piece:?} at {},{}: {rects:?}", span.x, span.y));
        assert!(
            (over[2] - (span.x + span.width)).abs() < 1.0,
            "{piece:?}: {over:?}, show to {}",
            span.x + span.width
        );
        // Glyphs rise about an em above the baseline, descend a quarter below it.
        assert!(over[3] - span.y >= 0.7 * span.size && span.y - over[1] >= 0.2 * span.size, "{over:?}");
    }
}

/// The strike fund's footer writes its address bare ("example.org/cleaners-fund"):
/// it opens as https, with a link annotation over exactly its glyphs in each language,
/// owned by a `Link` element in the footer's `P` that holds the address's text between
/// the rest of the sentence's, which poppler reads in order.
#[test]
fn an_address_in_the_text_is_a_link_over_its_glyphs() {
    let built = built("strike-fund", &BuildOptions::default());
    let doc = Document::load_mem(&built.pdf).unwrap();
    let (_, page_id) = doc.get_pages().into_iter().next().unwrap();
    let links = link_annotations(&doc, page_id);
    let in_text: Vec<_> = links
        .iter()
        .filter(|(_, _, element)| {
            let element = doc.get_dictionary(*element).unwrap();
            name(element, b"S") == "Link" && name(dict(&doc, element.get(b"P").unwrap()), b"S") == "P"
        })
        .cloned()
        .collect();
    assert_eq!(in_text.len(), 2, "{links:?}");
    let page = support::pdf::read(&built.pdf).pages.remove(0);
    // One show in each language's footer line.
    let span = |text: &str| page.spans.iter().filter(|s| s.text == text).count();
    assert_eq!(span("example.org/cleaners-fund"), 2);
    let uri = "https://example.org/cleaners-fund";
    let rects: Vec<[f32; 4]> = in_text.iter().map(|l| l.1).collect();
    for (i, rect) in rects.iter().enumerate() {
        let mine = page.spans.iter().filter(|s| s.text == "example.org/cleaners-fund").nth(i).unwrap();
        let one = support::pdf::Page { spans: vec![mine.clone()], ..page.clone() };
        links_cover(&one, &in_text[i..=i], uri, &["example.org/cleaners-fund"]);
        assert!(rect[0] > 30.0, "{rect:?}");
    }
    // The Link element holds the address's marked content and its annotation.
    for (_, _, element) in &in_text {
        let (elements, content) = kids(doc.get_dictionary(*element).unwrap());
        assert!(elements.is_empty() && content.len() == 1, "{elements:?} {content:?}");
        let k = doc.get_dictionary(*element).unwrap().get(b"K").unwrap().as_array().unwrap().clone();
        let objr =
            k.iter().filter(|k| matches!(k, Object::Dictionary(d) if name(d, b"Type") == "OBJR")).count();
        assert_eq!(objr, 1, "{k:?}");
    }
    let Some(tree) = struct_text(&built.pdf) else { return };
    for (before, after) in [("visit ", " to give."), ("entra en ", " para aportar.")] {
        let read = format!("{before}\"\n      Link (inline)\n        \"example.org/cleaners-fund\"");
        let at = tree.find(&read).unwrap_or_else(|| panic!("{read:?} not in:\n{tree}"));
        let rest = &tree[at + read.len()..];
        let next_text = rest.lines().find(|l| l.trim().starts_with('"')).unwrap();
        // Poppler joins an element's lines without a space.
        let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
        assert_eq!(squeeze(next_text), squeeze(&format!("\"{after}\"")), "{tree}");
    }
}

/// An address too long for its column is broken where UAX #14 allows (after a `/`),
/// never hyphenated: one link rectangle over each line's piece, all opening the same
/// URI, owned by one `Link` element whose text poppler reads as the whole address.
#[test]
fn an_address_broken_across_lines_is_one_link_with_a_rectangle_per_piece() {
    use support::project::{EN, ES, LEAFLET, Project};
    let url = "https://example.org/solidarity/campaigns/workers-and-peasants/international/donations";
    let en = EN.replace("unite us.", &format!("unite us. Give at {url}, today."));
    let p = Project::with(LEAFLET, &en, ES);
    let built =
        build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap_or_else(|d| panic!("{d}"));
    let doc = Document::load_mem(&built.pdf).unwrap();
    let (_, page_id) = doc.get_pages().into_iter().next().unwrap();
    let links: Vec<_> = link_annotations(&doc, page_id).into_iter().filter(|l| l.0 == url).collect();
    assert!(links.len() >= 2, "the address fits on one line: nothing to test ({links:?})");
    // The pieces as shown, in order: together the address, no hyphen added.
    let page = support::pdf::read(&built.pdf).pages.remove(0);
    let pieces: Vec<&str> = page
        .spans
        .iter()
        .map(|s| s.text.as_str())
        .filter(|t| !t.is_empty() && url.contains(t) && t.len() > 5)
        .collect();
    assert_eq!(pieces.concat(), url, "{pieces:?}");
    links_cover(&page, &links, url, &pieces);
    let element = links[0].2;
    assert!(links.iter().all(|l| l.2 == element), "one Link element owns every piece");
    let link = doc.get_dictionary(element).unwrap();
    assert_eq!(name(dict(&doc, link.get(b"P").unwrap()), b"S"), "P");
    // Its lines' runs follow each other in the content: one marked-content sequence.
    assert!(!kids(link).1.is_empty(), "the Link holds the address's text");
    let Some(tree) = struct_text(&built.pdf) else { return };
    let read = format!("Link (inline)\n        \"{url}\"");
    assert!(tree.contains(&read), "{read:?} not in:\n{tree}");
}

/// A PDF text string's text: UTF-16BE after its byte order mark, else as it is.
fn text_of(object: &Object) -> String {
    let bytes = object.as_str().unwrap();
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            String::from_utf16(&utf16.chunks(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect::<Vec<_>>())
                .unwrap()
        }
        None => String::from_utf8(bytes.to_vec()).unwrap(),
    }
}

/// The logo is drawn once, but each language's section has its own `Figure` in the
/// logo's place with the `alt` message in that language: the first holds the drawing,
/// the second only the description. The code, which says its address in any language,
/// is described in both too; only the first holds it and its link.
#[test]
fn each_language_describes_the_figures_in_its_own_words() {
    let built = built("strike-fund", &BuildOptions::default());
    let doc = Document::load_mem(&built.pdf).unwrap();
    let document = kids(root(&doc)).0[0];
    let sections = kids(doc.get_dictionary(document).unwrap()).0;
    assert_eq!(sections.len(), 2);
    let figures = |sect: ObjectId| -> Vec<&Dictionary> {
        kids(doc.get_dictionary(sect).unwrap())
            .0
            .into_iter()
            .map(|k| doc.get_dictionary(k).unwrap())
            .filter(|e| name(e, b"S") == "Figure")
            .collect()
    };
    let (en, es) = (figures(sections[0]), figures(sections[1]));
    assert_eq!((en.len(), es.len()), (2, 2));
    assert_eq!(
        text_of(en[0].get(b"Alt").unwrap()),
        "The Cleaners United logo: the union's name and a broom in a purple circle"
    );
    assert_eq!(
        text_of(es[0].get(b"Alt").unwrap()),
        "El logotipo de Cleaners United: el nombre del sindicato y una escoba en un círculo morado"
    );
    let code = "https://example.org/cleaners-fund";
    assert_eq!(
        (text_of(en[1].get(b"Alt").unwrap()), text_of(es[1].get(b"Alt").unwrap())),
        (code.into(), code.into())
    );
    // The drawing (and the code's link) is the first language's; the second's figures
    // hold nothing.
    for figure in &en {
        assert!(!kids(figure).1.is_empty(), "the first section's figure holds the drawing");
    }
    for figure in &es {
        assert!(figure.get(b"K").is_err(), "{figure:?}");
    }
    let Some(tree) = struct_text(&built.pdf) else { return };
    assert_eq!(tree.matches("Figure").count(), 4, "{tree}");
}

/// In right-to-left text an address is still a left-to-right run: its link rectangle
/// covers its glyphs where the line puts them, in a line short of the measure set at
/// the right of its Arabic column.
#[test]
fn an_address_in_arabic_text_is_a_link_over_its_glyphs() {
    use support::project::{EN, LEAFLET, Project};
    let ar = "headline = ارفعوا أيديكم عن بيرو!
intro = انظر example.org/peru
one = حرروا السجناء.
two = انتخابات جديدة الآن!
slogan = فليرحلوا جميعا!
where = السبت، { $place }
";
    let p = Project::new();
    p.write("leaflets/demo.toml", &LEAFLET.replace(r#"["en", "es"]"#, r#"["en", "ar"]"#));
    p.write("locales/en/demo.ftl", EN);
    p.write("locales/ar/demo.ftl", ar);
    let built =
        build(&p.path("leaflets/demo.toml"), &BuildOptions::default()).unwrap_or_else(|d| panic!("{d}"));
    let doc = Document::load_mem(&built.pdf).unwrap();
    let (_, page_id) = doc.get_pages().into_iter().next().unwrap();
    let links = link_annotations(&doc, page_id);
    let page = support::pdf::read(&built.pdf).pages.remove(0);
    links_cover(&page, &links, "https://example.org/peru", &["example.org/peru"]);
    // In the Arabic column, the right half of the page.
    assert!(links[0].1[0] > page.media_box[2] / 2.0, "{links:?}");
}
