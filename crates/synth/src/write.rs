//! Writing the council's files through the `formats` writers.

use crate::days::*;
use crate::{Council, SynthConfig, asat};
use formats::cin::CinHeader;
use model::{Child, CollectionYear};
use std::fs::File;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// The files [`write()`] produced.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WrittenFiles {
    /// `cin/cin_census.xml`: the census of the last collection year.
    pub cin: PathBuf,
    /// `cin_prev/cin_census.xml`: the census of the year before.
    pub cin_prev: PathBuf,
    /// `903/`: the SSDA903 return of the last collection year.
    pub ssda903: PathBuf,
    /// `903_prev/`: the return of the year before.
    pub ssda903_prev: PathBuf,
    /// `extract/`: teams, workers, allocations, Family Safeguarding involvement and the
    /// practice records; and `partnership.csv`, the partners' figures for each Family
    /// Safeguarding family.
    pub extract: PathBuf,
    /// `population.csv`: children aged 0 to 17 by year, stated as synthetic.
    pub population: PathBuf,
    /// `assurance/`: audit cycles, audits, actions, workforce posts and family voice.
    pub assurance: PathBuf,
    /// Children in the two censuses and the two returns, in the order above.
    pub children: [usize; 4],
}

/// Writes the council's files under `out`: the CIN census and SSDA903 return of the last
/// collection year and of the year before (each as known on its own 31 March), and the
/// case-management extract (as known on the last 31 March).
pub fn write(council: &Council, config: &SynthConfig, out: &Path) -> io::Result<WrittenFiles> {
    let year = i32::from(council.year.0);
    let files = WrittenFiles {
        cin: out.join("cin").join("cin_census.xml"),
        cin_prev: out.join("cin_prev").join("cin_census.xml"),
        ssda903: out.join("903"),
        ssda903_prev: out.join("903_prev"),
        extract: out.join("extract"),
        population: out.join("population.csv"),
        assurance: out.join("assurance"),
        children: [0; 4],
    };
    let mut counts = [0; 4];
    // Each view is built, written and dropped in turn, to keep memory down.
    let current = &council.dataset.children;
    let view: Vec<Child> = current
        .iter()
        .filter_map(|c| asat::cin_census(c, year))
        .collect();
    write_cin(&files.cin, &header(config, year), &view)?;
    counts[0] = view.len();
    drop(view);
    let view: Vec<Child> = current
        .iter()
        .filter_map(|c| asat::ssda903(c, year))
        .collect();
    formats::ssda903::write_return(&files.ssda903, &view, CollectionYear(year as i16))?;
    counts[2] = view.len();
    drop(view);
    // The dataset is the view on the last 31 March; the year before is cut again from it, one
    // child at a time.
    let previous_end = year_end(year - 1);
    let previous = |i: usize, c: &Child| {
        asat::as_at(c, previous_end, council.upn_of(i).filter(|u| !u.is_empty()))
    };
    let view: Vec<Child> = current
        .iter()
        .enumerate()
        .filter_map(|(i, c)| previous(i, c).and_then(|p| asat::cin_census(&p, year - 1)))
        .collect();
    write_cin(&files.cin_prev, &header(config, year - 1), &view)?;
    counts[1] = view.len();
    let view: Vec<Child> = current
        .iter()
        .enumerate()
        .filter_map(|(i, c)| previous(i, c).and_then(|p| asat::ssda903(&p, year - 1)))
        .collect();
    formats::ssda903::write_return(&files.ssda903_prev, &view, CollectionYear(year as i16 - 1))?;
    counts[3] = view.len();
    drop(view);

    let data = &council.dataset;
    let extract = formats::extract::Extract {
        teams: data.teams.clone(),
        workers: data.workers.clone(),
        allocations: data.allocations.clone(),
        family_safeguarding: data.family_safeguarding.clone(),
        contacts: data.contacts.clone(),
        strategy_discussions: data.strategy_discussions.clone(),
        visits: data.visits.clone(),
        supervisions: data.supervisions.clone(),
        chronology: data.chronology.clone(),
        return_home_interviews: data.return_home_interviews.clone(),
    };
    formats::extract::write_dir(&files.extract, &extract)?;
    drop(extract);
    std::fs::write(
        files.extract.join("partnership.csv"),
        crate::partnership::csv(&data.partner_figures),
    )?;
    formats::population::write_file(&files.population, &data.population)?;
    crate::assurance::write_dir(
        &files.assurance,
        &crate::assurance::generate(council, config.seed),
    )?;
    Ok(WrittenFiles {
        children: counts,
        ..files
    })
}

/// The census header: the submission time is fixed from the year, never the clock.
fn header(config: &SynthConfig, year: i32) -> CinHeader {
    CinHeader {
        year: CollectionYear(year as i16),
        lea: config.la_code.clone(),
        software_code: "Harbour synth".to_owned(),
        release: "1".to_owned(),
        serial_no: "001".to_owned(),
        date_time: format!("{year:04}-04-20T09:00:00"),
    }
}

fn write_cin(path: &Path, header: &CinHeader, children: &[Child]) -> io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut w = BufWriter::new(File::create(path)?);
    formats::cin::write_census(&mut w, header, children)?;
    w.flush()
}
