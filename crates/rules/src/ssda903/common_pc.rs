//! What the rules on the postcode-derived fields share (164, 169, 179, 229, 241, 243, 392a, 392c).

use super::Return;
use formats::providers::Provider;
use formats::ssda903::raw::RawRow;

/// An Episodes value (one helper for every rule file).
pub(crate) use super::common_r1::ep;

/// Whether an episode is a short break (`LS` `V3` or `V4`), for which the DfE derives no
/// placement fields.
pub(crate) fn short_break(row: &RawRow) -> bool {
    matches!(ep(row, "LS"), "V3" | "V4")
}

/// Whether a value is an ONS local authority code: a letter (`E`, `W`, `S`, `N`) and eight digits.
pub(crate) fn ons_code(v: &str) -> bool {
    v.len() == 9
        && matches!(v.as_bytes()[0], b'E' | b'W' | b'S' | b'N')
        && v.bytes().skip(1).all(|b| b.is_ascii_digit())
}

/// Whether a `PL_LA` is valid: an ONS local authority code, or `WAL`, `SCO`, `NIR` or `NUK` for a
/// placement in Wales, Scotland, Northern Ireland or outside the UK.
pub(crate) fn valid_pl_la(v: &str) -> bool {
    ons_code(v) || matches!(v, "WAL" | "SCO" | "NIR" | "NUK")
}

/// A provider's local authority as `PL_LA` writes it: the provider list's local authority column
/// when it holds an ONS code, otherwise the authority of the provider's postcode in the postcode
/// directory ([`formats::postcodes::Place::pl_la`]); `None` when neither tells.
pub(crate) fn provider_la(ret: &Return, provider: &Provider) -> Option<String> {
    if let Some(la) = provider.local_authority.as_deref().filter(|l| ons_code(l)) {
        return Some(la.to_owned());
    }
    let place = ret.postcodes.as_ref()?.get(provider.postcode.as_deref()?)?;
    Some(place.pl_la().to_owned())
}
