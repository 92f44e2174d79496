"""`reader bookmarks`: list, add, remove, export, in text and JSON, and their exit codes."""

from __future__ import annotations

import json
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli.main import main
from reader.core.loading import load_document

ROOT = Path(__file__).resolve().parents[2]
PASSAGE = "Iran’s clerical regime is deeply unpopular, and domestic resistance is real."
LIST_KEYS = {"id", "document", "block", "start", "end", "exact", "note", "created", "orphan"}


def run(capsys: pytest.CaptureFixture[str], *arguments: str) -> tuple[int, str, str]:
    code = main(["bookmarks", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_json(capsys: pytest.CaptureFixture[str], *arguments: str) -> object:
    code, out, err = run(capsys, *arguments, "--json")
    assert (code, err) == (0, "")
    return json.loads(out)


@pytest.fixture
def copy(essay_path: Path, tmp_path: Path) -> Path:
    target = tmp_path / "essay.txt"
    shutil.copy(essay_path, target)
    return target


def test_help_says_how_paragraphs_and_blocks_are_counted(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["bookmarks", "add", "--help"])
    out = " ".join(capsys.readouterr().out.split())
    assert "bookmark ¶ N, counted from 1 as the app shows it" in out
    assert "bookmark block N, counted from 0 as in the JSON" in out


def test_add_a_paragraph_then_list_it(capsys: pytest.CaptureFixture[str], essay_path: Path) -> None:
    code, out, err = run(capsys, "add", str(essay_path), "--paragraph", "4", "--note", "the crux")
    assert (code, err) == (0, "")
    assert out.startswith("Bookmarked #1 in ") and ", ¶ 4: “A century on," in out

    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "#1  000_fa68ee161d232009.txt, ¶ 4  " in out
    assert "“A century on, Iran again finds itself" in out
    assert "Note: the crux" in out


def test_list_json_has_the_documented_fields(capsys: pytest.CaptureFixture[str], essay_path: Path) -> None:
    document = load_document(essay_path)
    added = run_json(capsys, "add", "--block", "0")
    listed = run_json(capsys, "list", str(essay_path))
    assert isinstance(listed, list) and listed == [added]
    (item,) = listed
    assert set(item) >= LIST_KEYS
    block = document.blocks[0]
    assert (item["block"], item["start"], item["end"]) == (0, block.start, block.end)
    assert item["exact"] == document.block_text(0) and item["orphan"] is False


def test_add_by_quote_takes_the_first_occurrence(capsys: pytest.CaptureFixture[str]) -> None:
    document = load_document()
    item = run_json(capsys, "add", "--quote", "Iran")
    assert isinstance(item, dict)
    assert item["start"] == document.text.index("Iran") and item["exact"] == "Iran"


def test_a_quote_typed_with_straight_quotes_finds_the_typeset_text(
    capsys: pytest.CaptureFixture[str],
) -> None:
    item = run_json(capsys, "add", "--quote", "Iran's clerical regime is deeply unpopular,")
    assert isinstance(item, dict) and item["exact"] == "Iran’s clerical regime is deeply unpopular,"


def test_a_missing_quote_is_one_line_and_exit_1(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "add", "--quote", "not in the essay at all")
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "quote not found" in err and "000_fa68ee161d232009.txt" in err


def test_paragraph_and_block_name_the_same_passage(capsys: pytest.CaptureFixture[str]) -> None:
    by_paragraph = run_json(capsys, "add", "-p", "¶ 9")
    by_block = run_json(capsys, "add", "--block", "8")
    assert isinstance(by_paragraph, dict) and isinstance(by_block, dict)
    assert by_paragraph["block"] == by_block["block"] == 8


def test_the_readme_example_bookmarks_the_two_allies(capsys: pytest.CaptureFixture[str]) -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    (example,) = [line for line in readme.splitlines() if '--note "the two allies"' in line]
    arguments = shlex.split(example.split("#")[0])[2:]  # after `reader bookmarks`
    added = run_json(capsys, *[argument for argument in arguments if argument != "PATH"])
    assert isinstance(added, dict)
    assert "Russia has only two allies" in added["exact"]


def test_a_paragraph_out_of_range_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "add", "--paragraph", "17")
    assert code == 2
    assert err.count("\n") == 1 and "no ¶ 17: the paragraphs are ¶ 1 to ¶ 16" in err


@pytest.mark.parametrize("number", ["0", "-1", "b3", "1.5"])
def test_a_paragraph_that_is_not_one_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], number: str
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["bookmarks", "add", "--paragraph", number])
    assert raised.value.code == 2
    assert "they count from 1" in capsys.readouterr().err


def test_a_block_out_of_range_is_an_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "add", "--block", "16")
    assert code == 2
    assert err.count("\n") == 1 and "no block 16: --block counts from 0, so the blocks are 0 to 15" in err
    assert "(¶ 1 to ¶ 16)" in err


def test_a_missing_file_is_an_error(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, _, err = run(capsys, "list", str(tmp_path / "absent.txt"))
    assert code == 2 and err.count("\n") == 1 and "no such file" in err


def test_remove_and_remove_again(capsys: pytest.CaptureFixture[str]) -> None:
    run_json(capsys, "add", "--block", "1")
    kept = run_json(capsys, "add", "--block", "2")
    code, out, _ = run(capsys, "remove", "1")
    assert code == 0 and out.startswith("Removed #1: ")
    assert run_json(capsys, "list") == [kept]
    code, out, err = run(capsys, "remove", "1")
    assert (code, out) == (1, "") and err == "reader: no bookmark with id 1\n"


def test_list_with_nothing_saved(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "list") == (0, "No bookmarks yet.\n", "")
    assert run_json(capsys, "list") == []


def test_list_for_an_edited_file_shows_the_bookmark_where_it_went(
    capsys: pytest.CaptureFixture[str], copy: Path
) -> None:
    run_json(capsys, "add", str(copy), "--quote", PASSAGE)
    copy.write_text("New first paragraph.\n\n" + copy.read_text(encoding="utf-8"), encoding="utf-8")
    listed = run_json(capsys, "list", str(copy))
    assert isinstance(listed, list)
    (item,) = listed
    edited = load_document(copy)
    assert item["start"] == edited.text.index(PASSAGE) and item["block"] == 4


def test_export_markdown_reading_notes(capsys: pytest.CaptureFixture[str], copy: Path) -> None:
    run_json(capsys, "add", str(copy), "--quote", PASSAGE, "--note", "The crux of it.")
    code, out, _ = run(capsys, "export", str(copy))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == f"# Reading notes: {load_document(copy).title}"
    assert f"> {PASSAGE}" in lines
    assert "The crux of it." in lines
    (link,) = [line for line in lines if line.startswith("[essay.txt, ¶ 4](")]
    assert f"<{copy.resolve().as_uri()}#b3>" in link
    assert link.endswith(json.loads(run(capsys, "list", "--json")[1])[0]["created"][:10])


def test_export_all_documents_groups_them_by_title(capsys: pytest.CaptureFixture[str], copy: Path) -> None:
    copy.write_text("Another essay.\n\nIts only real paragraph.\n", encoding="utf-8")
    run_json(capsys, "add", "--block", "0")
    run_json(capsys, "add", str(copy), "--block", "1")
    _, out, _ = run(capsys, "export", "--format", "md")
    headings = [line for line in out.splitlines() if line.startswith("#")]
    assert headings == ["# Reading notes", "## Another essay.", f"## {load_document().title}"]


def test_export_web_annotations(capsys: pytest.CaptureFixture[str], copy: Path) -> None:
    added = run_json(capsys, "add", str(copy), "--quote", PASSAGE, "--note", "noted")
    assert isinstance(added, dict)
    code, out, _ = run(capsys, "export", str(copy), "--format", "json")
    assert code == 0
    collection = json.loads(out)
    assert collection["@context"] == "http://www.w3.org/ns/anno.jsonld"
    assert collection["type"] == "AnnotationCollection" and collection["total"] == 1
    (annotation,) = collection["first"]["items"]
    assert annotation["type"] == "Annotation" and annotation["created"] == added["created"]
    assert annotation["body"] == {
        "type": "TextualBody",
        "value": "noted",
        "format": "text/plain",
        "purpose": "commenting",
    }
    target = annotation["target"]
    assert target["source"] == copy.resolve().as_uri()
    position, quote = target["selector"]
    assert position == {"type": "TextPositionSelector", "start": added["start"], "end": added["end"]}
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == PASSAGE
    assert len(quote["prefix"]) == len(quote["suffix"]) == 32
    assert json.loads(run(capsys, "export", str(copy), "--json")[1]) == collection


def test_an_unwritable_data_dir_fails_an_add_and_is_a_notice_for_a_list(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("READER_DATA_DIR", str(blocker / "reader"))
    # A bookmark kept in memory by a command that then exits is lost: not a success.
    code, out, err = run(capsys, "add", "--block", "0")
    assert (code, out) == (2, "")
    assert err.startswith("reader: nothing saved: cannot save in ") and err.count("\n") == 1
    code, out, err = run(capsys, "list")
    assert (code, out) == (0, "No bookmarks yet.\n")
    assert err.startswith("reader: cannot save in ") and err.count("\n") == 1


def test_through_python_dash_m(data_dir: Path) -> None:
    def reader(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "reader", "bookmarks", *arguments],
            cwd=ROOT,
            capture_output=True,
            text=True,
            timeout=60,
        )

    added = reader("add", "--block", "5", "--note", "from a shell", "--json")
    assert added.returncode == 0, added.stderr
    assert json.loads(added.stdout)["note"] == "from a shell"
    exported = reader("export", "--format", "json")
    assert exported.returncode == 0
    assert json.loads(exported.stdout)["first"]["items"][0]["body"]["value"] == "from a shell"
    missing = reader("remove", "99")
    assert missing.returncode == 1 and missing.stderr == "reader: no bookmark with id 99\n"
    assert (data_dir / "reader.sqlite3").exists()
