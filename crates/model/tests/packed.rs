//! The packed rule book's values read back as they were written, and bytes cut short read as
//! zeros, never a panic (the whole book's round trip is checked by every build and in
//! crates/rulebook/tests/browser.rs).
use rust_decimal::Decimal;
use std::str::FromStr;
use subsidy_model::packed::{Packed, Reader};
use subsidy_model::{Date, List, Str};

fn back<T: Packed>(x: &T) -> T {
    let mut w = Vec::new();
    x.pack(&mut w);
    T::unpack(&mut Reader::new(Box::leak(w.into_boxed_slice())))
}

#[test]
fn amounts_keep_their_sign_scale_and_digits() {
    for s in [
        "0",
        "-0.5",
        "0.30",
        "20000000",
        "-123456789012345678901234.5678",
        "79228162514264337593543950335",
        "0.0000000000000000000000000001",
    ] {
        let d = Decimal::from_str(s).unwrap();
        let b = back(&d);
        // The same digits and scale ("0.30" stays "0.30"), not only the same value.
        assert_eq!(b.to_string(), d.to_string(), "{s}");
        assert_eq!(b.scale(), d.scale(), "{s}");
    }
}

#[test]
fn texts_lists_options_and_dates_read_back() {
    let s = Str::from("算力券 · compute voucher".to_string());
    assert_eq!(back(&s), s);
    let l: List<(Str, Option<u32>)> = List::from(vec![
        (Str::new("报辅"), Some(300)),
        (Str::new(""), None),
        (Str::new("上市"), Some(u32::MAX)),
    ]);
    assert_eq!(format!("{:?}", back(&l)), format!("{l:?}"));
    let d = Date {
        year: 2026,
        month: 12,
        day: 31,
    };
    assert_eq!(back(&d), d);
}

#[test]
fn bytes_cut_short_read_as_empty_values() {
    let mut w = Vec::new();
    Str::new("武汉市人工智能产业政策").pack(&mut w);
    Decimal::from_str("-1.25").unwrap().pack(&mut w);
    for n in 0..w.len() {
        let mut r = Reader::new(Box::leak(w[..n].to_vec().into_boxed_slice()));
        // A text cut inside its bytes or its UTF-8 reads as empty; what follows reads as zeros.
        let s = Str::unpack(&mut r);
        let d = <Decimal as Packed>::unpack(&mut r);
        assert!(
            s.raw().is_empty() || s.raw() == "武汉市人工智能产业政策",
            "{n}"
        );
        assert!(
            d.is_zero() || d == Decimal::from_str("-1.25").unwrap(),
            "{n}"
        );
    }
}
