//! The `boomerang` binary over JSON Lines, run as a user would run it.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn boomerang(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_boomerang"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    // Write from another thread so a large output cannot deadlock against a full stdin pipe.
    let mut pipe = child.stdin.take().unwrap();
    let input = stdin.to_string();
    let writer = std::thread::spawn(move || {
        let _ = pipe.write_all(input.as_bytes());
    });
    let out = child.wait_with_output().expect("the binary finishes");
    writer.join().unwrap();
    out
}

fn lines(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("UTF-8 output")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}")))
        .collect()
}

fn code(out: &Output) -> i32 {
    out.status.code().expect("exited normally")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A file in a fresh temporary directory, removed with the directory when the test ends.
struct TempFile {
    dir: PathBuf,
    path: PathBuf,
}

impl TempFile {
    fn new(name: &str, content: &str) -> TempFile {
        let dir = std::env::temp_dir().join(format!(
            "boomerang-cli-{}-{}",
            std::process::id(),
            name.replace('.', "-")
        ));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        TempFile { dir, path }
    }

    fn path(&self) -> &str {
        self.path.to_str().unwrap()
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

#[test]
fn every_command_answers_with_its_contract_shape_and_echoes_the_id() {
    let cases: [(&str, &str, &[&str]); 5] = [
        ("check", r#"{"id":1,"text":"Thanks for waiting, it ships today."}"#, &["issues"]),
        ("classify", r#"{"id":"m-1","text":"@ShopCo where is my parcel?"}"#, &["intent", "urgent", "sentiment"]),
        ("suggest", r#"{"id":2.5,"text":"hello!","author_name":"Sam","platform":"x"}"#, &["intent", "suggestions"]),
        ("follow", r#"{"id":[1,2],"handle":"ana","name":"Ana","bio":"Writer","followers":400,"following":380,"posts":5000,"account_age_days":2700,"default_avatar":false,"verified":false,"interacted":false}"#, &["decision", "score", "reasons", "welcome"]),
        ("clock", r#"{"id":{"k":"v"},"posted_at_ms":0,"now_ms":600000,"intent":"complaint"}"#, &["status", "waited_minutes", "due_at_ms", "minutes_left", "label"]),
    ];
    for (command, line, keys) in cases {
        let out = boomerang(&[command], &format!("{line}\n"));
        assert_eq!(code(&out), 0, "{command}: {}", stderr(&out));
        let got = lines(&out);
        assert_eq!(got.len(), 1, "{command}");
        let sent: Value = serde_json::from_str(line).unwrap();
        assert_eq!(got[0]["id"], sent["id"], "{command} echoes the id as given");
        for key in keys {
            assert!(got[0].get(key).is_some(), "{command} answers with {key}: {}", got[0]);
        }
        assert!(got[0].get("error").is_none(), "{command}: {}", got[0]);
        // The id comes first, so a person reading the stream sees which line is which.
        let raw = String::from_utf8(out.stdout.clone()).unwrap();
        assert!(raw.starts_with("{\"id\":"), "{command}: {raw}");
    }
}

#[test]
fn bad_lines_get_an_error_in_place_and_the_run_goes_on() {
    let input = [
        r#"{"id":1,"text":"first"}"#,
        r#"{"id":2,"text":"unfinished"#,
        r#"{"id":"three","text":5}"#,
        r#"{"id":4}"#,
        r#"{"id":5,"text":"hi","colour":"red"}"#,
        r#"["not","an","object"]"#,
        "plain words",
        r#"{"id":8,"text":"last"}"#,
    ]
    .join("\n");
    let out = boomerang(&["classify"], &input);
    assert_eq!(code(&out), 1, "a failed line makes the exit status 1");
    let got = lines(&out);
    assert_eq!(got.len(), 8, "one answer per line, in order");
    let ids: Vec<Value> = got.iter().map(|v| v["id"].clone()).collect();
    assert_eq!(
        ids,
        [
            Value::from(1),
            Value::from(2),
            Value::from("three"),
            Value::from(4),
            Value::from(5),
            Value::Null,
            Value::Null,
            Value::from(8)
        ]
    );
    let errors: Vec<&str> = got.iter().map(|v| v["error"].as_str().unwrap_or("")).collect();
    assert_eq!(errors[0], "");
    assert!(errors[1].starts_with("invalid JSON"), "{}", errors[1]);
    assert!(errors[2].contains("text") && errors[2].contains("expected a string"), "{}", errors[2]);
    assert!(errors[3].contains("missing field `text`"), "{}", errors[3]);
    assert!(errors[4].contains("unknown field `colour`"), "{}", errors[4]);
    assert!(errors[5].contains("object"), "{}", errors[5]);
    assert!(errors[6].starts_with("invalid JSON"), "{}", errors[6]);
    assert_eq!(errors[7], "");
    assert!(got[7]["intent"].is_string());
}

#[test]
fn blank_lines_are_skipped_and_crlf_is_accepted() {
    let out = boomerang(&["classify"], "\n{\"id\":1,\"text\":\"a\"}\r\n   \n\r\n{\"id\":2,\"text\":\"b\"}");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let ids: Vec<Value> = lines(&out).iter().map(|v| v["id"].clone()).collect();
    assert_eq!(ids, [Value::from(1), Value::from(2)]);
}

#[test]
fn order_is_kept_over_many_lines() {
    let input: String = (0..5000).map(|i| format!("{{\"id\":{i},\"text\":\"message number {i}\"}}\n")).collect();
    let out = boomerang(&["check"], &input);
    assert_eq!(code(&out), 0);
    let got = lines(&out);
    assert_eq!(got.len(), 5000);
    for (i, v) in got.iter().enumerate() {
        assert_eq!(v["id"], Value::from(i), "line {i}");
    }
}

#[test]
fn lone_surrogates_from_javascript_are_read_not_refused() {
    let out = boomerang(&["check"], "{\"id\":1,\"text\":\"broken \\ud800 half\"}\n");
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stdout));
    assert!(lines(&out)[0]["issues"].is_array());
}

#[test]
fn input_can_come_from_a_file() {
    let file = TempFile::new("in.jsonl", "{\"id\":\"f1\",\"text\":\"hello\"}\n");
    let out = boomerang(&["classify", file.path()], "");
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    assert_eq!(lines(&out)[0]["id"], "f1");

    let out = boomerang(&["classify", "/no/such/file.jsonl"], "");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("/no/such/file.jsonl"), "{}", stderr(&out));
}

#[test]
fn warnings_turned_off_in_the_settings_are_not_reported() {
    let line = "{\"id\":1,\"text\":\"Sorry you feel that way. That's not our fault.\"}\n";
    let kinds = |out: &std::process::Output| -> Vec<String> {
        lines(out)[0]["issues"].as_array().unwrap().iter().map(|i| i["kind"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(kinds(&boomerang(&["check"], line)), ["deflection", "deflection"]);
    let settings = TempFile::new("muted.json", r#"{"version":1,"muted":["sorry you feel that way"]}"#);
    let out = boomerang(&["check", "--settings", settings.path()], line);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let issues = &lines(&out)[0]["issues"];
    assert_eq!(issues.as_array().unwrap().len(), 1, "only \"not our fault\" is left: {issues}");
    assert_eq!(issues[0]["start"], "Sorry you feel that way. That's ".len());
}

#[test]
fn good_settings_file_is_used() {
    let settings = TempFile::new(
        "good.json",
        r#"{"version":1,"initials":"JS","response_targets":{"complaint_minutes":15}}"#,
    );
    let line = "{\"id\":1,\"posted_at_ms\":0,\"now_ms\":600000,\"intent\":\"complaint\"}\n";
    let out = boomerang(&["clock", "--settings", settings.path()], line);
    assert_eq!(code(&out), 0, "{}", stderr(&out));
    let got = &lines(&out)[0];
    assert_eq!(got["due_at_ms"], 15 * 60_000, "the settings' 15-minute target: {got}");
    assert_eq!(got["minutes_left"], 5, "10 minutes in, 15 allowed: {got}");
    let got = &lines(&boomerang(&[&format!("--settings={}", settings.path()), "clock"], line))[0];
    assert_eq!(got["due_at_ms"], 15 * 60_000);
    let default = &lines(&boomerang(&["clock"], line))[0];
    assert_eq!(default["due_at_ms"], 60 * 60_000, "without settings, the one-hour default");
    assert_eq!(default["status"], "ok");
}

#[test]
fn bad_settings_file_names_the_field_and_processes_nothing() {
    let settings = TempFile::new("bad.json", r#"{"version":1,"business_hours":{"start":"9am"}}"#);
    let out = boomerang(&["classify", "--settings", settings.path()], "{\"id\":1,\"text\":\"hi\"}\n");
    assert_eq!(code(&out), 2);
    assert!(out.stdout.is_empty(), "nothing processed");
    assert!(stderr(&out).contains("business_hours.start"), "{}", stderr(&out));

    let out = boomerang(&["classify", "--settings", "/no/such/settings.json"], "");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("/no/such/settings.json"));
}

#[test]
fn help_documents_every_command_with_examples() {
    for flag in ["--help", "-h", "help"] {
        let out = boomerang(&[flag], "");
        assert_eq!(code(&out), 0);
        let text = String::from_utf8(out.stdout).unwrap();
        for word in ["check", "classify", "suggest", "follow", "clock", "--settings", "EXAMPLES", "\"id\""] {
            assert!(text.contains(word), "{flag} mentions {word}");
        }
    }
}

#[test]
fn unknown_command_or_none_is_a_usage_error() {
    let out = boomerang(&["chek"], "");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("unknown command \"chek\""));
    assert!(stderr(&out).contains("--help"));
    let out = boomerang(&[], "");
    assert_eq!(code(&out), 2);
    assert!(stderr(&out).contains("Usage"));
}
