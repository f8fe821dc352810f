//! Plain-text exports shared by the timeline and comparison views: CSV per RFC 4180, and the
//! formats a file can be exported in.

/// The formats Newsprism exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportFormat {
    /// Comma-separated values, for spreadsheets.
    Csv,
    /// JSON, for scripts.
    Json,
    /// An SVG drawing (a chart).
    Svg,
    /// TimeML, XML with the time expressions marked as TIMEX3.
    TimeMl,
}

impl ExportFormat {
    /// The file name extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "csv",
            ExportFormat::Json => "json",
            ExportFormat::Svg => "svg",
            ExportFormat::TimeMl => "tml",
        }
    }

    /// The MIME type of the file.
    pub fn mime(self) -> &'static str {
        match self {
            ExportFormat::Csv => "text/csv;charset=utf-8",
            ExportFormat::Json => "application/json",
            ExportFormat::Svg => "image/svg+xml",
            ExportFormat::TimeMl => "application/xml",
        }
    }

    /// The file's contents: CSV starts with a UTF-8 byte-order mark, without which
    /// spreadsheet programs read "Oekraïne" as "OekraÃ¯ne".
    ///
    /// ```
    /// use newsprism_core::export::ExportFormat;
    /// assert_eq!(ExportFormat::Csv.file_text("a,b"), "\u{feff}a,b");
    /// assert_eq!(ExportFormat::Json.file_text("[]"), "[]");
    /// ```
    pub fn file_text(self, text: &str) -> String {
        match self {
            ExportFormat::Csv if !text.starts_with('\u{feff}') => format!("\u{feff}{text}"),
            _ => text.to_string(),
        }
    }
}

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
