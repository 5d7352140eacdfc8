"""The peer a user would otherwise write: pandas reads the JSONL labels, validates them the way
Touchstone does (required fields, label on the 1-5 scale, ISO timestamps), and stores them in a
DuckDB table. Usage: python3 ingest_peer.py FILE.jsonl DB.duckdb  -> prints accepted rejected."""
import sys

import duckdb
import pandas as pd


def main(path: str, db: str) -> None:
    df = pd.read_json(path, lines=True, dtype={"item_id": str, "labeler_id": str, "session_id": str})
    for col in ("slice", "guideline_version", "session_id", "rationale"):
        if col not in df.columns:
            df[col] = None
    ok = df["item_id"].notna() & (df["item_id"].astype(str).str.len() > 0)
    ok &= df["labeler_id"].notna() & (df["labeler_id"].astype(str).str.len() > 0)
    label = pd.to_numeric(df["label"], errors="coerce")
    ok &= label.notna() & (label == label.round()) & label.between(1, 5)
    labeled_at = pd.to_datetime(df["labeled_at"], utc=True, errors="coerce", format="ISO8601")
    ok &= labeled_at.notna()
    df = df.assign(label=label, labeled_at=labeled_at)
    accepted = df[ok]
    con = duckdb.connect(db)
    con.register("accepted", accepted)
    con.execute("CREATE TABLE labels AS SELECT * FROM accepted")
    con.execute("CHECKPOINT")
    con.close()
    print(int(ok.sum()), int((~ok).sum()))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
