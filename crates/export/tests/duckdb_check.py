"""Reads an export the way an analyst would, with DuckDB, and checks it against what Harbour wrote.

Usage: python duckdb_check.py ROOT SPEC, where ROOT holds parquet/ and csv/ with one file per
table, and SPEC has a line per table: name, row count and the columns as name:TYPE, tab-separated
(TYPE is the DuckDB type the Parquet column must have). Run by crates/export/tests/duckdb.rs.
"""

import sys

import duckdb


def quote(path):
    return "'" + path.replace("'", "''") + "'"


def main(root, spec_path):
    tables = []
    with open(spec_path, encoding="utf-8") as spec:
        for line in spec:
            name, rows, columns = line.rstrip("\n").split("\t")
            tables.append((name, int(rows), [tuple(c.split(":")) for c in columns.split(",")]))

    con = duckdb.connect()
    failures = []
    checks = 0

    def check(ok, message):
        nonlocal checks
        checks += 1
        if not ok:
            failures.append(message)

    def scalar(sql):
        return con.execute(sql).fetchone()[0]

    for name, rows, columns in tables:
        parquet = quote(f"{root}/parquet/{name}.parquet")
        csv = quote(f"{root}/csv/{name}.csv")
        con.execute(f"CREATE VIEW pq_{name} AS SELECT * FROM read_parquet({parquet})")
        con.execute(f"CREATE VIEW csv_{name} AS SELECT * FROM read_csv({csv})")
        con.execute(f"CREATE VIEW text_{name} AS SELECT * FROM read_csv({csv}, all_varchar = true)")

        # Row counts, as Rust counted them.
        for kind in ("pq", "csv"):
            n = scalar(f"SELECT count(*) FROM {kind}_{name}")
            check(n == rows, f"{kind} {name}: {n} rows, Rust wrote {rows}")

        # Parquet: every column with its name and type, dates as DATE.
        described = [(r[0], r[1]) for r in con.execute(f"DESCRIBE pq_{name}").fetchall()]
        check(described == columns, f"parquet {name}: columns {described}, expected {columns}")

        # CSV auto-detection: the same names; dates and flags detected as such wherever a value
        # is present (a column of missing values only is VARCHAR).
        described = con.execute(f"DESCRIBE csv_{name}").fetchall()
        check([r[0] for r in described] == [c for c, _ in columns], f"csv {name}: column names {described}")
        for (column, expected), (_, detected, *_) in zip(columns, described):
            if expected in ("DATE", "BOOLEAN") and scalar(
                f'SELECT count("{column}") FROM text_{name}'
            ):
                check(detected == expected, f"csv {name}.{column}: detected {detected}, expected {expected}")

        # The two formats hold the same values (both read as text).
        for a, b in ((f"pq_{name}", f"text_{name}"), (f"text_{name}", f"pq_{name}")):
            n = scalar(
                f"SELECT count(*) FROM (SELECT COLUMNS(*)::VARCHAR FROM {a} "
                f"EXCEPT ALL SELECT COLUMNS(*)::VARCHAR FROM {b})"
            )
            check(n == 0, f"{name}: {n} rows of {a} are not in {b}")

    # The keys join the tables back together, in both formats.
    count = {name: rows for name, rows, _ in tables}
    joins = [
        ("assessments", "referrals", "referral_id"),
        ("cin_plans", "referrals", "referral_id"),
        ("section47s", "referrals", "referral_id"),
        ("cp_plans", "referrals", "referral_id"),
        ("assessment_factors", "assessments", "assessment_id"),
        ("cp_plan_reviews", "cp_plans", "cp_plan_id"),
        ("referrals", "children", None),
        ("cla_episodes", "children", None),
    ]
    for kind in ("pq", "csv"):
        for child, parent, key in joins:
            on = "c.child_id = p.child_id" + (f" AND c.{key} = p.{key}" if key else "")
            n = scalar(f"SELECT count(*) FROM {kind}_{child} c JOIN {kind}_{parent} p ON {on}")
            check(n == count[child], f"{kind} {child} join {parent}: {n} of {count[child]} rows")
        if not any(count.values()):
            continue  # an empty export: nothing to join
        check(count["assessments"] > 0, "there are assessments to join")
        # What an analyst would ask: referrals with an assessment, and the days to its start.
        n, days = con.execute(
            f"SELECT count(DISTINCT r.referral_id), min(a.start_date - r.referral_date) "
            f"FROM {kind}_referrals r JOIN {kind}_assessments a USING (referral_id)"
        ).fetchone()
        check(0 < n <= count["referrals"] and days is not None, f"{kind}: {n} referrals with assessments")

    if failures:
        print(f"duckdb {duckdb.__version__}: {len(failures)} of {checks} checks failed:")
        for f in failures:
            print("  " + f)
        sys.exit(1)
    print(f"duckdb {duckdb.__version__}: {checks} checks passed on {len(tables)} tables")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
