"""docs/new-service.md, run as written: every ``sh`` block, in order, in one bash, from the
project's folder, with PYTHON set to this environment's Python. The scaffold's folder becomes a
fresh temporary one and port 8080 a free one; a server started in the background (``&``) is
waited for, its log kept out of the answers. Each answer shown (the ``json`` or ``text`` block
after a command) is checked against what that command printed.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from tests.servers import free_port

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "new-service.md"
FOLDER = "/tmp/petstore"
PORTS = ("8080", "8081")
MARK = "@@@ block"
# Blocks whose command is expected to fail: mypy, naming the handlers not written yet.
FAILING = ("$PYTHON -m mypy",)


@dataclass
class Block:
    command: str
    answer: str | None = None
    language: str | None = None


def blocks(page: str) -> list[Block]:
    """The page's ``sh`` blocks, each with the answer block that follows it, if any."""
    found: list[Block] = []
    for language, text in re.findall(r"^```(\w+)\n(.*?)^```$", page, re.M | re.S):
        if language == "sh":
            found.append(Block(text))
        elif found and found[-1].answer is None:
            found[-1].answer, found[-1].language = text, language
    return found


def script(found: list[Block], folder: Path, ports: dict[str, int]) -> str:
    """One bash script running every block, each one's output after a mark with its number."""
    lines = [
        "wait_for() {",
        "  for _ in $(seq 1 600); do",
        '    curl -sf "http://127.0.0.1:$1/healthz" >/dev/null && return 0; sleep 0.1',
        "  done; return 1",
        "}",
        "trap 'kill $(jobs -p) 2>/dev/null' EXIT",
    ]
    for number, block in enumerate(found):
        lines.append(f"echo '{MARK} {number}'")
        command = block.command.replace(FOLDER, str(folder))
        for shown, port in ports.items():
            command = command.replace(shown, str(port))
        for line in command.splitlines():
            if line.endswith(" &"):
                log = folder.parent / f"server-{number}.log"
                served = re.search(r"--port (\d+)", line)
                assert served, line
                lines += [f"{line[:-2]} >{log} 2>&1 &", f"wait_for {served.group(1)}"]
            else:
                lines.append(line)
        # On a line of its own, even after an answer without a final newline.
        lines.append(f"printf '\\n{MARK} {number} exit %s\\n' $?")
    return "\n".join(lines) + "\n"


def outputs(stdout: str) -> dict[int, tuple[str, int]]:
    found = {}
    for number, text, code in re.findall(
        rf"^{MARK} (\d+)\n(.*?)^{MARK} \1 exit (\d+)$", stdout, re.M | re.S
    ):
        found[int(number)] = (text.removesuffix("\n"), int(code))
    return found


def shows(answer: str, language: str | None, printed: str) -> bool:
    """JSON: the same document; text: each line shown begins a line printed, in order."""
    if language == "json":
        return bool(json.loads(answer) == json.loads(printed))
    remaining = iter(printed.splitlines())
    return all(any(line.startswith(shown) for line in remaining) for shown in answer.splitlines())


def test_the_page_runs_as_written(tmp_path: Path) -> None:
    found = blocks(PAGE.read_text(encoding="utf-8"))
    assert found[0].command.strip() == "PYTHON=$PWD/.venv/bin/python"
    # This environment's Python, wherever the project is installed.
    found[0] = Block(f"PYTHON={sys.executable}")
    folder = tmp_path / "petstore"
    result = subprocess.run(
        ["bash", "-c", script(found, folder, {shown: free_port() for shown in PORTS})],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    printed = outputs(result.stdout)
    assert sorted(printed) == list(range(len(found))), result.stdout + result.stderr
    for number, block in enumerate(found):
        text, code = printed[number]
        expected_failure = block.command.strip() in FAILING
        assert (code != 0) == expected_failure, f"{block.command!r} exited {code}:\n{text}"
        if block.answer is not None:
            assert shows(block.answer, block.language, text), (
                f"{block.command!r} printed:\n{text}\nthe page shows:\n{block.answer}"
            )
    assert (folder / "spec" / "openapi.yaml").is_file()


def test_every_code_block_of_the_page_is_run_or_checked() -> None:
    """A shell command only counts as documented if the run above runs it: the page has no
    other kind of code block than sh (run), and json or text (checked) right after one."""
    page = PAGE.read_text(encoding="utf-8")
    languages = re.findall(r"^```(\w*)\n.*?^```$", page, re.M | re.S)
    assert set(languages) <= {"sh", "json", "text"}, languages
    for before, after in itertools.pairwise(languages):
        assert before == "sh" or after == "sh", (before, after)
    assert languages[0] == "sh"
