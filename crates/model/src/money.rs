//! Exact money: parsing, rounding once per clause, and display.
use rust_decimal::{Decimal, RoundingStrategy};

/// Rounds to 0.01 yuan, half away from zero (四舍五入).
pub fn round_yuan(d: Decimal) -> Decimal {
    let scale = d.scale();
    if scale <= 2 {
        return d; // already in cents: nothing to round (and the common case)
    }
    // A figure times a rate (a mantissa within u64, a few decimals too many): rounded in u64
    // arithmetic, the same decimal rust_decimal's general rounding gives (tested), at a tenth of
    // its cost — it ran for most clauses of every evaluation.
    if let (Ok(m), Some(p)) = (
        u64::try_from(d.mantissa().unsigned_abs()),
        10u64.checked_pow(scale - 2),
    ) {
        let (q, r) = (m / p, m % p);
        let q = if r >= p - r { q + 1 } else { q };
        return Decimal::from_parts(q as u32, (q >> 32) as u32, 0, d.is_sign_negative(), 2);
    }
    d.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// The decimal digits of `x`, last digit first; returns how many. In u64 arithmetic where it fits
/// (every amount an application can hold): u128 division is slow, and this runs for every figure.
fn digits_of(x: u128, out: &mut [u8; 40]) -> usize {
    let mut n = 0;
    match u64::try_from(x) {
        Ok(mut x) => loop {
            out[n] = b'0' + (x % 10) as u8;
            n += 1;
            x /= 10;
            if x == 0 {
                return n;
            }
        },
        Err(_) => {
            let mut x = x;
            loop {
                out[n] = b'0' + (x % 10) as u8;
                n += 1;
                x /= 10;
                if x == 0 {
                    return n;
                }
            }
        }
    }
}

/// "1234567.5" → "1234567.50": the contract's amount format.
pub fn fixed2(d: Decimal) -> String {
    let mut buf = [0u8; FIXED2_MAX];
    written(d, &mut buf).to_owned()
}

/// The longest amount text: a sign, 29 digits, the point and two decimals.
const FIXED2_MAX: usize = 33;

/// [`fixed2`]'s text, laid out in `buf` (no allocation).
fn written(d: Decimal, buf: &mut [u8; FIXED2_MAX]) -> &str {
    // Nothing: the most common figure (a total no draft clause adds to, a clause's nothing).
    if d.is_zero() {
        return "0.00";
    }
    let (negative, fen) = fen(d);
    let (int, cents) = match u64::try_from(fen) {
        Ok(f) => (u128::from(f / 100), (f % 100) as u8),
        Err(_) => (fen / 100, (fen % 100) as u8),
    };
    let mut digits = [0u8; 40];
    let n = digits_of(int, &mut digits);
    let mut len = 0;
    if negative && fen != 0 {
        buf[0] = b'-';
        len = 1;
    }
    for d in digits[..n].iter().rev() {
        buf[len] = *d;
        len += 1;
    }
    buf[len] = b'.';
    buf[len + 1] = b'0' + cents / 10;
    buf[len + 2] = b'0' + cents % 10;
    std::str::from_utf8(&buf[..len + 3]).unwrap_or_default()
}

/// An amount in yuan as the result carries it: exact, written with two decimals ("1234567.50",
/// [`fixed2`]) only when shown or serialised, so an evaluation makes no text and allocates nothing
/// for its figures. Compares with a text as that text: `yuan == "1234567.50"`.
#[derive(Clone, Copy, Default)]
pub struct Yuan(pub Decimal);

impl Yuan {
    /// The exact figure.
    pub fn value(self) -> Decimal {
        self.0
    }
    /// Appends the text ("1234567.50") to `out`: a table written straight to bytes.
    pub fn write_to(self, out: &mut Vec<u8>) {
        out.extend_from_slice(written(self.0, &mut [0u8; FIXED2_MAX]).as_bytes());
    }
    /// Whether the amount is nothing (to the fen).
    pub fn is_zero(self) -> bool {
        fen(self.0).1 == 0
    }
    /// The figure as written, read back: rounded to the fen (half away from zero), with two
    /// decimals where the 96-bit decimal can hold them (every amount an application can reach).
    pub fn rounded(self) -> Decimal {
        let (negative, fen) = fen(self.0);
        i128::try_from(fen)
            .ok()
            .and_then(|f| Decimal::try_from_i128_with_scale(if negative { -f } else { f }, 2).ok())
            .unwrap_or_else(|| round_yuan(self.0))
    }
}

impl std::fmt::Display for Yuan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(written(self.0, &mut [0u8; FIXED2_MAX]))
    }
}

impl std::fmt::Debug for Yuan {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(written(self.0, &mut [0u8; FIXED2_MAX]), f)
    }
}

impl serde::Serialize for Yuan {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(written(self.0, &mut [0u8; FIXED2_MAX]))
    }
}

/// Two amounts are equal when they are the same to the fen (as written: rounded half away from
/// zero), compared as numbers.
impl PartialEq for Yuan {
    fn eq(&self, other: &Yuan) -> bool {
        let ((a_neg, a), (b_neg, b)) = (fen(self.0), fen(other.0));
        a == b && (a == 0 || a_neg == b_neg)
    }
}

impl PartialEq<str> for Yuan {
    fn eq(&self, other: &str) -> bool {
        written(self.0, &mut [0u8; FIXED2_MAX]) == other
    }
}

impl PartialEq<&str> for Yuan {
    fn eq(&self, other: &&str) -> bool {
        *self == **other
    }
}

/// The figure in fen as [`fixed2`] writes it (rounded half away from zero to the fen); 0 past
/// i64 (no figure an application can give).
pub fn fen_of(d: Decimal) -> i64 {
    let (negative, fen) = fen(d);
    let fen = i64::try_from(fen).unwrap_or(0);
    if negative { -fen } else { fen }
}

/// For the steps a person reads: thousands separators, and no ".00" on whole amounts
/// ("1,234.50", "3,000,000"). Works on the mantissa directly: this runs for every figure of every
/// step, and `Decimal`'s own Display plus regrouping was a third of an evaluation's time.
pub fn human(d: Decimal) -> String {
    Human(d).to_string()
}

/// [`human`] as `Display`: written straight into the text being made (a step, a JSON string), with
/// no string of its own.
pub struct Human(pub Decimal);

impl std::fmt::Display for Human {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (negative, fen) = fen(self.0);
        let (int, cents) = (fen / 100, (fen % 100) as u8);
        // Two decimals or none: "1234.5" shows as "1,234.50", "1234.00" as "1,234".
        let decimals = [b'0' + cents / 10, b'0' + cents % 10];
        let decimals: &[u8] = if cents != 0 { &decimals } else { &[] };
        write_figure(f, negative && fen != 0, int, decimals)
    }
}

/// A figure before its rounding to the fen, as the steps show a product or a sum: [`Human`] where it
/// has at most two decimals, else every decimal it has ("300,000.015"), so that the parts shown add
/// up to the total shown, and the rounding step says where the cent came from.
pub struct Precise(pub Decimal);

impl std::fmt::Display for Precise {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.0.normalize();
        if d.scale() <= 2 {
            return Human(d).fmt(f);
        }
        // Straight from the mantissa, as `Human` writes (no Decimal arithmetic or 128-bit
        // formatting carried into the bundles for it).
        let m = d.mantissa().unsigned_abs();
        let scale = d.scale() as usize;
        let p = 10u128.pow(d.scale());
        let (int, mut fract) = (m / p, m % p);
        let mut decimals = [b'0'; 28];
        for x in decimals[..scale].iter_mut().rev() {
            *x = b'0' + (fract % 10) as u8;
            fract /= 10;
        }
        write_figure(f, d.is_sign_negative(), int, &decimals[..scale])
    }
}

/// A figure as the steps write it: the sign, the whole part with thousands separators, and the
/// decimals given (none: no point).
fn write_figure(
    f: &mut std::fmt::Formatter<'_>,
    negative: bool,
    int: u128,
    decimals: &[u8],
) -> std::fmt::Result {
    let mut digits = [0u8; 40];
    let n = digits_of(int, &mut digits);
    // At most 29 digits, 9 separators, a sign, a point and 28 decimals.
    let mut out = [0u8; 72];
    let mut len = 0;
    let mut push = |b: u8| {
        out[len] = b;
        len += 1;
    };
    if negative {
        push(b'-');
    }
    for i in (0..n).rev() {
        push(digits[i]);
        if i > 0 && i % 3 == 0 {
            push(b',');
        }
    }
    if !decimals.is_empty() {
        push(b'.');
        decimals.iter().for_each(|b| push(*b));
    }
    f.write_str(std::str::from_utf8(&out[..len]).map_err(|_| std::fmt::Error)?)
}

/// The figure rounded to the fen (四舍五入, half away from zero: `p` is a power of ten, so half of it
/// is exact), as (negative, fen): straight from
/// the mantissa, in u64 arithmetic where it fits (every figure an application can give), where
/// `round_yuan` rescales a `Decimal` and divides in 96 bits.
fn fen(d: Decimal) -> (bool, u128) {
    let m = d.mantissa().unsigned_abs();
    let scale = d.scale();
    let fen = if scale <= 2 {
        m * 10u128.pow(2 - scale)
    } else {
        let p = 10u128.pow(scale - 2);
        match (u64::try_from(m), u64::try_from(p)) {
            (Ok(m), Ok(p)) => u128::from(m / p + u64::from(m % p >= p / 2)),
            _ => m / p + u128::from(m % p >= p / 2),
        }
    };
    (d.is_sign_negative(), fen)
}

/// A rate as a percentage: 0.3 → "30%", 0.015 → "1.5%".
pub fn percent(rate: Decimal) -> String {
    format!("{}%", (rate * Decimal::ONE_HUNDRED).normalize())
}

/// Yuan shown in 万元, as `human` shows yuan: 8000000 → "800", 16666666.7 → "1,666.67".
pub fn in_wan(d: Decimal) -> String {
    human(d / Decimal::from(10_000))
}

/// "-123.4500" (an optional minus, digits, an optional point with digits) as the decimal with
/// exactly those digits and that scale, as rust_decimal's `FromStr` makes it; None for any other
/// text, more than 28 decimals or a mantissa beyond 96 bits. The one text → decimal path of the
/// pages: `FromStr` also carries scientific notation (3 KB of wasm) no figure here is written in.
pub fn plain_decimal(s: &str) -> Option<Decimal> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = match body.split_once('.') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (body, ""),
    };
    if int.is_empty() {
        return None;
    }
    let mut m: i128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        m = m.checked_mul(10)?.checked_add(i128::from(b - b'0'))?;
    }
    let d = Decimal::try_from_i128_with_scale(m, u32::try_from(frac.len()).ok()?).ok()?;
    Some(if negative { -d } else { d })
}

/// Parses a plain decimal: digits, an optional point and at most two decimals, no exponent, and no
/// sign but on zero (`-0` is zero). The error is a short English reason; the caller names the field.
pub fn parse_plain(s: &str, max_decimals: u32) -> Result<Decimal, &'static str> {
    // A digit at each end leaves nothing to trim (the common cell): no Unicode whitespace scan.
    let b = s.as_bytes();
    let t = if b.first().is_some_and(u8::is_ascii_digit) && b.last().is_some_and(u8::is_ascii_digit)
    {
        s
    } else {
        s.trim()
    };
    if t.is_empty() {
        return Err("empty: give a number such as \"1250000.50\"");
    }
    if let Some(rest) = t.strip_prefix('-').filter(|r| !r.starts_with('-')) {
        return match parse_plain(rest, max_decimals) {
            Ok(d) if d.is_zero() => Ok(Decimal::ZERO),
            Ok(_) => Err("must not be negative"),
            Err(e) => Err(e),
        };
    }
    // One pass over the bytes (a batch reads several numbers per row): the digits before the
    // point, the significant ones among them, the decimals, and the mantissa while it fits.
    let (mut int, mut significant, mut decimals, mut point) = (0usize, 0usize, 0u32, false);
    let mut m: u64 = 0;
    for &c in t.as_bytes() {
        match c {
            b'0'..=b'9' if point => decimals += 1,
            b'0'..=b'9' => {
                int += 1;
                if significant > 0 || c != b'0' {
                    significant += 1;
                }
            }
            b'.' if !point => {
                point = true;
                continue;
            }
            _ => return Err(NOT_A_NUMBER),
        }
        if significant <= 16 && decimals <= 2 {
            m = m * 10 + u64::from(c - b'0');
        }
    }
    if int == 0 || (point && decimals == 0) {
        return Err(NOT_A_NUMBER);
    }
    if decimals > max_decimals {
        return Err(if max_decimals == 2 {
            "more than two decimal places"
        } else {
            "must be a whole number"
        });
    }
    if significant > 16 {
        return Err("absurdly large");
    }
    // At most 16 + 2 significant digits: the mantissa fits a u64, and is what rust_decimal's own
    // parser makes (the same digits, the scale the decimals given).
    if decimals <= 2 {
        return Ok(Decimal::from_i128_with_scale(i128::from(m), decimals));
    }
    plain_decimal(t).ok_or("not a number")
}

/// What [`parse_json_number`] says of a number it cannot read.
pub const NOT_A_NUMBER: &str =
    "not a number: use digits with an optional decimal point, e.g. \"1250000.50\"";

/// A JSON number's exact text (grammar already checked, no sign) as a decimal with at most
/// `max_decimals` decimals: exponents are applied to the digits, never through a float. A value
/// that cannot be represented exactly within those decimals, or with more than 16 integer digits,
/// is refused; an exponent of any size is fine when the digits are zero.
pub fn parse_json_number(text: &str, max_decimals: u32) -> Result<Decimal, &'static str> {
    let (mantissa, exp) = match text.find(['e', 'E']) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => (text, "0"),
    };
    let (neg_exp, exp_digits) = match exp.as_bytes().first() {
        Some(b'-') => (true, &exp[1..]),
        Some(b'+') => (false, &exp[1..]),
        _ => (false, exp),
    };
    let exp_digits = exp_digits.trim_start_matches('0');
    // Beyond nine digits the exponent only says "enormous" or "tiny": saturate.
    let e: i64 = if exp_digits.len() > 9 {
        1_000_000_000
    } else {
        exp_digits.parse().unwrap_or(0)
    };
    let e = if neg_exp { -e } else { e };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    if !int.bytes().chain(frac.bytes()).all(|c| c.is_ascii_digit()) || int.is_empty() {
        return Err("not a number");
    }
    let digits: String = int.chars().chain(frac.chars()).collect();
    let lead = digits.len() - digits.trim_start_matches('0').len();
    let sig = digits.trim_start_matches('0').trim_end_matches('0');
    if sig.is_empty() {
        return Ok(Decimal::ZERO);
    }
    // Where the decimal point sits, counted from the first significant digit.
    let point = int.len() as i64 - lead as i64 + e;
    let decimals = (sig.len() as i64 - point).max(0);
    if decimals > i64::from(max_decimals) {
        return Err(if max_decimals == 2 {
            "more than two decimal places"
        } else {
            "must be a whole number"
        });
    }
    if point > 16 {
        return Err("absurdly large");
    }
    let plain = if point <= 0 {
        format!("0.{}{sig}", "0".repeat((-point) as usize))
    } else if point as usize >= sig.len() {
        format!("{sig}{}", "0".repeat(point as usize - sig.len()))
    } else {
        format!("{}.{}", &sig[..point as usize], &sig[point as usize..])
    };
    plain_decimal(&plain).ok_or("not a number")
}

/// A derived measure for display: cut (never rounded) to `dp` decimals, with grouping; the flag
/// says whether digits were cut. 299.996 stays "299.996" and never shows as "300".
pub fn truncated(d: Decimal, dp: u32) -> (String, bool) {
    let t = d.round_dp_with_strategy(dp, RoundingStrategy::ToZero);
    let text = t.normalize().to_string();
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut out = human(plain_decimal(int).unwrap_or_default());
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    (out, t != d)
}
