//! `boomerang`: the engine over JSON Lines, for scripting, evaluation and benchmarks.
//!
//! One JSON object in per line, one out per line, in order, echoing `"id"`. A bad line gets an
//! `{"id":…,"error":"…"}` object in its place and the run goes on; the exit status says whether
//! any line failed. The contract is in DESIGN.md, "Contracts the tests rely on".

use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;

use boomerang::engine::json::{self, FromJson, Json, ToJson};
use boomerang::engine::{
    CheckRequest, ClassifyRequest, ClockRequest, Engine, Follower, Settings, SuggestRequest,
};

const HELP: &str = r#"boomerang: Boomerang's engine on JSON Lines (nothing leaves the machine)

USAGE
    boomerang <COMMAND> [--settings FILE] [FILE]
    boomerang --help

Reads one JSON object per line from FILE (or stdin when FILE is absent or "-") and writes one
JSON object per line to stdout, in the same order, each echoing the input's "id" (any JSON
value; null when the line has none). Blank lines are skipped. A bad line (invalid JSON, a missing or unknown field, a wrong
type) gets {"id":…,"error":"…"} on its line and the run goes on.

COMMANDS
    check      Tone warnings on an agent's draft reply.
               in:  {"id","text","in_reply_to"?,"platform"?,"private"?,"typing"?}
               out: {"id","issues":[{"kind","severity","start","end","message","rewrite"?}]}
               kind: blame deflection hostile private_info shouting no_signature no_empathy
               over_limit; start/end count UTF-16 code units (as the DOM does).
    classify   Intent, urgency and sentiment of an inbound message.
               in:  {"id","text"}
               out: {"id","intent","urgent","sentiment"}
               intent: complaint question praise greeting spam other; sentiment in [-1, 1].
    suggest    One to three ready replies to an inbound message.
               in:  {"id","text","author_name"?,"author_handle"?,"platform"?,"private"?}
               out: {"id","intent","suggestions":[{"label","text"}]}
    follow     Whether to follow a new follower back, why, and a welcome to send by hand.
               in:  {"id","handle","name"?,"bio"?,"followers"?,"following"?,"posts"?,
                     "account_age_days"?,"default_avatar"?,"verified"?,"interacted"?,"platform"?,
                     "liked_page"?}
               out: {"id","decision","score","reasons","welcome"?}
               decision: follow_back review skip; score from 0 (spam) to 1 (a real person).
    clock      How long a mention has waited and when it is due.
               in:  {"id","posted_at_ms","now_ms","intent"?,"utc_offset_minutes"?,"answered"?}
               out: {"id","status","waited_minutes","due_at_ms","minutes_left","label"}
               status: ok due_soon overdue answered.
    help       This text (also -h, --help).

    platform is "x" or "facebook"; private is true in a DM or inbox conversation (details
    are asked for there, not moved to a DM); typing is true while the agent is mid-draft
    (no_signature waits for a pause, no_empathy for the first full sentence). Fields marked ?
    may be left out.

OPTIONS
    --settings FILE   The agent's settings as JSON (as exported from the extension's options
                      page; missing fields take their defaults). A bad file stops the run
                      before any line is read, with the field named.

EXIT STATUS
    0  every line answered    1  some line had an error    2  bad usage, settings or input file

EXAMPLES
    $ echo '{"id":1,"text":"That is not our fault."}' | boomerang check
    {"id":1,"issues":[{"kind":"deflection","severity":"high","start":8,"end":21,...}]}

    $ echo '{"id":"a","text":"@ShopCo my parcel never arrived"}' | boomerang classify
    {"id":"a","intent":"complaint","urgent":false,"sentiment":-0.5}

    $ boomerang suggest --settings my-settings.json inbound.jsonl > replies.jsonl

    $ echo '{"id":7,"handle":"user9928371","followers":2,"following":3100}' | boomerang follow

    $ echo '{"id":1,"posted_at_ms":0,"now_ms":720000,"intent":"complaint"}' | boomerang clock
"#;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Command {
    Check,
    Classify,
    Suggest,
    Follow,
    Clock,
}

impl Command {
    fn parse(s: &str) -> Option<Command> {
        Some(match s {
            "check" => Command::Check,
            "classify" => Command::Classify,
            "suggest" => Command::Suggest,
            "follow" => Command::Follow,
            "clock" => Command::Clock,
            _ => return None,
        })
    }
}

/// What the command line asked for.
#[derive(Debug, Default)]
struct Args {
    command: Option<Command>,
    settings: Option<String>,
    input: Option<String>,
    help: bool,
}

fn parse_args(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut out = Args::default();
    let mut args = args.into_iter();
    let mut positional = Vec::new();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => out.help = true,
            "--settings" => {
                let file = args.next().ok_or("--settings needs a FILE")?;
                out.settings = Some(file);
            }
            _ if arg.starts_with("--settings=") => {
                out.settings = Some(arg["--settings=".len()..].to_string());
            }
            "-" => positional.push(arg),
            _ if arg.starts_with('-') => {
                return Err(format!("unknown option {arg}"));
            }
            _ => positional.push(arg),
        }
    }
    if out.help || positional.first().is_some_and(|c| c == "help") {
        out.help = true;
        return Ok(out);
    }
    let mut positional = positional.into_iter();
    let Some(command) = positional.next() else {
        return Err("no command given".into());
    };
    out.command = Some(Command::parse(&command).ok_or_else(|| {
        format!("unknown command {command:?} (expected check, classify, suggest, follow or clock)")
    })?);
    out.input = positional.next().filter(|f| f != "-");
    if let Some(extra) = positional.next() {
        return Err(format!("unexpected argument {extra:?} (one input FILE at most)"));
    }
    Ok(out)
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("boomerang: {message}\nUsage: boomerang <check|classify|suggest|follow|clock> [--settings FILE] [FILE]\nRun `boomerang --help` for inputs, outputs and examples.");
            return ExitCode::from(2);
        }
    };
    if args.help {
        print!("{HELP}");
        return ExitCode::SUCCESS;
    }
    let Some(command) = args.command else { return ExitCode::from(2) };
    let settings = match &args.settings {
        None => Settings::default(),
        Some(path) => match read_settings(path) {
            Ok(s) => s,
            Err(message) => {
                eprintln!("boomerang: {message}");
                return ExitCode::from(2);
            }
        },
    };
    let input: Box<dyn Read> = match &args.input {
        None => Box::new(io::stdin().lock()),
        Some(path) => match File::open(path) {
            Ok(f) => Box::new(f),
            Err(e) => {
                eprintln!("boomerang: cannot read {path}: {e}");
                return ExitCode::from(2);
            }
        },
    };
    let engine = Engine::new(settings);
    let stdout = io::stdout().lock();
    match run(command, &engine, BufReader::with_capacity(1 << 16, input), BufWriter::with_capacity(1 << 16, stdout)) {
        Ok(0) => ExitCode::SUCCESS,
        Ok(_) => ExitCode::from(1),
        // A closed pipe (`| head`) is the reader's choice, not a failure.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("boomerang: {e}");
            ExitCode::from(2)
        }
    }
}

fn read_settings(path: &str) -> Result<Settings, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read settings {path}: {e}"))?;
    Settings::from_json(&text).map_err(|e| format!("settings {path}: {e}"))
}

/// Answers every line of `input`; returns how many lines failed.
fn run(command: Command, engine: &Engine, mut input: impl BufRead, mut out: impl Write) -> io::Result<usize> {
    let mut failed = 0;
    let mut line = Vec::new();
    let mut reply = Vec::new();
    loop {
        line.clear();
        if input.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\n', '\r']);
        if text.trim().is_empty() {
            continue;
        }
        reply.clear();
        // The engine promises never to panic; if it breaks that promise on one line, the other
        // lines still get their answers.
        let answered = panic::catch_unwind(AssertUnwindSafe(|| answer(command, engine, text, &mut reply)))
            .unwrap_or_else(|_| {
                Err(LineError {
                    id: recover_id(text).unwrap_or(Json::Null),
                    message: "internal error in the engine on this line (a bug; please report it)".into(),
                })
            });
        if let Err(err) = answered {
            failed += 1;
            reply.clear();
            write_error(&mut reply, &err.id, &err.message);
        }
        reply.push(b'\n');
        out.write_all(&reply)?;
    }
    out.flush()?;
    Ok(failed)
}

struct LineError {
    id: Json,
    message: String,
}

/// Writes the answer to one line into `reply` (without the newline).
fn answer(command: Command, engine: &Engine, line: &str, reply: &mut Vec<u8>) -> Result<(), LineError> {
    // A lone surrogate escape (JSON.stringify writes one for a string cut mid-character)
    // reads as U+FFFD: one UTF-16 unit, like the surrogate, so offsets still hold.
    let value = json::parse(line)
        .map_err(|e| LineError { id: recover_id(line).unwrap_or(Json::Null), message: format!("invalid JSON: {e}") })?;
    let Json::Object(mut fields) = value else {
        return Err(LineError { id: Json::Null, message: "expected a JSON object".into() });
    };
    let id = match fields.iter().position(|(k, _)| k == "id") {
        Some(at) => fields.remove(at).1,
        None => Json::Null,
    };
    let request = Json::Object(fields);
    let body = match command {
        Command::Check => CheckRequest::from_json(&request).map(|r| engine.check(&r).to_json()),
        Command::Classify => ClassifyRequest::from_json(&request).map(|r| engine.classify(&r).to_json()),
        Command::Suggest => SuggestRequest::from_json(&request).map(|r| engine.suggest(&r).to_json()),
        Command::Follow => Follower::from_json(&request).map(|r| engine.follow(&r).to_json()),
        Command::Clock => ClockRequest::from_json(&request).map(|r| engine.clock(&r).to_json()),
    };
    // Errors name the field: `text: invalid type: integer `5`, expected a string`.
    let body = body.map_err(|e| LineError { id: id.clone(), message: e.to_string() })?;
    write_reply(reply, id, body);
    Ok(())
}

/// `{"id":…,` then the response's own fields, in the engine's order.
fn write_reply(reply: &mut Vec<u8>, id: Json, body: Json) {
    let mut fields = vec![("id".to_string(), id)];
    match body {
        Json::Object(body) => fields.extend(body),
        other => fields.push(("result".into(), other)),
    }
    reply.extend_from_slice(Json::Object(fields).to_text().as_bytes());
}

fn write_error(reply: &mut Vec<u8>, id: &Json, message: &str) {
    write_reply(reply, id.clone(), Json::Object(vec![("error".into(), message.to_json())]));
}

/// The `"id"` of a line that is not valid JSON, when the broken part comes after it: scans the
/// top level of the object for an `"id"` key and reads the one value that follows.
fn recover_id(line: &str) -> Option<Json> {
    let bytes = line.as_bytes();
    let mut depth = 0usize;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let end = string_end(bytes, i)?;
                if depth == 1 && &bytes[i..=end] == b"\"id\"" {
                    let rest = line[end + 1..].trim_start().strip_prefix(':')?;
                    return match json::parse_first(rest) {
                        Ok((v @ (Json::Null | Json::Bool(_) | Json::Number(_) | Json::String(_)), _)) => Some(v),
                        _ => None,
                    };
                }
                i = end;
            }
            b'{' | b'[' => depth += 1,
            b'}' | b']' => depth = depth.saturating_sub(1),
            _ => {}
        }
        i += 1;
    }
    None
}

/// Index of the quote closing the string that opens at `start`.
fn string_end(bytes: &[u8], start: usize) -> Option<usize> {
    let mut i = start + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' => return Some(i),
            _ => i += 1,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Result<Args, String> {
        parse_args(list.iter().map(|s| s.to_string()))
    }

    #[test]
    fn arguments_in_any_order() {
        let a = args(&["check", "--settings", "s.json", "in.jsonl"]).unwrap();
        assert_eq!(a.command, Some(Command::Check));
        assert_eq!(a.settings.as_deref(), Some("s.json"));
        assert_eq!(a.input.as_deref(), Some("in.jsonl"));
        let a = args(&["--settings=s.json", "follow", "-"]).unwrap();
        assert_eq!(a.command, Some(Command::Follow));
        assert_eq!(a.input, None);
    }

    #[test]
    fn usage_errors_say_what_is_wrong() {
        assert!(args(&[]).unwrap_err().contains("no command"));
        assert!(args(&["chek"]).unwrap_err().contains("unknown command \"chek\""));
        assert!(args(&["check", "--settings"]).unwrap_err().contains("needs a FILE"));
        assert!(args(&["check", "--fast"]).unwrap_err().contains("--fast"));
        assert!(args(&["check", "a", "b"]).unwrap_err().contains("\"b\""));
        assert!(args(&["help"]).unwrap().help);
    }

    #[test]
    fn id_is_recovered_from_a_broken_line_only_at_the_top_level() {
        assert_eq!(recover_id(r#"{"id": 7, "text": "unfinished"#), Some(Json::Number(7.0)));
        assert_eq!(recover_id(r#"{"text":"say \"id\": 3","id":"a", oops}"#), Some(Json::String("a".into())));
        assert_eq!(recover_id(r#"{"meta":{"id":3},"text":}"#), None);
        assert_eq!(recover_id("not json at all"), None);
        assert_eq!(recover_id(r#"{"id":"#), None);
    }

    #[test]
    fn reply_puts_id_first_and_keeps_field_order() {
        let mut out = Vec::new();
        let status = boomerang::engine::Classification {
            intent: boomerang::engine::Intent::Praise,
            urgent: false,
            sentiment: 0.5,
        };
        write_reply(&mut out, Json::String("x".into()), status.to_json());
        assert_eq!(
            String::from_utf8(out).unwrap(),
            r#"{"id":"x","intent":"praise","urgent":false,"sentiment":0.5}"#
        );
    }
}
