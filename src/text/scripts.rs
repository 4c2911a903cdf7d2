//! What fonts a writing system needs: a character's script (ISO 15924), the script's
//! English name, the Noto families that cover it and the Debian package that installs
//! them. Used to pick a system font for characters no configured font has, and to say
//! what to install when none has them. Knows no font files, no leaflet and no direction
//! of writing (that is a language fact, kept elsewhere).

/// A script as its ISO 15924 code, e.g. `*b"Beng"`.
pub type ScriptCode = [u8; 4];

/// The fonts for one script.
struct ScriptFonts {
    code: &'static str,
    name: &'static str,
    /// Families to prefer, best first; the first is the one to suggest installing.
    families: &'static [&'static str],
    /// The Debian package holding the first family.
    package: &'static str,
}

const CORE: &str = "fonts-noto-core";
const CJK: &str = "fonts-noto-cjk";

/// Scripts of the languages a leaflet is likely to meet, and a few more Noto covers.
/// Han, Hiragana, Katakana and Hangul are handled by `families_for` (the right CJK
/// family depends on the language).
#[rustfmt::skip]
const SCRIPTS: &[ScriptFonts] = &[
    ScriptFonts { code: "Adlm", name: "Adlam", families: &["Noto Sans Adlam"], package: CORE },
    ScriptFonts { code: "Arab", name: "Arabic", families: &["Noto Sans Arabic", "Noto Naskh Arabic"], package: CORE },
    ScriptFonts { code: "Armn", name: "Armenian", families: &["Noto Sans Armenian", "Noto Serif Armenian"], package: CORE },
    ScriptFonts { code: "Beng", name: "Bengali", families: &["Noto Sans Bengali", "Noto Serif Bengali"], package: CORE },
    ScriptFonts { code: "Cans", name: "Canadian Syllabics", families: &["Noto Sans Canadian Aboriginal"], package: CORE },
    ScriptFonts { code: "Cher", name: "Cherokee", families: &["Noto Sans Cherokee"], package: CORE },
    ScriptFonts { code: "Cyrl", name: "Cyrillic", families: &["Noto Sans"], package: CORE },
    ScriptFonts { code: "Deva", name: "Devanagari", families: &["Noto Sans Devanagari", "Noto Serif Devanagari"], package: CORE },
    ScriptFonts { code: "Ethi", name: "Ethiopic", families: &["Noto Sans Ethiopic", "Noto Serif Ethiopic"], package: CORE },
    ScriptFonts { code: "Geor", name: "Georgian", families: &["Noto Sans Georgian", "Noto Serif Georgian"], package: CORE },
    ScriptFonts { code: "Grek", name: "Greek", families: &["Noto Sans"], package: CORE },
    ScriptFonts { code: "Gujr", name: "Gujarati", families: &["Noto Sans Gujarati", "Noto Serif Gujarati"], package: CORE },
    ScriptFonts { code: "Guru", name: "Gurmukhi", families: &["Noto Sans Gurmukhi", "Noto Serif Gurmukhi"], package: CORE },
    ScriptFonts { code: "Hang", name: "Hangul", families: &["Noto Sans CJK KR"], package: CJK },
    ScriptFonts { code: "Hani", name: "Han", families: &["Noto Sans CJK SC"], package: CJK },
    ScriptFonts { code: "Hebr", name: "Hebrew", families: &["Noto Sans Hebrew", "Noto Serif Hebrew"], package: CORE },
    ScriptFonts { code: "Hira", name: "Hiragana", families: &["Noto Sans CJK JP"], package: CJK },
    ScriptFonts { code: "Kana", name: "Katakana", families: &["Noto Sans CJK JP"], package: CJK },
    ScriptFonts { code: "Khmr", name: "Khmer", families: &["Noto Sans Khmer", "Noto Serif Khmer"], package: CORE },
    ScriptFonts { code: "Knda", name: "Kannada", families: &["Noto Sans Kannada", "Noto Serif Kannada"], package: CORE },
    ScriptFonts { code: "Laoo", name: "Lao", families: &["Noto Sans Lao", "Noto Serif Lao"], package: CORE },
    ScriptFonts { code: "Latn", name: "Latin", families: &["Noto Sans"], package: CORE },
    ScriptFonts { code: "Mlym", name: "Malayalam", families: &["Noto Sans Malayalam", "Noto Serif Malayalam"], package: CORE },
    ScriptFonts { code: "Mong", name: "Mongolian", families: &["Noto Sans Mongolian"], package: CORE },
    ScriptFonts { code: "Mymr", name: "Myanmar", families: &["Noto Sans Myanmar", "Noto Serif Myanmar"], package: CORE },
    ScriptFonts { code: "Nkoo", name: "N’Ko", families: &["Noto Sans NKo"], package: CORE },
    ScriptFonts { code: "Olck", name: "Ol Chiki", families: &["Noto Sans Ol Chiki"], package: CORE },
    ScriptFonts { code: "Orya", name: "Odia", families: &["Noto Sans Oriya"], package: CORE },
    ScriptFonts { code: "Rohg", name: "Hanifi Rohingya", families: &["Noto Sans Hanifi Rohingya"], package: CORE },
    ScriptFonts { code: "Sinh", name: "Sinhala", families: &["Noto Sans Sinhala", "Noto Serif Sinhala"], package: CORE },
    ScriptFonts { code: "Sylo", name: "Syloti Nagri", families: &["Noto Sans Syloti Nagri"], package: CORE },
    ScriptFonts { code: "Syrc", name: "Syriac", families: &["Noto Sans Syriac"], package: CORE },
    ScriptFonts { code: "Taml", name: "Tamil", families: &["Noto Sans Tamil", "Noto Serif Tamil"], package: CORE },
    ScriptFonts { code: "Telu", name: "Telugu", families: &["Noto Sans Telugu", "Noto Serif Telugu"], package: CORE },
    ScriptFonts { code: "Tfng", name: "Tifinagh", families: &["Noto Sans Tifinagh"], package: CORE },
    ScriptFonts { code: "Thaa", name: "Thaana", families: &["Noto Sans Thaana"], package: CORE },
    ScriptFonts { code: "Thai", name: "Thai", families: &["Noto Sans Thai", "Noto Serif Thai"], package: CORE },
    ScriptFonts { code: "Tibt", name: "Tibetan", families: &["Noto Serif Tibetan"], package: CORE },
    ScriptFonts { code: "Vaii", name: "Vai", families: &["Noto Sans Vai"], package: CORE },
    ScriptFonts { code: "Yiii", name: "Yi", families: &["Noto Sans Yi"], package: CORE },
];

/// The script of `c`, or `None` for characters every script shares (digits,
/// punctuation, spaces, combining marks) and unassigned ones.
pub fn script_of(c: char) -> Option<ScriptCode> {
    // harfrust's Unicode tables, read the one public way: guessing a buffer's script.
    let mut buffer = harfrust::Buffer::new();
    buffer.push_str(c.encode_utf8(&mut [0; 4]));
    buffer.guess_segment_properties();
    buffer.script().map(|s| s.tag().to_be_bytes())
}

fn facts(code: ScriptCode) -> Option<&'static ScriptFonts> {
    SCRIPTS.iter().find(|s| s.code.as_bytes() == code)
}

/// The script's English name ("Bengali"), or its code when it is not in the table.
pub fn name(code: ScriptCode) -> String {
    match facts(code) {
        Some(s) => s.name.to_string(),
        None => format!("script {}", String::from_utf8_lossy(&code)),
    }
}

/// The families that cover `code` for a text in `lang` (a BCP 47 tag), best first.
/// Chinese characters are drawn differently in Japan, Korea, Taiwan and Hong Kong, so
/// the CJK family follows the language.
pub fn families_for(code: ScriptCode, lang: &str) -> Vec<&'static str> {
    if &code == b"Hani" {
        return vec![cjk_for(lang)];
    }
    facts(code).map(|s| s.families.to_vec()).unwrap_or_default()
}

fn cjk_for(lang: &str) -> &'static str {
    let lang = lang.to_ascii_lowercase();
    let has = |subtag: &str| lang.split(['-', '_']).skip(1).any(|s| s == subtag);
    match lang.split(['-', '_']).next().unwrap_or("") {
        "ja" => "Noto Sans CJK JP",
        "ko" => "Noto Sans CJK KR",
        "zh" | "yue" if has("hk") || has("mo") => "Noto Sans CJK HK",
        "zh" if has("hant") || has("tw") => "Noto Sans CJK TC",
        "yue" => "Noto Sans CJK HK",
        _ => "Noto Sans CJK SC",
    }
}

/// What to install for `code` in `lang`: the family and its Debian package.
pub fn install_hint(code: ScriptCode, lang: &str) -> Option<(&'static str, &'static str)> {
    let family = *families_for(code, lang).first()?;
    Some((family, facts(code)?.package))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn characters_have_their_scripts() {
        assert_eq!(script_of('আ'), Some(*b"Beng"));
        assert_eq!(script_of('ب'), Some(*b"Arab"));
        assert_eq!(script_of('ñ'), Some(*b"Latn"));
        // Shared by every script: no script of its own.
        assert_eq!(script_of('5'), None);
        assert_eq!(script_of('\u{0301}'), None);
    }

    #[test]
    fn scripts_name_a_family_and_a_package() {
        assert_eq!(name(*b"Beng"), "Bengali");
        assert_eq!(install_hint(*b"Beng", "bn"), Some(("Noto Sans Bengali", "fonts-noto-core")));
        assert_eq!(name(*b"Tang"), "script Tang");
        assert_eq!(install_hint(*b"Tang", "und"), None);
    }

    #[test]
    fn han_follows_the_language() {
        assert_eq!(families_for(*b"Hani", "ja"), ["Noto Sans CJK JP"]);
        assert_eq!(families_for(*b"Hani", "zh-Hant"), ["Noto Sans CJK TC"]);
        assert_eq!(families_for(*b"Hani", "zh-HK"), ["Noto Sans CJK HK"]);
        assert_eq!(families_for(*b"Hani", "es"), ["Noto Sans CJK SC"]);
        assert_eq!(install_hint(*b"Hani", "zh"), Some(("Noto Sans CJK SC", "fonts-noto-cjk")));
    }

    /// A code in the table twice would hide the second entry.
    #[test]
    fn each_script_is_listed_once() {
        let mut codes: Vec<&str> = SCRIPTS.iter().map(|s| s.code).collect();
        codes.sort();
        codes.dedup();
        assert_eq!(codes.len(), SCRIPTS.len());
    }
}
