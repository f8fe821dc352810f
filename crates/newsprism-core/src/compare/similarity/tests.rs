use super::*;
use crate::time::calendar::span_of;

/// A similarity with every pair given (row-major `n × n` combined scores; cosine and
/// overlap the same).
fn from_matrix(articles: Vec<ArticleId>, combined: &[f32]) -> Similarity {
    let n = articles.len();
    let rows = (0..n)
        .map(|i| {
            (0..n)
                .filter(|&j| j != i)
                .map(|j| {
                    let x = combined[i * n + j];
                    let s = Scores {
                        cosine: x,
                        overlap: x,
                        combined: x,
                    };
                    (j as u32, s)
                })
                .collect()
        })
        .collect();
    Similarity {
        articles,
        rows,
        complete: true,
    }
}

fn period(iso: &str) -> When {
    Some(span_of(
        &crate::article::PartialDate::parse_iso(iso).unwrap(),
    ))
}

#[test]
fn a_window_honours_the_precision_of_dates() {
    let week = DEFAULT_WINDOW_DAYS;
    assert!(within(period("2022-12-19"), period("2022-12-23"), week));
    assert!(!within(period("2022-12-19"), period("2023-01-19"), week));
    // Dates known to the month meet within a week; a year-wide date does not.
    assert!(within(period("2022-12"), period("2022-12-20"), week));
    assert!(!within(period("2003"), period("2003-03-17"), week));
    assert!(within(period("2003"), period("2003-03-17"), 365));
    // An unknown date meets only another unknown one, or any date when any time goes.
    assert!(!within(None, period("2022-12-20"), week));
    assert!(within(None, None, week));
    assert!(within(None, period("2003"), ANY_TIME));
}

#[test]
fn a_chart_keeps_the_articles_with_the_closest_matches() {
    // Four articles: 0 and 2 are near-copies, 1 and 3 match nothing well.
    let scores = [
        [1.0, 0.1, 0.9, 0.0],
        [0.1, 1.0, 0.2, 0.05],
        [0.9, 0.2, 1.0, 0.1],
        [0.0, 0.05, 0.1, 1.0],
    ];
    let combined: Vec<f32> = scores.iter().flatten().copied().collect();
    let s = from_matrix((1..=4).map(ArticleId).collect(), &combined);
    assert_eq!(s.most_connected(10), [0, 1, 2, 3]);
    assert_eq!(s.most_connected(2), [0, 2]);
    assert_eq!(s.most_connected(3), [0, 1, 2]);
    assert_eq!(s.closest(1, &[0, 1, 2]), Some((2, 0.2)));
    assert_eq!(s.closest(1, &[1]), None);
}

#[test]
fn links_cannot_chain_a_story_across_the_window() {
    // Three near-identical texts: the first and last three weeks apart, the middle one
    // within a week of each. Linked pairwise they would be one group.
    let s = from_matrix(vec![ArticleId(1), ArticleId(2), ArticleId(3)], &[1.0; 9]);
    let when = [
        period("2022-12-01"),
        period("2022-12-07"),
        period("2022-12-13"),
    ];
    let groups = s.groups(0.5, DEFAULT_WINDOW_DAYS, &when);
    assert_eq!(groups.len(), 2, "{groups:?}");
    assert!(groups.iter().all(|g| g.len() <= 2));
    assert_eq!(s.groups(0.5, 14, &when), [vec![0, 1, 2]]);
}
