//! The byte source under the XML parser: it counts the bytes the parser consumes, records where
//! each line starts (so that any byte offset turns into a line and column in O(log lines)), and
//! checks that the bytes are UTF-8 as they stream past. Each byte is looked at once, so the cost
//! stays linear in the size of the file.

use std::io::{self, BufRead, Read};

/// Where the bytes stopped being UTF-8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct NotUtf8 {
    /// Byte offset of the first byte that is not part of a UTF-8 character.
    pub offset: u64,
    /// That byte.
    pub byte: u8,
    /// The file ended in the middle of a character.
    pub truncated: bool,
}

pub(super) struct Tracked<R> {
    inner: R,
    buf: Box<[u8]>,
    pos: usize,
    filled: usize,
    /// Bytes handed to the parser and consumed by it.
    consumed: u64,
    /// Offsets of every `\n` consumed so far and not forgotten, in increasing order.
    newlines: Vec<u64>,
    /// How many newlines [`Tracked::forget_lines_before`] dropped, and the offset of the last.
    forgotten: u64,
    last_forgotten: Option<u64>,
    /// The start of a UTF-8 character split across two reads, and its offset.
    partial: [u8; 4],
    partial_len: usize,
    partial_offset: u64,
    not_utf8: Option<NotUtf8>,
}

impl<R: Read> Tracked<R> {
    pub(super) fn new(inner: R) -> Self {
        Self {
            inner,
            buf: vec![0; 1 << 16].into_boxed_slice(),
            pos: 0,
            filled: 0,
            consumed: 0,
            newlines: Vec::new(),
            forgotten: 0,
            last_forgotten: None,
            partial: [0; 4],
            partial_len: 0,
            partial_offset: 0,
            not_utf8: None,
        }
    }
}

impl<R> Tracked<R> {
    /// How many bytes the parser has consumed: the offset just after the last event.
    pub(super) fn consumed(&self) -> u64 {
        self.consumed
    }

    /// The first place the bytes consumed so far stop being UTF-8, if any.
    pub(super) fn not_utf8(&self) -> Option<NotUtf8> {
        self.not_utf8
    }

    /// Call at the end of input: a character left incomplete is not UTF-8 either.
    pub(super) fn finish(&mut self) -> Option<NotUtf8> {
        if self.not_utf8.is_none() && self.partial_len > 0 {
            self.not_utf8 = Some(NotUtf8 {
                offset: self.partial_offset,
                byte: self.partial[0],
                truncated: true,
            });
        }
        self.not_utf8
    }

    /// The 1-based line and byte column of a consumed byte offset (at or after any offset given
    /// to [`Tracked::forget_lines_before`]).
    pub(super) fn line_column(&self, offset: u64) -> (u64, u64) {
        let before = self.newlines.partition_point(|&n| n < offset);
        let line_start = if before == 0 {
            self.last_forgotten.map_or(0, |n| n + 1)
        } else {
            self.newlines[before - 1] + 1
        };
        (
            self.forgotten + before as u64 + 1,
            offset.saturating_sub(line_start) + 1,
        )
    }

    /// How many line starts are held (for tests of memory use).
    #[cfg(test)]
    pub(super) fn kept_lines(&self) -> usize {
        self.newlines.len()
    }

    /// Drops the line starts before `offset`, so that memory stays bounded on a long file read
    /// as a stream; offsets before it can no longer be turned into lines.
    pub(super) fn forget_lines_before(&mut self, offset: u64) {
        let before = self.newlines.partition_point(|&n| n < offset);
        if before > 0 {
            self.last_forgotten = Some(self.newlines[before - 1]);
            self.forgotten += before as u64;
            self.newlines.drain(..before);
        }
    }

    fn track(&mut self, from: usize, to: usize) {
        let base = self.consumed;
        let bytes = &self.buf[from..to];
        for (i, &b) in bytes.iter().enumerate() {
            if b == b'\n' {
                self.newlines.push(base + i as u64);
            }
        }
        if self.not_utf8.is_none() {
            self.check_utf8(from, to);
        }
        self.consumed += (to - from) as u64;
    }

    fn check_utf8(&mut self, mut from: usize, to: usize) {
        let base = self.consumed - from as u64;
        if self.partial_len > 0 {
            // Complete the character split across reads before checking the rest.
            let need = utf8_width(self.partial[0]) - self.partial_len;
            let take = need.min(to - from);
            self.partial[self.partial_len..self.partial_len + take]
                .copy_from_slice(&self.buf[from..from + take]);
            self.partial_len += take;
            from += take;
            if self.partial_len < utf8_width(self.partial[0]) {
                return;
            }
            let len = self.partial_len;
            self.partial_len = 0;
            if let Err(e) = std::str::from_utf8(&self.partial[..len]) {
                let bad = e.valid_up_to();
                self.not_utf8 = Some(NotUtf8 {
                    offset: self.partial_offset + bad as u64,
                    byte: self.partial[bad],
                    truncated: false,
                });
                return;
            }
        }
        let bytes = &self.buf[from..to];
        if let Err(e) = std::str::from_utf8(bytes) {
            let good = e.valid_up_to();
            if e.error_len().is_some() {
                self.not_utf8 = Some(NotUtf8 {
                    offset: base + (from + good) as u64,
                    byte: bytes[good],
                    truncated: false,
                });
            } else {
                let rest = &bytes[good..];
                self.partial[..rest.len()].copy_from_slice(rest);
                self.partial_len = rest.len();
                self.partial_offset = base + (from + good) as u64;
            }
        }
    }
}

/// The length of the UTF-8 character that starts with `lead` (only called on bytes that
/// `from_utf8` reported as the start of an incomplete character, so always 2 to 4).
fn utf8_width(lead: u8) -> usize {
    match lead {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

impl<R: Read> Read for Tracked<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(out.len());
        out[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: Read> BufRead for Tracked<R> {
    fn fill_buf(&mut self) -> io::Result<&[u8]> {
        if self.pos >= self.filled {
            self.filled = self.inner.read(&mut self.buf)?;
            self.pos = 0;
        }
        Ok(&self.buf[self.pos..self.filled])
    }

    fn consume(&mut self, amount: usize) {
        let to = (self.pos + amount).min(self.filled);
        self.track(self.pos, to);
        self.pos = to;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A reader that hands out one byte at a time, to split every character across reads.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            if self.0.is_empty() || out.is_empty() {
                return Ok(0);
            }
            out[0] = self.0[0];
            self.0 = &self.0[1..];
            Ok(1)
        }
    }

    fn drain<R: Read>(t: &mut Tracked<R>) {
        loop {
            let n = t.fill_buf().unwrap().len();
            if n == 0 {
                break;
            }
            t.consume(n);
        }
    }

    #[test]
    fn lines_and_columns_come_from_byte_offsets() {
        let mut t = Tracked::new(&b"ab\ncd\n\nef"[..]);
        drain(&mut t);
        assert_eq!(t.line_column(0), (1, 1));
        assert_eq!(t.line_column(2), (1, 3), "the newline itself ends line 1");
        assert_eq!(t.line_column(3), (2, 1));
        assert_eq!(t.line_column(6), (3, 1));
        assert_eq!(t.line_column(8), (4, 2));
        assert_eq!(t.consumed(), 9);
    }

    #[test]
    fn forgetting_earlier_lines_keeps_later_lines_and_columns() {
        let mut t = Tracked::new(&b"ab\ncd\n\nef\ngh"[..]);
        drain(&mut t);
        let expected: Vec<_> = (0..12).map(|o| t.line_column(o)).collect();
        t.forget_lines_before(6);
        for o in 6..12 {
            assert_eq!(t.line_column(o), expected[o as usize], "offset {o}");
        }
        t.forget_lines_before(11);
        assert_eq!(t.line_column(11), (5, 2), "the `h` of `gh`");
    }

    #[test]
    fn utf8_split_across_reads_is_accepted() {
        let text = "Zoë – 😀 ok\n".as_bytes();
        let mut t = Tracked::new(Trickle(text));
        drain(&mut t);
        assert_eq!(t.finish(), None);
        assert_eq!(t.consumed(), text.len() as u64);
    }

    #[test]
    fn the_first_byte_that_is_not_utf8_is_reported() {
        for trickle in [false, true] {
            let bytes = b"<a>caf\xe9 au lait</a>";
            let mut t: Tracked<Box<dyn Read>> = if trickle {
                Tracked::new(Box::new(Trickle(bytes)))
            } else {
                Tracked::new(Box::new(&bytes[..]))
            };
            drain(&mut t);
            assert_eq!(
                t.finish(),
                Some(NotUtf8 {
                    offset: 6,
                    byte: 0xE9,
                    truncated: false
                })
            );
        }
    }

    #[test]
    fn a_character_cut_off_by_the_end_of_the_file_is_reported() {
        let mut t = Tracked::new(Trickle(b"ok \xe2\x80"));
        drain(&mut t);
        assert_eq!(
            t.finish(),
            Some(NotUtf8 {
                offset: 3,
                byte: 0xE2,
                truncated: true
            })
        );
    }
}
