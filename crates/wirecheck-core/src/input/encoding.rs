//! Text encodings of story files: which one a file is in (UTF-8, or by its byte-order mark UTF-8,
//! UTF-16 or UTF-32), decoding its bytes to text without the mark, encoding text back the same
//! way for `--fix`, and mapping offsets of the text back to the file's bytes for reports.

/// How a story file's text is stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextEncoding {
    /// UTF-8 without a byte-order mark.
    #[default]
    Utf8,
    /// UTF-8 after a byte-order mark (`EF BB BF`).
    Utf8Bom,
    /// UTF-16, little-endian, after its byte-order mark (`FF FE`).
    Utf16Le,
    /// UTF-16, big-endian, after its byte-order mark (`FE FF`).
    Utf16Be,
    /// UTF-32, little-endian, after its byte-order mark (`FF FE 00 00`).
    Utf32Le,
    /// UTF-32, big-endian, after its byte-order mark (`00 00 FE FF`).
    Utf32Be,
}

/// Bytes that could not be decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DecodeFault {
    /// A sequence that is not valid in the file's encoding.
    Malformed {
        /// The encoding the file is read in.
        encoding: TextEncoding,
        /// Byte offset of the bad sequence in the file.
        offset: usize,
        /// The bad bytes (at most four).
        bytes: Vec<u8>,
        /// The text decoded before the fault, for its line and column.
        before: String,
    },
    /// A NUL character: the file is binary.
    Binary {
        /// Byte offset of the NUL in the file.
        offset: usize,
    },
    /// UTF-16 without a byte-order mark, whose byte order is a guess.
    Utf16WithoutBom {
        /// The byte order the content suggests.
        encoding: TextEncoding,
    },
}

impl TextEncoding {
    /// The encoding's name as users know it (UTF-8 with or without a byte-order mark is UTF-8).
    pub const fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Utf32Le => "UTF-32LE",
            TextEncoding::Utf32Be => "UTF-32BE",
        }
    }

    /// The encoding a file's byte-order mark names; UTF-8 when it has none.
    pub fn of_bom(bytes: &[u8]) -> Self {
        // UTF-32LE's mark begins with UTF-16LE's, so it is looked for first.
        match bytes {
            [0xFF, 0xFE, 0, 0, ..] => TextEncoding::Utf32Le,
            [0, 0, 0xFE, 0xFF, ..] => TextEncoding::Utf32Be,
            _ => match encoding_rs::Encoding::for_bom(bytes) {
                Some((e, _)) if e == encoding_rs::UTF_16LE => TextEncoding::Utf16Le,
                Some((e, _)) if e == encoding_rs::UTF_16BE => TextEncoding::Utf16Be,
                Some(_) => TextEncoding::Utf8Bom,
                None => TextEncoding::Utf8,
            },
        }
    }

    /// Length of the byte-order mark.
    pub const fn bom_len(self) -> usize {
        match self {
            TextEncoding::Utf8 => 0,
            TextEncoding::Utf8Bom => 3,
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => 2,
            TextEncoding::Utf32Le | TextEncoding::Utf32Be => 4,
        }
    }

    /// The text as this encoding stores it, byte-order mark included: what `--fix` writes.
    /// Plain UTF-8 is the text's own bytes, borrowed: a large story is not copied to be written.
    pub fn encode(self, text: &str) -> std::borrow::Cow<'_, [u8]> {
        if self == TextEncoding::Utf8 {
            return std::borrow::Cow::Borrowed(text.as_bytes());
        }
        let mut bytes = Vec::with_capacity(self.bom_len() + text.len());
        match self {
            TextEncoding::Utf8 => bytes.extend_from_slice(text.as_bytes()),
            TextEncoding::Utf8Bom => {
                bytes.extend_from_slice(b"\xEF\xBB\xBF");
                bytes.extend_from_slice(text.as_bytes());
            }
            TextEncoding::Utf16Le => {
                bytes.extend_from_slice(&[0xFF, 0xFE]);
                bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            }
            TextEncoding::Utf16Be => {
                bytes.extend_from_slice(&[0xFE, 0xFF]);
                bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
            }
            TextEncoding::Utf32Le => {
                bytes.extend_from_slice(&[0xFF, 0xFE, 0, 0]);
                bytes.extend(text.chars().flat_map(|c| u32::from(c).to_le_bytes()));
            }
            TextEncoding::Utf32Be => {
                bytes.extend_from_slice(&[0, 0, 0xFE, 0xFF]);
                bytes.extend(text.chars().flat_map(|c| u32::from(c).to_be_bytes()));
            }
        }
        std::borrow::Cow::Owned(bytes)
    }

    /// Bytes a character takes in this encoding.
    fn width(self, c: char) -> usize {
        match self {
            TextEncoding::Utf8 | TextEncoding::Utf8Bom => c.len_utf8(),
            TextEncoding::Utf16Le | TextEncoding::Utf16Be => 2 * c.len_utf16(),
            TextEncoding::Utf32Le | TextEncoding::Utf32Be => 4,
        }
    }
}

/// Decodes a story file: by its byte-order mark, else as UTF-8; the text has no mark. Refuses
/// malformed text, NUL characters (a binary file) and UTF-16 without a mark.
pub(crate) fn decode(bytes: Vec<u8>) -> Result<(String, TextEncoding), DecodeFault> {
    let encoding = TextEncoding::of_bom(&bytes);
    let text = match encoding {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => {
            let body = &bytes[encoding.bom_len()..];
            if let Some(at) = memchr::memchr(0, body) {
                return Err(match utf16_without_bom(body) {
                    Some(guess) => DecodeFault::Utf16WithoutBom { encoding: guess },
                    None => DecodeFault::Binary {
                        offset: encoding.bom_len() + at,
                    },
                });
            }
            decode_utf8(bytes, encoding)?
        }
        TextEncoding::Utf16Le | TextEncoding::Utf16Be => decode_utf16(&bytes, encoding)?,
        TextEncoding::Utf32Le | TextEncoding::Utf32Be => decode_utf32(&bytes, encoding)?,
    };
    if let Some(at) = memchr::memchr(0, text.as_bytes()) {
        return Err(DecodeFault::Binary {
            offset: FileOffsets::new(&text, encoding).at(at),
        });
    }
    Ok((text, encoding))
}

fn decode_utf8(mut bytes: Vec<u8>, encoding: TextEncoding) -> Result<String, DecodeFault> {
    let bom = encoding.bom_len();
    bytes.drain(..bom);
    String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        let bad = err.utf8_error().error_len().unwrap_or(1);
        let bytes = err.into_bytes();
        DecodeFault::Malformed {
            encoding,
            offset: bom + valid,
            bytes: bytes[valid..valid + bad].to_vec(),
            before: String::from_utf8_lossy(&bytes[..valid]).into_owned(),
        }
    })
}

fn decode_utf16(bytes: &[u8], encoding: TextEncoding) -> Result<String, DecodeFault> {
    let codec = if encoding == TextEncoding::Utf16Le {
        encoding_rs::UTF_16LE
    } else {
        encoding_rs::UTF_16BE
    };
    let body = &bytes[2..];
    let mut decoder = codec.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(body.len())
        .unwrap_or(body.len());
    let mut text = String::with_capacity(capacity);
    let mut consumed = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&body[consumed..], &mut text, true);
        match result {
            encoding_rs::DecoderResult::InputEmpty => return Ok(text),
            encoding_rs::DecoderResult::OutputFull => {
                consumed += read;
                text.reserve(3 * (body.len() - consumed) / 2 + 16);
            }
            encoding_rs::DecoderResult::Malformed(bad, after) => {
                let start = consumed + read - usize::from(after) - usize::from(bad);
                return Err(DecodeFault::Malformed {
                    encoding,
                    offset: 2 + start,
                    bytes: body[start..start + usize::from(bad)].to_vec(),
                    before: text,
                });
            }
        }
    }
}

fn decode_utf32(bytes: &[u8], encoding: TextEncoding) -> Result<String, DecodeFault> {
    let body = &bytes[4..];
    let mut text = String::with_capacity(body.len() / 2);
    for (index, unit) in body.chunks(4).enumerate() {
        let value = match <[u8; 4]>::try_from(unit) {
            Ok(unit) if encoding == TextEncoding::Utf32Le => Some(u32::from_le_bytes(unit)),
            Ok(unit) => Some(u32::from_be_bytes(unit)),
            Err(_) => None,
        };
        match value.and_then(char::from_u32) {
            Some(c) => text.push(c),
            None => {
                return Err(DecodeFault::Malformed {
                    encoding,
                    offset: 4 + 4 * index,
                    bytes: unit.to_vec(),
                    before: text,
                });
            }
        }
    }
    Ok(text)
}

/// The byte order of text that reads as UTF-16 without a byte-order mark: an even length, every
/// NUL byte of its start on one side of its code units (ASCII characters have a zero high byte),
/// and valid UTF-16 in that order.
fn utf16_without_bom(bytes: &[u8]) -> Option<TextEncoding> {
    if !bytes.len().is_multiple_of(2) {
        return None;
    }
    let sample = &bytes[..bytes.len().min(4096)];
    let zero_at = |parity: usize| {
        sample
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (zero_at(0), zero_at(1));
    let (encoding, from_bytes): (_, fn([u8; 2]) -> u16) = match (even, odd) {
        (0, 1..) => (TextEncoding::Utf16Le, u16::from_le_bytes),
        (1.., 0) => (TextEncoding::Utf16Be, u16::from_be_bytes),
        _ => return None,
    };
    let units = sample
        .chunks_exact(2)
        .map(|pair| from_bytes([pair[0], pair[1]]));
    let faults = char::decode_utf16(units).filter(Result::is_err).count();
    // The sample may end inside a surrogate pair.
    (faults <= 1 && sample.len() < bytes.len() || faults == 0).then_some(encoding)
}

/// Maps byte offsets of decoded text to byte offsets of the file it was decoded from. Offsets
/// asked in increasing order cost only the text between them.
#[derive(Clone, Debug)]
pub(crate) struct FileOffsets<'a> {
    text: &'a str,
    encoding: TextEncoding,
    /// The last offset mapped, in the text and in the file.
    cursor: (usize, usize),
}

impl<'a> FileOffsets<'a> {
    /// Offsets of `text`, decoded from a file in `encoding`.
    pub(crate) fn new(text: &'a str, encoding: TextEncoding) -> Self {
        Self {
            text,
            encoding,
            cursor: (0, encoding.bom_len()),
        }
    }

    /// The file's offset of the text's byte `offset` (a character boundary; clamped to the text).
    pub(crate) fn at(&mut self, offset: usize) -> usize {
        match self.encoding {
            TextEncoding::Utf8 => return offset,
            TextEncoding::Utf8Bom => return offset + 3,
            _ => {}
        }
        let mut offset = offset.min(self.text.len());
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        if offset < self.cursor.0 {
            self.cursor = (0, self.encoding.bom_len());
        }
        let (from, mut file) = self.cursor;
        for c in self.text[from..offset].chars() {
            file += self.encoding.width(c);
        }
        self.cursor = (offset, file);
        file
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Kōno 𝄞 met\nAbe.";

    #[test]
    fn every_encoding_round_trips_and_maps_offsets_to_its_bytes() {
        for encoding in [
            TextEncoding::Utf8,
            TextEncoding::Utf8Bom,
            TextEncoding::Utf16Le,
            TextEncoding::Utf16Be,
            TextEncoding::Utf32Le,
            TextEncoding::Utf32Be,
        ] {
            let bytes = encoding.encode(TEXT);
            assert_eq!(TextEncoding::of_bom(&bytes), encoding);
            assert_eq!(decode(bytes.to_vec()), Ok((TEXT.to_owned(), encoding)));
            let mut offsets = FileOffsets::new(TEXT, encoding);
            for (at, _) in TEXT.char_indices().rev().chain(TEXT.char_indices()) {
                let prefix = encoding.encode(&TEXT[..at]);
                assert_eq!(offsets.at(at), prefix.len(), "{encoding:?} at {at}");
            }
        }
    }

    #[test]
    fn faults_give_the_file_offset() {
        let mut bytes = TextEncoding::Utf16Le.encode("ab").into_owned();
        bytes.extend_from_slice(&[0x00, 0xD8, b'c', 0]);
        assert_eq!(
            decode(bytes),
            Err(DecodeFault::Malformed {
                encoding: TextEncoding::Utf16Le,
                offset: 6,
                bytes: vec![0x00, 0xD8],
                before: "ab".to_owned(),
            })
        );
        // Far into a long file, and an odd last byte.
        let long = "Kōno 𝄞 met Abe. ".repeat(10_000);
        let mut bytes = TextEncoding::Utf16Be.encode(&long).into_owned();
        assert_eq!(
            decode(bytes.clone()),
            Ok((long.clone(), TextEncoding::Utf16Be))
        );
        bytes.push(b'x');
        assert!(matches!(
            decode(bytes.clone()),
            Err(DecodeFault::Malformed { offset, .. }) if offset == bytes.len() - 1
        ));
        let mut bytes = TextEncoding::Utf32Be.encode("a").into_owned();
        bytes.extend_from_slice(&[0, 0x11, 0, 0]);
        assert!(matches!(
            decode(bytes),
            Err(DecodeFault::Malformed { offset: 8, .. })
        ));
        let bytes = TextEncoding::Utf16Be.encode("a\0");
        assert_eq!(
            decode(bytes.into_owned()),
            Err(DecodeFault::Binary { offset: 4 })
        );
        assert_eq!(
            decode(b"\xEF\xBB\xBFab\xFFc".to_vec()),
            Err(DecodeFault::Malformed {
                encoding: TextEncoding::Utf8Bom,
                offset: 5,
                bytes: vec![0xFF],
                before: "ab".to_owned(),
            })
        );
    }

    #[test]
    fn utf16_without_a_mark_is_named_not_called_binary() {
        let le: Vec<u8> = "Headline"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(
            decode(le),
            Err(DecodeFault::Utf16WithoutBom {
                encoding: TextEncoding::Utf16Le
            })
        );
        let be: Vec<u8> = "Head".encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(
            decode(be),
            Err(DecodeFault::Utf16WithoutBom {
                encoding: TextEncoding::Utf16Be
            })
        );
        assert_eq!(
            decode(b"\x89PNG\r\n\x1a\n\0\0\0".to_vec()),
            Err(DecodeFault::Binary { offset: 8 })
        );
    }
}
