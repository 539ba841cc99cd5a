//! The share-link decoder: any fragment (a pasted, truncated or forged link) opens as a form or as
//! nothing, never a panic; a form that opens builds an application and survives a round trip.
#![no_main]
use libfuzzer_sys::fuzz_target;
use subsidy_calc_web::form::{Form, base64url};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Both the raw fragment and the same bytes as a base64url payload.
    let encoded = format!("a={}", base64url(data));
    for fragment in [text.as_ref(), encoded.as_str()] {
        if let Some(form) = Form::from_fragment(fragment) {
            let _ = form.build(subsidy_calc::Date::parse("2026-11-25").unwrap());
            let again = Form::from_fragment(&form.to_fragment()).expect("a form's own link opens");
            assert_eq!(again.to_fragment(), form.to_fragment());
        }
    }
});

