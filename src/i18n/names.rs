//! Language names and codes: the ISO 639-1 codes with their English names, so that
//! `languages = ["Spanish"]` can be answered with `did you mean "es"`, and a tag naming
//! no language we know of (`xx`, `english`) is caught before a volunteer translates
//! into it. Knows nothing of files or Fluent.

use unic_langid::LanguageIdentifier;

/// ISO 639-1: every two-letter language code and the language's English name.
#[rustfmt::skip]
const ISO_639_1: &[(&str, &str)] = &[
    ("aa", "Afar"), ("ab", "Abkhazian"), ("ae", "Avestan"), ("af", "Afrikaans"), ("ak", "Akan"),
    ("am", "Amharic"), ("an", "Aragonese"), ("ar", "Arabic"), ("as", "Assamese"), ("av", "Avaric"),
    ("ay", "Aymara"), ("az", "Azerbaijani"), ("ba", "Bashkir"), ("be", "Belarusian"), ("bg", "Bulgarian"),
    ("bi", "Bislama"), ("bm", "Bambara"), ("bn", "Bengali"), ("bo", "Tibetan"), ("br", "Breton"),
    ("bs", "Bosnian"), ("ca", "Catalan"), ("ce", "Chechen"), ("ch", "Chamorro"), ("co", "Corsican"),
    ("cr", "Cree"), ("cs", "Czech"), ("cu", "Church Slavic"), ("cv", "Chuvash"), ("cy", "Welsh"),
    ("da", "Danish"), ("de", "German"), ("dv", "Divehi"), ("dz", "Dzongkha"), ("ee", "Ewe"),
    ("el", "Greek"), ("en", "English"), ("eo", "Esperanto"), ("es", "Spanish"), ("et", "Estonian"),
    ("eu", "Basque"), ("fa", "Persian"), ("ff", "Fulah"), ("fi", "Finnish"), ("fj", "Fijian"),
    ("fo", "Faroese"), ("fr", "French"), ("fy", "Western Frisian"), ("ga", "Irish"),
    ("gd", "Scottish Gaelic"), ("gl", "Galician"), ("gn", "Guarani"), ("gu", "Gujarati"), ("gv", "Manx"),
    ("ha", "Hausa"), ("he", "Hebrew"), ("hi", "Hindi"), ("ho", "Hiri Motu"), ("hr", "Croatian"),
    ("ht", "Haitian Creole"), ("hu", "Hungarian"), ("hy", "Armenian"), ("hz", "Herero"),
    ("ia", "Interlingua"), ("id", "Indonesian"), ("ie", "Interlingue"), ("ig", "Igbo"),
    ("ii", "Sichuan Yi"), ("ik", "Inupiaq"), ("io", "Ido"), ("is", "Icelandic"), ("it", "Italian"),
    ("iu", "Inuktitut"), ("ja", "Japanese"), ("jv", "Javanese"), ("ka", "Georgian"), ("kg", "Kongo"),
    ("ki", "Kikuyu"), ("kj", "Kuanyama"), ("kk", "Kazakh"), ("kl", "Kalaallisut"), ("km", "Khmer"),
    ("kn", "Kannada"), ("ko", "Korean"), ("kr", "Kanuri"), ("ks", "Kashmiri"), ("ku", "Kurdish"),
    ("kv", "Komi"), ("kw", "Cornish"), ("ky", "Kyrgyz"), ("la", "Latin"), ("lb", "Luxembourgish"),
    ("lg", "Ganda"), ("li", "Limburgish"), ("ln", "Lingala"), ("lo", "Lao"), ("lt", "Lithuanian"),
    ("lu", "Luba-Katanga"), ("lv", "Latvian"), ("mg", "Malagasy"), ("mh", "Marshallese"), ("mi", "Maori"),
    ("mk", "Macedonian"), ("ml", "Malayalam"), ("mn", "Mongolian"), ("mr", "Marathi"), ("ms", "Malay"),
    ("mt", "Maltese"), ("my", "Burmese"), ("na", "Nauru"), ("nb", "Norwegian Bokmål"),
    ("nd", "North Ndebele"), ("ne", "Nepali"), ("ng", "Ndonga"), ("nl", "Dutch"),
    ("nn", "Norwegian Nynorsk"), ("no", "Norwegian"), ("nr", "South Ndebele"), ("nv", "Navajo"),
    ("ny", "Chichewa"), ("oc", "Occitan"), ("oj", "Ojibwa"), ("om", "Oromo"), ("or", "Odia"),
    ("os", "Ossetian"), ("pa", "Punjabi"), ("pi", "Pali"), ("pl", "Polish"), ("ps", "Pashto"),
    ("pt", "Portuguese"), ("qu", "Quechua"), ("rm", "Romansh"), ("rn", "Rundi"), ("ro", "Romanian"),
    ("ru", "Russian"), ("rw", "Kinyarwanda"), ("sa", "Sanskrit"), ("sc", "Sardinian"), ("sd", "Sindhi"),
    ("se", "Northern Sami"), ("sg", "Sango"), ("si", "Sinhala"), ("sk", "Slovak"), ("sl", "Slovenian"),
    ("sm", "Samoan"), ("sn", "Shona"), ("so", "Somali"), ("sq", "Albanian"), ("sr", "Serbian"),
    ("ss", "Swati"), ("st", "Southern Sotho"), ("su", "Sundanese"), ("sv", "Swedish"), ("sw", "Swahili"),
    ("ta", "Tamil"), ("te", "Telugu"), ("tg", "Tajik"), ("th", "Thai"), ("ti", "Tigrinya"),
    ("tk", "Turkmen"), ("tl", "Tagalog"), ("tn", "Tswana"), ("to", "Tongan"), ("tr", "Turkish"),
    ("ts", "Tsonga"), ("tt", "Tatar"), ("tw", "Twi"), ("ty", "Tahitian"), ("ug", "Uyghur"),
    ("uk", "Ukrainian"), ("ur", "Urdu"), ("uz", "Uzbek"), ("ve", "Venda"), ("vi", "Vietnamese"),
    ("vo", "Volapük"), ("wa", "Walloon"), ("wo", "Wolof"), ("xh", "Xhosa"), ("yi", "Yiddish"),
    ("yo", "Yoruba"), ("za", "Zhuang"), ("zh", "Chinese"), ("zu", "Zulu"),
];

/// Other English names people write for a language, and languages with no two-letter code
/// that leaflets are often made in.
#[rustfmt::skip]
const OTHER_NAMES: &[(&str, &str)] = &[
    ("es", "Castilian"), ("fa", "Farsi"), ("zh", "Mandarin"), ("yue", "Cantonese"), ("fil", "Filipino"),
    ("nl", "Flemish"), ("ro", "Moldovan"), ("pa", "Panjabi"), ("ps", "Pushto"), ("gd", "Gaelic"),
    ("ky", "Kirghiz"), ("or", "Oriya"), ("si", "Sinhalese"), ("ti", "Tigrigna"), ("ug", "Uighur"),
];

/// The tag of the language called `name` in English (`Spanish` → `es`), any case.
pub fn tag_for_name(name: &str) -> Option<&'static str> {
    let name = name.trim();
    ISO_639_1.iter().chain(OTHER_NAMES).find(|(_, n)| n.eq_ignore_ascii_case(name)).map(|(code, _)| *code)
}

/// The English name of the language with ISO 639-1 code `code` (`es` → `Spanish`).
pub fn name_of(code: &str) -> Option<&'static str> {
    ISO_639_1.iter().chain(OTHER_NAMES).find(|(c, _)| *c == code).map(|(_, name)| *name)
}

/// Whether `tag`'s language is one we know of: an ISO 639-1 code, or a language the
/// plural rules (CLDR) have data for (`fil`, `yue`, `ast`…). Anything else is most
/// likely a typing slip or a name written for a code.
pub fn is_known(tag: &LanguageIdentifier) -> bool {
    let language = tag.language.as_str();
    ISO_639_1.iter().any(|(code, _)| *code == language)
        || intl_pluralrules::PluralRules::get_locales(intl_pluralrules::PluralRuleType::CARDINAL)
            .iter()
            .any(|l| l.language == tag.language)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_give_tags() {
        assert_eq!(tag_for_name("Spanish"), Some("es"));
        assert_eq!(tag_for_name("spanish"), Some("es"));
        assert_eq!(tag_for_name("Farsi"), Some("fa"));
        assert_eq!(tag_for_name("Klingon"), None);
        assert_eq!(name_of("es"), Some("Spanish"));
    }

    #[test]
    fn known_languages() {
        let known = |t: &str| is_known(&t.parse().unwrap());
        assert!(known("es") && known("pt-BR") && known("qu") && known("fil"));
        assert!(!known("xx"));
        assert!(!known("english"));
    }
}
