//! The two shapes of rule data: [`Str`] (text) and [`List`] (a list). Each is either baked (a
//! `&'static` borrowed from the engine's statics) or read at run time (owned, in host tests), and
//! reads like `&str` / `&[T]` either way.
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
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Str {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Str {
    fn as_ref(&self) -> &str {
        &self.0
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
        f.write_str(&self.0)
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

impl From<Str> for String {
    fn from(s: Str) -> String {
        s.0.into_owned()
    }
}

impl From<&Str> for String {
    fn from(s: &Str) -> String {
        s.0.to_string()
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
        s.serialize_str(&self.0)
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
