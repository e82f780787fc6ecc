"""The facts record: the licence read from a distribution's metadata as SPDX, the latest release
from PyPI's JSON API (never guessed when PyPI cannot be asked), and a record in the documented
shape. Metadata and PyPI are stood in for, so the tests need neither a tracker nor a network."""

from __future__ import annotations

import importlib.metadata
import json
import urllib.error
from email.message import Message
from typing import Any

import pytest
from null_tracker import NullTracker

from reprotree_probe import schema
from reprotree_probe.experiments import facts
from reprotree_probe.workdir import Workdir

# The start of a License field holding the whole Apache licence, as MLflow's does.
APACHE_TEXT = "Copyright 2018 Someone.\n\n\t\t\tApache License\n        Version 2.0, January 2004\n"


def metadata(**fields: Any) -> Message:
    """Core metadata with the given fields; a list gives a field several times."""
    message = Message()
    for name, value in fields.items():
        for v in value if isinstance(value, list) else [value]:
            message[name.replace("_", "-")] = v
    return message


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        # PEP 639's expression wins over everything else.
        (
            {
                "License_Expression": "MIT OR Apache-2.0",
                "Classifier": "License :: OSI Approved :: MIT License",
            },
            {"spdx": "MIT OR Apache-2.0", "osi_classifier": True, "field": "License-Expression"},
        ),
        (
            {
                "Classifier": [
                    "Programming Language :: Python",
                    "License :: OSI Approved :: MIT License",
                ],
                "License": "MIT License\n\nCopyright…",
            },
            {
                "spdx": "MIT",
                "osi_classifier": True,
                "field": "Classifier",
                "declared": "License :: OSI Approved :: MIT License",
            },
        ),
        # "Apache Software License" names no version: the License field says which.
        (
            {
                "Classifier": "License :: OSI Approved :: Apache Software License",
                "License": "Apache 2.0",
            },
            {
                "spdx": "Apache-2.0",
                "osi_classifier": True,
                "field": "License",
                "declared": "Apache 2.0",
            },
        ),
        (
            {
                "Classifier": "License :: OSI Approved :: Apache Software License",
                "License": APACHE_TEXT,
            },
            {
                "spdx": "Apache-2.0",
                "osi_classifier": True,
                "field": "License",
                "declared": "Apache License Version 2.0 (the licence's full text)",
            },
        ),
        # A family without a version stays unnamed: the classifier's OSI claim is all there is.
        (
            {"Classifier": "License :: OSI Approved :: BSD License"},
            {
                "spdx": None,
                "osi_classifier": True,
                "field": "Classifier",
                "declared": "License :: OSI Approved :: BSD License",
            },
        ),
        (
            {"License": "Proprietary, see LICENSE"},
            {"spdx": None, "osi_classifier": False, "field": "License"},
        ),
        ({}, {"spdx": None, "osi_classifier": False, "field": None, "declared": None}),
    ],
)
def test_the_licence_is_read_from_the_metadata_as_spdx(monkeypatch, fields, expected):
    monkeypatch.setattr(importlib.metadata, "metadata", lambda _name: metadata(**fields))
    found = facts.licence_from_metadata("anything")
    assert found["status"] == "measured"
    assert {k: found[k] for k in expected} == expected


def test_a_distribution_that_is_not_installed_is_not_measured():
    found = facts.licence_from_metadata("no-such-distribution-reprotree")
    assert found == {
        "status": "not-measured",
        "why": "the distribution no-such-distribution-reprotree is not installed",
    }


def pypi(version: str, files: list[dict[str, Any]], name: str = "thing") -> facts.Fetch:
    def fetch(url: str, timeout: float) -> bytes:
        assert url == f"https://pypi.org/pypi/{name}/json" and timeout > 0
        return json.dumps(
            {"info": {"version": version}, "releases": {version: files, "0.1": []}}
        ).encode()

    return fetch


def test_the_latest_release_is_the_one_pypi_names_with_its_first_upload():
    files = [
        {"upload_time_iso_8601": "2026-10-14T18:03:25.1Z"},
        {"upload_time_iso_8601": "2026-10-14T18:03:22.5Z"},
    ]
    found, source = facts.latest_release("thing", pypi("0.31.0", files))
    assert found == {
        "status": "measured",
        "latest": "0.31.0",
        "released": "2026-10-14T18:03:22.5Z",
        "yanked": False,
    }
    assert source["url"] == "https://pypi.org/pypi/thing/json" and source["checked"].endswith("Z")


def test_pypi_out_of_reach_or_silent_is_not_measured_never_guessed():
    def offline(url: str, timeout: float) -> bytes:
        raise urllib.error.URLError("[Errno -3] Temporary failure in name resolution")

    found, source = facts.latest_release("thing", offline)
    assert found["status"] == "not-measured" and "name resolution" in found["why"]
    assert "latest" not in found and source["url"].startswith("https://pypi.org/")
    found, _ = facts.latest_release("thing", lambda url, timeout: b"<html>")
    assert found["status"] == "not-measured" and "JSONDecodeError" in found["why"]
    found, _ = facts.latest_release("thing", pypi("2.0", []))
    assert found == {"status": "not-measured", "why": "PyPI lists 2.0 with no uploaded files"}


DOCUMENTED = {
    "path": "measure/facts/null.json",
    "facts": {
        "licence": {
            "server": "proprietary",
            "url": "https://example.org/terms",
            "checked": "2026-11-27",
            "note": "A paid server.",
        },
        "self-hosting": {
            "mark": "(+)",
            "url": "https://example.org/hosting",
            "checked": "2026-11-27",
        },
    },
}


def test_the_record_holds_data_the_scorer_scores(tmp_path):
    files = [{"upload_time_iso_8601": "2026-01-02T03:04:05Z"}]
    # The null tracker's distribution is psutil, whatever is installed.
    record = facts.facts_record(
        NullTracker(),
        Workdir.create(tmp_path / "w"),
        DOCUMENTED,
        None,
        pypi("1.2.3", files, "psutil"),
    )
    assert schema.validate_record(record) == []
    items = record["items"]
    assert items["licence"]["status"] == "measured" and items["licence"]["server"] == "proprietary"
    assert items["self-hosting"] == {"status": "documented", "mark": "(+)"}
    assert items["maintained"] == {
        "status": "measured",
        "latest": "1.2.3",
        "released": "2026-01-02T03:04:05Z",
        "yanked": False,
    }
    assert items["python-3.12"]["status"] == "not-measured"
    assert record["sources"]["maintained"]["url"] == "https://pypi.org/pypi/psutil/json"
    assert record["sources"]["licence"] == {
        "url": "https://example.org/terms",
        "checked": "2026-11-27",
    }


def test_a_facts_file_without_a_documented_fact_gives_a_failed_record(tmp_path):
    partial = {
        "path": "measure/facts/null.json",
        "facts": {"licence": DOCUMENTED["facts"]["licence"]},
    }
    record = facts.facts_record(
        NullTracker(), Workdir.create(tmp_path / "w"), partial, None, pypi("1", [], "psutil")
    )
    assert record["status"] == "failed" and "self-hosting" in record["error"]


def test_the_checker_names_a_fact_in_the_wrong_shape():
    good = {
        "licence": {
            "status": "measured",
            "spdx": "MIT",
            "osi_classifier": True,
            "declared": "MIT",
            "field": "License",
            "server": "none",
        },
        "self-hosting": {"status": "documented", "mark": "+"},
        "maintained": {"status": "not-measured", "why": "offline"},
        "python-3.12": {
            "status": "measured",
            "ok": False,
            "python": "3.12.1",
            "failed_step": "init",
        },
    }
    assert schema.fact_problems(good) == []
    assert schema.fact_problems({**good, "maintained": "yes: 3.18.0 listed in November 2026"}) == [
        "maintained must be an object with a status"
    ]
    assert schema.fact_problems(
        {**good, "self-hosting": {"status": "documented", "mark": "yes"}}
    ) == ["self-hosting's mark must be +, (+) or -"]
    assert schema.fact_problems(
        {
            **good,
            "python-3.12": {"status": "measured", "ok": "yes", "python": None, "failed_step": None},
        }
    ) == ["python-3.12's ok must be true or false"]
    assert schema.fact_problems({**good, "maintained": {"status": "not-measured"}}) == [
        "maintained is not-measured without why"
    ]


def test_pypi_is_asked_directly_not_through_the_proxy_a_tracker_is_kept_offline_with(monkeypatch):
    """Comet's environment points HTTP at a closed loopback port; the probe carries it."""
    import http.server
    import threading

    class Answer(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b'{"ok": true}')

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Answer)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        for key in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy"):
            monkeypatch.setenv(key, "http://127.0.0.1:9")
        monkeypatch.setenv("NO_PROXY", "")
        monkeypatch.setenv("no_proxy", "")
        url = f"http://127.0.0.1:{server.server_address[1]}/pypi/thing/json"
        assert json.loads(facts._fetch(url, 5)) == {"ok": True}
    finally:
        server.shutdown()
