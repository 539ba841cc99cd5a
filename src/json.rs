//! A small, strict JSON parser (RFC 8259) straight into `serde_json::Value`.
//!
//! Why not `serde_json::from_str`: going through serde's generic `Deserialize` machinery costs about
//! 30 KB of the web app's WebAssembly, and every parse in this project wants a plain `Value` anyway.
//! `tests/json.rs` checks it against serde_json on generated and mutated documents. Numbers read as
//! serde_json reads them (without `arbitrary_precision`): integers as u64 / i64, everything else as an
//! f64 — exactly the nearest one for up to 15 significant digits and exponents within ±22 (every
//! figure a person types; money is then checked as a decimal anyway), and within a few units in the
//! last place beyond that. (Core's correctly-rounded parser would add a 10 KB table to the bundle.)
//! Nesting is limited to 128 levels, as in serde_json.
use serde_json::{Map, Number, Value};

const MAX_DEPTH: u32 = 128;

/// Parses one JSON document. The error says what is wrong and where (line and column).
pub fn parse(text: &str) -> Result<Value, String> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
    };
    p.ws();
    let v = p.value()?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: u32,
}

impl Parser<'_> {
    fn error(&self, msg: &str) -> String {
        let upto = &self.s[..self.i.min(self.s.len())];
        let line = upto.iter().filter(|b| **b == b'\n').count() + 1;
        let col = upto.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        format!("{msg} at line {line} column {col}")
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, word: &[u8]) -> Result<(), String> {
        if self.s[self.i..].starts_with(word) {
            self.i += word.len();
            Ok(())
        } else {
            Err(self.error("expected value"))
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        match self.peek() {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'{') => self.nested(Self::object),
            Some(b'[') => self.nested(Self::array),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.eat(b"true").map(|_| Value::Bool(true)),
            Some(b'f') => self.eat(b"false").map(|_| Value::Bool(false)),
            Some(b'n') => self.eat(b"null").map(|_| Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Value, String>) -> Result<Value, String> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
        }
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn object(&mut self) -> Result<Value, String> {
        self.i += 1;
        let mut map = Map::new();
        self.ws();
        if self.peek() == Some(b'}') {
            self.i += 1;
            return Ok(Value::Object(map));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.error(if self.peek().is_none() {
                    "EOF while parsing an object"
                } else {
                    "key must be a string"
                }));
            }
            let key = self.string()?;
            self.ws();
            if self.peek() != Some(b':') {
                return Err(self.error(if self.peek().is_none() {
                    "EOF while parsing an object"
                } else {
                    "expected `:`"
                }));
            }
            self.i += 1;
            self.ws();
            let v = self.value()?;
            map.insert(key, v);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b'}') => {
                    self.i += 1;
                    return Ok(Value::Object(map));
                }
                None => return Err(self.error("EOF while parsing an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    fn array(&mut self) -> Result<Value, String> {
        self.i += 1;
        let mut list = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.i += 1;
            return Ok(Value::Array(list));
        }
        loop {
            self.ws();
            list.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.i += 1,
                Some(b']') => {
                    self.i += 1;
                    return Ok(Value::Array(list));
                }
                None => return Err(self.error("EOF while parsing a list")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let h = self
            .s
            .get(self.i..self.i + 4)
            .ok_or_else(|| self.error("EOF while parsing a string"))?;
        let mut n = 0;
        for c in h {
            let d = (*c as char)
                .to_digit(16)
                .ok_or_else(|| self.error("invalid escape"))?;
            n = n * 16 + d;
        }
        self.i += 4;
        Ok(n)
    }

    fn string(&mut self) -> Result<String, String> {
        self.i += 1;
        let mut out = String::new();
        let mut start = self.i;
        loop {
            match self.peek() {
                None => return Err(self.error("EOF while parsing a string")),
                Some(b'"') => {
                    out.push_str(self.text(start)?);
                    self.i += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    out.push_str(self.text(start)?);
                    self.i += 1;
                    let c = self
                        .peek()
                        .ok_or_else(|| self.error("EOF while parsing a string"))?;
                    self.i += 1;
                    match c {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => {
                            let hi = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&hi) {
                                if !self.s[self.i..].starts_with(b"\\u") {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                self.i += 2;
                                let lo = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&lo) {
                                    return Err(self.error("lone leading surrogate in hex escape"));
                                }
                                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
                            } else if (0xDC00..0xE000).contains(&hi) {
                                return Err(self.error("lone trailing surrogate in hex escape"));
                            } else {
                                hi
                            };
                            out.push(
                                char::from_u32(code)
                                    .ok_or_else(|| self.error("invalid unicode code point"))?,
                            );
                        }
                        _ => return Err(self.error("invalid escape")),
                    }
                    start = self.i;
                }
                Some(c) if c < 0x20 => {
                    return Err(self.error(
                        "control character (\\u0000-\\u001F) found while parsing a string",
                    ));
                }
                Some(_) => self.i += 1,
            }
        }
    }

    /// The raw text from `start` to the cursor (the input is a &str, and we only split at ASCII).
    fn text(&self, start: usize) -> Result<&str, String> {
        std::str::from_utf8(&self.s[start..self.i]).map_err(|_| self.error("invalid UTF-8"))
    }

    fn digits(&mut self) -> usize {
        let from = self.i;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.i += 1;
        }
        self.i - from
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.i;
        let negative = self.peek() == Some(b'-');
        if negative {
            self.i += 1;
        }
        match self.peek() {
            Some(b'0') => {
                self.i += 1;
                if matches!(self.peek(), Some(b'0'..=b'9')) {
                    return Err(self.error("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.error("invalid number")),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.i += 1;
            integer = false;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            integer = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        let text = self.text(start)?;
        if integer {
            if negative {
                if let Ok(n) = text.parse::<i64>() {
                    return Ok(Value::Number(n.into()));
                }
            } else if let Ok(n) = text.parse::<u64>() {
                return Ok(Value::Number(n.into()));
            }
        }
        let f = to_f64(text);
        Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| self.error("number out of range"))
    }
}

/// Powers of ten that f64 holds exactly.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// A JSON number's text (already checked against the grammar) as f64: Clinger's fast path — the
/// significand as an exact integer, times or divided by an exact power of ten — which is correctly
/// rounded whenever the significand has at most 15 digits and the exponent is within ±22.
fn to_f64(text: &str) -> f64 {
    let (negative, body) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mantissa, exp) = match body.find(['e', 'E']) {
        Some(i) => (
            &body[..i],
            body[i + 1..]
                .parse::<i64>()
                .unwrap_or(if body.as_bytes().get(i + 1) == Some(&b'-') {
                    -9999
                } else {
                    9999
                }),
        ),
        None => (body, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let mut m: u64 = 0;
    let mut e10: i64 = exp - frac.len() as i64;
    let mut seen = false;
    for c in int.bytes().chain(frac.bytes()) {
        if c == b'0' && !seen {
            continue;
        }
        seen = true;
        if m < 100_000_000_000_000_000 {
            m = m * 10 + u64::from(c - b'0');
        } else {
            // Digits past the 18th change the value by less than one part in 10^17.
            e10 += 1;
        }
    }
    let mut f = m as f64;
    if m == 0 || e10 < -400 {
        f = 0.0;
    } else if e10 > 400 {
        f = f64::INFINITY;
    } else {
        let mut e = e10;
        while e > 22 {
            f *= 1e22;
            e -= 22;
        }
        while e < -22 {
            f /= 1e22;
            e += 22;
        }
        if e >= 0 {
            f *= POW10[e as usize];
        } else {
            f /= POW10[(-e) as usize];
        }
    }
    if negative { -f } else { f }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use serde_json::json;

    #[test]
    fn values() {
        assert_eq!(
            parse(r#" {"a": [1, -2, 3.5, 1e2, true, false, null, "x\"\u4e2d\ud83d\ude00"]} "#)
                .unwrap(),
            json!({"a": [1, -2, 3.5, 100.0, true, false, null, "x\"中😀"]})
        );
        assert_eq!(
            parse("18446744073709551616").unwrap(),
            json!(18446744073709551616.0)
        );
        assert_eq!(parse("-0").unwrap(), json!(0));
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            parse("{\"a\": 1,\n \"b\": }").unwrap_err(),
            "expected value at line 2 column 7"
        );
        assert!(parse("[1,]").is_err());
        assert!(parse("01").is_err());
        assert!(parse("1.").is_err());
        assert!(parse("\"\\ud800\"").is_err());
        assert!(parse("\"a\nb\"").is_err());
        assert!(parse("1e999").unwrap_err().contains("out of range"));
        assert!(
            parse(&"[".repeat(200))
                .unwrap_err()
                .contains("recursion limit")
        );
        assert!(parse("{} x").unwrap_err().contains("trailing"));
        assert!(parse("").unwrap_err().contains("EOF"));
    }
}
