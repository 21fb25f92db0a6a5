//! Whether a new passphrase is strong enough to guard health data on a shared PC. A lost
//! passphrase cannot be recovered, and a guessable one protects nothing.

/// Why a new passphrase is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Weak {
    /// Fewer characters than [`MIN_LENGTH`].
    TooShort,
    /// Easy to guess (a word, a name, a date, a keyboard pattern, …).
    Guessable,
}

/// At least this many characters.
pub const MIN_LENGTH: usize = 10;

/// Checks a new passphrase: long enough, and not guessable by the estimator password
/// managers use (zxcvbn, score 3 of 4 or more: about 10^10 guesses). `hints` are words
/// the guesser would try first (the folder's name, the user's name).
pub fn check(passphrase: &str, hints: &[&str]) -> Result<(), Weak> {
    if passphrase.chars().count() < MIN_LENGTH {
        return Err(Weak::TooShort);
    }
    let estimate = zxcvbn::zxcvbn(passphrase, hints);
    if (estimate.score() as u8) < 3 {
        return Err(Weak::Guessable);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_and_strong_passphrases() {
        assert_eq!(check("kort", &[]), Err(Weak::TooShort));
        assert_eq!(check("password123", &[]), Err(Weak::Guessable));
        assert_eq!(check("1234567890", &[]), Err(Weak::Guessable));
        assert_eq!(check("vejenfrem2026", &["vejenfrem"]), Err(Weak::Guessable));
        assert_eq!(check("blå hest spiser 7 røde æbler", &[]), Ok(()));
    }
}
