//! Plain-text exports shared by the timeline and comparison views: CSV per RFC 4180.

/// The line ending of exported CSV (RFC 4180 asks for CRLF; spreadsheets accept it).
pub const CSV_EOL: &str = "\r\n";

/// One CSV record: fields joined by commas, quoted when they hold a comma, a quote or a line
/// break, quotes doubled. A field that starts with `=`, `+`, `-` or `@` gets a leading
/// apostrophe so that a spreadsheet shows it as text and never runs it as a formula.
///
/// ```
/// use newsprism_core::export::csv_row;
/// assert_eq!(csv_row(&["a", "b,c", "say \"hi\""]), "a,\"b,c\",\"say \"\"hi\"\"\"");
/// assert_eq!(csv_row(&["=1+1"]), "'=1+1");
/// ```
pub fn csv_row(fields: &[&str]) -> String {
    fields
        .iter()
        .map(|f| {
            let f: std::borrow::Cow<str> = if f.starts_with(['=', '+', '-', '@']) {
                format!("'{f}").into()
            } else {
                (*f).into()
            };
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.into_owned()
            }
        })
        .collect::<Vec<_>>()
        .join(",")
}
