//! `newsprism analyze` on the seeds and on bad input: the records' shape and values, offsets that
//! point at the words, errors that name the file, and the exit codes the README documents.

use std::path::PathBuf;
use std::process::{Command, Output};

use serde_json::Value;

fn seeds() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../seeds")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_newsprism"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn records(out: &Output) -> Vec<Value> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON record per line"))
        .collect()
}

fn by_file<'a>(records: &'a [Value], name: &str) -> &'a Value {
    records
        .iter()
        .find(|r| r["file"].as_str().is_some_and(|f| f.contains(name)))
        .unwrap_or_else(|| panic!("a record for {name}"))
}

#[test]
fn the_seeds_analysed_as_jsonl() {
    let dir = seeds();
    let out = run(&["analyze", dir.to_str().unwrap(), "--format", "jsonl"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let records = records(&out);
    assert_eq!(records.len(), 5);
    for r in &records {
        assert_eq!(r["schema"], 1);
        assert_eq!(r["language"], "nl");
        // Every offset points at the item's own words, counted in characters.
        let text: Vec<char> = r["text"].as_str().unwrap().chars().collect();
        for list in ["times", "quotes", "quantities", "names"] {
            for item in r[list].as_array().unwrap() {
                let (s, e) = (
                    item["start"].as_u64().unwrap() as usize,
                    item["end"].as_u64().unwrap() as usize,
                );
                let slice: String = text[s..e].iter().collect();
                assert_eq!(
                    slice,
                    item["text"].as_str().unwrap(),
                    "{list} in {}",
                    r["file"]
                );
            }
        }
    }
    // The header's month, with its precision and provenance.
    let first = by_file(&records, "000_");
    assert_eq!(first["date"]["value"], "2022-12");
    assert_eq!(first["date"]["precision"], "month");
    assert_eq!(first["date"]["provenance"], "header");
    // The undated one: a window from its text instead.
    let undated = by_file(&records, "003_");
    assert!(undated["date"].is_null());
    assert!(undated["inferred_date"]["earliest"]
        .as_str()
        .unwrap()
        .starts_with("2022"));
    // A hedged distance keeps its hedge.
    let second = by_file(&records, "001_");
    let ago = second["times"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["text"] == "bijna een jaar geleden")
        .expect("'bijna een jaar geleden'");
    assert_eq!(ago["type"], "DATE");
    assert!(ago["modifiers"]
        .as_array()
        .unwrap()
        .contains(&Value::from("APPROX")));
    assert_eq!(ago["tense"], "past");
    // Loekasjenko quoted, Poetin named across spellings, the troop numbers that disagree.
    assert!(second["quotes"]
        .as_array()
        .unwrap()
        .iter()
        .any(|q| q["speaker_key"] == "=loekasjenko" && q["kind"] == "quotation"));
    assert!(second["names"]
        .as_array()
        .unwrap()
        .iter()
        .any(|n| n["text"] == "Vladimir Poetin"
            && n["kind"] == "person"
            && n["entity"] == "=poetin"));
    let troops = second["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["text"] == "10.000 tot 15.000 soldaten")
        .expect("the troop figure");
    assert_eq!(troops["low"], 10000.0);
    assert_eq!(troops["high"], 15000.0);
    assert_eq!(troops["conflicts"], true);
    // A quotation cluster joins renderings in more than one article.
    let clustered: Vec<&Value> = records
        .iter()
        .filter(|r| {
            r["quotes"]
                .as_array()
                .unwrap()
                .iter()
                .any(|q| q["cluster"] == 0)
        })
        .collect();
    assert!(clustered.len() >= 2);
}

#[test]
fn one_json_array_by_default() {
    let file = seeds().join("001_3e918a7f038292b0.txt");
    let out = run(&["analyze", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let all: Value = serde_json::from_slice(&out.stdout).expect("one JSON document");
    assert_eq!(all.as_array().unwrap().len(), 1);
    assert_eq!(all[0]["file"], "001_3e918a7f038292b0.txt");
}

#[test]
fn bad_files_are_named_and_the_rest_is_printed() {
    let dir = std::env::temp_dir().join(format!("newsprism-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(
        seeds().join("002_2cbdb47d99497912.txt"),
        dir.join("good.txt"),
    )
    .unwrap();
    std::fs::write(dir.join("scan.pdf"), b"%PDF-1.7\n\x00\x01\x02binary").unwrap();
    std::fs::write(dir.join("leeg.txt"), b"").unwrap();
    let out = run(&["analyze", dir.to_str().unwrap(), "--format", "jsonl"]);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("scan.pdf"), "{stderr}");
    assert!(stderr.contains("leeg.txt"), "{stderr}");
    assert_eq!(records(&out).len(), 1);
}

#[test]
fn usage_errors_and_missing_files_exit_with_2() {
    assert_eq!(run(&[]).status.code(), Some(2));
    assert_eq!(run(&["analyze"]).status.code(), Some(2));
    assert_eq!(
        run(&["analyze", "--format", "xml", "x"]).status.code(),
        Some(2)
    );
    let out = run(&["analyze", "/nonexistent/newsprism"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/newsprism"));
}

#[test]
fn a_project_file_brings_the_apps_named_events() {
    let dir = std::env::temp_dir().join(format!("newsprism-cli-events-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let article = dir.join("myanmar.txt");
    std::fs::write(
        &article,
        " date 2021-06-10 Sinds de staatsgreep in Myanmar zijn duizenden mensen opgepakt.",
    )
    .unwrap();
    let project = dir.join("project.json");
    std::fs::write(
        &project,
        r#"{"format":"newsprism-project","version":1,"state":{"events":[{"label":"the coup in Myanmar","date":"2021-02-01","phrases":["de staatsgreep in Myanmar"]}]},"articles":[]}"#,
    )
    .unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{not json").unwrap();
    let path = article.to_str().unwrap();
    let without = run(&["analyze", path, "--format", "jsonl"]);
    let with = run(&[
        "analyze",
        path,
        "--format",
        "jsonl",
        "--project",
        project.to_str().unwrap(),
    ]);
    let bad = run(&["analyze", path, "--project", broken.to_str().unwrap()]);
    let _ = std::fs::remove_dir_all(&dir);
    let named = |out: &Output| -> Vec<String> {
        records(out)[0]["times"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|t| t["named_event"].as_str().map(str::to_string))
            .collect()
    };
    assert!(named(&without).is_empty());
    assert_eq!(
        with.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&with.stderr)
    );
    assert_eq!(named(&with), ["the coup in Myanmar, 2021-02-01"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("broken.json"));
}
