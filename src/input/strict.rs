//! JSON read strictly: serde_json's parser (numbers keep their exact text, `arbitrary_precision`),
//! through a small key-checking visitor that refuses a key given twice in one object and names it
//! by its dotted path (serde_json alone keeps the last). The command line, the page's API, the share
//! link and the stored form all read JSON here.
use serde::de::{DeserializeSeed, Deserializer, Error, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};
use std::cell::RefCell;
use std::fmt;

/// What is wrong with a JSON text: where (line and column) in `message`, and for a key given
/// twice, the dotted path of that key in `path`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    pub path: Option<String>,
    pub message: String,
}

/// Parses one JSON document (nesting at most 128 levels, serde_json's limit).
pub fn parse(text: &str) -> Result<Value, JsonError> {
    let twice = RefCell::new(None);
    let mut de = serde_json::Deserializer::from_str(text);
    let v = Strict::root(&twice)
        .deserialize(&mut de)
        .and_then(|v| de.end().map(|()| v));
    v.map_err(|e| message(&twice, e.to_string()))
}

fn message(twice: &RefCell<Option<String>>, e: String) -> JsonError {
    match twice.take() {
        Some(path) => JsonError {
            // serde_json's message is ours with where it is: "key given twice at line 1 column 29".
            message: format!("{e}; give each key once"),
            path: Some(path),
        },
        None => JsonError {
            path: None,
            message: e,
        },
    }
}

/// The key under which serde_json (with `arbitrary_precision`) passes a number's text.
const NUMBER: &str = "$serde_json::private::Number";

/// The visitor: a value at its place — its parent's place, then its own step (a key or an index); a
/// key given twice has its dotted path written to `twice`. The place is a chain of borrowed steps,
/// joined into a path only for that error: a path string made for every key and element was half
/// of reading an application (callgrind, the Hongshan example).
struct Strict<'a> {
    parent: Option<&'a Strict<'a>>,
    step: Step<'a>,
    twice: &'a RefCell<Option<String>>,
}

#[derive(Clone, Copy)]
enum Step<'a> {
    Root,
    Key(&'a str),
    Index(usize),
}

impl<'a> Strict<'a> {
    fn root(twice: &'a RefCell<Option<String>>) -> Strict<'a> {
        Strict {
            parent: None,
            step: Step::Root,
            twice,
        }
    }
    fn child(&'a self, step: Step<'a>) -> Strict<'a> {
        Strict {
            parent: Some(self),
            step,
            twice: self.twice,
        }
    }
    /// The dotted path: "s[0].a.b".
    fn path(&self) -> String {
        let mut steps = Vec::new();
        let mut at = Some(self);
        while let Some(s) = at {
            steps.push(s.step);
            at = s.parent;
        }
        let mut path = String::new();
        for step in steps.into_iter().rev() {
            match step {
                Step::Root => {}
                Step::Key(k) if path.is_empty() => path.push_str(k),
                Step::Key(k) => {
                    path.push('.');
                    path.push_str(k);
                }
                Step::Index(i) => {
                    let _ = fmt::Write::write_fmt(&mut path, format_args!("[{i}]"));
                }
            }
        }
        path
    }
}

impl<'de> DeserializeSeed<'de> for Strict<'_> {
    type Value = Value;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Strict<'_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_map<M: MapAccess<'de>>(self, mut m: M) -> Result<Value, M::Error> {
        let mut out = Map::new();
        while let Some(key) = m.next_key::<String>()? {
            if key == NUMBER && out.is_empty() {
                // serde_json hands a number's exact text (`arbitrary_precision`) as this one-key map.
                let text: String = m.next_value()?;
                return text
                    .parse()
                    .map(Value::Number)
                    .map_err(|_| M::Error::custom("not a number"));
            }
            let seed = self.child(Step::Key(&key));
            if out.contains_key(&key) {
                *self.twice.borrow_mut() = Some(seed.path());
                return Err(M::Error::custom("key given twice"));
            }
            let v = m.next_value_seed(seed)?;
            out.insert(key, v);
        }
        Ok(Value::Object(out))
    }
    fn visit_seq<S: SeqAccess<'de>>(self, mut s: S) -> Result<Value, S::Error> {
        let mut out = Vec::new();
        loop {
            let seed = self.child(Step::Index(out.len()));
            match s.next_element_seed(seed)? {
                Some(v) => out.push(v),
                None => break,
            }
        }
        Ok(Value::Array(out))
    }
    // Everything else is what serde_json's own `Value` makes of it (numbers keep their text).
    fn visit_bool<E: Error>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E: Error>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    fn visit_u64<E: Error>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }
    // Text never comes here: with `arbitrary_precision` serde_json hands every number's exact text
    // to `visit_map` (above). A float would be no exact amount; and making a Number of one would
    // carry a float printer into every bundle (~1.5 KB of wasm).
    fn visit_f64<E: Error>(self, _: f64) -> Result<Value, E> {
        Err(E::custom("not an exact number"))
    }
    fn visit_str<E: Error>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_string()))
    }
    fn visit_string<E: Error>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_unit<E: Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E: Error>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
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
        // Numbers keep their exact text: the engine reads money from it, never through a float.
        assert_eq!(
            parse("18446744073709551616").unwrap().to_string(),
            "18446744073709551616"
        );
        assert_eq!(
            parse("1000000.00000000001").unwrap().to_string(),
            "1000000.00000000001"
        );
        assert_eq!(parse("{\"n\": 333.35}").unwrap()["n"].to_string(), "333.35");
    }

    #[test]
    fn errors_say_where() {
        assert_eq!(
            parse("{\"a\": 1,\n \"b\": }").unwrap_err().message,
            "expected value at line 2 column 7"
        );
        let dup = parse("{\"s\": [{\"a\": {\"b\": 1, \"b\": 2}}]}").unwrap_err();
        assert_eq!(dup.path.as_deref(), Some("s[0].a.b"));
        assert!(dup.message.contains("key given twice"), "{}", dup.message);
        let top = parse("{\"region\": \"a\", \"region\": \"b\"}").unwrap_err();
        assert_eq!(top.path.as_deref(), Some("region"));
        assert!(parse("[1,]").is_err());
        assert!(parse("01").is_err());
        assert!(parse("1.").is_err());
        assert!(parse("\"a\nb\"").is_err());
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
