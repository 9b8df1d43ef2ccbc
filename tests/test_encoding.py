"""Encoding detection on real text: UTF-8 (BOM), GBK, GB18030, Big5, UTF-16."""
from __future__ import annotations

import pytest
from opencc import OpenCC

from timeline.readers import read_path
from timeline.readers.encoding import UndecodableError, decode_bytes


@pytest.fixture(scope="module")
def seed_text(seed_paths):
    return seed_paths["000"].read_text(encoding="utf-8")


@pytest.mark.parametrize("enc", ["utf-8", "utf-8-sig", "gbk", "gb18030", "utf-16", "utf-16-le", "utf-16-be"])
@pytest.mark.parametrize("size", [None, 40])
def test_simplified_encodings_roundtrip(seed_text, enc, size):
    text = (seed_text if size is None else seed_text[:size]).replace("\xa0", " ")
    assert decode_bytes(text.encode(enc))[0] == text


@pytest.mark.parametrize("size", [None, 40, 12])
def test_big5_traditional_seed(seed_text, size):
    trad = OpenCC("s2t").convert(seed_text)
    data = trad.encode("big5", errors="ignore")[: size and size * 2]
    assert decode_bytes(data) == (data.decode("big5", errors="ignore"), "big5")


def test_gb_family_decodes_as_gb18030(seed_text):
    assert decode_bytes(seed_text[:30].encode("gbk"))[1] == "gb18030"


def test_binary_is_rejected():
    with pytest.raises(UndecodableError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00")


def test_encoded_files_read_as_documents(tmp_path, seed_paths):
    text = seed_paths["003"].read_text(encoding="utf-8")
    for enc in ("gb18030", "utf-16-le", "utf-8-sig"):
        (tmp_path / f"{enc}.txt").write_bytes(text.encode(enc, errors="ignore"))
    docs = list(read_path(tmp_path))
    assert len(docs) == 3
    assert all(d.dct_source == "page" and "岩屋毅" in d.text for d in docs)
