"""Runs Social Finance's cs-demand-model (0.5.1, from PyPI) on SSDA903 returns, as the oracle
Harbour's forecast is compared with (crates/cli/tests/forecast_crosscheck.rs).

    csdm_forecast.py OUT.csv REFERENCE_START REFERENCE_END DAYS DIR_903...

Each DIR_903 holds one return's `episodes.csv` and `header.csv`. They are laid out as the model's
file-system data store wants them (`YEAR/episodes.csv`, the year being the latest DECOM's, as the
model itself infers it), the model learns its rates between REFERENCE_START and REFERENCE_END
(inclusive, YYYY-MM-DD) and predicts DAYS days on, one day at a time, from the stock on
REFERENCE_END. OUT.csv gets `day,age_band,placement,children` for every day and every state in
care (the model's "Not in care" accumulators are left out).
"""

import csv
import os
import shutil
import sys
import tempfile
from datetime import date

import pandas as pd

from cs_demand_model import DemandModellingDataContainer, ModelPredictor, PopulationStats
from cs_demand_model.config import Config
from cs_demand_model.datastore import fs_datastore


def latest_decom_year(path):
    years = []
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            if row["DECOM"]:
                years.append(int(row["DECOM"][-4:]))
    return max(years)


def main():
    out, ref_start, ref_end, days, *dirs = sys.argv[1:]
    ref_start = date.fromisoformat(ref_start)
    ref_end = date.fromisoformat(ref_end)
    days = int(days)
    with tempfile.TemporaryDirectory() as tmp:
        for d in dirs:
            year = latest_decom_year(os.path.join(d, "episodes.csv"))
            os.makedirs(os.path.join(tmp, str(year)), exist_ok=True)
            for name in ("episodes.csv", "header.csv"):
                shutil.copy(os.path.join(d, name), os.path.join(tmp, str(year), name))
        config = Config()
        dc = DemandModellingDataContainer(fs_datastore(tmp), config)
        stats = PopulationStats(dc.enriched_view, config)
        predictor = ModelPredictor.from_model(
            stats, pd.Timestamp(ref_start), pd.Timestamp(ref_end)
        )
        predicted = predictor.predict(days)
    with open(out, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["day", "age_band", "placement", "children"])
        for i, (_, row) in enumerate(predicted.iterrows()):
            for state, value in row.items():
                if not isinstance(state, tuple) or len(state) != 2:
                    continue
                band, placement = state
                if placement == "NOT_IN_CARE":
                    continue
                w.writerow([i + 1, band, placement, repr(float(value))])


if __name__ == "__main__":
    main()
