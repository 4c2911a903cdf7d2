//! A qr block's code, encoded when the leaflet is loaded: an address no code can hold is
//! reported at its line in the TOML, and layout, given modules, has nothing left that can
//! fail. Knows the QR standard (through `qrcode`); nothing of layout, points or PDF.

/// The modules of an encoded QR code, without its quiet zone.
#[derive(Debug, Clone, PartialEq)]
pub struct QrCode {
    /// Modules per side.
    width: usize,
    /// Row by row, `width` × `width`: true for a dark module.
    dark: Vec<bool>,
}

impl QrCode {
    /// `text` as a code at the standard's medium error correction (15 % of the code may be
    /// lost), in the smallest version that holds it: at most 2331 bytes, in version 40.
    pub fn encode(text: &str) -> Result<QrCode, String> {
        let code = qrcode::QrCode::new(text.as_bytes()).map_err(|e| match e {
            qrcode::types::QrError::DataTooLong => {
                format!("{} bytes are more than a QR code holds", text.len())
            }
            other => format!("it cannot be put in a QR code ({other})"),
        })?;
        let dark = code.to_colors().into_iter().map(|c| c == qrcode::Color::Dark).collect();
        Ok(QrCode { width: code.width(), dark })
    }

    /// Modules per side (21 for the smallest code).
    pub fn width(&self) -> usize {
        self.width
    }

    /// Whether the module in column `x`, row `y` is dark.
    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_short_address_makes_the_smallest_code() {
        let code = QrCode::encode("https://x.org").unwrap();
        assert_eq!(code.width(), 21);
        // Every code has a finder pattern, dark at its corners, in the top-left corner.
        assert!(code.is_dark(0, 0) && code.is_dark(6, 6) && !code.is_dark(7, 7));
    }

    #[test]
    fn text_no_code_holds_is_an_error() {
        let e = QrCode::encode(&"x".repeat(3000)).unwrap_err();
        assert_eq!(e, "3000 bytes are more than a QR code holds");
    }
}
