//! The date line as a Vietnamese paper prints it: `Cập nhật: Thứ 4, 08/03/2017 | 06:53 GMT+7`,
//! and its English equivalent. Times are stored in UTC and shown in the newsroom's zone.

use chrono::{DateTime, Datelike, Offset, TimeZone, Utc, Weekday};
use chrono_tz::Tz;

use crate::settings::Lang;

fn weekday_vi(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Thứ 2",
        Weekday::Tue => "Thứ 3",
        Weekday::Wed => "Thứ 4",
        Weekday::Thu => "Thứ 5",
        Weekday::Fri => "Thứ 6",
        Weekday::Sat => "Thứ 7",
        Weekday::Sun => "Chủ nhật",
    }
}

fn weekday_en(w: Weekday) -> &'static str {
    match w {
        Weekday::Mon => "Monday",
        Weekday::Tue => "Tuesday",
        Weekday::Wed => "Wednesday",
        Weekday::Thu => "Thursday",
        Weekday::Fri => "Friday",
        Weekday::Sat => "Saturday",
        Weekday::Sun => "Sunday",
    }
}

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// `GMT+7`, `GMT-3:30`, `GMT` for an offset in seconds east of UTC.
fn gmt(offset_secs: i32) -> String {
    if offset_secs == 0 {
        return "GMT".into();
    }
    let sign = if offset_secs < 0 { '-' } else { '+' };
    let abs = offset_secs.unsigned_abs();
    let (h, m) = (abs / 3600, (abs % 3600) / 60);
    if m == 0 {
        format!("GMT{sign}{h}")
    } else {
        format!("GMT{sign}{h}:{m:02}")
    }
}

/// The full date line for `instant` in `tz`.
pub fn dateline(instant: DateTime<Utc>, tz: Tz, lang: Lang) -> String {
    let local = tz.from_utc_datetime(&instant.naive_utc());
    let offset = gmt(local.offset().fix().local_minus_utc());
    match lang {
        Lang::Vi => format!(
            "Cập nhật: {}, {} | {} {offset}",
            weekday_vi(local.weekday()),
            local.format("%d/%m/%Y"),
            local.format("%H:%M"),
        ),
        Lang::En => format!(
            "Updated: {}, {} {}, {} | {} {offset}",
            weekday_en(local.weekday()),
            MONTHS_EN[local.month0() as usize],
            local.day(),
            local.year(),
            local.format("%H:%M"),
        ),
    }
}

/// A compact time for lists: `08/03/2017 06:53` (vi) or `Mar 8, 2017 06:53` (en).
pub fn short_time(instant: DateTime<Utc>, tz: Tz, lang: Lang) -> String {
    let local = tz.from_utc_datetime(&instant.naive_utc());
    match lang {
        Lang::Vi => local.format("%d/%m/%Y %H:%M").to_string(),
        Lang::En => format!(
            "{} {}, {} {}",
            &MONTHS_EN[local.month0() as usize][..3],
            local.day(),
            local.year(),
            local.format("%H:%M")
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn date_lines() {
        let hcm: Tz = "Asia/Ho_Chi_Minh".parse().unwrap();
        let cases = [
            // The issue's own example: late evening UTC is the next morning in Vietnam.
            (
                "2017-03-07T23:53:00Z",
                hcm,
                Lang::Vi,
                "Cập nhật: Thứ 4, 08/03/2017 | 06:53 GMT+7",
            ),
            (
                "2017-03-07T23:53:00Z",
                hcm,
                Lang::En,
                "Updated: Wednesday, March 8, 2017 | 06:53 GMT+7",
            ),
            (
                "2017-03-12T01:00:00Z",
                hcm,
                Lang::Vi,
                "Cập nhật: Chủ nhật, 12/03/2017 | 08:00 GMT+7",
            ),
            (
                "2017-03-06T10:05:00Z",
                hcm,
                Lang::Vi,
                "Cập nhật: Thứ 2, 06/03/2017 | 17:05 GMT+7",
            ),
            (
                "2017-03-11T16:59:59Z",
                hcm,
                Lang::Vi,
                "Cập nhật: Thứ 7, 11/03/2017 | 23:59 GMT+7",
            ),
            (
                "2024-01-01T00:00:00Z",
                Tz::UTC,
                Lang::Vi,
                "Cập nhật: Thứ 2, 01/01/2024 | 00:00 GMT",
            ),
            (
                "2024-01-01T00:00:00Z",
                "Asia/Kolkata".parse().unwrap(),
                Lang::En,
                "Updated: Monday, January 1, 2024 | 05:30 GMT+5:30",
            ),
            (
                "2024-07-01T12:00:00Z",
                "America/New_York".parse().unwrap(),
                Lang::Vi,
                "Cập nhật: Thứ 2, 01/07/2024 | 08:00 GMT-4",
            ),
        ];
        for (instant, tz, lang, want) in cases {
            assert_eq!(
                dateline(at(instant), tz, lang),
                want,
                "{instant} {tz} {lang:?}"
            );
        }
    }

    #[test]
    fn short_times() {
        let hcm: Tz = "Asia/Ho_Chi_Minh".parse().unwrap();
        assert_eq!(
            short_time(at("2017-03-07T23:53:00Z"), hcm, Lang::Vi),
            "08/03/2017 06:53"
        );
        assert_eq!(
            short_time(at("2017-03-07T23:53:00Z"), hcm, Lang::En),
            "Mar 8, 2017 06:53"
        );
    }
}
