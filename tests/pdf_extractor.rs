//! Regression test for the PDF extractor against a fixture written by printpdf.
mod support;
use support::pdf;

#[test]
fn two_columns_fixture() {
    let doc = pdf::read(&std::fs::read("tests/fixtures/extractor-two-columns.pdf").unwrap());
    let expected = std::fs::read_to_string("tests/fixtures/extractor-two-columns.txt").unwrap();
    // Sections: a "== page N, x in [x_min, x_max)" line, then the lines of that column; '#' lines are comments.
    let mut sections: Vec<(String, Vec<String>)> = Vec::new();
    for line in expected.lines().filter(|l| !l.starts_with('#')) {
        match line.strip_prefix("== page ") {
            Some(head) => sections.push((head.to_string(), Vec::new())),
            None => sections.last_mut().expect("a section header first").1.push(line.to_string()),
        }
    }
    for (head, want) in &sections {
        let (page, range) = head.split_once(", x in [").unwrap();
        let (x0, x1) = range.trim_end_matches(')').split_once(", ").unwrap();
        let page = &doc.pages[page.parse::<usize>().unwrap() - 1];
        assert_eq!(&page.lines_in(x0.parse().unwrap(), x1.parse().unwrap()), want, "page {head}");
    }
    assert_eq!(sections.len(), 4);
    assert_eq!(
        (doc.lang.as_deref(), doc.title.as_deref(), doc.version.as_str()),
        (Some("es"), Some("Folleto — “prueba” ﬁ"), "1.4")
    );
    let p1 = &doc.pages[0];
    assert_eq!(
        (p1.trim_box, p1.bleed_box),
        (Some([8.5, 8.5, 586.77, 411.02]), Some([0.0, 0.0, 595.27, 419.53]))
    );
    let head = p1.find("Folleto").unwrap();
    assert_eq!((head.x, head.y, head.size, head.fill.as_slice()), (40.0, 360.0, 18.0, &[0.8, 0.1, 0.1][..]));
    assert_eq!(doc.pages[1].find("Page two").unwrap().fill, vec![0.0, 0.5, 1.0, 0.1]);
    let font = &doc.fonts[0];
    assert!(font.embedded && font.subset_tag && font.has_to_unicode && font.subtype == "Type0", "{font:?}");
    assert!(!doc.text().contains('\u{FFFD}'));
}
