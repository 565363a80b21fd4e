//! The elements of the CIN census and where each may appear.

macro_rules! tags {
    ($($tag:ident),+ $(,)?) => {
        /// An element of the census, by name.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[allow(clippy::upper_case_acronyms)]
        pub(super) enum Tag {
            $($tag),+
        }

        impl Tag {
            pub(super) fn name(self) -> &'static str {
                match self {
                    $(Tag::$tag => stringify!($tag)),+
                }
            }

            pub(super) fn from_name(name: &str) -> Option<Tag> {
                match name {
                    $(stringify!($tag) => Some(Tag::$tag),)+
                    _ => None,
                }
            }
        }
    };
}

tags! {
    Message,
    Header,
    CollectionDetails,
    Collection,
    Year,
    ReferenceDate,
    Source,
    SourceLevel,
    LEA,
    SoftwareCode,
    Release,
    SerialNo,
    DateTime,
    Children,
    Child,
    ChildIdentifiers,
    LAchildID,
    UPN,
    FormerUPN,
    UPNunknown,
    PersonBirthDate,
    ExpectedPersonBirthDate,
    Sex,
    GenderCurrent,
    PersonDeathDate,
    ChildCharacteristics,
    Ethnicity,
    Disabilities,
    Disability,
    CINdetails,
    CINreferralDate,
    ReferralSource,
    PrimaryNeedCode,
    CINclosureDate,
    ReasonForClosure,
    DateOfInitialCPC,
    Assessments,
    AssessmentActualStartDate,
    AssessmentInternalReviewDate,
    AssessmentAuthorisationDate,
    FactorsIdentifiedAtAssessment,
    AssessmentFactors,
    CINPlanDates,
    CINPlanStartDate,
    CINPlanEndDate,
    Section47,
    S47ActualStartDate,
    InitialCPCtarget,
    ICPCnotRequired,
    ReferralNFA,
    ChildProtectionPlans,
    CPPstartDate,
    CPPendDate,
    InitialCategoryOfAbuse,
    LatestCategoryOfAbuse,
    NumberOfPreviousCPP,
    Reviews,
    CPPreviewDate,
    PreProceedingsandFGDM,
    PPStartDate,
    LBPSentDate,
    FGDMMeetingOffer,
    FGDMMeetingFac,
    InitialPPMeetingDate,
    ReviewMeetingsCount,
    StepDecisionDate,
    PPOutcome,
    CourtAppDate,
    LetterInitCPDate,
}

impl Tag {
    /// Whether the element holds other elements rather than a value.
    pub(super) fn is_container(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Message
                | Header
                | CollectionDetails
                | Source
                | Children
                | Child
                | ChildIdentifiers
                | ChildCharacteristics
                | Disabilities
                | CINdetails
                | Assessments
                | FactorsIdentifiedAtAssessment
                | CINPlanDates
                | Section47
                | ChildProtectionPlans
                | Reviews
                | PreProceedingsandFGDM
        )
    }

    /// Whether the schema lets the element repeat within its parent (`maxOccurs` above 1); paths
    /// give such elements an index.
    pub(super) fn repeats(self) -> bool {
        use Tag::*;
        matches!(
            self,
            Source
                | Child
                | Disability
                | CINdetails
                | Assessments
                | AssessmentFactors
                | CINPlanDates
                | Section47
                | ChildProtectionPlans
                | CPPreviewDate
        )
    }

    /// Whether `child` belongs directly inside `self`.
    pub(super) fn allows(self, child: Tag) -> bool {
        use Tag::*;
        match self {
            Message => matches!(child, Header | Children),
            Header => matches!(child, CollectionDetails | Source),
            CollectionDetails => matches!(child, Collection | Year | ReferenceDate),
            Source => matches!(
                child,
                SourceLevel | LEA | SoftwareCode | Release | SerialNo | DateTime
            ),
            Children => child == Child,
            Child => matches!(child, ChildIdentifiers | ChildCharacteristics | CINdetails),
            ChildIdentifiers => matches!(
                child,
                LAchildID
                    | UPN
                    | FormerUPN
                    | UPNunknown
                    | PersonBirthDate
                    | ExpectedPersonBirthDate
                    | Sex
                    | GenderCurrent
                    | PersonDeathDate
            ),
            ChildCharacteristics => matches!(child, Ethnicity | Disabilities),
            Disabilities => child == Disability,
            CINdetails => matches!(
                child,
                CINreferralDate
                    | ReferralSource
                    | PrimaryNeedCode
                    | CINclosureDate
                    | ReasonForClosure
                    | DateOfInitialCPC
                    | Assessments
                    | CINPlanDates
                    | Section47
                    | ReferralNFA
                    | ChildProtectionPlans
                    | PreProceedingsandFGDM
            ),
            Assessments => matches!(
                child,
                AssessmentActualStartDate
                    | AssessmentInternalReviewDate
                    | AssessmentAuthorisationDate
                    | FactorsIdentifiedAtAssessment
            ),
            FactorsIdentifiedAtAssessment => child == AssessmentFactors,
            CINPlanDates => matches!(child, CINPlanStartDate | CINPlanEndDate),
            Section47 => matches!(
                child,
                S47ActualStartDate | InitialCPCtarget | DateOfInitialCPC | ICPCnotRequired
            ),
            ChildProtectionPlans => matches!(
                child,
                CPPstartDate
                    | CPPendDate
                    | InitialCategoryOfAbuse
                    | LatestCategoryOfAbuse
                    | NumberOfPreviousCPP
                    | Reviews
            ),
            Reviews => child == CPPreviewDate,
            PreProceedingsandFGDM => matches!(
                child,
                PPStartDate
                    | LBPSentDate
                    | FGDMMeetingOffer
                    | FGDMMeetingFac
                    | InitialPPMeetingDate
                    | ReviewMeetingsCount
                    | StepDecisionDate
                    | PPOutcome
                    | CourtAppDate
                    | LetterInitCPDate
            ),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for name in [
            "Message",
            "LEA",
            "CPPreviewDate",
            "PreProceedingsandFGDM",
            "S47ActualStartDate",
        ] {
            assert_eq!(Tag::from_name(name).map(Tag::name), Some(name));
        }
        assert_eq!(
            Tag::from_name("message"),
            None,
            "element names are case-sensitive"
        );
    }
}
