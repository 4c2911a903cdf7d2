//! The structure tree of a tagged PDF, built on the lopdf document from the marked
//! content the page walk wrote: one `Sect` per language (with its `/Lang`), in column
//! order, holding the language's blocks in reading order (layout's pages, a folded
//! leaflet's panels, then the leaflet's order), so that a screen reader reads the whole
//! of one language and then the next, whatever the page's or the sheet's geometry. A
//! web address's text is a `Link` in its paragraph with its annotations; a figure is
//! described in every section, in that section's language. Decides nothing about what
//! an item is: layout's `Mark`s say it.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::PdfError;
use crate::layout::{Figure, Mark, Role};

/// What the page walk recorded.
pub struct Structure<'a> {
    /// Each column's language tag, in column order.
    pub languages: &'a [String],
    /// Each page's marked content, by MCID.
    pub marks: Vec<Vec<Mark>>,
    /// Each page's clickable figures.
    pub links: Vec<Vec<Link>>,
    /// Figures' alternative texts, by block.
    pub figures: &'a BTreeMap<usize, Figure>,
}

/// A figure that opens an address: where it is on the page, `[left bottom right top]`.
#[derive(Debug, Clone)]
pub struct Link {
    pub mark: Mark,
    pub rect: [f32; 4],
    pub url: String,
}

/// The standard structure type of a role, as the element and its marked content are
/// named.
pub fn role_name(role: Role) -> &'static str {
    match role {
        Role::Heading => "H1",
        Role::Paragraph => "P",
        Role::ListLabel => "Lbl",
        Role::ListBody => "LBody",
        Role::Figure => "Figure",
    }
}

/// An element before it is written: its type, language, alternative text and what it
/// holds, in reading order.
struct Node {
    role: &'static str,
    lang: Option<String>,
    alt: Option<String>,
    parts: Vec<Part>,
}

/// What an element holds.
enum Part {
    Kid(Node),
    /// Marked content: page index, MCID.
    Content(usize, usize),
    /// A link annotation: page index, index in its page's links.
    Annotation(usize, usize),
}

impl Node {
    fn new(role: &'static str) -> Node {
        Node { role, lang: None, alt: None, parts: Vec::new() }
    }
}

/// A piece of an element's marked content: the mark it was written under, its page
/// index and MCID.
type Piece = (Mark, usize, usize);

/// The tree: Document → Sect per language → H1, P, Figure, and L → LI → Lbl, LBody; a
/// web address's text in a `Link` inside its passage's element, with its annotations.
fn tree(structure: &Structure) -> Node {
    // Every element's marked content with the mark it was written under, elements in
    // reading order (`Mark` orders by column, then block, then passage, then a label
    // before its body).
    let mut leaves: BTreeMap<Mark, Vec<Piece>> = BTreeMap::new();
    for (page, marks) in structure.marks.iter().enumerate() {
        for (mcid, mark) in marks.iter().enumerate() {
            leaves.entry(mark.element()).or_default().push((*mark, page, mcid));
        }
    }
    // A figure is described in every language's section, where it stands among the
    // blocks, though drawn (and marked) in one: the others get an element of their own
    // with the alternative text in their language and no content.
    for &block in structure.figures.keys() {
        for column in 0..structure.languages.len() {
            let drawn_here = leaves.keys().any(|m| m.column == column && m.block == block);
            if !drawn_here {
                leaves.insert(Mark { column, block, role: Role::Figure, ..Mark::default() }, Vec::new());
            }
        }
    }
    // Within a language, elements are read in layout's page order, then in the
    // leaflet's block order: a folded leaflet's panels are its pages in reading order,
    // so a block pinned to a panel is read where that panel comes. A figure
    // described where it is not drawn takes its drawing's page.
    let first_page = |content: &[Piece]| content.iter().map(|c| c.0.page).min();
    let drawn: BTreeMap<usize, usize> = leaves
        .iter()
        .filter_map(|(m, content)| Some((m.block, first_page(content)?)))
        .rev() // the first column's, where several draw it
        .collect();
    let mut leaves: Vec<(Mark, Vec<Piece>)> = leaves.into_iter().collect();
    leaves.sort_by_key(|(m, content)| {
        (m.column, first_page(content).or(drawn.get(&m.block).copied()).unwrap_or(0), *m)
    });
    let mut document = Node::new("Document");
    let mut at: Option<Mark> = None;
    for (mark, content) in leaves {
        let new_section = at.is_none_or(|a| a.column != mark.column);
        if new_section {
            let mut sect = Node::new("Sect");
            sect.lang = structure.languages.get(mark.column).cloned();
            document.parts.push(Part::Kid(sect));
        }
        let Some(Part::Kid(sect)) = document.parts.last_mut() else {
            unreachable!("a section was just pushed")
        };
        let leaf = element(structure, mark, content);
        match mark.role {
            Role::ListLabel | Role::ListBody => {
                let same_list = !new_section && at.is_some_and(|a| a.block == mark.block);
                if !same_list || !matches!(sect.parts.last(), Some(Part::Kid(k)) if k.role == "L") {
                    sect.parts.push(Part::Kid(Node::new("L")));
                }
                let Some(Part::Kid(list)) = sect.parts.last_mut() else {
                    unreachable!("a list was just pushed")
                };
                let same_item = same_list && at.is_some_and(|a| a.item == mark.item);
                if !same_item || list.parts.is_empty() {
                    list.parts.push(Part::Kid(Node::new("LI")));
                }
                let Some(Part::Kid(item)) = list.parts.last_mut() else {
                    unreachable!("an item was just pushed")
                };
                item.parts.push(Part::Kid(leaf));
            }
            _ => sect.parts.push(Part::Kid(leaf)),
        }
        at = Some(mark);
    }
    document
}

/// The element of `mark` (an element's mark, `Mark::element`) holding `content` (each
/// piece's own mark, page index and MCID) in reading order: by layout's page, which
/// for a folded leaflet is its panel in reading order and not the sheet's side, then
/// as written. A web address's pieces go into its `Link`, with its annotations.
fn element(structure: &Structure, mark: Mark, mut content: Vec<Piece>) -> Node {
    content.sort_by_key(|&(m, page, mcid)| (m.page, page, mcid));
    let mut leaf = Node::new(role_name(mark.role));
    let mut links: Vec<(usize, usize)> = Vec::new(); // (address, index in leaf.parts)
    for (piece, page, mcid) in content {
        if piece.link == 0 {
            leaf.parts.push(Part::Content(page, mcid));
            continue;
        }
        let at = match links.iter().find(|(n, _)| *n == piece.link) {
            Some(&(_, at)) => at,
            None => {
                let mut link = Node::new("Link");
                link.parts =
                    annotations(structure, |l| l.mark.element() == mark && l.mark.link == piece.link);
                leaf.parts.push(Part::Kid(link));
                links.push((piece.link, leaf.parts.len() - 1));
                leaf.parts.len() - 1
            }
        };
        if let Part::Kid(link) = &mut leaf.parts[at] {
            // Before the annotations, which follow the text they are over.
            let text = link.parts.iter().take_while(|p| matches!(p, Part::Content(..))).count();
            link.parts.insert(text, Part::Content(page, mcid));
        }
    }
    if mark.role == Role::Figure {
        let figure = structure.figures.get(&mark.block);
        leaf.alt = figure.and_then(|f| f.alt.get(mark.column).or(f.alt.first())).cloned();
        // A code that opens an address holds its link, as PDF/UA asks.
        for annotation in annotations(structure, |l| l.mark.element() == mark && l.mark.link == 0) {
            let mut link = Node::new("Link");
            link.parts.push(annotation);
            leaf.parts.push(Part::Kid(link));
        }
    }
    leaf
}

/// The link annotations `which` takes, in reading order.
fn annotations(structure: &Structure, which: impl Fn(&Link) -> bool) -> Vec<Part> {
    let mut found: Vec<(usize, usize, usize)> = Vec::new();
    for (page, links) in structure.links.iter().enumerate() {
        for (index, link) in links.iter().enumerate().filter(|(_, l)| which(l)) {
            found.push((link.mark.page, page, index));
        }
    }
    found.sort();
    found.into_iter().map(|(_, page, index)| Part::Annotation(page, index)).collect()
}

/// Writes the structure tree, its parent tree, each page's `/StructParents` and the
/// catalog's `/MarkInfo`.
pub fn write(doc: &mut Document, structure: &Structure) -> Result<(), PdfError> {
    let internal = |what: &str| PdfError::Internal(what.to_string());
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if pages.len() != structure.marks.len() {
        return Err(internal("the structure's pages are not the document's"));
    }
    let root_id = doc.new_object_id();
    // Each page's MCIDs, the element each belongs to.
    let mut parents: Vec<Vec<Option<ObjectId>>> =
        structure.marks.iter().map(|m| vec![None; m.len()]).collect();
    let annotations = annotate(doc, &pages, &structure.links)?;
    let mut written =
        Written { pages: &pages, parents: &mut parents, annotations: &annotations, owners: Vec::new() };
    let document = write_node(doc, &tree(structure), root_id, &mut written);
    let owners = std::mem::take(&mut written.owners);

    let mut nums = Vec::with_capacity(pages.len() * 2);
    for (index, (page, elements)) in pages.iter().zip(&parents).enumerate() {
        let refs = elements
            .iter()
            .map(|e| e.map(Object::Reference).ok_or_else(|| internal("marked content without an element")))
            .collect::<Result<Vec<_>, _>>()?;
        nums.push(Object::Integer(index as i64));
        nums.push(Object::Array(refs));
        let page = doc.get_dictionary_mut(*page).map_err(|_| internal("page is not a dictionary"))?;
        page.set("StructParents", Object::Integer(index as i64));
    }
    // Annotations' keys follow the pages'.
    let mut next_key = pages.len() as i64;
    for (annotation, element) in owners {
        let key = next_key;
        next_key += 1;
        nums.push(Object::Integer(key));
        nums.push(Object::Reference(element));
        let annotation =
            doc.get_dictionary_mut(annotation).map_err(|_| internal("annotation is not a dictionary"))?;
        annotation.set("StructParent", Object::Integer(key));
    }
    let parent_tree = Dictionary::from_iter([("Nums", Object::Array(nums))]);
    let root = Dictionary::from_iter([
        ("Type", Object::Name(b"StructTreeRoot".to_vec())),
        ("K", Object::Reference(document)),
        ("ParentTree", Object::Dictionary(parent_tree)),
        ("ParentTreeNextKey", Object::Integer(next_key)),
    ]);
    doc.objects.insert(root_id, Object::Dictionary(root));
    let catalog = doc.catalog_mut().map_err(|_| internal("no catalog"))?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    catalog.set("MarkInfo", Dictionary::from_iter([("Marked", Object::Boolean(true))]));
    Ok(())
}

/// The link annotations, on their pages' `/Annots` (pages with some get `/Tabs /S`,
/// tabbing in structure order); their ids by page and index.
fn annotate(
    doc: &mut Document,
    pages: &[ObjectId],
    links: &[Vec<Link>],
) -> Result<Vec<Vec<ObjectId>>, PdfError> {
    let mut ids = Vec::with_capacity(links.len());
    for (page, links) in pages.iter().zip(links) {
        let mut page_ids = Vec::new();
        for link in links {
            let action = Dictionary::from_iter([
                ("S", Object::Name(b"URI".to_vec())),
                ("URI", Object::string_literal(link.url.as_str())),
            ]);
            let annotation = Dictionary::from_iter([
                ("Type", Object::Name(b"Annot".to_vec())),
                ("Subtype", Object::Name(b"Link".to_vec())),
                ("Rect", Object::Array(link.rect.iter().map(|&v| Object::Real(v)).collect())),
                // No frame drawn around it: the page prints as before.
                ("Border", Object::Array(vec![0.into(), 0.into(), 0.into()])),
                ("Contents", text_string(&link.url)),
                ("P", Object::Reference(*page)),
                ("A", Object::Dictionary(action)),
            ]);
            page_ids.push(doc.add_object(annotation));
        }
        if !page_ids.is_empty() {
            let refs = page_ids.iter().map(|&id| Object::Reference(id)).collect();
            let page = doc
                .get_dictionary_mut(*page)
                .map_err(|_| PdfError::Internal("page is not a dictionary".into()))?;
            page.set("Annots", Object::Array(refs));
            page.set("Tabs", Object::Name(b"S".to_vec()));
        }
        ids.push(page_ids);
    }
    Ok(ids)
}

/// What writing the elements needs and records.
struct Written<'a> {
    pages: &'a [ObjectId],
    /// Each page's MCIDs, the element each belongs to.
    parents: &'a mut [Vec<Option<ObjectId>>],
    /// The link annotations' ids, by page and index.
    annotations: &'a [Vec<ObjectId>],
    /// Each annotation written, and the element it belongs to.
    owners: Vec<(ObjectId, ObjectId)>,
}

/// Writes `node` and its children under `parent`, recording which element each
/// page's MCIDs and annotations belong to; returns the node's object id.
fn write_node(doc: &mut Document, node: &Node, parent: ObjectId, w: &mut Written) -> ObjectId {
    let id = doc.new_object_id();
    // Content all on one page is given as bare MCIDs under the element's /Pg, a
    // tenth of the bytes of a reference dictionary each (the example's PDF has a
    // size target).
    let mut pages = node.parts.iter().filter_map(|p| match p {
        Part::Content(page, _) => Some(*page),
        _ => None,
    });
    let first = pages.next();
    let one_page = first.filter(|&p| pages.all(|q| q == p));
    let mut kids = Vec::new();
    for part in &node.parts {
        kids.push(match *part {
            Part::Kid(ref kid) => Object::Reference(write_node(doc, kid, id, w)),
            Part::Content(page, mcid) => {
                w.parents[page][mcid] = Some(id);
                match one_page {
                    Some(_) => Object::Integer(mcid as i64),
                    None => Object::Dictionary(Dictionary::from_iter([
                        ("Type", Object::Name(b"MCR".to_vec())),
                        ("Pg", Object::Reference(w.pages[page])),
                        ("MCID", Object::Integer(mcid as i64)),
                    ])),
                }
            }
            Part::Annotation(page, index) => {
                let annotation = w.annotations[page][index];
                w.owners.push((annotation, id));
                Object::Dictionary(Dictionary::from_iter([
                    ("Type", Object::Name(b"OBJR".to_vec())),
                    ("Pg", Object::Reference(w.pages[page])),
                    ("Obj", Object::Reference(annotation)),
                ]))
            }
        });
    }
    let mut element = Dictionary::from_iter([
        ("Type", Object::Name(b"StructElem".to_vec())),
        ("S", Object::Name(node.role.as_bytes().to_vec())),
        ("P", Object::Reference(parent)),
    ]);
    // A figure described in a language it is not drawn in holds nothing: no /K.
    if !kids.is_empty() {
        element.set("K", Object::Array(kids));
    }
    if let Some(page) = one_page {
        element.set("Pg", Object::Reference(w.pages[page]));
    }
    if let Some(lang) = &node.lang {
        element.set("Lang", Object::string_literal(lang.as_str()));
    }
    if let Some(alt) = &node.alt {
        element.set("Alt", text_string(alt));
    }
    doc.objects.insert(id, Object::Dictionary(element));
    id
}

/// A PDF text string: ASCII as it is, anything else in UTF-16BE with its byte order mark.
fn text_string(text: &str) -> Object {
    if text.is_ascii() {
        return Object::string_literal(text);
    }
    let mut data = vec![0xFE, 0xFF];
    data.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(data, lopdf::StringFormat::Hexadecimal)
}
