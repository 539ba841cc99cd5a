//! The policy authors' tools, through the binary: `subsidy-calc test` runs every hand-worked case
//! (tests/cases/*.toml) and `subsidy-calc check-rules` checks the rule files and their quotes.
use std::process::Command;

/// The repository (the command line runs from there: the cases and rules are read by path).
const ROOT: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");

fn run(args: &[&str]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_subsidy-calc"))
        .current_dir(ROOT)
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap(),
    )
}

fn tmp(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("subsidy-authors-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

#[test]
fn every_case_file_passes() {
    let (code, out) = run(&["test", "tests/cases"]);
    let last = out.lines().last().unwrap_or_default().to_string();
    assert_eq!(code, 0, "{out}");
    // "110 cases in 5 files: 110 passed, 0 failed"
    let n: usize = last.split(' ').next().unwrap().parse().unwrap();
    assert!(n >= 100, "{last}");
    assert!(last.ends_with(", 0 failed"), "{last}");
}

#[test]
fn a_wrong_expectation_fails_and_is_named() {
    // 上海 21: 10,000,000 × 30% = 3,000,000. A case expecting 3,000,001 fails, naming its file, the
    // case, the award and both figures; a case without its arithmetic is refused; the good one passes.
    let file = tmp("wrong.toml");
    std::fs::write(
        &file,
        r#"region = "shanghai"
as_of = "2026-11-24"

[[case]]
name = "21: right"
worked = "10,000,000 × 30% = 3,000,000"
input = { other = { shanghai = { metaverse_investment = "10000000" } } }
expect = [{ id = "shanghai.metaverse", amount = "3000000.00" }]

[[case]]
name = "21: wrong"
worked = "10,000,000 × 30% = 3,000,001 (wrong on purpose)"
input = { other = { shanghai = { metaverse_investment = "10000000" } } }
expect = [{ id = "shanghai.metaverse", amount = "3000001.00" }]

[[case]]
name = "no arithmetic"
input = {}
"#,
    )
    .unwrap();
    let (code, out) = run(&["test", file.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("✓ wrong.toml «21: right»"), "{out}");
    assert!(out.contains("✗ wrong.toml «21: wrong»"), "{out}");
    assert!(
        out.contains(
            "shanghai.metaverse: amount is Some(\"3000000.00\"), expected Some(\"3000001.00\")"
        ),
        "{out}"
    );
    assert!(out.contains("✗ wrong.toml «no arithmetic»"), "{out}");
    assert!(out.contains("(`worked`)"), "{out}");
    assert!(
        out.ends_with("3 cases in 1 files: 1 passed, 2 failed\n"),
        "{out}"
    );
    // An unknown key is an error, never a typo passing silently.
    std::fs::write(
        &file,
        "region = \"shanghai\"\n[[case]]\nworked = \"x\"\nexpect = [{ id = \"shanghai.metaverse\", amonut = \"1\" }]\n",
    )
    .unwrap();
    let (code, out) = run(&["test", file.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(out.contains("unknown expectation key `amonut`"), "{out}");
}

#[test]
fn check_rules_passes_on_the_rules_and_names_every_problem_of_bad_ones() {
    let (code, out) = run(&["check-rules"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("74 rules"), "{out}");
    // A copy of the rules with two mistakes in two files, and a quote that is not in its seed.
    let dir = tmp("rules");
    std::fs::create_dir_all(&dir).unwrap();
    for f in std::fs::read_dir(format!("{ROOT}/rules")).unwrap() {
        let f = f.unwrap().path();
        std::fs::copy(&f, dir.join(f.file_name().unwrap())).unwrap();
    }
    let edit = |file: &str, from: &str, to: &str| {
        let p = dir.join(file);
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.contains(from), "{file}: {from}");
        std::fs::write(&p, text.replacen(from, to, 1)).unwrap();
    };
    edit(
        "hongshan.toml",
        "fact = \"enterprise.sme\"",
        "fact = \"enterprise.smee\"",
    );
    edit("shanghai.toml", "rate = \"0.30\" }", "rate = \"30\" }");
    let (code, out) = run(&["check-rules", dir.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(
        out.contains("hongshan.toml: hongshan.compute_subsidy: unknown fact `enterprise.smee`"),
        "{out}"
    );
    assert!(
        out.contains("shanghai.toml: shanghai.strategic_project: rates are fractions"),
        "{out}"
    );
    assert!(
        out.contains("2 problems: the rule data is refused"),
        "{out}"
    );
    // Valid data whose quote is not in the seed: named too.
    edit(
        "hongshan.toml",
        "fact = \"enterprise.smee\"",
        "fact = \"enterprise.sme\"",
    );
    edit("shanghai.toml", "rate = \"30\" }", "rate = \"0.30\" }");
    edit(
        "wuhan.toml",
        "单个项目市科技研发资金支持额度一般不超过2000万元。",
        "单个项目市科技研发资金支持额度一般不超过3000万元。",
    );
    let seeds = std::env::var("SHARED_DIR")
        .map_or_else(|_| "../shared/seeds".to_string(), |d| format!("{d}/seeds"));
    let (code, out) = run(&["check-rules", dir.to_str().unwrap(), "--seeds", &seeds]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("wuhan.toml: wuhan.major_project: quote not found word for word in seeds/002_0374615a725b9d04.txt"), "{out}");
    let _ = std::fs::remove_dir_all(&dir);
}
