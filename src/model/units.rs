//! Lengths, paper sizes and colours as written in a leaflet ("15mm", "A5", "#c8102e").
//! Everything is converted to PDF points (1/72 inch) here, once. `Ink` is here too: a
//! colour as printed, shared by layout, press and the vector art of SVG pictures.

pub const PT_PER_MM: f32 = 72.0 / 25.4;

/// Lengths beyond this are certainly typos (a page a metre wide, type 14 cm tall).
const MAX_LENGTH_PT: f32 = 1000.0 * PT_PER_MM;

/// Parses "15mm", "1.5cm", "11.5pt", "0.5in" into points.
pub fn parse_length(text: &str) -> Result<f32, String> {
    let t = text.trim();
    let unit_at = t.find(|c: char| c.is_ascii_alphabetic()).unwrap_or(t.len());
    let (number, unit) = t.split_at(unit_at);
    let number: f32 = number.trim().parse().map_err(|_| {
        format!("`{text}` is not a length: write a number and a unit, like \"15mm\" or \"11.5pt\"")
    })?;
    let per_unit = match unit.trim() {
        "pt" => 1.0,
        "mm" => PT_PER_MM,
        "cm" => 10.0 * PT_PER_MM,
        "in" => 72.0,
        "" => {
            return Err(format!("`{text}` has no unit: write \"{number}mm\" or \"{number}pt\""));
        }
        other => {
            return Err(format!("unknown unit `{other}` in `{text}`: use mm, cm, in or pt"));
        }
    };
    let pt = number * per_unit;
    if !pt.is_finite() || pt < 0.0 {
        return Err(format!("`{text}` must be zero or more"));
    }
    if pt > MAX_LENGTH_PT {
        return Err(format!("`{text}` is larger than a metre"));
    }
    Ok(pt)
}

pub const PAPER_NAMES: [&str; 5] = ["A4", "A5", "A6", "Letter", "Legal"];

/// Paper as (width, height) in points, portrait. Names are ISO 216 and US sizes;
/// anything else must be "WIDTH x HEIGHT" with units.
pub fn parse_paper(text: &str) -> Result<(f32, f32), String> {
    let mm = |w: f32, h: f32| Ok((w * PT_PER_MM, h * PT_PER_MM));
    match text.trim().to_ascii_lowercase().as_str() {
        "a4" => return mm(210.0, 297.0),
        "a5" => return mm(148.0, 210.0),
        "a6" => return mm(105.0, 148.0),
        "letter" => return Ok((612.0, 792.0)),
        "legal" => return Ok((612.0, 1008.0)),
        _ => {}
    }
    let Some((w, h)) = text.split_once(['x', '×']) else {
        return Err(format!("unknown paper `{text}`"));
    };
    let (w, h) = (parse_length(w)?, parse_length(h)?);
    if w < 36.0 || h < 36.0 {
        return Err(format!("paper `{text}` is smaller than half an inch"));
    }
    Ok((w, h))
}

/// An sRGB colour, 0–255 per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    pub const BLACK: Rgb = Rgb(0, 0, 0);
    pub const WHITE: Rgb = Rgb(255, 255, 255);

    /// Perceived lightness, 0 (black) to 1 (white): Rec. 601 luma, the weighting
    /// photocopiers and gray conversions use.
    pub fn luma(self) -> f32 {
        (0.299 * self.0 as f32 + 0.587 * self.1 as f32 + 0.114 * self.2 as f32) / 255.0
    }

    /// White or black, whichever reads better on this colour.
    pub fn contrasting(self) -> Rgb {
        if self.luma() < 0.55 { Rgb::WHITE } else { Rgb::BLACK }
    }

    /// "#c8102e" or "#c12".
    pub fn parse(text: &str) -> Result<Rgb, String> {
        let err = || format!("`{text}` is not a colour: write it as \"#rrggbb\", like \"#c8102e\"");
        let hex = text.trim().strip_prefix('#').ok_or_else(err)?;
        let digits: Vec<u8> =
            hex.chars().map(|c| c.to_digit(16).map(|d| d as u8)).collect::<Option<_>>().ok_or_else(err)?;
        match digits[..] {
            [r, g, b] => Ok(Rgb(r * 17, g * 17, b * 17)),
            [r1, r2, g1, g2, b1, b2] => Ok(Rgb(r1 * 16 + r2, g1 * 16 + g2, b1 * 16 + b2)),
            _ => Err(err()),
        }
    }
}

/// A colour as the page will be printed in it: layout speaks RGB; the press stage may
/// turn it into CMYK or gray.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ink {
    Rgb(Rgb),
    /// Cyan, magenta, yellow, black, each 0–1.
    Cmyk([f32; 4]),
    /// 0 black … 1 white.
    Gray(f32),
}

impl From<Rgb> for Ink {
    fn from(c: Rgb) -> Ink {
        Ink::Rgb(c)
    }
}

impl std::fmt::Display for Ink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Ink::Rgb(c) => write!(f, "#{:02x}{:02x}{:02x}", c.0, c.1, c.2),
            Ink::Cmyk([c, m, y, k]) => write!(f, "cmyk({c:.2},{m:.2},{y:.2},{k:.2})"),
            Ink::Gray(g) => write!(f, "gray({g:.2})"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lengths_convert_to_points() {
        assert_eq!(parse_length("11.5pt"), Ok(11.5));
        assert!((parse_length("25.4mm").unwrap() - 72.0).abs() < 1e-3);
        assert!((parse_length(" 1 in ").unwrap() - 72.0).abs() < 1e-3);
        assert!(parse_length("15").unwrap_err().contains("no unit"));
        assert!(parse_length("15px").unwrap_err().contains("unknown unit `px`"));
        assert!(parse_length("-3mm").is_err());
    }

    /// A length that parses but is beyond any page ("1e9pt" is not one: `e9pt` reads as
    /// its unit). A metre is allowed, a little more is not, in any unit.
    #[test]
    fn lengths_past_a_metre_are_typos() {
        assert!((parse_length("1000mm").unwrap() - 1000.0 * PT_PER_MM).abs() < 0.01);
        assert_eq!(parse_length("1001mm"), Err("`1001mm` is larger than a metre".into()));
        assert_eq!(parse_length("101cm"), Err("`101cm` is larger than a metre".into()));
        assert_eq!(parse_length("3000pt"), Err("`3000pt` is larger than a metre".into()));
        assert!(parse_length("1e9pt").unwrap_err().contains("unknown unit `e9pt`"));
    }

    #[test]
    fn papers_by_name_and_size() {
        let (w, h) = parse_paper("A4").unwrap();
        assert_eq!((w.round(), h.round()), (595.0, 842.0));
        let (w, h) = parse_paper("148mm x 210mm").unwrap();
        assert_eq!((w.round(), h.round()), (420.0, 595.0));
        assert_eq!(parse_paper("letter"), Ok((612.0, 792.0)));
        assert!(parse_paper("A7").is_err());
        assert!(parse_paper("0mm x 0mm").is_err());
    }

    #[test]
    fn colours_in_hex() {
        assert_eq!(Rgb::parse("#c8102e"), Ok(Rgb(200, 16, 46)));
        assert_eq!(Rgb::parse("#fff"), Ok(Rgb::WHITE));
        assert!(Rgb::parse("red").is_err());
        assert!(Rgb::parse("#12345g").is_err());
    }
}
