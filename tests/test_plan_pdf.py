"""The simulator's plan as a PDF: one A4 page with the class, the steps and where the values came from."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from kkb import simulate
from kkb.plan_pdf import PlanText, plan_pdf
from kkb.sentences import path_text


def _plan(lang: str) -> tuple[simulate.Simulation, bytes]:
    values = simulate.blank() | {"pokja": 1.0, "pokja_anggota": 4.0, "pus": 100.0, "kb_suntik": 38.0}
    sim = simulate.evaluate(values)
    rows = [[str(r.indikator), "–", str(r.skor), "x"] for r in sim.scores.itertuples()]
    about = PlanText("Kampung KB Margasana (D3600927)", "Simulasi dari … <b>& co</b>", "2026-12-07")
    return sim, plan_pdf(sim, rows, about, lang)


@pytest.mark.parametrize("lang", ["id", "en"])
def test_the_plan_is_one_page_with_the_class_and_every_step(lang: str) -> None:
    sim, pdf = _plan(lang)
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    assert sim.klasifikasi in text and "Kampung KB Margasana (D3600927)" in text
    for line in path_text(sim.path, lang)[1:]:
        assert " ".join(line.split())[:40] in text
    assert "<b>& co</b>" in text  # a file name or a name with markup is printed as written
    assert reader.metadata is not None and "Margasana" in str(reader.metadata.title)
