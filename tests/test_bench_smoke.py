"""The benchmark command runs end to end on a small archive, so it never rots (timings are not judged here)."""

import json
import os
import subprocess
import sys

from tests.conftest import ROOT


def test_the_benchmark_runs_end_to_end_on_a_small_archive(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "tests.bench", "--small", "--out", str(tmp_path)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    figures = json.loads((tmp_path / "bench.json").read_text())
    assert figures["count"] == 500
    foundation = figures["foundation_bench"]
    assert foundation["import"]["files"] == 500 and foundation["import"]["failed"] == 0
    assert foundation["import"]["per_second"] > 0 and foundation["import_floor"]["per_second"] > 0
    assert foundation["startup"]["bare_median_s"] > 0 and foundation["startup"]["app_median_s"] > 0
    assert foundation["open"]["typical_median_ms"] > 0 and foundation["memory"]["idle_rss_mb"] > 0
    for part in ("search_bench", "versions_bench", "bilingual_bench", "annotations_bench", "export_bench"):
        assert figures[part], part
    # the table a reader of the README compares with
    assert "| import, transcripts/s (median of 1) |" in result.stdout
