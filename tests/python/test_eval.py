"""The scorer reproduces hand-computed scores; the brat and JSONL loaders read
what they should; the evaluate subcommand prints them.

Fixtures (tests/fixtures/eval): texts/*.txt, gold.jsonl and pred.jsonl were
written by hand; the expected numbers below were worked out on paper from
them (comments give the reasoning), not taken from the program.
"""

import json
from pathlib import Path

import pytest

from quotelink import cli
from quotelink import eval as qe
from quotelink import polnear

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "eval"
GOLD = str(FIXTURES / "gold.jsonl")
PRED = str(FIXTURES / "pred.jsonl")
TEXTS = str(FIXTURES / "texts")
POLNEAR = str(FIXTURES / "polnear")


def fixture_report(**kwargs):
    gold = qe.load_gold_jsonl(GOLD, TEXTS)
    return qe.score(gold, qe.load_predictions(PRED, gold), **kwargs).to_dict()


def test_direct_scores_match_hand_computation():
    d = fixture_report()["direct"]
    # Gold direct: G1 "We will win,", G3 (split in two), G4 "abcdefghij", G5
    # "klmnopqrst". Predicted direct: P1 P2 P3 P4 (alpha) P6 P7 (beta) P11
    # (gamma). G1<-P1 exact; G3<-{P2, P3} exact (one match); G4<-P6 covers
    # 5 of 10 = the 50% edge, so it matches, not exactly; P7 covers 4 of
    # G5's 10 < 50%: G5 missed, P7 false. P4, P11 false.
    assert (d["gold"], d["predicted"], d["matched"], d["false_positives"], d["missed"]) == (4, 7, 3, 3, 1)
    assert d["content"] == pytest.approx({"precision": 3 / 6, "recall": 3 / 4, "f1": 0.6})
    assert d["exact"] == 2
    assert d["exact_match"] == pytest.approx({"precision": 2 / 6, "recall": 2 / 4, "f1": 0.4})
    # G4 has no source: only G1 and G3 count; both right (G3 by P3, the
    # group's bigger piece, whose mention "he" is the gold source).
    assert (d["with_source"], d["source_correct"], d["source_accuracy"]) == (2, 2, 1.0)
    # G4 needs no speaker but P6 names one: end-to-end right are G1, G3.
    assert d["end_to_end_correct"] == 2
    assert d["end_to_end"] == pytest.approx({"precision": 2 / 6, "recall": 2 / 4, "f1": 0.4})


def test_all_attribution_scores_match_hand_computation():
    a = fixture_report()["all"]
    # Every gold matches: G2<-P5 (16 of 21 chars), G5<-{P7, P9} (4 + 4 of
    # 10; P9 alone has 4 of its 8 chars inside, the 50% edge on the
    # prediction side), G6<-P8. P10 has only 7 of its 26 chars in G2: false.
    # False: P4, P10, P11. The delta_9 prediction has no gold doc: ignored.
    assert (a["gold"], a["predicted"], a["matched"], a["false_positives"]) == (6, 11, 6, 3)
    assert a["content"] == pytest.approx({"precision": 6 / 9, "recall": 1.0, "f1": 0.8})
    assert a["exact"] == 2
    assert a["exact_match"]["f1"] == pytest.approx(4 / 15)
    # With a source: G1 G2 G3 G5 G6; G2 wrong (P5's mention is Mary Smith,
    # not the senator); G5 right by name ("ana" vs gold speaker "Ana").
    assert (a["with_source"], a["source_correct"]) == (5, 4)
    assert a["source_accuracy"] == pytest.approx(0.8)
    assert a["end_to_end_correct"] == 4
    assert a["end_to_end"] == pytest.approx({"precision": 4 / 9, "recall": 4 / 6, "f1": 8 / 15})


def test_overlap_threshold_moves_the_edges():
    # At 40%, P7's 4 of 10 chars match G5; at 60%, P6's 5 of 10 no longer
    # match G4 (and P6 becomes a false positive).
    low = fixture_report(threshold=0.4)["direct"]
    assert (low["matched"], low["false_positives"]) == (4, 2)
    high = fixture_report(threshold="0.6")["direct"]
    assert (high["matched"], high["false_positives"]) == (2, 4)
    with pytest.raises(qe.EvalError, match="threshold"):
        fixture_report(threshold=0)


def test_per_publisher_and_ignored_documents():
    report = fixture_report(per_publisher=True)
    assert report["ignored_prediction_docs"] == 1
    alpha = report["publishers"]["alpha"]
    assert alpha["documents"] == 1
    # alpha direct: G1, G3 found by P1, {P2, P3}; P4 false.
    assert (alpha["direct"]["matched"], alpha["direct"]["false_positives"]) == (2, 1)
    gamma = report["publishers"]["gamma"]
    assert (gamma["all"]["gold"], gamma["all"]["false_positives"]) == (0, 1)


def test_duplicate_predictions_count_once():
    text = '"Yes," he said.'
    gold = [qe.GoldDocument("d", text, [qe.Attribution("d", ((0, 6),), "direct")])]
    twice = [qe.Attribution("d", ((1, 5),), "direct"), qe.Attribution("d", ((0, 6),), "direct")]
    d = qe.score(gold, {"d": twice}).to_dict()["direct"]
    assert (d["matched"], d["false_positives"], d["exact"]) == (1, 1, 1)


def test_entity_mentions_make_the_source_right():
    text = 'Ann Lee spoke. "Yes," she said.'
    gold_att = qe.Attribution("d", ((15, 21),), "direct", source=((0, 7),))
    pred = qe.Attribution("d", ((16, 20),), "direct", source=((22, 25),), names=("Ann Lee",), speaker_spans=((0, 7), (22, 25)))
    without_entity = qe.Attribution("d", ((16, 20),), "direct", source=((22, 25),), names=("Ann Lee",))
    gold = [qe.GoldDocument("d", text, [gold_att])]
    assert qe.score(gold, {"d": [pred]}).to_dict()["direct"]["source_correct"] == 1
    # Spans on both sides: the name string alone does not count.
    assert qe.score(gold, {"d": [without_entity]}).to_dict()["direct"]["source_correct"] == 0


def test_errors_list_misses_false_positives_and_wrong_speakers():
    gold = qe.load_gold_jsonl(GOLD, TEXTS)
    report = qe.score(gold, qe.load_predictions(PRED, gold), errors="all")
    kinds = sorted((e.type, e.doc, e.start) for e in report.errors)
    assert kinds == [
        ("false_positive", "alpha_1", 30),
        ("false_positive", "alpha_1", 147),
        ("false_positive", "gamma_1", 1),
        ("wrong_speaker", "alpha_1", 49),
        ("wrong_speaker", "beta_1", 6),
    ]
    wrong = next(e for e in report.errors if e.type == "wrong_speaker" and e.start == 49)
    assert wrong.gold_source == "The senator" and wrong.predicted_speaker == "Mary Smith"
    assert "[[that taxes would fall]]" in wrong.context


def test_gold_jsonl_kind_from_marks_and_bad_records(tmp_path):
    texts = tmp_path / "t"
    texts.mkdir()
    (texts / "a.txt").write_text('“Hi,” I said. I said no.', encoding="utf-8")
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"doc": "a", "start": 0, "end": 5}\n{"doc": "a", "start": 16, "end": 23}\n', encoding="utf-8")
    docs = qe.load_gold_jsonl(str(gold), str(texts))
    assert [a.kind for a in docs[0].attributions] == ["direct", "indirect"]
    gold.write_text('{"doc": "a", "start": 5, "end": 2}\n', encoding="utf-8")
    with pytest.raises(qe.EvalError, match=r"g\.jsonl:1"):
        qe.load_gold_jsonl(str(gold), str(texts))
    gold.write_text('{"doc": "a", "start": 0, "end": 99}\n', encoding="utf-8")
    with pytest.raises(qe.EvalError, match="past the document"):
        qe.load_gold_jsonl(str(gold), str(texts))
    gold.write_text("not json\n", encoding="utf-8")
    with pytest.raises(qe.EvalError, match="not JSON"):
        qe.load_gold_jsonl(str(gold))


# ------------------------------------------------------------------ PolNeAR


def test_polnear_uses_the_first_annotator_file():
    files = polnear.annotation_files(POLNEAR)
    assert list(files) == ["nyt_2016-11-09_vote"]
    assert files["nyt_2016-11-09_vote"].endswith("_0aaa.ann")


def test_brat_parser_reads_spans_roles_and_no_source_events():
    docs = polnear.load(POLNEAR)
    atts = docs[0].attributions
    # E6 has no Content and is skipped; T22 continues over two lines.
    assert [a.event for a in atts] == ["E1", "E2", "E3", "E4", "E5"]
    assert atts[0].content == ((0, 9),) and atts[0].source == ((10, 18),) and atts[0].cue == ((19, 23),)
    assert atts[1].content == ((25, 40), (52, 63))
    assert atts[4].label == "Attribution-no-source"
    assert atts[4].content == ((128, 137), (148, 161)) and atts[4].source == ()
    # Offsets are code points: "Ms. Ríos" has a non-ASCII letter.
    assert docs[0].text[10:18] == "Ms. Ríos"


def test_polnear_gold_kinds_and_sources():
    gold = qe.load_polnear(POLNEAR)[0]
    assert [a.kind for a in gold.attributions] == ["direct", "direct", "indirect", "direct", "indirect"]
    assert gold.attributions[1].names == ("she",)
    assert not gold.attributions[4].attributed


def test_brat_parser_rejects_bad_offsets_and_mismatched_words():
    text = "He said yes."
    with pytest.raises(polnear.AnnotationError, match="outside the text"):
        polnear.parse_ann("T1\tContent 8 40\tyes.\n", text, "x.ann")
    with pytest.raises(polnear.AnnotationError, match=r"x\.ann:1: T1 says 'no'"):
        polnear.parse_ann("T1\tContent 8 11\tno\n", text, "x.ann")
    with pytest.raises(polnear.AnnotationError, match="not defined"):
        polnear.parse_ann("E1\tAttribution:T9 Content:T8\n", text, "x.ann")


# ---------------------------------------------------------------------- CLI


def test_cli_json_reports_the_hand_computed_scores(capsys):
    assert cli.main(["evaluate", "--gold", GOLD, "--pred", PRED, "--texts", TEXTS, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["direct"]["content"]["f1"] == pytest.approx(0.6)
    assert out["all"]["end_to_end"]["f1"] == pytest.approx(8 / 15)
    assert "publishers" not in out and out["errors"] == []


def test_cli_table_and_show_errors(capsys):
    code = cli.main(["evaluate", "--gold", GOLD, "--pred", PRED, "--texts", TEXTS, "--show-errors", "--overlap", "0.6"])
    assert code == 0
    out = capsys.readouterr().out
    assert "3 documents" in out and ">= 60%" in out
    line = next(row for row in out.splitlines() if row.startswith("direct quotations"))
    # gold 4, matched 2, false positives 4 (of 7 predicted pieces), missed 2;
    # P = 2/6, R = 2/4, F1 = 40.0
    assert line.split()[2:10] == ["4", "2", "4", "2", "33.3", "50.0", "40.0", "40.0"]
    assert "- miss [direct] beta_1 6-18" in out
    assert "- false_positive [direct] beta_1 7-12" in out


def test_cli_corpus_runs_the_extractor_on_polnear(capsys):
    assert cli.main(["evaluate", "--corpus", f"polnear:{POLNEAR}", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["direct"]["gold"], out["all"]["gold"]) == (3, 5)
    assert out["publishers"]["nyt"]["documents"] == 1


def test_cli_reports_bad_input(capsys, tmp_path):
    assert cli.main(["evaluate", "--corpus", f"polnear:{tmp_path}"]) == 1
    assert "text/" in capsys.readouterr().err
    assert cli.main(["evaluate", "--corpus", "conll:x"]) == 1
    assert "polnear:DIR" in capsys.readouterr().err
    assert cli.main(["evaluate", "--gold", GOLD]) == 1  # alpha_1 has no text without --texts
    assert "no text" in capsys.readouterr().err
