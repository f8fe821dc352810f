//! The folder a browser writes beside a page saved "complete" (`Page.html` + `Page_files/`, or a
//! localised name such as `Page_bestanden/`, `Page-Dateien/`): its images, styles and scripts
//! are not articles, so a batch that holds the page leaves them out.

/// Suffixes browsers give the folder of a page saved complete, by language.
const FOLDER_SUFFIXES: &[&str] = &[
    "_files",
    "-files",
    "_bestanden",
    "-Dateien",
    "_fichiers",
    "_archivos",
    "_arquivos",
    "_file",
    "-filer",
];

/// Page extensions whose companion folder is left out.
const PAGE_EXTENSIONS: &[&str] = &["html", "htm", "xhtml", "shtml", "mhtml", "mht"];

/// For each file of a batch (by its path, "folder/Page_files/a.css"), whether it sits in the
/// companion folder of a page that is also in the batch.
///
/// ```
/// use newsprism_core::ingest::companions::page_companions;
/// let names = ["Brug.html", "Brug_files/logo.png", "Brug_files/app.js", "Other_files/x.css"];
/// assert_eq!(page_companions(&names), [false, true, true, false]);
/// ```
pub fn page_companions(names: &[&str]) -> Vec<bool> {
    let pages: std::collections::HashSet<String> = names
        .iter()
        .filter_map(|n| {
            let (stem, ext) = n.rsplit_once('.')?;
            PAGE_EXTENSIONS
                .iter()
                .any(|e| e.eq_ignore_ascii_case(ext))
                .then(|| stem.to_string())
        })
        .collect();
    names
        .iter()
        .map(|name| {
            let parts: Vec<&str> = name.split('/').collect();
            let folders = &parts[..parts.len() - 1];
            let mut prefix = String::new();
            for part in folders {
                let folder_of_page = FOLDER_SUFFIXES.iter().any(|suffix| {
                    part.strip_suffix(suffix)
                        .is_some_and(|stem| pages.contains(&format!("{prefix}{stem}")))
                });
                if folder_of_page {
                    return true;
                }
                prefix.push_str(part);
                prefix.push('/');
            }
            false
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_of_pages_in_the_batch_are_left_out_at_any_depth() {
        let names = [
            "krant/Brug dicht.html",
            "krant/Brug dicht_files/style.css",
            "krant/Brug dicht_files/sub/img.png",
            "krant/Andere_bestanden/a.js",
            "krant/Andere.htm",
            "Brug dicht_files/elders.css",
            "notes_files.txt",
        ];
        assert_eq!(
            page_companions(&names),
            [false, true, true, true, false, false, false]
        );
    }
}
