//! Checks that a file's bytes are a story text: not binary, valid UTF-8.

/// Why a file cannot be diffed as text.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum InputError {
    /// The file contains NUL bytes.
    #[error("{name}: binary file (contains NUL bytes), not a text story")]
    Binary {
        /// File name, as given by the user.
        name: String,
    },
    /// The file is not valid UTF-8.
    #[error("{name}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 {
        /// File name, as given by the user.
        name: String,
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
}

/// Turns the bytes of a story file into text, or says why they are not text.
/// A leading UTF-8 byte order mark is kept (it is part of the bytes being compared).
pub fn decode_story(name: &str, bytes: Vec<u8>) -> Result<String, InputError> {
    if bytes.contains(&0) {
        return Err(InputError::Binary {
            name: name.to_owned(),
        });
    }
    String::from_utf8(bytes).map_err(|err| InputError::InvalidUtf8 {
        name: name.to_owned(),
        offset: err.utf8_error().valid_up_to(),
    })
}
