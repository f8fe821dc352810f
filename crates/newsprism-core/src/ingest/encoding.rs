//! Bytes to text: byte-order marks, UTF-8, UTF-16, the charset a web page declares (`<meta
//! charset>`, `http-equiv`, an XML declaration: Windows-125x, ISO-8859-2/15, KOI8-R, GBK/GB2312,
//! Big5, Shift_JIS, EUC-JP, EUC-KR), the legacy Windows-1252/Latin-1 that old newsroom exports
//! use, and a refusal of anything that is not text at all.
//!
//! This module decides what the bytes *are*; it does not look at what the text says.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8, WINDOWS_1252};

use crate::article::TextEncoding;

/// Decoded text and how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with `\r\n` and lone `\r` turned into `\n`.
    pub text: String,
    /// The encoding it was read as.
    pub encoding: TextEncoding,
    /// Something the reader should know about the decoding, such as a cut-off last character.
    pub warning: Option<String>,
}

/// Why bytes could not be read as text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeFailure {
    /// There are no bytes.
    Empty,
    /// The bytes are a binary format; `what` names it when it is recognised.
    Binary {
        /// "a PDF document", "a ZIP archive"… or "binary data".
        what: &'static str,
    },
    /// The byte-order mark promised an encoding that the bytes then broke.
    Undecodable {
        /// The encoding the BOM declared.
        encoding: TextEncoding,
    },
}

/// Recognised binary formats by their first bytes.
const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xFF\xD8\xFF", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1F\x8B", "a gzip archive"),
    (b"\xD0\xCF\x11\xE0", "an old Microsoft Office file"),
    (b"\x00asm", "a WebAssembly module"),
    (b"\x7FELF", "a program (ELF)"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 file"),
    (b"OggS", "an Ogg media file"),
];

/// Decodes a file's bytes.
///
/// Order of evidence: a byte-order mark wins; then valid UTF-8; then Windows-1252, which can
/// decode any byte, so the result is checked for control characters that no text has.
pub fn decode(bytes: &[u8]) -> Result<Decoded, DecodeFailure> {
    if bytes.is_empty() {
        return Err(DecodeFailure::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return utf8(rest, TextEncoding::Utf8Bom);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, TextEncoding::Utf16Le);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, TextEncoding::Utf16Be);
    }
    for (magic, what) in MAGIC {
        if bytes.starts_with(magic) {
            return Err(DecodeFailure::Binary { what });
        }
    }
    // A few NUL bytes in text (a careless export) are dropped; more are binary data.
    let nuls = bytes.iter().filter(|&&b| b == 0).count();
    if nuls > 0 && (nuls * 1000 > bytes.len() || bytes.len() < 64) {
        return Err(DecodeFailure::Binary {
            what: "binary data",
        });
    }
    let cleaned: Vec<u8>;
    let bytes = if nuls > 0 {
        cleaned = bytes.iter().copied().filter(|&b| b != 0).collect();
        &cleaned[..]
    } else {
        bytes
    };
    let nul_note = (nuls > 0).then(|| format!("{nuls} NUL bytes in the text were left out"));
    let declared = declared_charset(bytes);
    let decoded = match utf8(bytes, TextEncoding::Utf8) {
        Ok(decoded) => Ok(decoded),
        Err(DecodeFailure::Undecodable { .. }) if declared.is_some() => {
            legacy(bytes, declared.unwrap_or(WINDOWS_1252))
        }
        Err(DecodeFailure::Undecodable { .. }) => match damaged_utf8(bytes) {
            Some(decoded) => Ok(decoded),
            None => {
                let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
                finish(&text, TextEncoding::Windows1252, None)
            }
        },
        Err(other) => Err(other),
    };
    decoded.map(|mut d| {
        if let Some(note) = nul_note {
            d.warning = Some(match d.warning.take() {
                Some(w) => format!("{w}; {note}"),
                None => note,
            });
        }
        d
    })
}

/// The legacy encodings a page may declare, with how Newsprism names them.
const DECLARABLE: &[(&Encoding, TextEncoding)] = &[
    (encoding_rs::WINDOWS_1252, TextEncoding::Windows1252),
    (encoding_rs::WINDOWS_1250, TextEncoding::Windows1250),
    (encoding_rs::WINDOWS_1251, TextEncoding::Windows1251),
    (encoding_rs::WINDOWS_1253, TextEncoding::Windows1253),
    (encoding_rs::WINDOWS_1254, TextEncoding::Windows1254),
    (encoding_rs::WINDOWS_1257, TextEncoding::Windows1257),
    (encoding_rs::ISO_8859_2, TextEncoding::Iso8859_2),
    (encoding_rs::ISO_8859_15, TextEncoding::Iso8859_15),
    (encoding_rs::KOI8_R, TextEncoding::Koi8R),
    (encoding_rs::GBK, TextEncoding::Gbk),
    (encoding_rs::GB18030, TextEncoding::Gb18030),
    (encoding_rs::BIG5, TextEncoding::Big5),
    (encoding_rs::SHIFT_JIS, TextEncoding::ShiftJis),
    (encoding_rs::EUC_JP, TextEncoding::EucJp),
    (encoding_rs::EUC_KR, TextEncoding::EucKr),
];

/// How Newsprism names one of the legacy encodings it reads.
pub(super) fn name_of(encoding: &'static Encoding) -> Option<TextEncoding> {
    DECLARABLE
        .iter()
        .find(|(e, _)| *e == encoding)
        .map(|&(_, name)| name)
}

/// The charset a page declares in its first 4 KB: `<meta charset=…>`, `<meta http-equiv=…
/// content="text/html; charset=…">` or `<?xml … encoding="…"?>`, by its WHATWG label.
/// UTF-8 (and UTF-16, which a page cannot truly declare in ASCII) count as UTF-8.
fn declared_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let find = |needle: &[u8]| lower.windows(needle.len()).position(|w| w == needle);
    let at = find(b"charset=").map(|i| i + 8).or_else(|| {
        find(b"<?xml").and_then(|x| find(b"encoding=").filter(|&e| e > x).map(|e| e + 9))
    })?;
    let label: Vec<u8> = lower[at..]
        .iter()
        .copied()
        .skip_while(|b| matches!(b, b'"' | b'\'' | b' '))
        .take_while(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
        .collect();
    let encoding = Encoding::for_label(&label)?;
    if encoding == UTF_16LE || encoding == UTF_16BE {
        return Some(UTF_8);
    }
    Some(encoding)
}

/// Decodes with a page's declared charset; a page that declares UTF-8 but holds broken bytes
/// keeps its UTF-8, with the broken bytes shown as U+FFFD.
fn legacy(bytes: &[u8], encoding: &'static Encoding) -> Result<Decoded, DecodeFailure> {
    let Some(name) = name_of(encoding) else {
        if encoding == UTF_8 {
            return damaged_utf8(bytes).map_or_else(
                || {
                    let text = String::from_utf8_lossy(bytes);
                    finish(
                        &text,
                        TextEncoding::Utf8,
                        Some("bytes that are not valid UTF-8 are shown as �".into()),
                    )
                },
                Ok,
            );
        }
        let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
        return finish(
            &text,
            TextEncoding::Windows1252,
            Some(format!(
                "the page declares {}, which Newsprism does not read; it was read as Windows-1252",
                encoding.name()
            )),
        );
    };
    let (text, had_errors) = encoding.decode_without_bom_handling(bytes);
    let warning = had_errors.then(|| format!("some bytes are not valid {name} and are shown as �"));
    finish(&text, name, warning)
}

/// UTF-8 with a few broken bytes: each broken sequence becomes U+FFFD where it is, instead of
/// the whole text being read as Windows-1252. It counts as UTF-8 when its well-formed multi-byte
/// characters outnumber the broken sequences four to one (Windows-1252 text has no well-formed
/// ones, or nearly none).
fn damaged_utf8(bytes: &[u8]) -> Option<Decoded> {
    let (mut good, mut broken) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        broken += usize::from(!chunk.invalid().is_empty());
    }
    if broken == 0 || good < broken * 4 {
        return None;
    }
    let text = String::from_utf8_lossy(bytes);
    let note = format!(
        "{broken} byte sequence{} that {} not valid UTF-8 {} shown as �",
        if broken == 1 { "" } else { "s" },
        if broken == 1 { "is" } else { "are" },
        if broken == 1 { "is" } else { "are" },
    );
    finish(&text, TextEncoding::Utf8, Some(note)).ok()
}

fn utf8(bytes: &[u8], encoding: TextEncoding) -> Result<Decoded, DecodeFailure> {
    match std::str::from_utf8(bytes) {
        Ok(text) => finish(text, encoding, None),
        // A file cut off inside its last character: keep everything before it and say so.
        Err(e) if e.error_len().is_none() && e.valid_up_to() + 4 > bytes.len() => {
            let text = std::str::from_utf8(&bytes[..e.valid_up_to()])
                .map_err(|_| DecodeFailure::Undecodable { encoding })?;
            finish(
                text,
                encoding,
                Some(
                    "the file ends in the middle of a character; that last character was dropped"
                        .into(),
                ),
            )
        }
        Err(_) => Err(DecodeFailure::Undecodable { encoding }),
    }
}

fn utf16(bytes: &[u8], encoding: TextEncoding) -> Result<Decoded, DecodeFailure> {
    let coder = if encoding == TextEncoding::Utf16Le {
        UTF_16LE
    } else {
        UTF_16BE
    };
    match coder.decode_without_bom_handling_and_without_replacement(bytes) {
        Some(text) => finish(&text, encoding, None),
        None => Err(DecodeFailure::Undecodable { encoding }),
    }
}

/// The control characters other than tab, newline, carriage return and form feed in UTF-8
/// text: C0, DEL, and C1 (U+0080–U+009F, written C2 80 to C2 9F). Counted on bytes in chunks
/// small enough for byte-wide counters, which the compiler turns into vector code: this runs on
/// every byte of every file.
fn count_controls(bytes: &[u8]) -> usize {
    let next = bytes.get(1..).unwrap_or_default();
    let mut total = 0usize;
    for (chunk, after) in bytes
        .chunks(128)
        .zip(next.chunks(128).chain(std::iter::once(&[][..])))
    {
        let mut n = 0u8;
        for &b in chunk {
            let c0 = (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') & (b != 0x0C);
            n += u8::from(c0 | (b == 0x7F));
        }
        for (&b, &a) in chunk.iter().zip(after) {
            n += u8::from((b == 0xC2) & (a & 0xE0 == 0x80));
        }
        total += usize::from(n);
    }
    total
}

fn finish(
    text: &str,
    encoding: TextEncoding,
    warning: Option<String>,
) -> Result<Decoded, DecodeFailure> {
    // Text has tabs, newlines and form feeds; binary data decoded as text has other controls.
    // Characters are counted only when there are controls.
    let bytes = text.as_bytes();
    let controls = count_controls(bytes);
    let total = if controls > 0 {
        bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
    } else {
        0
    };
    if controls > 0 && controls * 100 >= total.max(1) {
        return Err(DecodeFailure::Binary {
            what: "binary data",
        });
    }
    Ok(Decoded {
        text: if text.contains('\r') {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.to_string()
        },
        encoding,
        warning,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_is_read_in_the_charset_it_declares() {
        let page = |charset: &str, body: &[u8]| {
            let mut b =
                format!("<html><head><meta charset=\"{charset}\"></head><body><p>").into_bytes();
            b.extend_from_slice(body);
            b.extend_from_slice(b"</p></body></html>");
            b
        };
        // "Łódź" in Windows-1250 and ISO-8859-2; "中文" in GB2312.
        let cases: [(&str, &[u8], &str, TextEncoding); 4] = [
            (
                "windows-1250",
                b"\xA3\xF3d\x9F",
                "Łódź",
                TextEncoding::Windows1250,
            ),
            (
                "iso-8859-2",
                b"\xA3\xF3d\xBC",
                "Łódź",
                TextEncoding::Iso8859_2,
            ),
            ("gb2312", b"\xD6\xD0\xCE\xC4", "中文", TextEncoding::Gbk),
            ("koi8-r", b"\xED\xC9\xD2", "Мир", TextEncoding::Koi8R),
        ];
        for (charset, bytes, text, encoding) in cases {
            let d = decode(&page(charset, bytes)).unwrap();
            assert!(d.text.contains(text), "{charset}: {}", d.text);
            assert_eq!(d.encoding, encoding);
        }
        let http_equiv = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-2\"><p>\xA3\xF3d\xBC</p>";
        assert!(decode(http_equiv).unwrap().text.contains("Łódź"));
    }

    #[test]
    fn a_page_that_declares_utf8_keeps_it_despite_a_broken_byte() {
        let d = decode(b"<meta charset=utf-8><p>caf\xC3\xA9 \xE9t\xE9</p>").unwrap();
        assert_eq!(d.encoding, TextEncoding::Utf8);
        assert!(d.text.contains("café"), "{}", d.text);
        assert!(d.warning.is_some());
    }

    fn enc(bytes: &[u8]) -> Result<(String, TextEncoding), DecodeFailure> {
        decode(bytes).map(|d| (d.text, d.encoding))
    }

    #[test]
    fn every_supported_encoding_decodes_the_same_text() {
        let text = "Oekraïne, £5 en één";
        let mut utf16le = vec![0xFF, 0xFE];
        let mut utf16be = vec![0xFE, 0xFF];
        for unit in text.encode_utf16() {
            utf16le.extend(unit.to_le_bytes());
            utf16be.extend(unit.to_be_bytes());
        }
        let (latin1, _, _) = WINDOWS_1252.encode(text);
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend(text.as_bytes());
        let cases: [(&[u8], TextEncoding); 5] = [
            (text.as_bytes(), TextEncoding::Utf8),
            (&bom, TextEncoding::Utf8Bom),
            (&utf16le, TextEncoding::Utf16Le),
            (&utf16be, TextEncoding::Utf16Be),
            (&latin1, TextEncoding::Windows1252),
        ];
        for (bytes, expected) in cases {
            assert_eq!(enc(bytes), Ok((text.to_string(), expected)), "{expected}");
        }
    }

    #[test]
    fn line_endings_are_normalised() {
        assert_eq!(enc(b"a\r\nb\rc\n").unwrap().0, "a\nb\nc\n");
    }

    #[test]
    fn binary_is_refused_with_its_name() {
        assert_eq!(
            decode(b"%PDF-1.4 ..."),
            Err(DecodeFailure::Binary {
                what: "a PDF document"
            })
        );
        assert_eq!(
            decode(b"abc\0def"),
            Err(DecodeFailure::Binary {
                what: "binary data"
            })
        );
        let noise: Vec<u8> = (0u8..=255).cycle().skip(1).take(2000).collect();
        assert!(matches!(decode(&noise), Err(DecodeFailure::Binary { .. })));
        assert_eq!(decode(b""), Err(DecodeFailure::Empty));
    }

    #[test]
    fn a_few_nul_bytes_in_text_are_left_out_with_a_note() {
        let mut bytes = "Poetin bezocht Minsk op maandag, meldt het persbureau. "
            .repeat(40)
            .into_bytes();
        bytes.insert(100, 0);
        bytes.push(0);
        let d = decode(&bytes).unwrap();
        assert!(!d.text.contains('\0'));
        assert!(d.text.starts_with("Poetin bezocht Minsk"));
        assert!(d.warning.unwrap().contains("2 NUL bytes"));
        // Half NUL bytes (UTF-16 without a byte-order mark) is still not text.
        let wide: Vec<u8> = "Minsk ".repeat(40).bytes().flat_map(|b| [b, 0]).collect();
        assert!(matches!(decode(&wide), Err(DecodeFailure::Binary { .. })));
    }

    #[test]
    fn utf8_with_a_few_broken_bytes_stays_utf8() {
        let mut bytes = "Oekraïne, Wit-Rusland en de Russische president: “een tegenaanval”. "
            .repeat(10)
            .into_bytes();
        bytes.insert(30, 0xFF);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.encoding, TextEncoding::Utf8);
        assert!(d.text.contains("Oekraïne") && d.text.contains('\u{FFFD}'));
        assert!(d
            .warning
            .unwrap()
            .contains("1 byte sequence that is not valid UTF-8"));
        // Windows-1252 text is still read as such: "£15.8m" and "café" in Latin-1.
        let latin: Vec<u8> = b"Profits rose to \xa315.8m at the caf\xe9 chain.".to_vec();
        let d = decode(&latin).unwrap();
        assert_eq!(d.encoding, TextEncoding::Windows1252);
        assert_eq!(d.text, "Profits rose to £15.8m at the café chain.");
    }

    #[test]
    fn truncated_utf8_keeps_the_text_and_warns() {
        let mut bytes = "Oekraïne".as_bytes().to_vec();
        bytes.extend(&"ë".as_bytes()[..1]);
        let d = decode(&bytes).unwrap();
        assert_eq!(d.text, "Oekraïne");
        assert_eq!(d.encoding, TextEncoding::Utf8);
        assert!(d.warning.is_some());
    }

    #[test]
    fn a_broken_utf16_file_is_undecodable() {
        // A lone high surrogate.
        assert_eq!(
            decode(&[0xFF, 0xFE, 0x00, 0xD8, 0x41, 0x00]),
            Err(DecodeFailure::Undecodable {
                encoding: TextEncoding::Utf16Le
            })
        );
    }

    #[test]
    fn controls_are_counted_as_characters_would_be() {
        let by_chars = |t: &str| {
            t.chars()
                .filter(|&c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\x0C'))
                .count()
        };
        // C1 controls straddling the 128-byte chunks, DEL, NUL, and text that only looks close.
        for at in [0, 1, 126, 127, 128, 129, 255, 300] {
            let mut t = "é«\u{a0}»x\t\n".repeat(40);
            let i = (0..=at.min(t.len()))
                .rev()
                .find(|&i| t.is_char_boundary(i))
                .unwrap_or(0);
            t.insert_str(i, "\u{85}\u{9f}\u{7f}\0\u{1}");
            assert_eq!(count_controls(t.as_bytes()), by_chars(&t), "at {at}");
            assert_eq!(count_controls(t.as_bytes()), 5);
        }
        assert_eq!(count_controls(b""), 0);
        assert_eq!(count_controls("\u{80}".as_bytes()), 1);
    }
}
