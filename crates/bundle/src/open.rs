//! Which bundle the app was asked to open: a `.ndbundle` double-clicked in a file manager
//! reaches the app as a command-line argument (the desktop entry's `%F`, a path, or, from
//! some launchers, a `file://` URI), either at start or forwarded from a second instance
//! with that instance's working directory.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};

use crate::manifest::EXTENSION;

/// Options of the app that take a value, so that value is never taken for a file.
const VALUED_OPTIONS: &[&str] = &["--data-dir"];

/// The first argument that names a bundle (by its `.ndbundle` extension, any case), made
/// absolute against `cwd`. `args` excludes the program name. Options (`--name`,
/// `--name=value`, and the value after an option that takes one) are skipped; after `--`
/// every argument is a file. A `file://` URI is turned into its path.
pub fn bundle_in_args<I, S>(args: I, cwd: &Path) -> Option<PathBuf>
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let mut args = args.into_iter();
    let mut options_done = false;
    while let Some(arg) = args.next() {
        let arg = arg.as_ref();
        let text = arg.to_string_lossy();
        if !options_done {
            if text == "--" {
                options_done = true;
                continue;
            }
            if VALUED_OPTIONS.contains(&text.as_ref()) {
                args.next();
                continue;
            }
            if text.starts_with('-') && text.len() > 1 {
                continue;
            }
        }
        let path = match text.strip_prefix("file://") {
            Some(rest) => match file_uri_path(rest) {
                Some(p) => p,
                None => continue,
            },
            None => PathBuf::from(arg),
        };
        if is_bundle(&path) {
            return Some(if path.is_absolute() {
                path
            } else {
                cwd.join(path)
            });
        }
    }
    None
}

/// Whether `path` names a bundle file, by its extension.
pub fn is_bundle(path: &Path) -> bool {
    path.extension()
        .and_then(OsStr::to_str)
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}

/// The path of a `file://` URI after the scheme: an empty or `localhost` host, then an
/// absolute path with `%XX` escapes decoded (as UTF-8). Another host is not a local file.
fn file_uri_path(rest: &str) -> Option<PathBuf> {
    let path = if rest.starts_with('/') {
        rest
    } else {
        rest.strip_prefix("localhost")
            .filter(|p| p.starts_with('/'))?
    };
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3)?;
            if !hex.iter().all(u8::is_ascii_hexdigit) {
                return None;
            }
            out.push(u8::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok().map(PathBuf::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Option<PathBuf> {
        bundle_in_args(args.iter().copied(), Path::new("/home/lan"))
    }

    #[test]
    fn the_bundle_to_open_is_found_among_the_arguments() {
        let cases: &[(&[&str], Option<&str>)] = &[
            (&[], None),
            (&["/tmp/tin.ndbundle"], Some("/tmp/tin.ndbundle")),
            (
                &["Tải về/Bão.NDBUNDLE"],
                Some("/home/lan/Tải về/Bão.NDBUNDLE"),
            ),
            (
                &["--data-dir", "/d/x.ndbundle", "/tmp/a.ndbundle"],
                Some("/tmp/a.ndbundle"),
            ),
            (
                &["--data-dir=/d", "a.ndbundle"],
                Some("/home/lan/a.ndbundle"),
            ),
            (&["--data-dir", "/d"], None),
            (
                &["/tmp/photo.jpg", "/tmp/b.ndbundle"],
                Some("/tmp/b.ndbundle"),
            ),
            (&["--verbose", "/tmp/notes.txt"], None),
            (
                &["--", "--weird.ndbundle"],
                Some("/home/lan/--weird.ndbundle"),
            ),
            (&["--weird.ndbundle"], None),
            (
                &["file:///tmp/B%C3%A3o%20s%E1%BB%91%205.ndbundle"],
                Some("/tmp/Bão số 5.ndbundle"),
            ),
            (
                &["file://localhost/tmp/x.ndbundle"],
                Some("/tmp/x.ndbundle"),
            ),
            (&["file://server/share/x.ndbundle"], None),
            (&["file:///tmp/bad%zz.ndbundle"], None),
            (&["file:///tmp/cut%2.ndbundle"], None),
            (&["/tmp/ndbundle"], None),
            (&["/tmp/x.ndbundle.zip"], None),
        ];
        for (args, want) in cases {
            assert_eq!(parse(args), want.map(PathBuf::from), "{args:?}");
        }
    }
}
