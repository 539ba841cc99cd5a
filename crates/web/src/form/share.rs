//! The share link and the stored form: the form as compact JSON (`to_json` / `from_json`, written
//! by hand: serde's derived code for it cost ~10 KB of wasm), base64url in the URL fragment.
use super::*;

/// The verification code a link's fragment carries (`…&v=CODE`), if any.
pub fn fragment_code(text: &str) -> Option<String> {
    text.trim_start_matches('#')
        .split('&')
        .find_map(|p| p.strip_prefix("v="))
        .filter(|c| !c.is_empty())
        .map(String::from)
}

/// A form's JSON written through serde_json, as its `Value` would be, for the values a form holds:
/// strings, booleans, whole numbers, lists and objects. serde_json's own `Serialize` for `Value`
/// also links a float printer and its tables into every page's bundle (measured 2026-12-04); a form
/// never holds a fraction (every figure is kept as typed, a string), so none is written.
struct Plain<'a>(&'a Value);

impl serde::Serialize for Plain<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Value::Null => s.serialize_unit(),
            Value::Bool(b) => s.serialize_bool(*b),
            Value::Number(n) => match (n.as_u64(), n.as_i64()) {
                (Some(u), _) => s.serialize_u64(u),
                (None, Some(i)) => s.serialize_i64(i),
                _ => s.serialize_unit(),
            },
            Value::String(t) => s.serialize_str(t),
            Value::Array(a) => s.collect_seq(a.iter().map(Plain)),
            Value::Object(m) => s.collect_map(m.iter().map(|(k, v)| (k, Plain(v)))),
        }
    }
}

impl Form {
    /// The share-link fragment: the form as JSON, base64url.
    pub fn to_fragment(&self) -> String {
        base64url(self.to_json_text().as_bytes())
    }

    /// The form as JSON text (what the share link and the browser's storage hold).
    pub fn to_json_text(&self) -> String {
        serde_json::to_string(&Plain(&self.to_json())).unwrap_or_default()
    }

    pub fn from_fragment(text: &str) -> Option<Form> {
        let text = text.trim_start_matches('#');
        // A verification link also carries the code: `a=…&v=CODE`.
        let form = text.split('&').next().unwrap_or(text);
        let bytes = unbase64url(form.trim_start_matches("a="))?;
        Form::from_json(
            &subsidy_calc::input::strict::parse(std::str::from_utf8(&bytes).ok()?).ok()?,
        )
    }

    /// The link that reopens exactly these inputs on `as_of` (the date the figures are for, so the
    /// code still matches another day) with their verification code: `#a=…&v=CODE`.
    pub fn verify_link(&self, base: &str, as_of: subsidy_calc::Date, code: &str) -> String {
        let mut f = self.clone();
        f.as_of = Some(as_of.to_string());
        format!("{base}#a={}&v={code}", f.to_fragment())
    }

    pub fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("r".into(), json!(self.region));
        m.insert(
            "u".into(),
            json!(if self.unit == Unit::Yuan {
                "yuan"
            } else {
                "wan"
            }),
        );
        m.insert(
            "l".into(),
            json!(if self.lang == Lang::En { "en" } else { "zh" }),
        );
        m.insert("v".into(), self.values.to_json());
        let s: Vec<Value> = self
            .scenarios
            .iter()
            .map(|s| json!({"i": s.id, "n": s.name, "c": s.city_selected, "k": s.district_selected, "t": s.total_investment, "d": s.rd_investment, "m": s.manufacturing_first_application}))
            .collect();
        m.insert("s".into(), Value::Array(s));
        if let Some(d) = &self.as_of {
            m.insert("d".into(), json!(d));
        }
        Value::Object(m)
    }

    /// Reads a stored form; None if it is not one (an old or foreign link), never a panic.
    pub fn from_json(v: &Value) -> Option<Form> {
        let text = |v: &Value, k: &str| v.get(k).and_then(Value::as_str).unwrap_or("").to_string();
        let region = text(v, "r");
        if !input::regions().contains(&region.as_str()) {
            return None;
        }
        let mut values = Texts::default();
        for (k, x) in v.get("v").and_then(Value::as_object).into_iter().flatten() {
            if let Some(s) = x.as_str() {
                values.insert(k.clone(), s.to_string());
            }
        }
        let flag = |s: &Value, k: &str| s.get(k).and_then(Value::as_bool).unwrap_or(false);
        // A schema-1 link's one flag ("s") meant both selections: it is dropped, and said so.
        let mut old_flag = false;
        let scenarios = v
            .get("s")
            .and_then(Value::as_array)
            .map(|list| {
                list.iter()
                    .map(|s| ScenarioForm {
                        id: s.get("i").and_then(Value::as_u64).unwrap_or(0) as u32,
                        name: text(s, "n"),
                        city_selected: flag(s, "c"),
                        district_selected: flag(s, "k"),
                        total_investment: text(s, "t"),
                        rd_investment: text(s, "d"),
                        manufacturing_first_application: {
                            old_flag |= flag(s, "s");
                            flag(s, "m")
                        },
                    })
                    .collect()
            })
            .unwrap_or_default();
        Some(Form {
            region,
            unit: if text(v, "u") == "yuan" {
                Unit::Yuan
            } else {
                Unit::Wan
            },
            lang: if text(v, "l") == "en" {
                Lang::En
            } else {
                Lang::Zh
            },
            values,
            scenarios,
            as_of: v.get("d").and_then(Value::as_str).map(String::from),
            notice: old_flag.then(old_selected_notice),
        })
    }
}

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes as URL-safe base64 without padding (the share link's encoding).
pub fn base64url(data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len() * 4 / 3 + 4);
    for chunk in data.chunks(3) {
        let n = (u32::from(chunk[0]) << 16)
            | (u32::from(*chunk.get(1).unwrap_or(&0)) << 8)
            | u32::from(*chunk.get(2).unwrap_or(&0));
        for i in 0..=chunk.len() {
            out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

pub fn unbase64url(text: &str) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let mut buf = 0u32;
    let mut bits = 0;
    for c in text.bytes() {
        let v = B64.iter().position(|b| *b == c)? as u32;
        buf = (buf << 6) | v;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((buf >> bits) as u8);
            buf &= (1 << bits) - 1;
        }
    }
    Some(out)
}
