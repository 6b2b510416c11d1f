"""Where the two seed plans live (../shared/seeds beside the repository, or BINHDANG_SEEDS_DIR).

They are real plans written by schools, kept outside the repository; the demo data and the
tests read them from here.
"""

import os
from pathlib import Path

SEED_NAMES = ("000_b75ea42580e22e9e.txt", "001_1e38a6a36f82991c.txt")


def seed_dir() -> Path | None:
    """The first folder that holds the seeds, or None."""
    repo = Path(__file__).resolve().parents[2]
    candidates = [os.environ.get("BINHDANG_SEEDS_DIR", ""), repo.parent / "shared" / "seeds", repo / "seeds",
                  "/work/shared/seeds"]
    for candidate in candidates:
        if candidate and (Path(candidate) / SEED_NAMES[0]).is_file():
            return Path(candidate)
    return None
