//! The verification code (核验码) of a result: a short code derived from the canonical application,
//! the rule data's version and every figure of the result (the contract's "A result anyone can
//! check"). The same application however it was typed — keys in another order, other whitespace,
//! `1000000` or `"1000000.00"`, a field given as its default or left out — gives the same code;
//! any other input figure, date, region, rule version or figure gives another.
//!
//! It proves that these figures follow from these inputs under this version of the rules, to anyone
//! who recomputes them; it is not a signature and says nothing about who made it.
//!
//! The code is 16 characters of Crockford's base32, grouped in fours for reading aloud
//! (`K7QX-3M2A-…`): the first two name the rule version (10 bits of its SHA-256), the other
//! fourteen are 70 bits of the SHA-256 of everything, so a code made under another version is told
//! apart from one with other figures.
use crate::input::{Application, FIELDS, SCENARIO_FIELDS, Val};
use crate::result::Outcome;
use sha2::{Digest, Sha256};

/// Crockford's base32: no I, L, O or U (nothing to misread when a code is read aloud).
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/// The code of a result, for the application it was evaluated from.
pub fn of(app: &Application, outcome: &Outcome) -> String {
    let mut h = Sha256::new();
    canonical(app, outcome.rules_version, &mut |part: &str| {
        h.update(part.as_bytes())
    });
    figures(outcome, &mut |part: &str| h.update(part.as_bytes()));
    mark(outcome.rules_version, h.finalize().into())
}

/// The version's 10 bits, then 70 bits of the digest of everything: 80 bits, 16 characters.
fn mark(version: &str, all: [u8; 32]) -> String {
    let mut bits = version_tag(version);
    for byte in &all[..8] {
        bits = (bits << 8) | u128::from(*byte);
    }
    bits = (bits << 6) | u128::from(all[8] >> 2);
    write(bits)
}

/// The code of a whole plan: its region, each year's code, and the plan's totals.
pub fn of_plan(
    region: &str,
    version: &str,
    years: &[&str],
    total: &crate::result::Total,
) -> String {
    let mut h = Sha256::new();
    for part in ["plan v1\nregion=", region, "\nrules=", version] {
        h.update(part.as_bytes());
    }
    for y in years {
        h.update(b"\nyear=");
        h.update(y.as_bytes());
    }
    for y in [
        total.exact,
        total.up_to,
        total.draft_exact,
        total.draft_up_to,
    ] {
        h.update(b"\n");
        h.update(y.to_string().as_bytes());
    }
    mark(version, h.finalize().into())
}

/// The 10 bits a code's first two characters give its rule version.
fn version_tag(version: &str) -> u128 {
    let d: [u8; 32] = Sha256::digest(version.as_bytes()).into();
    (u128::from(d[0]) << 2) | u128::from(d[1] >> 6)
}

/// The two characters a code made under `version` starts with.
pub fn version_mark(version: &str) -> String {
    let t = version_tag(version);
    [
        ALPHABET[(t >> 5) as usize & 31] as char,
        ALPHABET[t as usize & 31] as char,
    ]
    .into_iter()
    .collect()
}

/// 80 bits as 16 characters in groups of four.
fn write(bits: u128) -> String {
    let mut out = String::with_capacity(19);
    for i in 0..16 {
        if i > 0 && i % 4 == 0 {
            out.push('-');
        }
        out.push(ALPHABET[(bits >> (75 - 5 * i)) as usize & 31] as char);
    }
    out
}

/// A code as typed (lower case, spaces, no dashes, O for 0, I or L for 1): its 16 characters
/// grouped, or None when it cannot be a code.
pub fn normalize(code: &str) -> Option<String> {
    let mut chars = Vec::with_capacity(16);
    for c in code.chars() {
        let c = match c.to_ascii_uppercase() {
            '-' | ' ' | '\u{3000}' => continue,
            'O' => '0',
            'I' | 'L' => '1',
            c => c,
        };
        if !ALPHABET.contains(&(c as u8)) || !c.is_ascii() {
            return None;
        }
        chars.push(c);
    }
    (chars.len() == 16).then(|| {
        let mut out = String::with_capacity(19);
        for (i, c) in chars.into_iter().enumerate() {
            if i > 0 && i % 4 == 0 {
                out.push('-');
            }
            out.push(c);
        }
        out
    })
}

/// The application as canonical text: the region, the date, the rule version, then each field
/// that is not its default, in the field table's order, with its value written one way.
fn canonical(app: &Application, version: &str, put: &mut dyn FnMut(&str)) {
    for part in [
        "v1\nregion=",
        &app.region,
        "\nas_of=",
        &app.as_of.to_string(),
        "\nrules=",
        version,
    ] {
        put(part);
    }
    for (f, v) in FIELDS.iter().zip(&app.values) {
        if v.is_entered(f.ty) {
            put("\n");
            put(f.path);
            put("=");
            value(v, put);
        }
    }
    for (i, s) in app.scenarios.iter().enumerate() {
        put(&format!("\nscenarios[{i}]"));
        for (f, v) in SCENARIO_FIELDS.iter().zip(&s.values) {
            if v.is_entered(f.ty) {
                put(" ");
                put(f.path);
                put("=");
                value(v, put);
            }
        }
    }
}

/// A number one way: in hundredths (every number a field takes has at most two decimals), so
/// `1000000`, `1e6` and `"1000000.00"` are one text (and no decimal formatting is carried for it).
fn number(d: &rust_decimal::Decimal, put: &mut dyn FnMut(&str)) {
    put(&crate::money::fen_of(*d).to_string());
}

/// One value, written one way: numbers in hundredths, a set sorted.
fn value(v: &Val, put: &mut dyn FnMut(&str)) {
    match v {
        Val::Num(d) => number(d, put),
        Val::Flag(b) => put(if *b { "true" } else { "false" }),
        Val::Choice(c) => put(c),
        Val::Set(s) => {
            // Sorted by inserting each in its place: a set has a few values, and the slice sort
            // was 2 KB of wasm in every bundle.
            let mut sorted: Vec<&str> = Vec::with_capacity(s.len());
            for x in s.iter() {
                let at = sorted.iter().position(|y| *y > *x).unwrap_or(sorted.len());
                sorted.insert(at, x);
            }
            put(&sorted.join(","));
        }
        Val::Date(d) => put(&d.map(|d| d.to_string()).unwrap_or_default()),
        // A text may hold anything: its length first, so no text can pose as other fields.
        Val::Text(t) => put(&format!("{}:{t}", t.len())),
        Val::List(l) => {
            for (i, d) in l.iter().enumerate() {
                if i > 0 {
                    put(";");
                }
                number(d, put);
            }
        }
    }
}

/// Every figure of the result: each award's kind, amount or band, whether it counts, and the
/// totals.
fn figures(o: &Outcome, put: &mut dyn FnMut(&str)) {
    for a in &o.awards {
        put("\n");
        put(a.id);
        put(" ");
        put(a.kind.key());
        for y in [a.amount, a.min, a.max].into_iter().flatten() {
            put(" ");
            put(&y.to_string());
        }
        if !a.in_totals {
            put(" -");
        }
    }
    let t = &o.total;
    for y in [t.exact, t.up_to, t.draft_exact, t.draft_up_to] {
        put("\n");
        put(&y.to_string());
    }
}

/// What a code says of a result: the same, another rule version (naming the code's where it is
/// this one's or a known earlier one), or other figures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Check {
    Same,
    /// The code was made under another rule version: its mark (the code's first two characters).
    OtherVersion {
        mark: String,
    },
    /// Same version, other inputs or figures.
    OtherFigures,
    /// Not a code at all.
    Malformed,
}

/// The version a code's mark names, among the book's version and the earlier ones it lists.
pub fn version_named<'b>(mark: &str, book: &'b crate::RuleBook) -> Option<&'b str> {
    std::iter::once(book.version.as_str())
        .chain(book.previous_versions.iter().map(|v| v.as_str()))
        .find(|v| version_mark(v) == mark)
}

/// What a check of a code says, in a language: 一致, or why not.
pub fn explain(check: &Check, given: &str, now: &str, book: &crate::RuleBook, zh: bool) -> String {
    let version = book.version();
    match (check, zh) {
        (Check::Same, true) => {
            format!("一致:按规则版本 {version} 重新计算,这些输入得出的金额与核验码 {now} 相符。")
        }
        (Check::Same, false) => format!(
            "consistent: recomputed under rules {version}, these inputs give the figures of code {now}"
        ),
        (Check::OtherVersion { mark }, _) => {
            let named = version_named(mark, book);
            // Checked under a reform, a code of the published rules (a reform's version is the
            // published one with "+reform.<digest>"): not another version, no reform.
            let published = version.split("+reform.").next().unwrap_or(version);
            if published != version && version_mark(published) == *mark {
                return match zh {
                    true => format!(
                        "不一致:核验码 {given} 是按现行规则 {published} 生成的,未采用测算方案;请不带 --reform 核验。按测算方案重新计算的核验码为 {now}。"
                    ),
                    false => format!(
                        "not consistent: code {given} was made under the published rules {published}, without a reform: check it without --reform; recomputed under the reform, the code is {now}"
                    ),
                };
            }
            // Not a version this calculator lists: perhaps a reform's code.
            let hint = match (named, published == version, zh) {
                (None, true, true) => {
                    "若该核验码是在测算方案下生成的,请用 --reform 指定同一测算方案核验。"
                }
                (None, true, false) => {
                    "; if it was made under a reform, check it with --reform and the same reform"
                }
                _ => "",
            };
            let said = match zh {
                true => format!(
                    "不一致:核验码 {given} 是按另一规则版本生成的({}),本计算器的规则版本为 {version}(标记 {});按当前规则重新计算的核验码为 {now}。",
                    named.map_or_else(
                        || format!("版本标记 {mark},本计算器未收录该版本"),
                        |v| format!("规则版本 {v}")
                    ),
                    version_mark(version)
                ),
                false => format!(
                    "not consistent: code {given} was made under another rule version ({}); these rules are {version} (mark {}); recomputed now, the code is {now}",
                    named.map_or_else(
                        || format!("version mark {mark}, a version this calculator does not list"),
                        |v| format!("rules {v}")
                    ),
                    version_mark(version)
                ),
            };
            format!("{said}{hint}")
        }
        (Check::OtherFigures, true) => format!(
            "不一致:核验码 {given} 与按规则版本 {version} 重新计算的结果不符:输入、计算日期或金额与生成核验码时不同;重新计算的核验码为 {now}。"
        ),
        (Check::OtherFigures, false) => format!(
            "not consistent: code {given} does not match the result recomputed under rules {version}: the inputs, the date or the figures differ from those the code was made for; recomputed now, the code is {now}"
        ),
        (Check::Malformed, true) => format!(
            "“{given}”不是核验码:核验码为16个字符(数字和除 I、L、O、U 外的大写字母),如 ABCD-EFGH-JKMN-PQRS"
        ),
        (Check::Malformed, false) => format!(
            "\"{given}\" is not a verification code: a code is 16 characters (digits and capital letters but I, L, O and U), like ABCD-EFGH-JKMN-PQRS"
        ),
    }
}

/// Compares a code given with the code of a result made now.
pub fn check(given: &str, now: &str, version: &str) -> Check {
    let Some(given) = normalize(given) else {
        return Check::Malformed;
    };
    if given == now {
        Check::Same
    } else if given[..2] != version_mark(version) {
        Check::OtherVersion {
            mark: given[..2].to_string(),
        }
    } else {
        Check::OtherFigures
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_is_written_sorted_whatever_its_order() {
        // The order the codes made so far were made with: `sort_unstable` on the values' text.
        for given in [
            ["unicorn", "high_tech", "little_giant"],
            ["little_giant", "unicorn", "high_tech"],
            ["high_tech", "little_giant", "unicorn"],
        ] {
            let mut out = String::new();
            value(&Val::Set(given.to_vec().into_boxed_slice()), &mut |s| {
                out.push_str(s)
            });
            assert_eq!(out, "high_tech,little_giant,unicorn", "{given:?}");
        }
        let mut out = String::new();
        value(&Val::Set(Box::new([])), &mut |s| out.push_str(s));
        assert_eq!(out, "");
    }
}
