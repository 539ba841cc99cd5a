//! Calendar dates ("YYYY-MM-DD") without a date library: the engine only compares them.
use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// Parses `YYYY-MM-DD` strictly: any real calendar day from 0001-01-01 to 9999-12-31 (a date
    /// before every document is simply "not yet"; one after, "expired").
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().ok()
            } else {
                None
            }
        };
        let (year, month, day) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if year == 0 || !(1..=12).contains(&month) {
            return None;
        }
        if day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date {
            year: year as u16,
            month: month as u8,
            day: day as u8,
        })
    }

    /// The last day of a term of `years` that starts on this day ("有效期三年" from 2026-06-01:
    /// 2029-05-31; from a 29 February, the term ends on the 28th of its last February).
    pub fn term_end(self, years: u16) -> Date {
        let year = self.year.saturating_add(years).min(9999);
        let (month, day) = (u32::from(self.month), u32::from(self.day));
        if day > 1 {
            let day = (day - 1).min(days_in_month(u32::from(year), month)) as u8;
            return Date {
                year,
                month: self.month,
                day,
            };
        }
        // The day before the 1st: the end of the month before.
        let (y, m) = if month == 1 {
            (u32::from(year) - 1, 12)
        } else {
            (u32::from(year), month - 1)
        };
        Date {
            year: y as u16,
            month: m as u8,
            day: days_in_month(y, m) as u8,
        }
    }

    /// The civil date of a count of days since 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
        Date { year, month, day }
    }
}

fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_real_dates_only() {
        assert_eq!(
            Date::parse("2024-02-29").map(|d| d.to_string()),
            Some("2024-02-29".into())
        );
        assert_eq!(Date::parse("2023-02-29"), None);
        assert_eq!(Date::parse("2024-13-01"), None);
        assert_eq!(Date::parse("2024-1-01"), None);
        assert_eq!(Date::parse("２０２４-01-01"), None);
        // Every real day is a date, the first and the last a four-digit year can write.
        assert!(Date::parse("0001-01-01").is_some());
        assert!(Date::parse("9999-12-31").is_some());
        assert!(Date::parse("1600-02-29").is_some());
        assert_eq!(Date::parse("1900-02-29"), None);
        assert_eq!(Date::parse("0000-01-01"), None);
        assert!(Date::parse("2027-12-31") > Date::parse("2027-12-30"));
    }

    #[test]
    fn epoch_days() {
        assert_eq!(Date::from_days_since_epoch(0).to_string(), "1970-01-01");
        // 2026-11-24 is 20,781 days after 1970-01-01 (checked with
        // Python: (date(2026,11,24) - date(1970,1,1)).days == 20781), and leap day 2024-02-29 is 19,782.
        assert_eq!(
            Date::from_days_since_epoch(20_781).to_string(),
            "2026-11-24"
        );
        assert_eq!(
            Date::from_days_since_epoch(19_782).to_string(),
            "2024-02-29"
        );
    }
}
