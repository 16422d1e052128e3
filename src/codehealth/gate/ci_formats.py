"""The gate's verdict for CI systems: GitHub workflow commands, SARIF 2.1.0, GitLab Code
Quality and JUnit XML. Strings only."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from typing import Any
from urllib.parse import quote

from codehealth.gate.report import ERROR, GateReport, Problem
from codehealth.review import review_github_message
from codehealth.version import __version__

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def escape_data(text: str) -> str:
    """The message of a workflow command (GitHub's rules: %, CR and LF are escaped)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file=, title=): also ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_gate_github(report: GateReport) -> str:
    """``::error``/``::warning`` workflow commands: errors fail, warnings are flags."""
    lines = []
    for problem in report.problems:
        finding = problem.finding
        command = "error" if problem.level == ERROR else "warning"
        properties = []
        if finding.path:
            properties.append(f"file={escape_property(finding.path)}")
            if finding.line:
                properties.append(f"line={finding.line}")
                if finding.end_line >= finding.line:
                    properties.append(f"endLine={finding.end_line}")
        properties.append(f"title={escape_property(f'codehealth {finding.rule}')}")
        lines.append(f"::{command} {','.join(properties)}::{escape_data(finding.message)}")
    lines += _review_command(report)
    verdict = "passed" if report.passed else f"failed: {len(report.errors)} problem(s)"
    lines.append(f"codehealth gate {verdict}")
    return "\n".join(lines) + "\n"


def _review_command(report: GateReport) -> list[str]:
    """A ``::notice`` with the recommended review level (``::error`` when it fails)."""
    if report.review is None:
        return []
    command = "error" if report.review.fails else "notice"
    message = escape_data(review_github_message(report.review))
    return [f"::{command} title={escape_property('codehealth review')}::{message}"]


def _level(problem: Problem) -> str:
    return "error" if problem.level == ERROR else "warning"


def render_gate_sarif(report: GateReport) -> str:
    """SARIF 2.1.0: relative URIs against %SRCROOT%, ``partialFingerprints``."""
    rules = sorted({p.finding.rule for p in report.problems})
    results: list[dict[str, Any]] = []
    for problem in report.problems:
        finding = problem.finding
        result: dict[str, Any] = {
            "ruleId": finding.rule,
            "ruleIndex": rules.index(finding.rule),
            "level": _level(problem),
            "message": {"text": finding.message},
            "partialFingerprints": {"codehealth/v1": finding.fingerprint or "none"},
        }
        if finding.path:
            location: dict[str, Any] = {
                # a relative URI reference: spaces and non-ASCII characters percent-encoded
                "artifactLocation": {"uri": quote(finding.path), "uriBaseId": "%SRCROOT%"}
            }
            if finding.line:
                location["region"] = {"startLine": finding.line}
            result["locations"] = [{"physicalLocation": location}]
        results.append(result)
    document = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "codehealth",
                        "version": __version__,
                        "informationUri": "https://github.com/codehealth/codehealth",
                        "rules": [{"id": rule} for rule in rules],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": "./"}},
                "results": results,
            }
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


_GITLAB_SEVERITY = {
    "info": "info",
    "minor": "minor",
    "major": "major",
    "critical": "critical",
    "blocker": "blocker",
}


def render_gate_gitlab(report: GateReport) -> str:
    """GitLab Code Quality JSON; every fingerprint unique."""
    seen: set[str] = set()
    issues = []
    for problem in report.problems:
        finding = problem.finding
        key = f"{finding.rule}\0{finding.path}\0{finding.fingerprint}"
        digest = hashlib.md5(key.encode("utf-8", "surrogatepass"), usedforsecurity=False)
        print_ = digest.hexdigest()
        count = 1
        while print_ in seen:
            count += 1
            print_ = hashlib.md5(
                f"{key}\0{count}".encode("utf-8", "surrogatepass"), usedforsecurity=False
            ).hexdigest()
        seen.add(print_)
        severity = "major" if problem.level == ERROR else "info"
        issues.append(
            {
                "type": "issue",
                "check_name": finding.rule,
                "description": finding.message,
                "categories": ["Complexity" if finding.rule.startswith("CH1") else "Style"],
                "severity": _GITLAB_SEVERITY.get(finding.severity, severity)
                if problem.level == ERROR
                else "info",
                "fingerprint": print_,
                "location": {
                    "path": finding.path or ".",
                    "lines": {"begin": max(finding.line, 1)},
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"


def _review_case(report: GateReport) -> list[str]:
    """A failing test case when the review level reached ``fail_at`` (none otherwise)."""
    if report.review is None or not report.review.fails:
        return []
    message = review_github_message(report.review)
    body = f'<failure message={_attribute(message)} type="review">{_text(message)}</failure>'
    return [f'    <testcase classname="codehealth" name="review level">{body}</testcase>']


def render_gate_junit(report: GateReport) -> str:
    """JUnit XML: one test case per problem (names unique), failures for errors."""
    cases: list[str] = []
    names: set[str] = set()
    for problem in report.problems:
        finding = problem.finding
        where = f"{finding.path}:{finding.line}" if finding.path else "change"
        name = f"{finding.rule} {where}"
        base, count = name, 1
        while name in names:
            count += 1
            name = f"{base} #{count}"
        names.add(name)
        body = ""
        if problem.level == ERROR:
            body = (
                f"<failure message={_attribute(finding.message)} "
                f"type={_attribute(finding.rule)}>{_text(finding.message)}</failure>"
            )
        else:
            body = f"<system-out>{_text('warning: ' + finding.message)}</system-out>"
        cases.append(
            f"    <testcase classname={_attribute(finding.path or 'codehealth')} "
            f"name={_attribute(name)}>{body}</testcase>"
        )
    review = _review_case(report)
    cases += review
    if not cases:
        cases.append('    <testcase classname="codehealth" name="gate"/>')
    failures = len(report.errors) + len(review)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<testsuites name="codehealth gate" tests="{len(cases)}" failures="{failures}">\n'
        f'  <testsuite name="codehealth gate" tests="{len(cases)}" failures="{failures}" '
        'errors="0" skipped="0">\n' + "\n".join(cases) + "\n  </testsuite>\n</testsuites>\n"
    )


def _text(text: str) -> str:
    return _xml_chars(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# Characters XML 1.0 cannot hold at all (C0 controls but tab, LF, CR; lone surrogates from
# file names that are not UTF-8; U+FFFE/U+FFFF): shown as \xNN / \uNNNN instead.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_chars(text: str) -> str:
    return _NOT_XML.sub(
        lambda m: f"\\x{ord(m.group()):02x}" if m.group() < " " else f"\\u{ord(m.group()):04x}",
        text,
    )


def _attribute(text: str) -> str:
    """A quoted XML attribute value (quoteattr also turns line breaks into &#10;/&#13;)."""
    from xml.sax.saxutils import quoteattr  # imports urllib.request and http: only for JUnit

    return quoteattr(_xml_chars(text))


CI_FORMATS: dict[str, Callable[[GateReport], str]] = {
    "github": render_gate_github,
    "sarif": render_gate_sarif,
    "gitlab": render_gate_gitlab,
    "junit": render_gate_junit,
}
