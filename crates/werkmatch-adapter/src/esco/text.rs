//! Text folding for matching: case, accents and punctuation do not count.
//!
//! Both the index and the query go through the same [`fold`], so "Caissière",
//! "caissiere" and "CAISSIÈRE" are one string. Only Latin letters with
//! diacritics are folded (a small table, no Unicode tables needed): ESCO's
//! European languages use nothing else.

/// Lower-cases, strips diacritics and turns every non-alphanumeric character
/// into a single space; the result has no leading or trailing space.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        for lc in c.to_lowercase() {
            let folded = fold_char(lc);
            match folded {
                Some(f) => {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push_str(f);
                }
                None if lc.is_alphanumeric() => {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push(lc);
                }
                None => pending_space = true,
            }
        }
    }
    out
}

/// The ASCII spelling of a lower-case letter with a diacritic, or of a plain
/// ASCII letter or digit; `None` for anything else.
fn fold_char(c: char) -> Option<&'static str> {
    const ASCII: [&str; 36] = [
        "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u", "v",
        "w", "x", "y", "z", "0", "1", "2", "3", "4", "5", "6", "7", "8", "9",
    ];
    let s = match c {
        'a'..='z' => ASCII.get(usize::from(c as u8 - b'a')).copied().unwrap_or(""),
        '0'..='9' => ASCII.get(26 + usize::from(c as u8 - b'0')).copied().unwrap_or(""),
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'č' | 'ĉ' | 'ċ' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        'þ' => "th",
        _ => return None,
    };
    if s.is_empty() {
        None
    } else {
        Some(s)
    }
}

/// The words of folded text.
pub fn words(folded: &str) -> impl Iterator<Item = &str> {
    folded.split(' ').filter(|w| !w.is_empty())
}

/// Character trigrams of one word, padded with a space on both sides so that
/// word starts and ends count ("kok" → " ko", "kok", "ok "). Each trigram is
/// packed into a `u64` (3 × 21 bits) so the index needs no string keys.
pub fn word_trigrams(word: &str, out: &mut Vec<u64>) {
    // A sliding window over the padded word, without collecting it (this runs per query).
    let (mut a, mut b) = (' ', ' ');
    for (i, c) in std::iter::once(' ').chain(word.chars()).chain(std::iter::once(' ')).enumerate() {
        if i >= 2 {
            out.push((u64::from(a) << 42) | (u64::from(b) << 21) | u64::from(c));
        }
        (a, b) = (b, c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_removes_case_accents_and_punctuation() {
        assert_eq!(fold("Caissière"), "caissiere");
        assert_eq!(fold("  Verzorgende-IG (m/v) "), "verzorgende ig m v");
        assert_eq!(fold("Straße ÆØÅ"), "strasse aeoa");
        assert_eq!(fold("C++ / Java"), "c java");
    }

    #[test]
    fn trigrams_are_padded() {
        let mut t = Vec::new();
        word_trigrams("kok", &mut t);
        assert_eq!(t.len(), 3);
        let mut u = Vec::new();
        word_trigrams("ok", &mut u);
        assert_eq!(u.len(), 2);
        assert_eq!(t.last(), u.last());
    }
}
