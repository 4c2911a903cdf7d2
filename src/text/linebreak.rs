//! Line breaking as a pure function over widths: no fonts, no text, just pieces.
//! The greedy rule (fill each line as far as it goes) is the first algorithm; an
//! optimal-fit breaker can replace it behind the same signature.

use std::ops::Range;

/// A piece of a paragraph between two break opportunities, e.g. a word and its space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Piece {
    /// Width of the piece without its trailing white space.
    pub width: f32,
    /// Width of its trailing white space, which vanishes at the end of a line.
    pub trailing: f32,
    /// A line must end after this piece (a hard line break).
    pub forced_break: bool,
}

/// Greedy breaking: each line takes pieces while they fit in `max_width`. A piece wider
/// than the line gets a line of its own (the caller decides whether that is an error).
/// Returns each line as a range of pieces; an empty paragraph gives no lines.
pub fn greedy(pieces: &[Piece], max_width: f32) -> Vec<Range<usize>> {
    let mut lines = Vec::new();
    let mut start = 0;
    // Width of the line so far, trailing space of its last piece excluded.
    let mut width = 0.0;
    let mut pending_space = 0.0;
    for (i, piece) in pieces.iter().enumerate() {
        if i > start && width + pending_space + piece.width > max_width {
            lines.push(start..i);
            start = i;
            width = 0.0;
            pending_space = 0.0;
        }
        width += pending_space + piece.width;
        pending_space = piece.trailing;
        if piece.forced_break {
            lines.push(start..i + 1);
            start = i + 1;
            width = 0.0;
            pending_space = 0.0;
        }
    }
    if start < pieces.len() {
        lines.push(start..pieces.len());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(widths: &[f32]) -> Vec<Piece> {
        widths
            .iter()
            .map(|&w| Piece {
                width: w,
                trailing: 1.0,
                forced_break: false,
            })
            .collect()
    }

    #[test]
    fn fills_lines_and_drops_trailing_space() {
        // 3+1+3+1+3 = 11 fits exactly in 11; the fourth word moves on.
        assert_eq!(
            greedy(&words(&[3.0, 3.0, 3.0, 3.0]), 11.0),
            vec![0..3, 3..4]
        );
        assert_eq!(
            greedy(&words(&[3.0, 3.0, 3.0, 3.0]), 10.9),
            vec![0..2, 2..4]
        );
    }

    #[test]
    fn overlong_piece_gets_its_own_line() {
        assert_eq!(
            greedy(&words(&[2.0, 20.0, 2.0]), 10.0),
            vec![0..1, 1..2, 2..3]
        );
    }

    #[test]
    fn forced_breaks_end_lines() {
        let mut pieces = words(&[1.0, 1.0, 1.0]);
        pieces[0].forced_break = true;
        assert_eq!(greedy(&pieces, 100.0), vec![0..1, 1..3]);
    }

    #[test]
    fn empty_paragraph_has_no_lines() {
        assert!(greedy(&[], 10.0).is_empty());
    }
}
