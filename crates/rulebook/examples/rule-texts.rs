//! `cargo run -p subsidy-rulebook --example rule-texts -- RULES_DIR OUT_DIR` (scripts/build-web.sh): writes the texts file the browser bundles fetch their English
//! words and quotes from (`texts-<hash>.txt`, `subsidy_rulebook::browser`) into OUT_DIR, and prints
//! its name. The same rule files give the same file the bundles' build baked the name of.
use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [rules, out] = args.as_slice() else {
        eprintln!("usage: rule-texts RULES_DIR OUT_DIR");
        return ExitCode::from(64);
    };
    let mut book = match subsidy_rulebook::read_dir(Path::new(rules)) {
        Ok(l) => l.book,
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            return ExitCode::from(1);
        }
    };
    let texts = subsidy_rulebook::browser::for_browser(&mut book);
    let (name, json) = subsidy_rulebook::browser::texts_file(&texts);
    if let Err(e) = std::fs::write(Path::new(out).join(&name), json) {
        eprintln!("{out}/{name}: {e}");
        return ExitCode::from(2);
    }
    println!("{name}");
    ExitCode::SUCCESS
}
