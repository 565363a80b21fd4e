//! DfE code sets as enums, each code with its description.
//!
//! Every enum knows its code as it appears in a return ([`CodeSet::code`]), its description
//! ([`CodeSet::description`]) and how to read a code back ([`CodeSet::from_code`]). Which codes
//! are valid in which collection year is a validation matter (the `rules` crate), so each enum
//! holds every code any supported year uses.

mod generated;

pub use generated::*;

/// What every DfE code set can do.
pub trait CodeSet: Sized + Copy + 'static {
    /// The field name the DfE uses for this code set, e.g. `PLACE`.
    const FIELD: &'static str;
    /// Every code, in the order the DfE lists them.
    const ALL: &'static [Self];
    /// The code as written in a return.
    fn code(self) -> &'static str;
    /// The DfE's description of the code.
    fn description(self) -> &'static str;
    /// Reads a code exactly as written in a return (codes are case-sensitive in DfE returns).
    fn from_code(code: &str) -> Option<Self>;
}

macro_rules! code_set {
    (
        $(#[$meta:meta])*
        $name:ident = $field:literal {
            $( $variant:ident = $code:literal => $desc:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[allow(clippy::upper_case_acronyms, non_camel_case_types)]
        pub enum $name {
            $( #[doc = $desc] $variant, )+
        }

        impl $crate::codes::CodeSet for $name {
            const FIELD: &'static str = $field;
            const ALL: &'static [Self] = &[$(Self::$variant),+];
            fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }
            fn description(self) -> &'static str {
                match self { $(Self::$variant => $desc,)+ }
            }
            fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)+ _ => None }
            }
        }

        impl $name {
            /// The code as written in a return.
            pub fn code(self) -> &'static str {
                <Self as $crate::codes::CodeSet>::code(self)
            }
            /// The DfE's description of the code.
            pub fn description(self) -> &'static str {
                <Self as $crate::codes::CodeSet>::description(self)
            }
            /// Reads a code exactly as written in a return.
            pub fn from_code(code: &str) -> Option<Self> {
                <Self as $crate::codes::CodeSet>::from_code(code)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.code())
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let code = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                Self::from_code(&code).ok_or_else(|| {
                    serde::de::Error::custom(format_args!("unknown {} code {:?}", $field, code))
                })
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}
pub(crate) use code_set;

impl Placement {
    /// Temporary placements (T0 to T4), which carry no provider and need no reason for change.
    pub fn is_temporary(self) -> bool {
        matches!(self, Self::T0 | Self::T1 | Self::T2 | Self::T3 | Self::T4)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<C: CodeSet + PartialEq + std::fmt::Debug>() {
        for &c in C::ALL {
            assert_eq!(C::from_code(c.code()), Some(c), "{} {}", C::FIELD, c.code());
            assert!(!c.description().is_empty());
        }
    }

    #[test]
    fn every_code_reads_back() {
        round_trips::<ReferralSource>();
        round_trips::<PrimaryNeed>();
        round_trips::<AssessmentFactor>();
        round_trips::<Placement>();
        round_trips::<ReasonEpisodeCeased>();
        round_trips::<Accommodation>();
        round_trips::<Ethnicity>();
    }

    #[test]
    fn codes_carry_dfe_meanings() {
        assert_eq!(Placement::from_code("K2"), Some(Placement::K2));
        assert_eq!(
            Placement::K2.description(),
            "Children’s homes subject to Children’s Homes Regulations"
        );
        assert_eq!(ReferralSource::from_code("5D"), Some(ReferralSource::R5D));
        assert_eq!(AssessmentFactor::F21.code(), "21");
        assert_eq!(Accommodation::from_code("B1").map(|a| a.code()), Some("B1"));
        assert_eq!(
            LegalStatus::from_code("c2"),
            None,
            "codes are case-sensitive"
        );
        assert_eq!(Placement::ALL.len(), 32);
    }
}
