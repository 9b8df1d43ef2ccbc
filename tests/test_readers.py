"""Readers: text, front matter, JSONL, HTML, directories, and every bad input."""
from __future__ import annotations

import json
import re
from datetime import date

from timeline.document import Document
from timeline.readers import ReadError, read_path, read_paths

HTML = """<html><head><title>李强会见岩屋毅</title>
<meta property="article:published_time" content="2024-12-25T10:00:00+08:00"></head><body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/world">国际新闻菜单</a></li></ul></nav>
<div class="cookie-banner">此网站使用 cookie 接受</div>
<script>var trackingCode = "analytics";</script>
<article><h1>李强会见岩屋毅</h1>
<p>国务院总理李强12月25日在北京人民大会堂会见来访的日本外相岩屋毅。双方同意推进中日战略互惠关系。</p>
<p>李强表示，中日两国是近邻，应当坚持和平共处、世代友好。岩屋毅表示，日方愿同中方加强对话，妥善处理分歧。</p>
<p>这是岩屋毅就任外相以来首次访华，此前他曾与王毅举行会谈并共同主持高级别人文交流磋商机制会议。</p>
</article><footer>版权所有</footer></body></html>"""


def test_front_matter(dev_paths):
    doc = next(read_path(dev_paths[0]))
    assert isinstance(doc, Document) and doc.id == "d01"
    assert doc.url.startswith("http://tv.cctv.com/")
    assert not any("url:" in s.text or "published:" in s.text for s in doc.sentences)


def test_seed_003_markup_masked(seed_paths):
    doc = next(read_path(seed_paths["003"]))
    assert doc.id == "003_5a7a89d3b740e79b"
    assert any(s.text.startswith("日本寻求在美国当选总统") for s in doc.sentences)
    assert not any("<" in s.text or "](" in s.text or "------" in s.text for s in doc.sentences)


def test_jsonl_good_and_malformed(tmp_path):
    good = {"id": "a1", "text": "李强会见岩屋毅。双方同意合作。", "published": "2024-12-25T10:00:00+08:00",
            "url": "http://x", "lang": "zh-Hans"}
    (tmp_path / "b.jsonl").write_text(json.dumps(good, ensure_ascii=False) + "\n{bad\n"
                                      + json.dumps({**good, "id": "a2"}, ensure_ascii=False) + "\n", encoding="utf-8")
    out = list(read_path(tmp_path / "b.jsonl"))
    assert [o.id for o in out if isinstance(o, Document)] == ["a1", "a2"]
    err = [o for o in out if isinstance(o, ReadError)]
    assert len(err) == 1 and "line 2" in err[0].reason and err[0].path.endswith("b.jsonl")
    assert out[0].dct_source == "metadata" and out[0].dct.date() == date(2024, 12, 25)
    assert len(out[0].sentences) == 2


def test_html_article_only(tmp_path):
    (tmp_path / "p.html").write_text(HTML, encoding="utf-8")
    doc = next(read_path(tmp_path / "p.html"))
    assert isinstance(doc, Document), doc
    assert "国际新闻菜单" not in doc.text and "trackingCode" not in doc.text and "cookie" not in doc.text
    assert any("岩屋毅表示" in s.text for s in doc.sentences)
    assert doc.dct is not None and doc.dct.date() == date(2024, 12, 25)


def test_html_without_article(tmp_path):
    (tmp_path / "e.html").write_text("<html><body><nav>菜单</nav><script>x()</script></body></html>", encoding="utf-8")
    [err] = list(read_path(tmp_path / "e.html"))
    assert isinstance(err, ReadError) and "no article text" in err.reason


def test_directory_recursive_sorted_skips_unsupported(tmp_path, seed_paths):
    (tmp_path / "sub").mkdir()
    (tmp_path / "b.txt").write_text("乙文。", encoding="utf-8")
    (tmp_path / "sub" / "a.md").write_text("甲文。", encoding="utf-8")
    (tmp_path / "a.txt").write_text("丙文。", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\x00\x00")
    assert [d.id for d in read_path(tmp_path)] == ["a", "b", "a"]
    assert [d.path for d in read_path(tmp_path)] == sorted(d.path for d in read_path(tmp_path))


def test_bad_inputs(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02\xff" * 20)
    (tmp_path / "bad.txt").write_bytes(b"\xc3\x28\xa0\xa1\xff\xff\xff\x80\x80")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "nofiles").mkdir()
    (tmp_path / "nofiles" / "x.pdf").write_bytes(b"%PDF")
    names = ["missing.txt", "empty.txt", "bin.txt", "x.pdf", "nofiles"]
    out = list(read_paths([tmp_path / n for n in names]))
    assert all(isinstance(o, ReadError) for o in out)
    reasons = [o.reason for o in out]
    assert "no such file" in reasons[0] and "empty" in reasons[1] and "binary" in reasons[2]
    assert "unsupported" in reasons[3] and "no readable files" in reasons[4]
    [bad] = list(read_path(tmp_path / "bad.txt"))
    assert isinstance(bad, ReadError) and "cannot decode" in bad.reason



def test_front_matter_that_is_not_yaml_is_reported_and_the_article_read(tmp_path):
    """The CLI says which file and why, on stderr; the article is read without its front matter."""
    from cli_helpers import run_cli

    bad = tmp_path / "a.txt"
    bad.write_text("---\npublished: 2024-03-06\nurl: http://x.example/a: b\n---\n"
                   "习近平2024年3月5日在北京会见普京。\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("---\npublished: 2023-05-06\n---\n习近平2023年5月5日在莫斯科会见普京。\n",
                                    encoding="utf-8")
    for command in (["extract", tmp_path], ["ingest", tmp_path, "--db", tmp_path / "t.db"]):
        code, out, err = run_cli(*command)
        assert code == 0
        # PyYAML's wording is "allowed here", libyaml's "allowed in this context": the place is what counts
        assert re.fullmatch(rf"warning: {re.escape(str(bad))}: front matter is not valid YAML \(mapping values are "
                            r"not allowed [a-z ]+, line 3, column 24\); read without it", err.splitlines()[0])
        assert sum(line.startswith("warning:") for line in err.splitlines()) == 1
    code, out, _ = run_cli("extract", bad)
    [record] = [json.loads(line) for line in out.splitlines()]
    assert (record["date_start"], record["doc_id"]) == ("2024-03-05", "a")
    [doc] = read_path(bad)
    assert doc.dct_source != "metadata"  # the date written in the file may still be found as the page's
    assert [s.text for s in doc.sentences] == ["习近平2024年3月5日在北京会见普京。"]


def test_pinyin_glosses_that_split_words_are_taken_out(tmp_path):
    """A copy that wedges each character's reading after it (會(huì)談) is read as the words it
    splits; brackets that are no reading (韩(10+3), 电(记者…), an English gloss) stay."""
    from cli_helpers import run_cli

    page = tmp_path / "copy.txt"
    page.write_text("---\npublished: 2021-06-09\n---\n新華社金邊6月8日電(記者李明) 柬埔寨首相洪森8日在金邊與到訪的"
                    "老撾總理潘坎舉行了會(huì)談,雙方發(fā)表聯(lián)合聲明。東盟與中日韓(10+3)合作(Cooperation)"
                    "將繼續(xù)。\n", encoding="utf-8")
    [doc] = read_path(page)
    assert "舉行了會談,雙方發表聯合聲明" in doc.text
    assert "電(記者李明)" in doc.text and "中日韓(10+3)合作(Cooperation)" in doc.text
    assert doc.text[doc.sentences[0].start:doc.sentences[0].end] == doc.sentences[0].text
    code, out, _ = run_cli("extract", page)
    meetings = [e for e in map(json.loads, out.splitlines()) if e["type"] == "meeting"]
    assert [(sorted(a["name"] for a in e["actors"]), e["date_start"]) for e in meetings] == [(["洪森", "潘坎·维帕万"], "2021-06-08")]


def test_a_document_the_pipeline_fails_on_is_reported_and_the_rest_extracted(tmp_path, monkeypatch):
    """With or without --trace, the failing file is named on stderr with the reason, the exit status
    says something failed, and the other documents' events are still written."""
    from cli_helpers import run_cli
    import timeline.extractor
    import timeline.pipeline

    real = timeline.pipeline.mentions

    def failing(document, *args, **kwargs):
        if document.id == "bad":
            raise AttributeError("'NoneType' object has no attribute 'kind'")
        return real(document, *args, **kwargs)

    monkeypatch.setattr(timeline.extractor, "mentions", failing)
    monkeypatch.setattr(timeline.pipeline, "mentions", failing)  # (the worker imports it from there)
    (tmp_path / "bad.txt").write_text("---\npublished: 2024-03-06\n---\n习近平2024年3月5日在北京会见普京。\n",
                                      encoding="utf-8")
    (tmp_path / "good.txt").write_text("---\npublished: 2023-05-06\n---\n习近平2023年5月5日在莫斯科会见普京。\n",
                                       encoding="utf-8")
    for extra in ([], ["--trace", str(tmp_path / "trace.jsonl")]):
        out_path = tmp_path / "out.jsonl"
        code, _, err = run_cli("extract", tmp_path / "bad.txt", tmp_path / "good.txt", "-o", out_path, *extra)
        assert code != 0, extra
        assert f"{tmp_path / 'bad.txt'}: extraction failed: AttributeError" in err, (extra, err)
        records = [json.loads(line) for line in out_path.read_text(encoding="utf-8").splitlines()]
        assert [(r["doc_id"], r["type"], r["date_start"]) for r in records if r["type"] == "meeting"] == \
            [("good", "meeting", "2023-05-05")], extra
