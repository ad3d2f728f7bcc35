"""The part-of-speech tagger of the learned layer: training on CoNLL-U
silver tags (quotelink.train.train_tagger), its agreement, its file, and the
model's features reading its tags.

Fixture: tests/fixtures/tagger/{train,dev}, written by make_fixture.py there:
invented articles with hand-written Penn Treebank tags in CoNLL-U.
"""

import shutil
from pathlib import Path

import pytest

import quotelink as ql
from quotelink import _core, cli, polnear, train

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "tagger"
TRAIN, DEV = str(FIXTURE / "train"), str(FIXTURE / "dev")


def test_silver_tokens_are_read_in_code_points():
    [first, *_] = polnear.load_silver(TRAIN)
    assert first.id == "invented_2026-01-01_tagger"
    words = [first.text[b:e] for b, e in zip(first.begins, first.ends)]
    assert words[:3] == ["Jane", "Roe", "said"]
    assert first.tags[:3] == ["NNP", "NNP", "VBD"]


def test_a_malformed_conllu_file_names_its_line(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "corenlp").mkdir()
    (tmp_path / "text" / "a.txt").write_text("Hi.\n", encoding="utf-8")
    (tmp_path / "corenlp" / "a.conllu").write_text("# c\n1\tHi\thi\t_\tUH\t_\t0\troot\t_\n", encoding="utf-8")
    with pytest.raises(polnear.AnnotationError, match=r"a\.conllu:2: expected 10"):
        polnear.load_silver(str(tmp_path))


def test_training_is_deterministic_and_agrees_with_the_silver_tags():
    first = train.train_tagger(TRAIN, bits=10, epochs=5)
    assert first == train.train_tagger(TRAIN, bits=10, epochs=5)
    assert first[:8] == b"QLPOSTG1"
    assert len(first) == 8 + 4 * 4 + 2 * 16 * 2**10
    agree, known = train.tagger_agreement(first, TRAIN)
    assert known == 3 * 50
    assert agree == known
    agree, known = train.tagger_agreement(first, DEV)
    assert known == 18
    assert agree >= 16  # held-out sentences of the same words


def test_classes_are_coarse_penn_treebank_classes():
    names = _core._pos_class_names()
    assert len(names) == 16
    assert names[_core._pos_class("CD")] == "OTHER"
    assert names[_core._pos_class("NNS")] == "NOUN"
    assert _core._pos_class("VBD") == _core._pos_class("MD")  # finite verbs


def test_bad_tagger_bytes_are_a_clear_error():
    with pytest.raises(ql.Error, match="QLPOSTG1"):
        _core._pos_agreement(b"QLMODEL1....", [])
    with pytest.raises(ql.Error, match="truncated"):
        _core._ReportExampleFinder(train.train_tagger(TRAIN, bits=4, epochs=1)[:-2])


def test_the_features_read_the_tags():
    tagger = train.train_tagger(TRAIN, bits=10, epochs=5)
    text = "Jane Roe said the plan would cut taxes.\n"
    [(*_, plain)] = _core._ReportExampleFinder(b"").examples(text)
    [(*_, tagged)] = _core._ReportExampleFinder(tagger).examples(text)
    assert tagged[: len(plain)] == plain
    assert len(tagged) > len(plain)


def test_train_writes_the_tagger_when_asked(tmp_path, capsys):
    corpus = tmp_path / "polnear"
    shutil.copytree(Path(__file__).resolve().parents[1] / "fixtures" / "train" / "polnear", corpus)
    shutil.copytree(FIXTURE / "train" / "corenlp", corpus / "corenlp")
    for text in (FIXTURE / "train" / "text").iterdir():
        shutil.copy(text, corpus / "text")
    out, tagger = tmp_path / "en.bin", tmp_path / "pos.bin"
    args = ["train", "--polnear", str(corpus), "--out", str(out), "--folds", "1", "--bits", "12"]
    assert cli.main([*args, "--tagger-out", str(tagger), "--tagger-dev", DEV]) == 0
    printed = capsys.readouterr().out
    assert f"wrote {tagger}: {2 * 16 * 2**16 + 24} bytes" in printed
    assert "agreement with the silver tags: train 100.00%" in printed
    assert tagger.read_bytes() == train.train_tagger(str(corpus))
    shutil.rmtree(corpus / "corenlp")
    assert cli.main([*args, "--tagger-out", str(tagger)]) == 1
    assert "corenlp" in capsys.readouterr().err
