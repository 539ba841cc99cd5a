//! `subsidy-calc`: the engine on the command line.
//!
//!   subsidy-calc eval FILE|- [--detail figures] [--lang zh|en]   result JSON (exit 0), or the
//!                                        field errors as JSON (exit 2); `figures`: the figures
//!                                        only, no text; `--lang`: its words in one language
//!   subsidy-calc explain FILE|- [--lang en]   the same result as readable text (Chinese by default)
//!   subsidy-calc rules                   the rule catalogue this binary carries, as JSON
//!   subsidy-calc plan FILE|-             a plan over years: each year's result and why it changed
//!   subsidy-calc batch IN -o OUT         many applications (.csv, .xlsx, .jsonl), pools and limits
//!   subsidy-calc fields                  every input field, as a Markdown table
mod batch;
mod csv_out;

/// mimalloc for the command line (the engine and the pages keep the system's / wasm's allocator).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::io::Read;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};
use subsidy_calc::text::{Lang, Langs};
use subsidy_calc::{Date, FieldError};

const USAGE: &str = "usage:
  subsidy-calc eval FILE|- [--detail full|figures] [--lang both|zh|en]
                                           print the result JSON (figures: no text; its words
                                           in both languages, or one)
  subsidy-calc explain FILE|- [--lang en]  print the result (or a plan's table) as text (zh by default)
  subsidy-calc plan FILE|-                 print a plan over years as JSON (see docs/CONTRACT.md)
  subsidy-calc batch IN -o OUT [--pool none|prorata] [--summary FILE] [--lang zh|en]
                                           many applications: .csv, .xlsx or .jsonl in and out
  subsidy-calc rules                       print the rule catalogue as JSON
  subsidy-calc fields                      print every input field (Markdown table)";

/// Today in China (UTC+8), the default `as_of`.
fn today() -> Date {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0) as i64;
    Date::from_days_since_epoch((secs + 8 * 3600).div_euclid(86_400))
}

/// Reads at most one byte more than the engine accepts, so an oversized input is refused by
/// `parse_text` (naming the limit) without first being read whole.
fn read_input(path: &str) -> Result<String, String> {
    let limit = subsidy_calc::input::MAX_INPUT_BYTES as u64 + 1;
    let mut bytes = Vec::new();
    let read = if path == "-" {
        std::io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(limit).read_to_end(&mut bytes))
            .map_err(|e| std::io::Error::new(e.kind(), format!("{path}: {e}")))
    };
    read.map_err(|e| format!("cannot read {e}"))?;
    String::from_utf8(bytes).or_else(|e| {
        // Cut inside a character by the limit: still refused as too large by the engine.
        let n = e.utf8_error().valid_up_to();
        if n as u64 + 4 >= limit {
            Ok(String::from_utf8_lossy(&e.into_bytes()).into_owned())
        } else {
            Err("the input is not UTF-8 text".to_string())
        }
    })
}

fn fail(errors: &[FieldError]) -> ExitCode {
    let body = serde_json::json!({ "errors": errors });
    println!(
        "{}",
        serde_json::to_string_pretty(&body).unwrap_or_default()
    );
    ExitCode::from(2)
}

/// The word after option `opt`, one of `words`; else a usage error naming the option (exit 64).
fn word<'w>(given: Option<&String>, opt: &str, words: &[&'w str]) -> Result<&'w str, ExitCode> {
    given
        .and_then(|g| words.iter().find(|w| **w == g.as_str()).copied())
        .ok_or_else(|| {
            eprintln!("{opt} takes {}\n{USAGE}", words.join(" or "));
            ExitCode::from(64)
        })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let cmd = args.first().map(String::as_str).unwrap_or("");
    match cmd {
        "rules" => {
            let c = subsidy_calc::catalogue();
            println!("{}", serde_json::to_string_pretty(&c).unwrap_or_default());
            ExitCode::SUCCESS
        }
        "eval" | "explain" | "plan" => {
            let Some(path) = args.get(1) else {
                eprintln!("{USAGE}");
                return ExitCode::from(64);
            };
            // `--lang`: the language of `explain` (zh by default); the languages of `eval`'s
            // words (both by default, as the contract has them).
            let langs = match args.iter().position(|a| a == "--lang") {
                Some(i) => match args.get(i + 1).and_then(|l| Langs::parse(l)) {
                    Some(l) if cmd == "eval" || l != Langs::Both => l,
                    _ => {
                        eprintln!("--lang takes zh or en (eval: also both)\n{USAGE}");
                        return ExitCode::from(64);
                    }
                },
                None if cmd == "eval" => Langs::Both,
                None => Langs::Zh,
            };
            let lang = if langs == Langs::En {
                Lang::En
            } else {
                Lang::Zh
            };
            let detail = match args.iter().position(|a| a == "--detail") {
                Some(i) => match args.get(i + 1).map(|d| subsidy_calc::Detail::parse(d)) {
                    Some(Some(d)) if cmd == "eval" => d,
                    _ => {
                        eprintln!("--detail takes full or figures (eval only)\n{USAGE}");
                        return ExitCode::from(64);
                    }
                },
                None => subsidy_calc::Detail::Full,
            };
            let text = match read_input(path) {
                Ok(t) => t,
                Err(e) => {
                    return fail(&[FieldError {
                        field: "(input)".into(),
                        message: e,
                    }]);
                }
            };
            // A plan: `plan`, or `explain` on a document with "years".
            let is_plan = cmd == "plan"
                || (cmd == "explain"
                    && subsidy_calc::input::strict::parse(text.trim_start_matches('\u{feff}'))
                        .is_ok_and(|v| v.get("years").is_some()));
            if is_plan {
                return match subsidy_calc::plan::plan_json(&text, today()) {
                    Ok(p) if cmd == "plan" => {
                        println!("{}", serde_json::to_string_pretty(&p).unwrap_or_default());
                        ExitCode::SUCCESS
                    }
                    Ok(p) => {
                        print!("{}", subsidy_calc::explain::explain_plan(&p, lang));
                        ExitCode::SUCCESS
                    }
                    Err(errors) => fail(&errors),
                };
            }
            match subsidy_calc::evaluate_json_with(&text, today(), detail) {
                Ok(outcome) if cmd == "eval" => {
                    let json = match detail {
                        subsidy_calc::Detail::Full => {
                            serde_json::to_string_pretty(&outcome.in_langs(langs))
                        }
                        subsidy_calc::Detail::Figures => {
                            serde_json::to_string_pretty(&outcome.figures())
                        }
                    };
                    println!("{}", json.unwrap_or_default());
                    ExitCode::SUCCESS
                }
                Ok(outcome) => {
                    print!("{}", subsidy_calc::explain::explain(&outcome, lang));
                    ExitCode::SUCCESS
                }
                Err(errors) => fail(&errors),
            }
        }
        "batch" => {
            let mut input = None;
            let mut opts = batch::Options {
                input: String::new(),
                output: String::new(),
                prorata: false,
                summary: None,
                en: false,
            };
            let mut it = args.iter().skip(1);
            while let Some(a) = it.next() {
                match a.as_str() {
                    "-o" | "--output" => opts.output = it.next().cloned().unwrap_or_default(),
                    "--summary" => opts.summary = it.next().cloned(),
                    "--lang" => match word(it.next(), "--lang", &["zh", "en"]) {
                        Ok(w) => opts.en = w == "en",
                        Err(code) => return code,
                    },
                    "--pool" => match word(it.next(), "--pool", &["none", "prorata"]) {
                        Ok(w) => opts.prorata = w == "prorata",
                        Err(code) => return code,
                    },
                    other if input.is_none() && !other.starts_with('-') => {
                        input = Some(other.to_string())
                    }
                    _ => {
                        eprintln!("{USAGE}");
                        return ExitCode::from(64);
                    }
                }
            }
            match input {
                Some(i) if !opts.output.is_empty() => {
                    opts.input = i;
                    ExitCode::from(batch::run(&opts, today()))
                }
                _ => {
                    eprintln!("batch needs an input file and -o OUTPUT\n{USAGE}");
                    ExitCode::from(64)
                }
            }
        }
        "fields" => {
            print!("{}", subsidy_calc::input::fields_markdown());
            ExitCode::SUCCESS
        }
        "-h" | "--help" | "help" => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(64)
        }
    }
}
