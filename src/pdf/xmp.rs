//! The document's XMP metadata packet: its title and languages as Dublin Core, the
//! producer, the dates only when asked (reproducible builds), and the PDF/UA-1 claim
//! when the caller has found it true. No random ids: the same input, the same bytes.

/// What the packet says.
pub struct Xmp<'a> {
    pub title: &'a str,
    /// BCP 47 tags, the document's language first.
    pub languages: &'a [String],
    pub producer: &'a str,
    /// ISO 8601 date and time, e.g. `2026-12-04T20:00:00Z`.
    pub date: Option<String>,
    /// Claim PDF/UA-1 (`pdfuaid:part`).
    pub pdf_ua: bool,
}

/// The packet as XML, in UTF-8.
pub fn packet(xmp: &Xmp) -> Vec<u8> {
    let mut out = String::new();
    out.push_str("<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n");
    out.push_str("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n");
    out.push_str("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    out.push_str("<rdf:Description rdf:about=\"\"");
    out.push_str(" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"");
    out.push_str(" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"");
    out.push_str(" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"");
    if xmp.pdf_ua {
        out.push_str(" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
    }
    out.push_str(">\n");
    out.push_str("<dc:format>application/pdf</dc:format>\n");
    let title = escape(xmp.title);
    out.push_str(&format!(
        "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n"
    ));
    out.push_str("<dc:language><rdf:Bag>");
    for lang in xmp.languages {
        out.push_str(&format!("<rdf:li>{}</rdf:li>", escape(lang)));
    }
    out.push_str("</rdf:Bag></dc:language>\n");
    out.push_str(&format!("<pdf:Producer>{}</pdf:Producer>\n", escape(xmp.producer)));
    out.push_str(&format!("<xmp:CreatorTool>{}</xmp:CreatorTool>\n", escape(xmp.producer)));
    if let Some(date) = &xmp.date {
        out.push_str(&format!(
            "<xmp:CreateDate>{date}</xmp:CreateDate>\n<xmp:ModifyDate>{date}</xmp:ModifyDate>\n"
        ));
    }
    if xmp.pdf_ua {
        out.push_str("<pdfuaid:part>1</pdfuaid:part>\n");
    }
    out.push_str("</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>");
    out.into_bytes()
}

/// Text safe inside an XML element.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_languages_and_the_claim_only_when_asked() {
        let languages = vec!["en".to_string(), "es".to_string()];
        let xmp = Xmp {
            title: "Fish & <chips>",
            languages: &languages,
            producer: "leaflet",
            date: None,
            pdf_ua: false,
        };
        let text = String::from_utf8(packet(&xmp)).unwrap();
        assert!(text.contains("<rdf:li xml:lang=\"x-default\">Fish &amp; &lt;chips&gt;</rdf:li>"), "{text}");
        assert!(text.contains("<rdf:Bag><rdf:li>en</rdf:li><rdf:li>es</rdf:li></rdf:Bag>"), "{text}");
        assert!(!text.contains("pdfuaid") && !text.contains("Date"), "{text}");
        let claimed = Xmp { pdf_ua: true, date: Some("2026-12-04T20:00:00Z".into()), ..xmp };
        let text = String::from_utf8(packet(&claimed)).unwrap();
        assert!(text.contains("<pdfuaid:part>1</pdfuaid:part>"), "{text}");
        assert!(text.contains("<xmp:CreateDate>2026-12-04T20:00:00Z</xmp:CreateDate>"), "{text}");
    }
}
