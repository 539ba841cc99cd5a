//! `subsidy-calc`: the engine on the command line. `subsidy-calc --help` lists the commands; each
//! command's `--help` its options. Exit codes: 0 done, 2 bad input (the field errors as JSON),
//! 3 a batch with bad rows, 64 a usage error (an unknown command or option, a bad option value).
/// A line on standard output; a closed pipe (`subsidy-calc rules | head`) ends the output quietly
/// instead of panicking as `println!` does.
macro_rules! say {
    () => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout());
    }};
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($t)*);
    }};
}

/// [`say!`] without the line's end.
macro_rules! say_raw {
    ($($t:tt)*) => {{
        use std::io::Write as _;
        let _ = write!(std::io::stdout(), $($t)*);
    }};
}

mod batch;
mod cases;
mod csv_out;

/// mimalloc for the command line (the engine and the pages keep the system's / wasm's allocator).
#[global_allocator]
static ALLOC: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::{Parser, Subcommand, ValueEnum};
use std::io::Read;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};
use subsidy_calc::reform::Reformed;
use subsidy_calc::text::{Lang, Langs};
use subsidy_calc::{Date, Detail, FieldError};

/// 人工智能产业政策计算器: every award an AI company can get under the policies of Hangzhou, Wuhan
/// (city, Hongshan, Qiaokou) and Shanghai, computed from the published texts.
#[derive(Parser)]
#[command(name = "subsidy-calc", version, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the result JSON of one application (docs/CONTRACT.md)
    Eval {
        /// The application (JSON), or - for standard input
        file: String,
        /// full: the contract's result; figures: the figures only, no text
        #[arg(long, value_enum, default_value_t = DetailArg::Full)]
        detail: DetailArg,
        /// The languages of the result's words
        #[arg(long, value_enum, default_value_t = LangsArg::Both)]
        lang: LangsArg,
        /// A reform (JSON or TOML, docs/CONTRACT.md "A reform"): the result under it, with today's figures beside
        #[arg(long)]
        reform: Option<String>,
    },
    /// Print the result (or a plan's year-by-year table) as text a person reads
    Explain {
        /// The application or plan (JSON), or - for standard input
        file: String,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// A reform (JSON or TOML, docs/CONTRACT.md "A reform"): the result under it, with today's figures beside
        #[arg(long)]
        reform: Option<String>,
    },
    /// Print a plan over years as JSON (docs/CONTRACT.md, "A plan over years")
    Plan {
        /// The plan (JSON), or - for standard input
        file: String,
        /// A reform (JSON or TOML, docs/CONTRACT.md "A reform"): the result under it, with today's figures beside
        #[arg(long)]
        reform: Option<String>,
    },
    /// Many applications: .csv, .xlsx or .jsonl in and out, with the pools and count limits
    Batch {
        /// The applications: .csv, .xlsx or .jsonl
        input: String,
        /// Where the results go: .csv, .xlsx or .jsonl
        #[arg(short, long)]
        output: String,
        /// none: report the pools' demand; prorata: scale an over-subscribed pool to fit
        #[arg(long, value_enum, default_value_t = PoolArg::None)]
        pool: PoolArg,
        /// Also write the summary here (.json for JSON, anything else as text)
        #[arg(long)]
        summary: Option<String>,
        /// The language of the summary
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// A reform (JSON or TOML, docs/CONTRACT.md "A reform"): the result under it, with today's figures beside
        #[arg(long)]
        reform: Option<String>,
    },
    /// Every name a reform can set (docs/CONTRACT.md "A reform"), with today's value, its unit and
    /// the quoted text it comes from
    Params {
        /// One rule id (e.g. hongshan.compute_subsidy) or document key (e.g. wuhan); all when absent
        rule: Option<String>,
        /// text: a list to read; json: the same as JSON
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
    },
    /// Print the rule catalogue this binary carries, as JSON
    Rules,
    /// Print every input field (a Markdown table)
    Fields,
    /// Check a verification code: does FILE (an application or a plan), evaluated now, give CODE?
    Verify {
        /// The application or plan (JSON), or - for standard input
        file: String,
        /// The verification code (核验码), e.g. ABCD-EFGH-JKMN-PQRS
        code: String,
        #[arg(long, value_enum, default_value_t = LangArg::Zh)]
        lang: LangArg,
        /// The reform the code was made under (a code made under a reform checks only with it)
        #[arg(long)]
        reform: Option<String>,
    },
    /// Run hand-worked cases (tests/cases/*.toml): each case reported, every failure named
    Test {
        /// A case file, or a folder of them
        #[arg(default_value = "tests/cases")]
        path: String,
    },
    /// Check rule files: every problem named by file and rule, and every quote found in its seed
    CheckRules {
        /// The folder of rule files (regions.toml and one file per document)
        #[arg(default_value = "rules")]
        dir: String,
        /// The folder of the seed texts the quotes come from
        #[arg(long, default_value = "../shared/seeds")]
        seeds: String,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum DetailArg {
    Full,
    Figures,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangsArg {
    Both,
    Zh,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum PoolArg {
    None,
    Prorata,
}

impl LangArg {
    /// The one language, as the result writers take it.
    fn langs(self) -> Langs {
        match self {
            LangArg::Zh => Langs::Zh,
            LangArg::En => Langs::En,
        }
    }

    fn lang(self) -> Lang {
        match self {
            LangArg::Zh => Lang::Zh,
            LangArg::En => Lang::En,
        }
    }
}

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
            .map_err(|e| {
                // The usual causes in words the error table also says in Chinese.
                let why = match e.kind() {
                    std::io::ErrorKind::NotFound => "no such file".to_string(),
                    std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
                    std::io::ErrorKind::IsADirectory => "a folder, not a file".to_string(),
                    _ => e.to_string(),
                };
                std::io::Error::new(e.kind(), format!("{path}: {why}"))
            })
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

/// The field errors as JSON (exit 2), each message in the languages asked for: English in
/// `message` (the contract's), Chinese in `message_zh`; with one language, `message` is in it.
fn fail_in(errors: &[FieldError], langs: Langs) -> ExitCode {
    let list: Vec<serde_json::Value> = errors
        .iter()
        .map(|e| match langs {
            Langs::Both => serde_json::json!({
                "field": e.field, "message": e.message, "message_zh": e.message_in(Lang::Zh)
            }),
            Langs::Zh => serde_json::json!({ "field": e.field, "message": e.message_in(Lang::Zh) }),
            Langs::En => serde_json::json!({ "field": e.field, "message": e.message }),
        })
        .collect();
    let body = serde_json::json!({ "errors": list });
    say!(
        "{}",
        serde_json::to_string_pretty(&body).unwrap_or_default()
    );
    ExitCode::from(2)
}

/// The field errors as text, in the language `explain` writes (a reader's command: not JSON).
fn fail_text(errors: &[FieldError], lang: Lang) -> ExitCode {
    let mut out = String::from(match lang {
        Lang::Zh => "输入有误,未计算:\n",
        Lang::En => "The input has errors; nothing was computed:\n",
    });
    for e in errors {
        let m = e.message_in(lang);
        match lang {
            Lang::Zh => out.push_str(&format!("  · {}:{m}\n", e.field)),
            Lang::En => out.push_str(&format!("  · {}: {m}\n", e.field)),
        }
    }
    say_raw!("{out}");
    ExitCode::from(2)
}

/// The field errors in both languages.
fn fail(errors: &[FieldError]) -> ExitCode {
    fail_in(errors, Langs::Both)
}

fn print_json<T: serde::Serialize>(v: &T) -> ExitCode {
    say!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
    ExitCode::SUCCESS
}

/// The input file's text, or the field error that says why it cannot be read.
fn input(path: &str) -> Result<String, ExitCode> {
    read_input(path).map_err(|e| fail(&[FieldError::new("(input)", e)]))
}

/// Whether the text is a plan (a document with "years"), for `explain`.
fn is_plan(text: &str) -> bool {
    subsidy_calc::input::strict::parse(text.trim_start_matches('\u{feff}'))
        .is_ok_and(|v| v.get("years").is_some())
}

/// `test`: each case, ✓ or ✗ with what is wrong; exit 0 when every case passes, 1 when one fails.
fn test_cases(path: &str) -> ExitCode {
    let files = match cases::case_files(std::path::Path::new(path)) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let results = cases::run(&files);
    let failed = results.iter().filter(|r| !r.problems.is_empty()).count();
    for r in &results {
        if r.problems.is_empty() {
            say!("✓ {} «{}»", r.file, r.name);
        } else {
            say!("✗ {} «{}»", r.file, r.name);
            for p in &r.problems {
                say!("    {p}");
            }
        }
    }
    say!(
        "{} cases in {} files: {} passed, {failed} failed",
        results.len(),
        files.len(),
        results.len() - failed
    );
    ExitCode::from(u8::from(failed > 0))
}

/// `check-rules`: every problem of the rule files (and of their quotes, where the seeds are at
/// hand); exit 0 when there is none, 1 otherwise.
fn check_rules(dir: &str, seeds: &str) -> ExitCode {
    let dir = std::path::Path::new(dir);
    match subsidy_rulebook::read_dir(dir) {
        Err(problems) => {
            for p in &problems {
                say!("✗ {p}");
            }
            say!("{} problems: the rule data is refused", problems.len());
            ExitCode::from(1)
        }
        Ok(loaded) => {
            let rules = loaded.book.rules().count();
            let seeds = std::path::Path::new(seeds);
            let (problems, quotes) = if seeds.is_dir() {
                subsidy_rulebook::quotes::problems(&loaded.book, seeds, dir)
            } else {
                say!("(no seed texts at {}: quotes not checked)", seeds.display());
                (Vec::new(), 0)
            };
            for p in &problems {
                say!("✗ {p}");
            }
            say!(
                "{} files, {} documents, {rules} rules, {quotes} quotes checked: {} problems",
                loaded.files.len(),
                loaded.book.documents.len(),
                problems.len()
            );
            ExitCode::from(u8::from(!problems.is_empty()))
        }
    }
}

/// `verify`: exit 0 and says so when the file, evaluated now, gives the code; exit 1 and says why
/// not (another rule version, naming both, or other figures); exit 2 for a file or code that is
/// no input.
fn verify(
    file: &str,
    code: &str,
    lang: LangArg,
    reform: Option<&Reformed>,
) -> Result<ExitCode, ExitCode> {
    let langs = lang.langs();
    let zh = matches!(lang, LangArg::Zh);
    let text = input(file)?;
    let book = reform.map_or(subsidy_calc::rulebook::book(), |r| &r.book);
    let now = if let Some(r) = reform {
        if is_plan(&text) {
            let v = subsidy_calc::input::json_text(&text).map_err(|e| fail_in(&e, langs))?;
            r.plan(&v, today()).map_err(|e| fail_in(&e, langs))?.code
        } else {
            let app = application(&text, Detail::Figures).map_err(|e| fail_in(&e, langs))?;
            r.evaluate(&app).code.unwrap_or_default()
        }
    } else if is_plan(&text) {
        subsidy_calc::plan::plan_json(&text, today())
            .map_err(|e| fail_in(&e, langs))?
            .code
    } else {
        subsidy_calc::evaluate_json_with(&text, today(), Detail::Figures)
            .map_err(|e| fail_in(&e, langs))?
            .code
            .unwrap_or_default()
    };
    let check = subsidy_calc::code::check(code, &now, book.version());
    let said = subsidy_calc::code::explain(&check, code, &now, book, zh);
    Ok(match check {
        subsidy_calc::code::Check::Same => {
            say!("{said}");
            ExitCode::SUCCESS
        }
        subsidy_calc::code::Check::Malformed => {
            eprintln!("{said}");
            ExitCode::from(2)
        }
        _ => {
            say!("{said}");
            ExitCode::from(1)
        }
    })
}

/// The reform file (JSON, or TOML when it ends in .toml), read and checked against the rule book:
/// every bad change named (exit 2). Kept for the whole run (a batch's rows borrow its book).
fn reform(path: Option<&str>, langs: Langs) -> Result<Option<&'static Reformed>, ExitCode> {
    read_reform(path).map_err(|e| fail_in(&e, langs))
}

/// `--reform FILE` read and checked, or the errors (said as JSON by [`reform`], as text by
/// `explain`).
fn read_reform(path: Option<&str>) -> Result<Option<&'static Reformed>, Vec<FieldError>> {
    let Some(path) = path else { return Ok(None) };
    let text = read_input(path).map_err(|e| vec![FieldError::new("(reform)", e)])?;
    let v: serde_json::Value = if path.to_ascii_lowercase().ends_with(".toml") {
        toml::from_str::<toml::Value>(&text)
            .map_err(|e| e.message().to_string())
            .and_then(|t| serde_json::to_value(t).map_err(|e| e.to_string()))
            .map_err(|e| {
                vec![FieldError::new(
                    "(reform)",
                    format!("{path}: not TOML: {e}"),
                )]
            })?
    } else {
        subsidy_calc::input::strict::parse(text.trim_start_matches('\u{feff}')).map_err(|e| {
            let mut e: FieldError = e.into();
            e.field = format!("(reform) {}", e.field);
            vec![e]
        })?
    };
    let r = Reformed::read(&v, subsidy_calc::rulebook::book())?;
    Ok(Some(Box::leak(Box::new(r))))
}

/// `params`: every name a reform can set, of one rule or document or of all.
fn params(rule: Option<&str>, format: FormatArg, lang: LangArg) -> Result<ExitCode, ExitCode> {
    use subsidy_calc::reform;
    let book = subsidy_calc::rulebook::book();
    let list = match rule {
        None => reform::all_params(book),
        Some(id) => match (book.rule(id), book.document(id)) {
            (Some((_, r)), _) => reform::params(r),
            (None, Some(d)) => reform::document_params(d),
            (None, None) => {
                return Err(fail(&[FieldError::new(
                    "(rule)",
                    format!("unknown rule or document {id}: subsidy-calc params lists them all"),
                )]));
            }
        },
    };
    if let FormatArg::Json = format {
        return Ok(print_json(&list));
    }
    let zh = matches!(lang, LangArg::Zh);
    let mut last: Option<(Option<String>, Option<String>)> = None;
    for p in &list {
        let whose = (p.rule.clone(), p.document.clone());
        if last.as_ref() != Some(&whose) {
            let title = match (&p.rule, &p.document) {
                (Some(id), _) => book
                    .rule(id)
                    .map(|(d, r)| {
                        if zh {
                            format!("{id}  {}〔{}〕{}", d.name_zh, r.clause, r.title_zh)
                        } else {
                            format!("{id}  {} [{}] {}", d.name_en, r.clause, r.title_en)
                        }
                    })
                    .unwrap_or_default(),
                (None, Some(key)) => book
                    .document(key)
                    .map(|d| {
                        let name = if zh { &d.name_zh } else { &d.name_en };
                        format!("document {key}  {name}")
                    })
                    .unwrap_or_default(),
                _ => String::new(),
            };
            say!("\n{title}");
            if !p.quote.is_empty() && p.name != "pool" {
                say!("  «{}»", p.quote);
            }
            last = Some(whose);
        }
        let unit = match (p.unit, zh) {
            (reform::Unit::Rate, true) => "比例",
            (reform::Unit::Rate, false) => "rate",
            (reform::Unit::Yuan, true) => "元",
            (reform::Unit::Yuan, false) => "yuan",
            (reform::Unit::Number, true) => "数值",
            (reform::Unit::Number, false) => "number",
            (reform::Unit::Date, true) => "日期",
            (reform::Unit::Date, false) => "date",
            (reform::Unit::Flag, _) => "true/false",
        };
        let label = if zh { &p.label_zh } else { &p.label_en };
        let value = if p.value.is_empty() {
            if zh {
                "(原文未载明)"
            } else {
                "(not given)"
            }
        } else {
            &p.value
        };
        say!("  {:<44} = {value}  [{unit}] {label}", p.name);
        if p.name == "pool" && !p.quote.is_empty() {
            say!("      «{}»", p.quote);
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The application of a file, to be evaluated twice (today's rules and the reform's).
fn application(text: &str, detail: Detail) -> Result<subsidy_calc::Application, Vec<FieldError>> {
    let v = subsidy_calc::input::json_text(text)?;
    let mut app = subsidy_calc::input::parse_value(&v, today())?;
    app.detail = detail;
    Ok(app)
}

fn run(cli: Cli) -> Result<ExitCode, ExitCode> {
    Ok(match cli.command {
        Command::Params { rule, format, lang } => params(rule.as_deref(), format, lang)?,
        Command::Verify {
            file,
            code,
            lang,
            reform: path,
        } => {
            let langs = lang.langs();
            let r = reform(path.as_deref(), langs)?;
            verify(&file, &code, lang, r)?
        }
        Command::Test { path } => test_cases(&path),
        Command::CheckRules { dir, seeds } => check_rules(&dir, &seeds),
        Command::Rules => print_json(&subsidy_calc::catalogue()),
        Command::Fields => {
            say_raw!("{}", subsidy_calc::input::fields_markdown());
            ExitCode::SUCCESS
        }
        Command::Eval {
            file,
            detail,
            lang,
            reform: path,
        } => {
            let text = input(&file)?;
            let detail = match detail {
                DetailArg::Full => Detail::Full,
                DetailArg::Figures => Detail::Figures,
            };
            let langs = match lang {
                LangsArg::Both => Langs::Both,
                LangsArg::Zh => Langs::Zh,
                LangsArg::En => Langs::En,
            };
            let Some(r) = reform(path.as_deref(), langs)? else {
                let outcome = subsidy_calc::evaluate_json_with(&text, today(), detail)
                    .map_err(|e| fail_in(&e, langs))?;
                return Ok(match detail {
                    Detail::Full => print_json(&outcome.in_langs(langs)),
                    Detail::Figures => print_json(&outcome.figures()),
                });
            };
            let app = application(&text, detail).map_err(|e| fail_in(&e, langs))?;
            let baseline = subsidy_calc::engine::evaluate(&app, subsidy_calc::rulebook::book())
                .with_code(&app);
            let outcome = r.evaluate(&app);
            let v = match detail {
                Detail::Full => serde_json::to_value(outcome.in_langs(langs)),
                Detail::Figures => serde_json::to_value(outcome.figures()),
            }
            .unwrap_or_default();
            print_json(&r.json(v, &baseline))
        }
        Command::Explain {
            file,
            lang,
            reform: path,
        } => {
            let lang = lang.lang();
            // A reader's command: a file it cannot read, or a bad reform, is said as text, like
            // its other errors.
            let text =
                read_input(&file).map_err(|e| fail_text(&[FieldError::new("(input)", e)], lang))?;
            let r = read_reform(path.as_deref()).map_err(|e| fail_text(&e, lang))?;
            if let Some(r) = r {
                if is_plan(&text) {
                    let v =
                        subsidy_calc::input::json_text(&text).map_err(|e| fail_text(&e, lang))?;
                    let p = r.plan(&v, today()).map_err(|e| fail_text(&e, lang))?;
                    let baseline = subsidy_calc::plan::plan_json(&text, today())
                        .map_err(|e| fail_text(&e, lang))?;
                    say!("{}\n", r.reform.note(lang == Lang::Zh));
                    say_raw!(
                        "{}",
                        subsidy_calc::explain::explain_plan_reform(&p, &baseline, &r.reform, lang)
                    );
                } else {
                    let app = application(&text, Detail::Full).map_err(|e| fail_text(&e, lang))?;
                    let baseline =
                        subsidy_calc::engine::evaluate(&app, subsidy_calc::rulebook::book());
                    let o = r.evaluate(&app);
                    say_raw!(
                        "{}",
                        subsidy_calc::explain::explain_reform(&o, &baseline, &r.reform, lang)
                    );
                }
                return Ok(ExitCode::SUCCESS);
            }
            if is_plan(&text) {
                let p = subsidy_calc::plan::plan_json(&text, today())
                    .map_err(|e| fail_text(&e, lang))?;
                say_raw!("{}", subsidy_calc::explain::explain_plan(&p, lang));
            } else {
                let o =
                    subsidy_calc::evaluate_json(&text, today()).map_err(|e| fail_text(&e, lang))?;
                say_raw!("{}", subsidy_calc::explain::explain(&o, lang));
            }
            ExitCode::SUCCESS
        }
        Command::Plan { file, reform: path } => {
            let text = input(&file)?;
            if let Some(r) = reform(path.as_deref(), Langs::Both)? {
                let v = subsidy_calc::input::json_text(&text).map_err(|e| fail(&e))?;
                let p = r.plan(&v, today()).map_err(|e| fail(&e))?;
                let baseline =
                    subsidy_calc::plan::plan_value(&v, subsidy_calc::rulebook::book(), today())
                        .map_err(|e| fail(&e))?;
                return Ok(print_json(&r.plan_json(&p, &baseline)));
            }
            let p = subsidy_calc::plan::plan_json(&text, today()).map_err(|e| fail(&e))?;
            print_json(&p)
        }
        Command::Batch {
            input,
            output,
            pool,
            summary,
            lang,
            reform: path,
        } => {
            let langs = lang.langs();
            let reform = reform(path.as_deref(), langs)?;
            let opts = batch::Options {
                reform,
                input,
                output,
                prorata: matches!(pool, PoolArg::Prorata),
                summary,
                en: matches!(lang, LangArg::En),
            };
            ExitCode::from(batch::run(&opts, today()))
        }
    })
}

fn main() -> ExitCode {
    match Cli::try_parse() {
        Ok(cli) => run(cli).unwrap_or_else(|code| code),
        Err(e) => {
            // --help and --version print and succeed; anything else is a usage error naming what
            // was wrong (exit 64, as before): first in Chinese (the command line's default
            // language) unless `--lang en` was asked for, then clap's own words.
            let code = if e.use_stderr() { 64 } else { 0 };
            let english = std::env::args()
                .collect::<Vec<_>>()
                .windows(2)
                .any(|w| w[0] == "--lang" && w[1] == "en")
                || std::env::args().any(|a| a == "--lang=en");
            if e.use_stderr() && !english {
                eprintln!("{}", usage_zh(&e));
            }
            let _ = e.print();
            ExitCode::from(code)
        }
    }
}

/// A usage error in Chinese: what was wrong, the nearest spelling where clap found one.
fn usage_zh(e: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |k: ContextKind| match e.get(k) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join("、"),
        _ => String::new(),
    };
    let near = match get(ContextKind::SuggestedArg) {
        s if s.is_empty() => match get(ContextKind::SuggestedSubcommand) {
            s if s.is_empty() => String::new(),
            s => format!(",是否要用 {s}?"),
        },
        s => format!(",是否要用 {s}?"),
    };
    let what = match e.kind() {
        ErrorKind::UnknownArgument => format!("未知的选项 {}{near}", get(ContextKind::InvalidArg)),
        ErrorKind::InvalidSubcommand => {
            format!("未知的命令 {}{near}", get(ContextKind::InvalidSubcommand))
        }
        ErrorKind::InvalidValue => format!(
            "选项 {} 的值“{}”无效,可选:{}",
            get(ContextKind::InvalidArg),
            get(ContextKind::InvalidValue),
            get(ContextKind::ValidValue)
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("缺少必需的参数:{}", get(ContextKind::InvalidArg))
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "缺少命令:可用 eval、explain、plan、batch、verify 等".to_string()
        }
        _ => "命令行用法有误".to_string(),
    };
    format!("用法错误:{what}(subsidy-calc --help 列出全部命令和选项)")
}
