//! Routes to hashes and back, unknown hashes, percent coding, compare scopes.

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
                filter: LibraryFilter::default(),
            },
            "#/?sort=oldest",
        ),
        (
            "#/?sort=title&q=Poetin%20Minsk&source=De%20Morgen&lang=nl&from=2022-10&to=2022-12-19&rough=1",
            Route::Library {
                sort: LibrarySort::Title,
                filter: LibraryFilter {
                    text: "Poetin Minsk".into(),
                    source: Some("De Morgen".into()),
                    language: Some(newsprism_core::Language::Dutch),
                    from: newsprism_core::PartialDate::parse_iso("2022-10"),
                    to: newsprism_core::PartialDate::parse_iso("2022-12-19"),
                    rough_dates: true,
                },
            },
            "#/?sort=title&q=Poetin%20Minsk&source=De%20Morgen&lang=nl&from=2022-10&to=2022-12-19&rough=1",
        ),
        // Unreadable dates and languages are left out, not kept as text.
        (
            "#/?from=2022-13&lang=xx&to=morgen&q=",
            Route::default(),
            "#/",
        ),
        ("#/?sort=bogus", Route::default(), "#/"),
        (
            "#/article/c5a1ee75759d24c3",
            Route::article(id),
            "#/article/c5a1ee75759d24c3",
        ),
        (
            "#/article/c5a1ee75759d24c3?q=Peskov&p=3&o=17",
            Route::Article {
                id,
                focus: Focus {
                    q: Some("Peskov".into()),
                    aliases: true,
                    paragraph: Some(3),
                    offset: Some(17),
                    length: None,
                },
            },
            "#/article/c5a1ee75759d24c3?q=Peskov&p=3&o=17",
        ),
        (
            "#/article/c5a1ee75759d24c3?p=2&o=10&l=40",
            Route::passage(id, 2, 10, 40),
            "#/article/c5a1ee75759d24c3?p=2&o=10&l=40",
        ),
        (
            "#/timeline",
            Route::Timeline(TimelineState::default()),
            "#/timeline",
        ),
        (
            "#/compare",
            Route::Compare(CompareState::default()),
            "#/compare",
        ),
        (
            "#/compare?tab=read&ids=c5a1ee75759d24c3,0000000000000001,bogus&t=8&w=30&speaker=%3Dpeskov",
            Route::Compare(CompareState {
                tab: CompareTab::Read,
                ids: vec![ArticleId(0xc5a1ee75759d24c3), ArticleId(1)],
                threshold: 8,
                window: 30,
                speaker: "=peskov".into(),
                ..CompareState::default()
            }),
            "#/compare?tab=read&ids=c5a1ee75759d24c3,0000000000000001&t=8&w=30&speaker=%3Dpeskov",
        ),
        (
            "#/compare?tab=words&in=Poetin%20Minsk&set=0000000000000002,0000000000000001",
            Route::Compare(CompareState {
                tab: CompareTab::Words,
                within: "Poetin Minsk".into(),
                picked: vec![ArticleId(2), ArticleId(1)],
                ..CompareState::default()
            }),
            "#/compare?tab=words&in=Poetin%20Minsk&set=0000000000000002,0000000000000001",
        ),
        (
            "#/compare?tab=nonsense&t=999",
            Route::Compare(CompareState::default()),
            "#/compare",
        ),
        (
            "#/timeline?q=Poetin&lanes=article&bucket=year&metric=share",
            Route::Timeline(TimelineState {
                q: "Poetin".into(),
                lanes: Lanes::Article,
                bucket: Bucket::Year,
                share: true,
                ..TimelineState::default()
            }),
            "#/timeline?q=Poetin&lanes=article&bucket=year&metric=share",
        ),
        (
            "#/search?q=poetin",
            Route::search("poetin"),
            "#/search?q=poetin",
        ),
        (
            "#/search?q=%22giftige%20mensen%22%20Oekra%C3%AFne&aliases=off&view=kwic&sort=left",
            Route::Search(SearchState {
                q: "\"giftige mensen\" Oekraïne".into(),
                aliases: false,
                tab: SearchTab::Kwic,
                sort: KwicSort::Left,
            }),
            "#/search?q=%22giftige%20mensen%22%20Oekra%C3%AFne&aliases=off&view=kwic&sort=left",
        ),
        ("#/search?q=a+b", Route::search("a b"), "#/search?q=a%20b"),
        ("#/aliases", Route::Aliases, "#/aliases"),
        ("#/events", Route::Events, "#/events"),
        ("#/help", Route::Help, "#/help"),
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

#[test]
fn percent_coding_round_trips_and_tolerates_broken_escapes() {
    for s in [
        "Wit-Rusland",
        "„domme” & 100%",
        "Łukaszenka ~2 (a OR b)",
        "",
    ] {
        assert_eq!(decode(&encode(s)), s);
    }
    assert_eq!(decode("100%"), "100%");
    assert_eq!(decode("%zz%4"), "%zz%4");
    assert_eq!(decode("%C3"), "\u{fffd}");
}

#[test]
fn picked_articles_win_over_a_query_and_an_empty_query_is_everything() {
    let mut c = CompareState::default();
    assert_eq!(c.scope(), Scope::All);
    c.within = "  ".into();
    assert_eq!(c.scope(), Scope::All);
    c.within = " Peskov ".into();
    assert_eq!(c.scope(), Scope::Matching("Peskov".into()));
    c.picked = vec![ArticleId(7)];
    assert_eq!(c.scope(), Scope::Picked(vec![ArticleId(7)]));
    let many: Vec<String> = (0..MAX_PICKED + 5)
        .map(|i| ArticleId(i as u64).to_string())
        .collect();
    let Route::Compare(parsed) = Route::parse(&format!("#/compare?set={}", many.join(","))) else {
        panic!("a compare route");
    };
    assert_eq!(parsed.picked.len(), MAX_PICKED);
}

#[test]
fn every_route_names_its_tab() {
    assert_eq!(Route::parse("#/").title(None), "Library · Newsprism");
    assert_eq!(
        Route::search(" Poetin ").title(None),
        "“Poetin” · Search · Newsprism"
    );
    assert_eq!(Route::search("").title(None), "Search · Newsprism");
    let id = ArticleId(42);
    assert_eq!(Route::article(id).title(Some("Minsk")), "Minsk · Newsprism");
    assert_eq!(Route::article(id).title(None), "Not found · Newsprism");
    assert_eq!(
        Route::parse("#/nergens").title(None),
        "Not found · Newsprism"
    );
}

#[test]
fn an_archive_route_round_trips_and_the_library_hash_opens_one_too() {
    let hash = "#/archive?index=idx%2Fbbc&q=%22prime%20minister%22&aliases=off&a=00000000000000ff";
    let Route::Archive(a) = Route::parse(hash) else {
        panic!("an archive route");
    };
    assert_eq!(a.index, "idx/bbc");
    assert_eq!(a.q, "\"prime minister\"");
    assert!(!a.aliases);
    assert_eq!(a.article, Some(ArticleId(255)));
    assert_eq!(Route::Archive(a.clone()).to_hash(), hash);
    assert_eq!(
        Route::parse(&Route::Archive(a).to_hash()).title(None),
        "“\"prime minister\"” · Archive · Newsprism"
    );
    // The short form from the issue: `#/?index=…`.
    let Route::Archive(short) = Route::parse("#/?index=bbc-index") else {
        panic!("an archive route");
    };
    assert_eq!(short.index, "bbc-index");
    assert!(short.aliases && short.q.is_empty() && short.article.is_none());
    assert_eq!(
        Route::parse("#/archive"),
        Route::NotFound("#/archive".into())
    );
}
