"""The bench's yardstick for the stats command: the paper's Tables 3-5, the finding BI-RADS counts and the chi-squared
tests of split balance, computed with pandas and SciPy the way a data scientist would, from the same CSVs.

    python3 scripts/bench/pandas-tables.py DIR     prints the tables as JSON

It does a small part of what `vindr-stats` does (no quality rules, ages, vendors or baselines): a floor for the
comparison, not a twin. scripts/bench/stats.ts times it beside the prebuilt command when pandas and SciPy are
installed (Debian: apt-get install -y python3-pandas python3-scipy).
"""

import ast
import json
import sys
from pathlib import Path

import pandas as pd
from scipy.stats import chi2_contingency


def chi_squared(table: pd.DataFrame) -> dict:
    table = table.loc[table.sum(axis=1) > 0]
    statistic, p, dof, _ = chi2_contingency(table.to_numpy())
    return {"statistic": round(float(statistic), 6), "df": int(dof), "p": float(p)}


def main(folder: Path) -> dict:
    breast = pd.read_csv(folder / "breast-level_annotations.csv", dtype=str)
    finding = pd.read_csv(folder / "finding_annotations.csv", dtype=str)

    # Tables 3 and 4 count breasts: one (study, laterality) pair, its labels from its first image row.
    breasts = breast.drop_duplicates(["study_id", "laterality"])
    birads = pd.crosstab(breasts["breast_birads"].str.removeprefix("BI-RADS "), breasts["split"])
    density = pd.crosstab(breasts["breast_density"].str.removeprefix("DENSITY "), breasts["split"])

    # Table 5 counts boxes, once per category of a box; "No Finding" rows are not boxes.
    categories = finding["finding_categories"].map(ast.literal_eval).explode()
    boxes = finding.loc[categories.index].assign(category=categories.to_numpy())
    boxes = boxes[boxes["category"].notna() & (boxes["category"] != "No Finding")]
    per_category = pd.crosstab(boxes["category"], boxes["split"])
    images = breast["split"].value_counts()
    rate = (per_category / images * 100).round(3)

    has_box = finding[finding["finding_categories"].map(lambda cell: any(c != "No Finding" for c in ast.literal_eval(cell)))]
    finding_birads = pd.crosstab(has_box["finding_birads"].fillna("none"), has_box["split"])

    return {
        "breastBirads": birads.to_dict(),
        "breastDensity": density.to_dict(),
        "findingCategories": per_category.to_dict(),
        "findingRatePer100Images": rate.to_dict(),
        "findingBirads": finding_birads.to_dict(),
        "chiSquared": {
            "breastBirads": chi_squared(birads),
            "breastDensity": chi_squared(density),
            "findingCategories": chi_squared(per_category),
        },
    }


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: python3 scripts/bench/pandas-tables.py <release folder>")
    json.dump(main(Path(sys.argv[1])), sys.stdout, indent=1, default=int)
    sys.stdout.write("\n")
