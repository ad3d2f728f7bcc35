"""The learned layer's training (quotelink.train) on an invented fixture, the
model switch in Config and the CLI, and model files.

Fixture: tests/fixtures/train/polnear, written by make_fixture.py there:
eight invented articles where reports with "said" are annotated and reports
with "argued" are not.
"""

from fractions import Fraction
from pathlib import Path

import pytest

import quotelink as ql
from quotelink import _core, cli
from quotelink import eval as qe
from quotelink import train
from quotelink._document import Document

FIXTURE = str(Path(__file__).resolve().parents[1] / "fixtures" / "train" / "polnear")
EVAL_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "eval"


def train_fixture(tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]) -> tuple[bytes, str]:
    out = tmp_path / name
    status = cli.main(["train", "--polnear", FIXTURE, "--out", str(out), "--folds", "2", "--bits", "12"])
    assert status == 0
    return out.read_bytes(), capsys.readouterr().out


def test_training_is_deterministic_and_writes_a_model(tmp_path, capsys):
    first, printed = train_fixture(tmp_path, "a.bin", capsys)
    second, _ = train_fixture(tmp_path, "b.bin", capsys)
    assert first == second
    assert "2-fold CV on 8 articles" in printed
    assert "48 records (24 positive)" in printed
    [(name, bits, _threshold, nonzero)] = _core._model_info(first)
    assert (name, bits) == ("accept_report", 12)
    assert nonzero > 0
    assert len(first) == 8 + 4 + 2 + len(name) + 12 + 2 * 2**12


def test_the_model_learns_which_cue_the_annotators_follow():
    gold = qe.load_polnear(FIXTURE)
    records = train.collect_records(gold, threads=1)
    assert len(records) == 48
    model = train.train_model(records, 0.0, bits=12, epochs=10, seed=1)
    text = "Jane Roe said the plan would cut taxes. John Doe argued the plan would cut taxes.\n"
    examples = _core._ReportExampleFinder().examples(text)
    assert [e[3] for e in examples] == ["reported_after", "reported_after"]
    said, argued = _core._model_scores(model, "accept_report", *train.pack([e[4] for e in examples]))
    assert said > 0 > argued


def test_labels_follow_the_scorer():
    # The records the scorer counts as false positives are the unused ones.
    gold = qe.load_polnear(str(EVAL_FIXTURES / "polnear"))
    docs = train.rules_only_extractor().extract_many([g.text for g in gold], ids=[g.id for g in gold])
    preds = qe.predictions_from_documents(docs)
    report = qe.score(gold, preds)
    unused = sum(
        not used
        for g in gold
        for used in train.matched_predictions(g, preds.get(qe.doc_key(g.id), []), Fraction(1, 2))
    )
    assert unused == report.sections["all"].false_positives


def test_best_threshold_drops_records_only_when_f1_gains():
    # 10 gold, 6 matched by records the model does not judge. Judged: two
    # false positives scoring lowest, then a match, then another false one.
    scores = [-3.0, -2.0, -1.0, 5.0]
    labels = [False, False, True, False]
    assert train.best_threshold(scores, labels, gold_total=10, matched_other=6) == -1.5
    # With every judged record right, nothing is dropped.
    assert train.best_threshold([1.0, 2.0], [True, True], gold_total=4, matched_other=2) < 1.0


def test_bad_model_bytes_are_a_clear_error():
    with pytest.raises(ql.Error, match="QLMODEL1"):
        _core._model_info(b"nonsense")
    with pytest.raises(ql.Error, match="truncated"):
        _core._model_info(b"QLMODEL1\x01\x00\x00\x00")


def test_train_reports_a_missing_corpus(tmp_path, capsys):
    status = cli.main(["train", "--polnear", str(tmp_path / "none"), "--out", str(tmp_path / "m.bin")])
    assert status == 1
    assert "quotelink train:" in capsys.readouterr().err


def test_config_switches_the_model_off():
    text = "Jane Roe said the plan would cut taxes.\n"
    assert ql.Config().model is True
    with pytest.raises(ql.Error, match="model must be True or False"):
        ql.Config(model="no")
    assert ql.Config(model=False).to_dict()["model"] is False
    assert [q.sieve for q in ql.extract(text).quotes] == ["reported_after+model"]
    rules = ql.Extractor(ql.Config(model=False))
    assert [q.sieve for q in rules.extract(text).quotes] == ["reported_after"]


def test_cli_no_model(tmp_path, capsys):
    path = tmp_path / "a.txt"
    path.write_text("Jane Roe said the plan would cut taxes.\n", encoding="utf-8")
    assert cli.main(["extract", "--no-model", "--format", "jsonl", str(path)]) == 0
    assert '"sieve": "reported_after"' in capsys.readouterr().out
    assert cli.main(["extract", "--format", "jsonl", str(path)]) == 0
    assert '"sieve": "reported_after+model"' in capsys.readouterr().out


SOURCELESS = "Jane Roe visited the plant on Monday, then said the plan would cut taxes for farmers.\n"


def _gold_with_source(source):
    start = SOURCELESS.index("the plan")
    content = ((start, SOURCELESS.index(".\n")),)
    att = qe.Attribution("s", content, "indirect", source, (), (), None, None)
    return qe.GoldDocument("s", SOURCELESS, [att])


def test_source_candidates_are_labelled_by_the_annotated_source():
    sourceless, sourced = train.collect_source_candidates([_gold_with_source(((0, 8),))])
    assert sourceless.positive == [True] and sourced.positive == []
    # Annotated with another source, or with none: not the source.
    assert train.collect_source_candidates([_gold_with_source(((40, 44),))])[0].positive == [False]
    assert train.collect_source_candidates([_gold_with_source(())])[0].positive == [False]
    # A record with a source: its candidates (the rules' choice among them)
    # train revise_source.
    text = "After meeting John Doe, Jane Roe said the plan would cut taxes.\n"
    content = ((text.index("the plan"), text.index(".\n")),)
    gold = qe.GoldDocument("r", text, [qe.Attribution("r", content, "indirect", ((14, 22),), (), (), None, None)])
    sourceless, sourced = train.collect_source_candidates([gold])
    assert sourceless.positive == [] and sourced.positive == [True, False]  # John Doe, Jane Roe


def test_choose_source_ships_only_with_its_own_smaller_table():
    gold = [_gold_with_source(((0, 8),))] * 4
    data = train.TrainingData([], train.Candidates([], [], [], []), *train.collect_source_candidates(gold))
    bare = train.model_for(data, {0, 1, 2, 3}, train.Thresholds(0.0), bits=12, epochs=2, seed=1)
    assert [c[0] for c in _core._model_info(bare)] == ["accept_report"]
    both = train.model_for(data, {0, 1, 2, 3}, train.Thresholds(0.0, None, -1.0), bits=12, epochs=2, seed=1)
    info = _core._model_info(both)
    assert [(c[0], c[1]) for c in info] == [("accept_report", 12), ("choose_source", train.SOURCE_BITS)]
    assert info[1][2] == -1.0


# "cheered" is in no lexicon: the rules miss the report.
MISSED = "Jane Roe said the plan would cut taxes. Officials cheered the protests, which were calm and orderly.\n"


def _polnear_dir(tmp_path: Path, text: str, cue: str, content: str, source: str) -> str:
    """A one-article PolNeAR split whose one attribution has these words."""
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "a.txt").write_text(text, encoding="utf-8")
    lines = []
    for i, (label, words) in enumerate((("Cue", cue), ("Content", content), ("Source", source)), start=1):
        start = text.index(words)
        lines.append(f"T{i}\t{label} {start} {start + len(words)}\t{words}")
    lines.append("E1\tAttribution:T1 Cue:T1 Content:T2 Source:T3")
    (tmp_path / "attributions" / "a_0001.ann").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return str(tmp_path)


def test_candidate_records_are_labelled_by_the_annotated_cue_and_content(tmp_path):
    directory = _polnear_dir(tmp_path, MISSED, "cheered", "the protests", "Officials")
    gold = qe.load_polnear(directory)
    records, words = train.collect_report_candidates(directory, gold)
    starts, ends = _core._ReportExampleFinder().report_candidates(MISSED)[2:4]
    spans = [MISSED[s:e] for s, e in zip(starts, ends)]
    assert spans[:2] == ["the protests, which were calm and orderly", "the protests"]
    # The content up to the comma is the annotated one; the longer one
    # shares too little of its characters; the other words are in no cue.
    assert records.positive == [False, True] + [False] * (len(spans) - 2)
    # The gate learns from one example per word (cheered, the, which, were,
    # calm, and): "cheered" is the positive.
    assert words.positive == [True] + [False] * 5
    assert words.doc == [0] * 6 and records.doc == [0] * len(spans)


def test_positive_candidate_records_add_source_examples(tmp_path):
    text = "Jane Roe cheered the protests on Monday.\n"
    directory = _polnear_dir(tmp_path, text, "cheered", "the protests on Monday", "Jane Roe")
    gold = qe.load_polnear(directory)
    records, _words = train.collect_report_candidates(directory, gold)
    assert records.positive == [True, False, False]  # "cheered", "the", "protests" 
    without, _ = train.collect_source_candidates(gold)
    with_reports, _ = train.collect_source_candidates(gold, records)
    assert without.positive == []
    assert with_reports.positive == [True]  # Jane Roe, the annotated source


def test_propose_report_ships_with_its_gate(tmp_path):
    directory = _polnear_dir(tmp_path, MISSED, "cheered", "the protests", "Officials")
    gold = qe.load_polnear(directory)
    records, words = train.collect_report_candidates(directory, gold)
    data = train.TrainingData([], train.Candidates([], [], [], []), *train.collect_source_candidates(gold), records, words)
    bare = train.model_for(data, {0}, train.Thresholds(0.0), bits=12, epochs=2, seed=1)
    assert [c[0] for c in _core._model_info(bare)] == ["accept_report"]
    chosen = train.Thresholds(0.0, None, None, None, 0.5, -0.5)
    model = train.model_for(data, {0}, chosen, bits=12, epochs=5, seed=1)
    info = {c[0]: c for c in _core._model_info(model)}
    assert info["propose_report"][1:3] == (12, 0.5)
    assert info["propose_report_gate"][1:3] == (train.GATE_BITS, -0.5)
    # Trained on the article, the pipeline with the model finds the record.
    doc = Document._from_core(_core._ModelRunner(model).extract(MISSED), MISSED, "a")
    proposed = [(q.text, q.cue) for q in doc if q.sieve.startswith("model_cue")]
    assert proposed == [("the protests", "cheered")]
