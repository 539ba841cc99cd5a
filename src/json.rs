//! A small, strict JSON parser (RFC 8259) straight into `serde_json::Value`.
//!
//! Why not `serde_json::from_str`: going through serde's generic `Deserialize` machinery costs about
//! 30 KB of the web app's WebAssembly, and every parse in this project wants a plain `Value` anyway.
//! `tests/json.rs` checks it against serde_json on generated and mutated documents. Numbers keep
//! their exact text (serde_json's `arbitrary_precision`): the engine reads money from that text,
//! never through a float. Stricter than serde_json in one way: a key given twice in one object is
//! an error naming the key (serde_json keeps the last). Nesting is limited to 128 levels.
use serde_json::{Map, Number, Value};
use std::fmt;

/// What is wrong with a JSON text: where (line and column) in `message`, and for a key given
/// twice, the dotted path of that key in `path`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub path: Option<String>,
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl From<String> for JsonError {
    fn from(message: String) -> JsonError {
        JsonError {
            path: None,
            message,
        }
    }
}

const MAX_DEPTH: u32 = 128;

/// Sets a dotted path (`other.shanghai.x`) in a JSON object, creating the objects on the way. Where
/// the way holds something that is not an object, nothing is set (a validator then names it).
pub fn set_path(root: &mut Map<String, Value>, path: &str, v: Value) {
    let mut cur = root;
    let mut parts = path.split('.').peekable();
    while let Some(p) = parts.next() {
        if parts.peek().is_none() {
            cur.insert(p.to_string(), v);
            return;
        }
        let next = cur
            .entry(p.to_string())
            .or_insert_with(|| Value::Object(Map::new()));
        let Value::Object(m) = next else { return };
        cur = m;
    }
}

/// Parses one JSON document. The error says what is wrong and where (line and column).
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let mut p = Parser {
        s: text.as_bytes(),
        i: 0,
        depth: 0,
        path: Vec::new(),
        dup: None,
    };
    p.ws();
    let v = p
        .value()
        .map_err(|e| p.dup.take().unwrap_or(JsonError::from(e)))?;
    p.ws();
    if p.i < p.s.len() {
        return Err(p.error("trailing characters").into());
    }
    Ok(v)
}

struct Parser<'a> {
    s: &'a [u8],
    i: usize,
    depth: u32,
    /// Where the cursor is: object keys and "[i]" for list items, to name a duplicate key.
    path: Vec<String>,
    dup: Option<JsonError>,
}

impl Parser<'_> {
    fn error(&self, msg: &str) -> String {
        let upto = &self.s[..self.i.min(self.s.len())];
        let line = upto.iter().filter(|b| **b == b'\n').count() + 1;
        let col = upto.iter().rev().take_while(|b| **b != b'\n').count() + 1;
        format!("{msg} at line {line} column {col}")
    }

    /// The current path as the engine names fields: `scenarios[0].name`.
    fn dotted(&self) -> String {
        let mut out = String::new();
        for p in &self.path {
            if !out.is_empty() && !p.starts_with('[') {
                out.push('.');
            }
            out.push_str(p);
        }
        out
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
            if map.contains_key(&key) {
                self.path.push(key);
                let at = self.error("key given twice");
                self.dup = Some(JsonError {
                    path: Some(self.dotted()),
                    message: format!("key given twice ({at}); give each key once"),
                });
                return Err(at);
            }
            self.path.push(key);
            let v = self.value();
            let key = self.path.pop().unwrap_or_default();
            map.insert(key, v?);
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
            self.path.push(format!("[{}]", list.len()));
            let v = self.value();
            self.path.pop();
            list.push(v?);
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
        if self.peek() == Some(b'.') {
            self.i += 1;
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.i += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.i += 1;
            }
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        let text = self.text(start)?;
        // arbitrary_precision: the Number keeps this exact text.
        text.parse::<Number>()
            .map(Value::Number)
            .map_err(|_| self.error("invalid number"))
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use serde_json::json;

    #[test]
    fn values() {
        assert_eq!(
            parse(r#" {"a": [1, -2, 3.5, true, false, null, "x\"\u4e2d\ud83d\ude00"]} "#).unwrap(),
            json!({"a": [1, -2, 3.5, true, false, null, "x\"中😀"]})
        );
        assert_eq!(parse("1e2").unwrap().to_string(), "1e+2");
        assert_eq!(
            parse("18446744073709551616").unwrap().to_string(),
            "18446744073709551616"
        );
        assert_eq!(
            parse("1000000.00000000001").unwrap().to_string(),
            "1000000.00000000001"
        );
        assert_eq!(parse("-0").unwrap().to_string(), "-0");
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            parse("{\"a\": 1,\n \"b\": }").unwrap_err().message,
            "expected value at line 2 column 7"
        );
        let dup = parse("{\"s\": [{\"a\": {\"b\": 1, \"b\": 2}}]}").unwrap_err();
        assert_eq!(dup.path.as_deref(), Some("s[0].a.b"));
        assert!(dup.message.contains("key given twice"));
        assert!(parse("[1,]").is_err());
        assert!(parse("01").is_err());
        assert!(parse("1.").is_err());
        assert!(parse("\"\\ud800\"").is_err());
        assert!(parse("\"a\nb\"").is_err());
        assert!(
            parse("1e999").is_ok(),
            "kept as text; the engine refuses it by field"
        );
        assert!(
            parse(&"[".repeat(200))
                .unwrap_err()
                .message
                .contains("recursion limit")
        );
        assert!(parse("{} x").unwrap_err().message.contains("trailing"));
        assert!(parse("").unwrap_err().message.contains("EOF"));
    }
}
