//! The structure tree of a tagged PDF, built on the lopdf document from the marked
//! content the page walk wrote: one `Sect` per language (with its `/Lang`), in column
//! order, holding the language's blocks in the leaflet's order, so that a screen reader
//! reads the whole of one language and then the next, whatever the page's geometry.
//! Decides nothing about what an item is: layout's `Mark`s say it.

use std::collections::BTreeMap;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::PdfError;
use crate::layout::{Mark, Role};

/// What the page walk recorded.
pub struct Structure<'a> {
    /// Each column's language tag, in column order.
    pub languages: &'a [String],
    /// Each page's marked content, by MCID.
    pub marks: Vec<Vec<Mark>>,
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

/// An element before it is written: its type, language, children, and the marked
/// content (page index, MCID) it holds directly, in page order.
struct Node {
    role: &'static str,
    lang: Option<String>,
    kids: Vec<Node>,
    content: Vec<(usize, usize)>,
}

impl Node {
    fn new(role: &'static str) -> Node {
        Node { role, lang: None, kids: Vec::new(), content: Vec::new() }
    }
}

/// The tree: Document → Sect per language → H1, P, Figure, and L → LI → Lbl, LBody.
fn tree(structure: &Structure) -> Node {
    // Every element's marked content, the elements in reading order (`Mark` orders by
    // column, then block, then passage, then a label before its body).
    let mut leaves: BTreeMap<Mark, Vec<(usize, usize)>> = BTreeMap::new();
    for (page, marks) in structure.marks.iter().enumerate() {
        for (mcid, mark) in marks.iter().enumerate() {
            leaves.entry(*mark).or_default().push((page, mcid));
        }
    }
    let mut document = Node::new("Document");
    let mut at: Option<Mark> = None;
    for (mark, content) in leaves {
        let new_section = at.is_none_or(|a| a.column != mark.column);
        if new_section {
            let mut sect = Node::new("Sect");
            sect.lang = structure.languages.get(mark.column).cloned();
            document.kids.push(sect);
        }
        let sect = document.kids.last_mut().expect("a section was just pushed");
        let leaf = Node { content, ..Node::new(role_name(mark.role)) };
        match mark.role {
            Role::ListLabel | Role::ListBody => {
                let same_list = !new_section && at.is_some_and(|a| a.block == mark.block);
                if !same_list || sect.kids.last().is_none_or(|k| k.role != "L") {
                    sect.kids.push(Node::new("L"));
                }
                let list = sect.kids.last_mut().expect("a list was just pushed");
                let same_item = same_list && at.is_some_and(|a| a.item == mark.item);
                if !same_item || list.kids.is_empty() {
                    list.kids.push(Node::new("LI"));
                }
                list.kids.last_mut().expect("an item was just pushed").kids.push(leaf);
            }
            _ => sect.kids.push(leaf),
        }
        at = Some(mark);
    }
    document
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
    let document = write_node(doc, &tree(structure), root_id, &pages, &mut parents);

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
    let parent_tree = Dictionary::from_iter([("Nums", Object::Array(nums))]);
    let root = Dictionary::from_iter([
        ("Type", Object::Name(b"StructTreeRoot".to_vec())),
        ("K", Object::Reference(document)),
        ("ParentTree", Object::Dictionary(parent_tree)),
        ("ParentTreeNextKey", Object::Integer(pages.len() as i64)),
    ]);
    doc.objects.insert(root_id, Object::Dictionary(root));
    let catalog = doc.catalog_mut().map_err(|_| internal("no catalog"))?;
    catalog.set("StructTreeRoot", Object::Reference(root_id));
    catalog.set("MarkInfo", Dictionary::from_iter([("Marked", Object::Boolean(true))]));
    Ok(())
}

/// Writes `node` and its children under `parent`, recording which element each
/// page's MCIDs belong to; returns the node's object id.
fn write_node(
    doc: &mut Document,
    node: &Node,
    parent: ObjectId,
    pages: &[ObjectId],
    parents: &mut [Vec<Option<ObjectId>>],
) -> ObjectId {
    let id = doc.new_object_id();
    let mut kids = Vec::new();
    for kid in &node.kids {
        kids.push(Object::Reference(write_node(doc, kid, id, pages, parents)));
    }
    for &(page, mcid) in &node.content {
        parents[page][mcid] = Some(id);
        kids.push(Object::Dictionary(Dictionary::from_iter([
            ("Type", Object::Name(b"MCR".to_vec())),
            ("Pg", Object::Reference(pages[page])),
            ("MCID", Object::Integer(mcid as i64)),
        ])));
    }
    let mut element = Dictionary::from_iter([
        ("Type", Object::Name(b"StructElem".to_vec())),
        ("S", Object::Name(node.role.as_bytes().to_vec())),
        ("P", Object::Reference(parent)),
        ("K", Object::Array(kids)),
    ]);
    if let Some(lang) = &node.lang {
        element.set("Lang", Object::string_literal(lang.as_str()));
    }
    doc.objects.insert(id, Object::Dictionary(element));
    id
}
