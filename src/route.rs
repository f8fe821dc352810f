//! Hash routes: `#/` (the library) and `#/article/<id>` (the reader).
//!
//! Routing by hash needs no server rewrites, so the app works from any static host, under any
//! sub-path and from `file://`. leptos_router 0.8 has no hash mode (leptos-rs/leptos#2184), so
//! the route is a typed enum parsed here and kept in sync by `browser::hash`.

use newsprism_core::corpus::LibrarySort;
use newsprism_core::ArticleId;

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// The list of articles, in the given order.
    Library {
        /// The order of the list.
        sort: LibrarySort,
    },
    /// One article.
    Article {
        /// Which article.
        id: ArticleId,
    },
    /// A hash that names no page.
    NotFound(String),
}

impl Default for Route {
    fn default() -> Self {
        Route::Library {
            sort: LibrarySort::default(),
        }
    }
}

fn sort_name(sort: LibrarySort) -> &'static str {
    match sort {
        LibrarySort::DateNewest => "newest",
        LibrarySort::DateOldest => "oldest",
        LibrarySort::Title => "title",
        LibrarySort::Length => "length",
    }
}

fn sort_from_name(name: &str) -> Option<LibrarySort> {
    Some(match name {
        "newest" => LibrarySort::DateNewest,
        "oldest" => LibrarySort::DateOldest,
        "title" => LibrarySort::Title,
        "length" => LibrarySort::Length,
        _ => return None,
    })
}

impl Route {
    /// Parses `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        let h = h.strip_prefix('/').unwrap_or(h);
        let (path, query) = h.split_once('?').unwrap_or((h, ""));
        let param = |key: &str| {
            query
                .split('&')
                .filter_map(|kv| kv.split_once('='))
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v)
        };
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] => Route::Library {
                sort: param("sort").and_then(sort_from_name).unwrap_or_default(),
            },
            ["article", id] => match ArticleId::parse(id) {
                Some(id) => Route::Article { id },
                None => Route::NotFound(hash.to_string()),
            },
            _ => Route::NotFound(hash.to_string()),
        }
    }

    /// The hash for this route, starting with `#/`.
    pub fn to_hash(&self) -> String {
        match self {
            Route::Library { sort } if *sort == LibrarySort::default() => "#/".to_string(),
            Route::Library { sort } => format!("#/?sort={}", sort_name(*sort)),
            Route::Article { id } => format!("#/article/{id}"),
            Route::NotFound(h) => h.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_parse_to_routes_and_back() {
        let id = ArticleId(0xc5a1_ee75_759d_24c3);
        let cases = [
            ("", Route::default(), "#/"),
            ("#", Route::default(), "#/"),
            ("#/", Route::default(), "#/"),
            (
                "#/?sort=oldest",
                Route::Library {
                    sort: LibrarySort::DateOldest,
                },
                "#/?sort=oldest",
            ),
            ("#/?sort=bogus", Route::default(), "#/"),
            (
                "#/article/c5a1ee75759d24c3",
                Route::Article { id },
                "#/article/c5a1ee75759d24c3",
            ),
        ];
        for (hash, route, back) in cases {
            assert_eq!(Route::parse(hash), route, "{hash}");
            assert_eq!(route.to_hash(), back);
        }
    }

    #[test]
    fn unknown_hashes_are_not_found() {
        for hash in [
            "#/article/nothex",
            "#/nowhere",
            "#/article/",
            "#/article/c5a1ee75759d24c3/x",
        ] {
            assert!(matches!(Route::parse(hash), Route::NotFound(_)), "{hash}");
        }
    }
}
