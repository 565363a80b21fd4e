//! Whether a file's bytes are UTF-8 text at all, checked before any reader looks at them.
//!
//! Councils' files go wrong in a few familiar ways before a single value is read: a spreadsheet
//! saved as `.xlsx` (a ZIP archive) or as "Unicode Text" (UTF-16), a CSV saved in Windows-1252
//! (with or without a UTF-8 byte-order mark in front), a screenshot or a PDF picked by mistake, a
//! file damaged by a NUL byte. [`check_text`] names each of these in plain words, with the line
//! and column of the first bad byte where there is one, so that the person loading knows what to
//! fix. Windows-1252 is refused, not converted: a return must be UTF-8, and guessing an encoding
//! would change values silently.

use crate::FormatError;
use std::path::Path;

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// Checks that `bytes` are UTF-8 text: not a known binary format, not UTF-16, every byte part
/// of a UTF-8 character, and no NUL byte. A UTF-8 byte-order mark is allowed. An empty file
/// passes: whether that is an error is for the caller to say.
pub fn check_text(file: &Path, bytes: &[u8]) -> Result<(), FormatError> {
    if let Some(kind) = binary_kind(bytes) {
        return Err(FormatError::Unrecognised {
            file: file.to_owned(),
            message: kind.to_owned(),
        });
    }
    let at = |offset: usize, message: String| {
        let (line, column) = line_column(bytes, offset);
        FormatError::Encoding {
            file: file.to_owned(),
            line,
            column,
            message,
        }
    };
    // Excel's names for the encodings help with CSV files, not with XML.
    let excel = if looks_like_xml(bytes) {
        ""
    } else {
        " (\"CSV UTF-8\" in Excel)"
    };
    if let Some(utf16) = utf16_kind(bytes) {
        return Err(at(
            0,
            format!("the file is {utf16}, not UTF-8; save it as UTF-8{excel} and load it again"),
        ));
    }
    let has_bom = bytes.starts_with(UTF8_BOM);
    if let Err(e) = std::str::from_utf8(bytes) {
        let offset = e.valid_up_to();
        let mut message = if e.error_len().is_none() {
            format!(
                "the file is not UTF-8: it ends inside a character (byte 0x{:02X})",
                bytes[offset]
            )
        } else {
            not_utf8_message(bytes[offset])
        };
        if has_bom {
            message.push_str(
                " (the file starts with a UTF-8 byte-order mark, but the text after it is not \
                 UTF-8)",
            );
        }
        message.push_str(&format!(
            "; save the file as UTF-8{excel} and load it again"
        ));
        return Err(at(offset, message));
    }
    // `contains` on bytes is a fast search; the position is only wanted for the message.
    if bytes.contains(&0)
        && let Some(offset) = bytes.iter().position(|&b| b == 0)
    {
        return Err(at(
            offset,
            "a NUL byte (0x00): the file is damaged or is not a text file; export it again"
                .to_owned(),
        ));
    }
    Ok(())
}

/// "the file is not UTF-8: byte 0xE9 looks like 'é' in Windows-1252", for a byte that cannot
/// start (or continue) a UTF-8 character here.
pub(crate) fn not_utf8_message(byte: u8) -> String {
    match windows_1252(byte) {
        Some(c) => format!(
            "the file is not UTF-8: byte 0x{byte:02X} looks like {} in Windows-1252, as Excel \
             and older systems save text",
            describe_char(c)
        ),
        None => format!("the file is not UTF-8: byte 0x{byte:02X} is not valid here"),
    }
}

/// The character a byte stands for in Windows-1252, for the bytes that are never ASCII.
fn windows_1252(byte: u8) -> Option<char> {
    const LOW: [Option<char>; 32] = [
        Some('€'),
        None,
        Some('‚'),
        Some('ƒ'),
        Some('„'),
        Some('…'),
        Some('†'),
        Some('‡'),
        Some('ˆ'),
        Some('‰'),
        Some('Š'),
        Some('‹'),
        Some('Œ'),
        None,
        Some('Ž'),
        None,
        None,
        Some('‘'),
        Some('’'),
        Some('“'),
        Some('”'),
        Some('•'),
        Some('–'),
        Some('—'),
        Some('˜'),
        Some('™'),
        Some('š'),
        Some('›'),
        Some('œ'),
        None,
        Some('ž'),
        Some('Ÿ'),
    ];
    match byte {
        0x80..=0x9F => LOW[usize::from(byte - 0x80)],
        // Windows-1252 agrees with Latin-1, and so with Unicode, from 0xA0 up.
        0xA0..=0xFF => Some(char::from(byte)),
        _ => None,
    }
}

fn describe_char(c: char) -> String {
    match c {
        '\u{A0}' => "a non-breaking space".to_owned(),
        '\u{AD}' => "a soft hyphen".to_owned(),
        c => format!("'{c}'"),
    }
}

/// What a file is when its first bytes are the signature of a binary format.
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: [(&[u8], &str); 6] = [
        (
            b"PK\x03\x04",
            "this is a ZIP archive (an Excel .xlsx workbook is one), not a CSV or XML file; \
             open it in Excel and save each sheet as \"CSV UTF-8\", or unzip it",
        ),
        (
            b"PK\x05\x06",
            "this is an empty ZIP archive, not a CSV or XML file",
        ),
        (
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
            "this is an old Excel .xls workbook (or another Office file), not a CSV or XML \
             file; open it in Excel and save each sheet as \"CSV UTF-8\"",
        ),
        (
            b"\x89PNG\r\n\x1A\n",
            "this is a PNG image, not a CSV or XML file",
        ),
        (b"%PDF-", "this is a PDF document, not a CSV or XML file"),
        (
            b"\x1F\x8B",
            "this is a gzip-compressed file, not a CSV or XML file; decompress it first",
        ),
    ];
    if bytes.starts_with(b"\xFF\xD8\xFF") {
        return Some("this is a JPEG image, not a CSV or XML file");
    }
    SIGNATURES
        .iter()
        .find(|(signature, _)| bytes.starts_with(signature))
        .map(|(_, what)| *what)
}

/// "UTF-16 (little-endian, with a byte-order mark)" and the like, when the file is UTF-16 or
/// UTF-32: by its byte-order mark, or by the NUL bytes beside the first ASCII characters.
fn utf16_kind(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"\xFF\xFE\0\0") {
        return Some("UTF-32 (little-endian, with a byte-order mark)");
    }
    if bytes.starts_with(b"\0\0\xFE\xFF") {
        return Some("UTF-32 (big-endian, with a byte-order mark)");
    }
    if bytes.starts_with(b"\xFF\xFE") {
        return Some("UTF-16 (little-endian, with a byte-order mark)");
    }
    if bytes.starts_with(b"\xFE\xFF") {
        return Some("UTF-16 (big-endian, with a byte-order mark)");
    }
    match bytes {
        [0, a, 0, b, ..] if a.is_ascii() && b.is_ascii() && *a != 0 && *b != 0 => {
            Some("UTF-16 (big-endian, without a byte-order mark)")
        }
        [a, 0, b, 0, ..] if a.is_ascii() && b.is_ascii() && *a != 0 && *b != 0 => {
            Some("UTF-16 (little-endian, without a byte-order mark)")
        }
        _ => None,
    }
}

/// Whether the first character (past any byte-order mark, and the NUL bytes of UTF-16) is `<`.
fn looks_like_xml(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .find(|&&b| !matches!(b, 0 | 0xEF | 0xBB | 0xBF | 0xFE | 0xFF) && !b.is_ascii_whitespace())
        == Some(&b'<')
}

/// The 1-based line and column of a byte offset. Lines end at `\n`, `\r\n` or a lone `\r`, as
/// the CSV reader counts them; columns count characters of the valid UTF-8 before the offset
/// (bytes, where that is not UTF-8 either), as an editor shows them. A UTF-8 byte-order mark is
/// not a column.
pub(crate) fn line_column(bytes: &[u8], offset: usize) -> (u64, u64) {
    let offset = offset.min(bytes.len());
    let before = &bytes[..offset];
    let mut line = 1;
    let mut line_start = 0;
    for (i, &b) in before.iter().enumerate() {
        let ends_line = b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n'));
        if ends_line {
            line += 1;
            line_start = i + 1;
        }
    }
    let mut text = &before[line_start..];
    if line_start == 0 {
        text = text.strip_prefix(UTF8_BOM).unwrap_or(text);
    }
    let column = match std::str::from_utf8(text) {
        Ok(s) => s.chars().count(),
        Err(_) => text.len(),
    };
    (line, column as u64 + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8]) -> String {
        match check_text(Path::new("f.csv"), bytes) {
            Ok(()) => "ok".to_owned(),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn utf8_text_passes_with_or_without_a_bom() {
        assert_eq!(check(b"CHILD,SEX\nC1,M\n"), "ok");
        assert_eq!(
            check("\u{FEFF}CHILD,HOME_POST\nC1,Zoë – ok\n".as_bytes()),
            "ok"
        );
        assert_eq!(check(b""), "ok", "emptiness is for the caller");
    }

    #[test]
    fn windows_1252_is_named_with_its_line_and_column() {
        assert_eq!(
            check(b"a,b\nC1,caf\xE9\n"),
            "f.csv: line 2, column 7: the file is not UTF-8: byte 0xE9 looks like 'é' in \
             Windows-1252, as Excel and older systems save text; save the file as UTF-8 (\"CSV \
             UTF-8\" in Excel) and load it again"
        );
        assert_eq!(
            check(b"\xEF\xBB\xBFname\r\nChildren\x92s\r\n"),
            "f.csv: line 2, column 9: the file is not UTF-8: byte 0x92 looks like '’' in \
             Windows-1252, as Excel and older systems save text (the file starts with a UTF-8 \
             byte-order mark, but the text after it is not UTF-8); save the file as UTF-8 (\"CSV \
             UTF-8\" in Excel) and load it again"
        );
        assert!(check(b"x\rTW2\xA05BD").contains("line 2, column 4"));
        assert!(check(b"x\rTW2\xA05BD").contains("a non-breaking space"));
        assert!(check(b"ok \xE2\x80").contains("ends inside a character (byte 0xE2)"));
        assert!(check(b"\x81").contains("byte 0x81 is not valid here"));
    }

    #[test]
    fn utf16_and_utf32_are_recognised() {
        let le: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain("CHILD".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert!(
            check(&le)
                .starts_with("f.csv: line 1, column 1: the file is UTF-16 (little-endian, with")
        );
        let be: Vec<u8> = "<?xml".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            check(&be),
            "f.csv: line 1, column 1: the file is UTF-16 (big-endian, without a byte-order \
             mark), not UTF-8; save it as UTF-8 and load it again",
            "no Excel hint for XML"
        );
        let le: Vec<u8> = "CHILD".encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert!(check(&le).contains("UTF-16 (little-endian, without a byte-order mark)"));
        assert!(check(b"\xFF\xFE\0\0<\0\0\0").contains("UTF-32"));
    }

    #[test]
    fn binary_formats_are_named() {
        assert!(check(b"PK\x03\x04\x14\0").contains("ZIP archive (an Excel .xlsx workbook"));
        assert!(check(b"\x89PNG\r\n\x1A\n\0\0").contains("PNG image"));
        assert!(check(b"%PDF-1.4\n").contains("PDF document"));
        assert!(check(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1").contains(".xls workbook"));
        assert!(check(b"\x1F\x8B\x08").contains("gzip"));
        assert!(check(b"\xFF\xD8\xFF\xE0").contains("JPEG"));
    }

    #[test]
    fn a_nul_byte_is_damage() {
        assert_eq!(
            check(b"a,b\nC1,x\0y\n"),
            "f.csv: line 2, column 5: a NUL byte (0x00): the file is damaged or is not a text \
             file; export it again"
        );
    }

    #[test]
    fn columns_count_characters_and_skip_the_bom() {
        assert_eq!(line_column("\u{FEFF}ab".as_bytes(), 5), (1, 3));
        assert_eq!(line_column("é,x".as_bytes(), 3), (1, 3));
        assert_eq!(line_column(b"a\r\nb\rc\nd", 7), (4, 1));
    }
}
