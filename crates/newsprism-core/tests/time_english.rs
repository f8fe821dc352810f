//! English temporal expressions, in sentences taken verbatim from the BBC corpus
//! (../shared/corpora/bbc, 2004–05; file named beside each case). The corpus gives no
//! publication dates, so each case is resolved against a stated day: Wednesday 16 February 2005.

use newsprism_core::time::calendar::day_of;
use newsprism_core::time::expressions::extract;
use newsprism_core::time::resolve::resolve;

/// (expression, value) expected in order.
type Expected = &'static [(&'static str, &'static str)];

/// (source file, sentence, what must be found in it).
const CASES: &[(&str, &str, Expected)] = &[
    (
        "business/229.txt",
        "Shares in Manchester United closed up 4.75% on Monday following a new offer from US tycoon Malcolm Glazer.",
        &[("Monday", "2005-02-14")],
    ),
    (
        "business/214.txt",
        "Mr Raines, head of the Office of Management and Budget under President Clinton, has taken early retirement while Mr Howard has also stepped down, the company said on Tuesday.",
        &[("Tuesday", "2005-02-15")],
    ),
    (
        "business/214.txt",
        "As a result, it could be forced to restate $9bn in earnings over the past four years, effectively wiping out a third of the company's profits since 2001.",
        // TimeML leaves "since" out of the expression (issue 16); the value keeps it.
        &[("the past four years", "2001..2005"), ("2001", "since 2001")],
    ),
    (
        "business/214.txt",
        "Freddie Mac, the country's other largest mortgage firm, was forced to restate its earnings by $4.4bn last year and pay a $125m fine after an investigation of its books.",
        &[("last year", "2004")],
    ),
    (
        "business/257.txt",
        "Optimism is at its highest since 1997 and business will reap the benefits of a continuing rise in public spending, say researchers at BDO Stoy Hayward.",
        &[("1997", "since 1997")],
    ),
    (
        "business/257.txt",
        "The Bank of England is expected to keep rates on hold this week - but they could go up later in the year.",
        &[("this week", "2005-W07")],
    ),
    (
        "business/257.txt",
        "Rates are likely to rise after the anticipated general election in May.",
        &[("May", "2005-05")],
    ),
    (
        "business/257.txt",
        "The BDO optimism index - a leading indicator of GDP growth two quarters ahead edged up in January to 102.5, from 102.2 in October.",
        &[("January", "2005-01"), ("October", "2004-10")],
    ),
    (
        "business/304.txt",
        "Earlier this month the firm said it earned $10m (£19.2m) in the third quarter, down from a profit of $133m a year ago.",
        &[
            ("Earlier this month", "2005-02-01..2005-02-16"),
            // Quarters are read (issue 16): the last third quarter before the stated day.
            ("the third quarter", "2004-Q3"),
            // "N years ago" is a year, not a month (issue 16).
            ("a year ago", "2004"),
        ],
    ),
    (
        "business/326.txt",
        "He said he had received more than 40 business proposals, mostly aviation-related, since the trio announced their resignations two months ago.",
        &[("two months ago", "2004-12")],
    ),
    (
        "business/445.txt",
        "Eighteen months ago Reckitt Benckiser was at the centre of a rumoured takeover bid for SSL - but that came to nothing.",
        &[("Eighteen months ago", "2003-08")],
    ),
    (
        "business/364.txt",
        "Inflation fell below 10% earlier this year for the first time in decades while exports are up 30% this year.",
        &[
            ("earlier this year", "2005-01-01..2005-02-16"),
            ("this year", "2005"),
        ],
    ),
    (
        "business/240.txt",
        "Separately, the IMF warned on Thursday that India's budget deficit was too large and would hamper the country's economic growth, which it forecast to be around 6.5% in the year to March 2005.",
        &[("Thursday", "2005-02-10"), ("March 2005", "2005-03")],
    ),
];

#[test]
fn bbc_sentences_resolve_against_a_stated_day() {
    let day = day_of(2005, 2, 16);
    let mut failures = Vec::new();
    for (file, sentence, want) in CASES {
        let got: Vec<(String, String)> = extract(sentence)
            .into_iter()
            .map(|e| {
                let value = resolve(&e, Some(day..=day)).map_or("-".into(), |r| r.value);
                (sentence[e.range].to_string(), value)
            })
            .collect();
        let want: Vec<(String, String)> = want
            .iter()
            .map(|(t, v)| (t.to_string(), v.to_string()))
            .collect();
        if got != want {
            failures.push(format!(
                "{file}: {sentence}\n  want {want:?}\n  got  {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
