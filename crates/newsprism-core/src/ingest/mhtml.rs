//! Web pages saved as one file (`.mhtml`/`.mht`, Chromium's "Save as single file"): a MIME
//! `multipart/related` message whose first `text/html` part is the page, quoted-printable or
//! base64, in the charset its part declares. The images and styles in the other parts are
//! ignored. The page is then read as any web page; the address it was saved from
//! (`Snapshot-Content-Location`) stands in when the page gives no canonical address.

use encoding_rs::Encoding;

use crate::article::TextEncoding;

/// The page inside an MHTML file.
#[derive(Debug)]
pub struct Page {
    /// The page's HTML, decoded.
    pub html: String,
    /// The address the page was saved from, if the file says.
    pub url: Option<String>,
    /// The charset of the page's part.
    pub encoding: TextEncoding,
}

/// Whether a text looks like a MIME message with parts (an MHTML file).
pub fn looks_like_mhtml(head: &str) -> bool {
    let head = super::lowercase_head(head, 4096);
    head.contains("mime-version:") && head.contains("multipart/related")
}

/// A message's or part's headers, with folded lines joined; names lowercase.
fn headers(block: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for line in block.lines() {
        if line.starts_with([' ', '\t']) {
            if let Some(last) = out.last_mut() {
                last.1.push(' ');
                last.1.push_str(line.trim());
            }
        } else if let Some((k, v)) = line.split_once(':') {
            out.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
        }
    }
    out
}

fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
}

/// A parameter of a header value: `boundary="----abc"`, `charset=utf-8`.
fn param(value: &str, name: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case(name)
            .then(|| v.trim().trim_matches('"').to_string())
    })
}

/// Splits a message into its header block and body at the first empty line.
fn split_head(text: &str) -> (&str, &str) {
    for sep in ["\n\n", "\r\n\r\n"] {
        if let Some(at) = text.find(sep) {
            return (&text[..at], &text[at + sep.len()..]);
        }
    }
    (text, "")
}

/// Decodes quoted-printable: `=XX` escapes and `=` soft line breaks.
fn quoted_printable(body: &str) -> Vec<u8> {
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'=' {
            let rest = &bytes[i + 1..];
            if rest.starts_with(b"\r\n") {
                i += 3;
                continue;
            }
            if rest.starts_with(b"\n") {
                i += 2;
                continue;
            }
            let hex = |b: u8| (b as char).to_digit(16);
            if let (Some(h), Some(l)) = (
                rest.first().copied().and_then(hex),
                rest.get(1).copied().and_then(hex),
            ) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    out
}

/// Decodes base64, skipping white space; `None` on any other stray character.
pub(super) fn base64(body: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for b in body.bytes() {
        let v = match b {
            b'A'..=b'Z' => b - b'A',
            b'a'..=b'z' => b - b'a' + 26,
            b'0'..=b'9' => b - b'0' + 52,
            b'+' | b'-' => 62,
            b'/' | b'_' => 63,
            b'=' => break,
            b if b.is_ascii_whitespace() => continue,
            _ => return None,
        };
        acc = (acc << 6) | u32::from(v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
        }
    }
    Some(out)
}

/// Decodes a part's bytes in its charset (UTF-8 when it names none).
fn decode_part(bytes: &[u8], charset: Option<&str>) -> (String, TextEncoding) {
    let encoding = charset
        .and_then(|c| Encoding::for_label(c.as_bytes()))
        .unwrap_or(encoding_rs::UTF_8);
    if encoding == encoding_rs::UTF_8 {
        return (
            String::from_utf8_lossy(bytes).into_owned(),
            TextEncoding::Utf8,
        );
    }
    // Whatever the file says, a page that is valid UTF-8 is read as UTF-8.
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), TextEncoding::Utf8);
    }
    let (text, _) = encoding.decode_without_bom_handling(bytes);
    let named = super::encoding::name_of(encoding).unwrap_or(TextEncoding::Windows1252);
    (text.into_owned(), named)
}

/// The page in an MHTML file, or why there is none.
pub fn page(text: &str) -> Result<Page, String> {
    let (head, body) = split_head(text.trim_start());
    let top = headers(head);
    let content_type = header(&top, "content-type").unwrap_or_default();
    let boundary = param(content_type, "boundary")
        .filter(|b| !b.is_empty())
        .ok_or("the file says it is a MIME message but gives no part boundary")?;
    let url = header(&top, "snapshot-content-location")
        .or_else(|| header(&top, "content-location"))
        .map(str::to_string);
    let delimiter = format!("--{boundary}");
    for part in body.split(delimiter.as_str()).skip(1) {
        if part.starts_with("--") {
            break;
        }
        let (part_head, part_body) = split_head(part.trim_start_matches(['\r', '\n']));
        let h = headers(part_head);
        let kind = header(&h, "content-type").unwrap_or("text/plain");
        if !kind.to_ascii_lowercase().starts_with("text/html") {
            continue;
        }
        let transfer = header(&h, "content-transfer-encoding")
            .unwrap_or("7bit")
            .to_ascii_lowercase();
        let bytes = match transfer.as_str() {
            "quoted-printable" => quoted_printable(part_body),
            "base64" => base64(part_body).ok_or("its page part is not valid base64")?,
            _ => part_body.as_bytes().to_vec(),
        };
        let (html, encoding) = decode_part(&bytes, param(kind, "charset").as_deref());
        let url = url.or_else(|| header(&h, "content-location").map(str::to_string));
        return Ok(Page {
            html,
            url: url.filter(|u| u.starts_with("http://") || u.starts_with("https://")),
            encoding,
        });
    }
    Err("the file holds no HTML page".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAVED: &str = "From: <Saved by Blink>\r\n\
Snapshot-Content-Location: https://www.krant.example/nieuws/brug\r\n\
Subject: Brug dicht\r\n\
MIME-Version: 1.0\r\n\
Content-Type: multipart/related;\r\n\
\ttype=\"text/html\";\r\n\
\tboundary=\"----MultipartBoundary--abc----\"\r\n\
\r\n\
\r\n\
------MultipartBoundary--abc----\r\n\
Content-Type: text/html\r\n\
Content-ID: <frame-1@mhtml.blink>\r\n\
Content-Transfer-Encoding: quoted-printable\r\n\
Content-Location: https://www.krant.example/nieuws/brug\r\n\
\r\n\
<html><head><meta charset=3D\"utf-8\"></head><body><article><h1>Brug in =C5=81=C3=B3d=C5=BA dich=\r\n\
t</h1><p>De brug is maandag gesloten.</p></article></body></html>\r\n\
------MultipartBoundary--abc----\r\n\
Content-Type: image/png\r\n\
Content-Transfer-Encoding: base64\r\n\
\r\n\
iVBORw0KGgo=\r\n\
------MultipartBoundary--abc------\r\n";

    #[test]
    fn the_page_part_is_found_and_decoded() {
        assert!(looks_like_mhtml(SAVED));
        let p = page(SAVED).unwrap();
        assert!(p.html.contains("<h1>Brug in Łódź dicht</h1>"), "{}", p.html);
        assert_eq!(
            p.url.as_deref(),
            Some("https://www.krant.example/nieuws/brug")
        );
        assert_eq!(p.encoding, TextEncoding::Utf8);
    }

    #[test]
    fn a_base64_page_in_a_legacy_charset() {
        // "<p>Łódź</p>" in ISO-8859-2, base64.
        let text = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\n\
Content-Type: text/html; charset=iso-8859-2\nContent-Transfer-Encoding: base64\n\nPHA+o/NkvDwvcD4=\n--b--\n";
        let p = page(text).unwrap();
        assert_eq!(p.html, "<p>Łódź</p>");
        assert_eq!(p.encoding, TextEncoding::Iso8859_2);
    }

    #[test]
    fn a_message_without_a_page_says_so() {
        let text = "MIME-Version: 1.0\nContent-Type: multipart/related; boundary=b\n\n--b\nContent-Type: image/png\n\nxx\n--b--\n";
        assert_eq!(page(text).unwrap_err(), "the file holds no HTML page");
        assert!(page("MIME-Version: 1.0\nContent-Type: multipart/related\n\n").is_err());
    }
}
