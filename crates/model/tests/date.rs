//! A term's last day ("有效期三年" from a start a reform gives).
use subsidy_model::Date;

#[test]
fn a_term_ends_the_day_before_its_anniversary() {
    let end = |s: &str, years: u16| Date::parse(s).unwrap().term_end(years).to_string();
    // From 2026-06-01, three years: to 2029-05-31.
    assert_eq!(end("2026-06-01", 3), "2029-05-31");
    // From the 1st of January: to the 31st of December of the last year.
    assert_eq!(end("2026-01-01", 3), "2028-12-31");
    // From the 1st of March: to the last day of February (29th in a leap year).
    assert_eq!(end("2025-03-01", 3), "2028-02-29");
    assert_eq!(end("2024-03-01", 3), "2027-02-28");
    // From a 29 February: the 28th of the last February.
    assert_eq!(end("2024-02-29", 3), "2027-02-28");
    assert_eq!(end("2024-03-27", 3), "2027-03-26");
}
