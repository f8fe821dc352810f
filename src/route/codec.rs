//! Percent coding of query values, and a hash's query parameters.

use newsprism_core::corpus::LibrarySort;

/// Percent-encodes a query value (UTF-8; only unreserved characters stay as they are).
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a percent-encoded value; `+` is a space. Broken escapes are kept as typed.
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < bytes.len() => {
                let hex = |c: u8| char::from(c).to_digit(16);
                match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                    (Some(hi), Some(lo)) => {
                        out.push((hi * 16 + lo) as u8);
                        i += 3;
                    }
                    _ => {
                        out.push(b'%');
                        i += 1;
                    }
                }
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// A hash's query parameters, decoded.
pub(super) struct Params<'a>(Vec<(&'a str, String)>);

impl<'a> Params<'a> {
    /// The parameters of `key=value&…` (a key without `=` has an empty value).
    pub(super) fn of(query: &'a str) -> Params<'a> {
        Params(
            query
                .split('&')
                .filter_map(|kv| kv.split_once('=').or(Some((kv, ""))))
                .filter(|(k, _)| !k.is_empty())
                .map(|(k, v)| (k, decode(v)))
                .collect(),
        )
    }

    /// The first value of `key`.
    pub(super) fn get(&self, key: &str) -> Option<String> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
    }

    /// The value of `key`, or an empty string.
    pub(super) fn text(&self, key: &str) -> String {
        self.get(key).unwrap_or_default()
    }

    /// A number in `key`.
    pub(super) fn number<T: std::str::FromStr>(&self, key: &str) -> Option<T> {
        self.get(key).and_then(|v| v.parse().ok())
    }

    /// Whether aliases are on (they are unless `aliases=off`).
    pub(super) fn aliases(&self) -> bool {
        self.get("aliases").as_deref() != Some("off")
    }
}

/// A path with its parameters, `?a=1&b=2`, or the bare path.
pub(super) fn with_params(path: String, params: Vec<String>) -> String {
    if params.is_empty() {
        path
    } else {
        format!("{path}?{}", params.join("&"))
    }
}

pub(super) fn sort_name(sort: LibrarySort) -> &'static str {
    match sort {
        LibrarySort::DateNewest => "newest",
        LibrarySort::DateOldest => "oldest",
        LibrarySort::Title => "title",
        LibrarySort::Length => "length",
    }
}

pub(super) fn sort_from_name(name: &str) -> Option<LibrarySort> {
    Some(match name {
        "newest" => LibrarySort::DateNewest,
        "oldest" => LibrarySort::DateOldest,
        "title" => LibrarySort::Title,
        "length" => LibrarySort::Length,
        _ => return None,
    })
}
