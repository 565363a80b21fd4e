//! The model's states: an age band and a placement category.

use model::codes::Placement;

/// The placement categories of Social Finance's cs-demand-model (its standard configuration):
/// fostering, residential, supported accommodation and everything else.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    Fostering,
    Residential,
    Supported,
    Other,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Fostering,
        Category::Residential,
        Category::Supported,
        Category::Other,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// As written in scenario files and output.
    pub fn key(self) -> &'static str {
        match self {
            Category::Fostering => "fostering",
            Category::Residential => "residential",
            Category::Supported => "supported",
            Category::Other => "other",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Category::Fostering => "Fostering",
            Category::Residential => "Residential",
            Category::Supported => "Supported accommodation",
            Category::Other => "Other placements",
        }
    }

    pub fn from_key(key: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.key() == key)
    }

    /// The category of an SSDA903 `PLACE` code. Fostering is U1–U6, residential K2 and R1,
    /// supported accommodation H5 and P2 (as cs-demand-model 0.5.1 groups them) and, when
    /// `k3_supported`, K3 (registered supported accommodation, a code newer than that
    /// configuration, which files it under other); everything else, and no placement, is other.
    pub fn of(place: Option<Placement>, k3_supported: bool) -> Category {
        use Placement as P;
        match place {
            Some(P::U1 | P::U2 | P::U3 | P::U4 | P::U5 | P::U6) => Category::Fostering,
            Some(P::K2 | P::R1) => Category::Residential,
            Some(P::H5 | P::P2) => Category::Supported,
            Some(P::K3) if k3_supported => Category::Supported,
            _ => Category::Other,
        }
    }
}

/// The age bands: the DfE's for children looked after, which are cs-demand-model's too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
pub enum AgeBand {
    #[serde(rename = "0-1")]
    Under1,
    #[serde(rename = "1-5")]
    From1To4,
    #[serde(rename = "5-10")]
    From5To9,
    #[serde(rename = "10-16")]
    From10To15,
    #[serde(rename = "16+")]
    From16,
}

impl AgeBand {
    pub const ALL: [AgeBand; 5] = [
        AgeBand::Under1,
        AgeBand::From1To4,
        AgeBand::From5To9,
        AgeBand::From10To15,
        AgeBand::From16,
    ];

    pub fn index(self) -> usize {
        self as usize
    }

    /// As written in scenario files and output.
    pub fn key(self) -> &'static str {
        match self {
            AgeBand::Under1 => "0-1",
            AgeBand::From1To4 => "1-5",
            AgeBand::From5To9 => "5-10",
            AgeBand::From10To15 => "10-16",
            AgeBand::From16 => "16+",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            AgeBand::Under1 => "Under 1",
            AgeBand::From1To4 => "1 to 4",
            AgeBand::From5To9 => "5 to 9",
            AgeBand::From10To15 => "10 to 15",
            AgeBand::From16 => "16 and over",
        }
    }

    pub fn from_key(key: &str) -> Option<AgeBand> {
        AgeBand::ALL.into_iter().find(|b| b.key() == key)
    }

    /// The age, in whole years, at which the band starts.
    pub fn first_age(self) -> i16 {
        [0, 1, 5, 10, 16][self.index()]
    }

    /// The band of an age in whole years.
    pub fn of_years(years: i16) -> AgeBand {
        match years {
            ..1 => AgeBand::Under1,
            1..5 => AgeBand::From1To4,
            5..10 => AgeBand::From5To9,
            10..16 => AgeBand::From10To15,
            _ => AgeBand::From16,
        }
    }
}

/// Number of states in care: every age band × every category.
pub const STATES: usize = 20;
/// The index used for "not in care" as the source of an entry or the target of an exit.
pub const OUT: usize = STATES;

/// The state index of a band and category.
pub fn state(band: AgeBand, category: Category) -> usize {
    band.index() * 4 + category.index()
}

/// The band and category of a state index.
pub fn parts(state: usize) -> (AgeBand, Category) {
    (AgeBand::ALL[state / 4], Category::ALL[state % 4])
}
