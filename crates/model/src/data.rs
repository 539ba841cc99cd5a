//! The two shapes of rule data: [`Str`] (text) and [`List`] (a list). Each is either baked (a
//! `&'static` borrowed from the engine's packed book, [`crate::packed`]) or read at run time (owned, in host tests), and
//! reads like `&str` / `&[T]` either way. In the browser bundles the English words and the quotes
//! are baked as markers and fetched when first shown ([`lazy`]): a `Str` reads as its text once
//! that has arrived.
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

/// Text in the rule data.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Str(Cow<'static, str>);

impl Str {
    pub const fn new(s: &'static str) -> Str {
        Str(Cow::Borrowed(s))
    }
    /// The text (a fetched text once it has arrived: [`lazy`]).
    pub fn as_str(&self) -> &str {
        lazy::resolve(&self.0)
    }
    /// The text as stored: a fetched text's marker, not its words (ids never are).
    pub fn raw(&self) -> &str {
        &self.0
    }
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        lazy::resolve(&self.0)
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        lazy::resolve(&self.0)
    }
}

impl Borrow<str> for Str {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl fmt::Display for Str {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(lazy::resolve(&self.0))
    }
}

impl From<String> for Str {
    fn from(s: String) -> Str {
        Str(Cow::Owned(s))
    }
}

impl From<&'static str> for Str {
    fn from(s: &'static str) -> Str {
        Str(Cow::Borrowed(s))
    }
}

// A text made a String is its words (a fetched text's once it has arrived, "…" until then), as it
// reads everywhere else; `raw()` is the stored marker, for the rule book's own bake.
impl From<Str> for String {
    fn from(s: Str) -> String {
        match s.0 {
            Cow::Owned(o) if !o.starts_with(lazy::MARK) => o,
            c => lazy::resolve(&c).to_string(),
        }
    }
}

impl From<&Str> for String {
    fn from(s: &Str) -> String {
        lazy::resolve(&s.0).to_string()
    }
}

impl PartialEq<str> for Str {
    fn eq(&self, o: &str) -> bool {
        *self.0 == *o
    }
}

impl PartialEq<&str> for Str {
    fn eq(&self, o: &&str) -> bool {
        *self.0 == **o
    }
}

impl PartialEq<String> for Str {
    fn eq(&self, o: &String) -> bool {
        *self.0 == **o
    }
}

impl PartialEq<Str> for str {
    fn eq(&self, o: &Str) -> bool {
        *self == *o.0
    }
}

impl PartialEq<Str> for &str {
    fn eq(&self, o: &Str) -> bool {
        **self == *o.0
    }
}

impl PartialEq<Str> for String {
    fn eq(&self, o: &Str) -> bool {
        **self == *o.0
    }
}

impl Serialize for Str {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(lazy::resolve(&self.0))
    }
}

/// The texts a browser bundle fetches when first shown: the English words and the quotes of the
/// rule data (`texts-<hash>.txt` beside the bundle; `subsidy-rulebook` splits them out when it
/// bakes the browser's book). A baked text is then the marker `\u{1}<n>`, and reads as the n-th
/// text once [`lazy::set`] has been given them — as "…" until then. Nothing else of the data, and no
/// figure, depends on them: the page shows its first figures before they arrive.
pub mod lazy {
    use std::sync::OnceLock;

    /// What a marker starts with (a control character no text of the data holds).
    pub const MARK: char = '\u{1}';
    /// What a text reads as before it has arrived.
    pub const PENDING: &str = "…";
    /// What ends each text in the texts file (the record separator: no text of the data holds it).
    pub const SEPARATOR: char = '\u{1e}';

    static TEXTS: OnceLock<Vec<&'static str>> = OnceLock::new();

    /// The text a stored string stands for: itself, or the fetched text its marker names.
    pub fn resolve(s: &str) -> &str {
        match s.strip_prefix(MARK) {
            None => s,
            Some(n) => n
                .parse::<usize>()
                .ok()
                .and_then(|i| TEXTS.get().and_then(|t| t.get(i)).copied())
                .unwrap_or(PENDING),
        }
    }

    /// Gives the texts file's content (each text ended by [`SEPARATOR`]), once: it lives as long
    /// as the page. False when the texts were given already.
    pub fn set(file: String) -> bool {
        let file: &'static str = Box::leak(file.into_boxed_str());
        TEXTS
            .set(file.split_terminator(SEPARATOR).collect())
            .is_ok()
    }

    /// Whether the texts have arrived.
    pub fn loaded() -> bool {
        TEXTS.get().is_some()
    }

    /// The short content hash of a text (FNV-1a), as the bake gives the texts file's.
    pub fn hash(text: &str) -> String {
        let mut h: u32 = 0x811c_9dc5;
        for b in text.as_bytes() {
            h = (h ^ u32::from(*b)).wrapping_mul(0x0100_0193);
        }
        format!("{h:08x}")
    }
}

impl<'de> Deserialize<'de> for Str {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Str, D::Error> {
        String::deserialize(d).map(Str::from)
    }
}

/// A list in the rule data.
pub enum List<T: 'static> {
    Baked(&'static [T]),
    Read(Vec<T>),
}

impl<T> List<T> {
    /// The list to change (copied first if baked).
    pub fn to_mut(&mut self) -> &mut Vec<T>
    where
        T: Clone,
    {
        if let List::Baked(s) = self {
            *self = List::Read(s.to_vec());
        }
        match self {
            List::Read(v) => v,
            List::Baked(_) => unreachable!("made owned above"),
        }
    }
}

impl<T> Deref for List<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        match self {
            List::Baked(s) => s,
            List::Read(v) => v,
        }
    }
}

impl<'a, T> IntoIterator for &'a List<T> {
    type Item = &'a T;
    type IntoIter = std::slice::Iter<'a, T>;
    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl<T> Default for List<T> {
    fn default() -> List<T> {
        List::Read(Vec::new())
    }
}

impl<T: Clone> Clone for List<T> {
    fn clone(&self) -> List<T> {
        match self {
            List::Baked(s) => List::Baked(s),
            List::Read(v) => List::Read(v.clone()),
        }
    }
}

impl<T: fmt::Debug> fmt::Debug for List<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T> From<Vec<T>> for List<T> {
    fn from(v: Vec<T>) -> List<T> {
        List::Read(v)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<List<T>, D::Error> {
        Vec::deserialize(d).map(List::Read)
    }
}
