//! The browser's book: its English words and quotes split into the texts file, and read back as
//! the same words once the file is given — every clause, condition, variant, cap and document.
use std::path::Path;
use subsidy_model::lazy;

#[test]
fn the_split_texts_read_back_as_the_words_they_replaced() {
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let whole = subsidy_rulebook::read_dir(&rules)
        .unwrap_or_else(|p| panic!("{p:?}"))
        .book;
    let mut split = whole.clone_book();
    let texts = subsidy_rulebook::browser::for_browser(&mut split);
    let (name, content) = subsidy_rulebook::browser::texts_file(&texts);
    assert!(name.starts_with("texts-") && name.ends_with(".txt"));
    assert_eq!(name, format!("texts-{}.txt", lazy::hash(&content)));
    // Before the file arrives a text reads as "…"; its Chinese and every id are there already.
    let (w, s) = (&whole.documents[0].rules[0], &split.documents[0].rules[0]);
    assert_eq!(&*s.title_en, lazy::PENDING);
    assert_eq!(&*s.quote, lazy::PENDING);
    assert_eq!(s.title_zh, w.title_zh);
    assert_eq!(s.id, w.id);
    assert_eq!(String::from(&split.regions[0].name_en), lazy::PENDING);
    assert!(lazy::set(content));
    // Made a String (as the pages' view models do: the regions compared side by side), a text is
    // its words, never its marker (the English comparison showed "\u{1}376" for Hangzhou).
    for (rw, rs) in whole.regions.iter().zip(split.regions.iter()) {
        assert!(rs.name_en.raw().starts_with(lazy::MARK), "{}", rw.key);
        assert_eq!(String::from(&rs.name_en), *rw.name_en);
        assert_eq!(String::from(rs.name_en.clone()), *rw.name_en);
    }
    // Once given: the same words, everywhere (the book's Debug form reads every text through it).
    for (dw, ds) in whole.documents.iter().zip(split.documents.iter()) {
        assert_eq!(&*dw.name_en, &*ds.name_en);
        for (rw, rs) in dw.rules.iter().zip(ds.rules.iter()) {
            assert_eq!(&*rw.title_en, &*rs.title_en, "{}", rw.id);
            assert_eq!(&*rw.quote, &*rs.quote, "{}", rw.id);
            assert_eq!(
                rw.requires
                    .iter()
                    .map(|c| c.en.as_deref().map(String::from))
                    .collect::<Vec<_>>(),
                rs.requires
                    .iter()
                    .map(|c| c.en.as_deref().map(String::from))
                    .collect::<Vec<_>>(),
                "{}",
                rw.id
            );
            assert_eq!(
                rw.variants
                    .iter()
                    .map(|v| v.en.to_string())
                    .collect::<Vec<_>>(),
                rs.variants
                    .iter()
                    .map(|v| v.en.to_string())
                    .collect::<Vec<_>>()
            );
        }
    }
    // The quotes proving a document's dates are not in the browser's book at all.
    assert!(split.documents.iter().all(|d| d.dates_quote.is_none()));
}

#[test]
fn the_browser_book_is_baked_with_its_markers() {
    // Packed before any texts file is given: each split text is written as its marker, never as
    // the "…" it reads as until then; and the bytes read back as the same book.
    let rules = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../rules");
    let mut book = subsidy_rulebook::read_dir(&rules)
        .unwrap_or_else(|p| panic!("{p:?}"))
        .book;
    let texts = subsidy_rulebook::browser::for_browser(&mut book);
    let bytes = subsidy_model::packed::round_trip(&book).expect("reads back");
    let has = |s: &str| bytes.windows(s.len()).any(|w| w == s.as_bytes());
    // A marker is U+0001 then the text's index, written after its length (a byte below 0x80).
    assert!(has("\u{1}0"), "no markers packed");
    assert!(!has(lazy::PENDING));
    let back = subsidy_model::packed::unpack(Box::leak(bytes.into_boxed_slice()));
    assert!(back.documents[0].name_en.raw().starts_with(lazy::MARK));
    assert!(texts.len() > 300, "{}", texts.len());
}
