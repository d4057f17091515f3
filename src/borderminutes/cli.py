"""The command line: a thin shell over ``borderminutes.batch`` and the library API.

Exit codes: 0 all inputs succeeded, 1 any input failed (or, with --strict, had a
warning), 2 usage errors, 130 interrupted.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import batch, tables
from . import evaluate as scoring
from .output import out_name, to_json, write_atomic


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


class CsvTableName(str, Enum):
    officials = "officials"
    proposals = "proposals"


app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Turn Vietnamese news articles about cross-border meetings into structured meeting records (JSON).",
)


def extract(
    inputs: List[str] = typer.Argument(
        ..., metavar="INPUT...", help="Article files (.txt), folders (searched recursively) or - for stdin."
    ),
    fmt: Optional[Format] = typer.Option(
        None, "--format", "-f", help="json (pretty, one input), jsonl (one line per input) or csv (one table on stdout, "
        "UTF-8 with BOM; see --csv-table). Default: json for one file, jsonl for several or a folder."
    ),
    csv_table: CsvTableName = typer.Option(
        CsvTableName.officials, "--csv-table", help="With --format csv: 'officials' gives one row per official "
        "(path, date, kind, online, name, titles joined by '; ', country, head_of_delegation, note); 'proposals' "
        "one row per proposed item (path, date, by, country, item, note). Nothing is lost: an article with no "
        "meeting, no officials/proposals, or an error still gets one row with empty columns and a note saying why."
    ),
    out_dir: Optional[Path] = typer.Option(
        None, "--out-dir", "-o", help="Write one <stem>.json per input into this folder instead of stdout."
    ),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="Worker processes."),
    glob: str = typer.Option("*.txt", "--glob", help="File pattern inside folders."),
    max_bytes: int = typer.Option(
        batch.DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Refuse inputs larger than this."
    ),
    skip_existing: bool = typer.Option(
        False, "--skip-existing", help="With --out-dir: skip inputs whose .json already exists (resume a batch)."
    ),
    strict: bool = typer.Option(False, "--strict", help="Count any warning as a failure (exit code 1)."),
) -> None:
    """Extract meeting records from articles."""
    paths = batch.expand_inputs(inputs, glob)
    if not paths:
        _fail_usage("no input files found (check the paths and --glob)")
    if skip_existing and out_dir is None:
        _fail_usage("--skip-existing needs --out-dir")
    if fmt == Format.csv and out_dir is not None:
        _fail_usage("--format csv writes one table to stdout (redirect it to a file); it cannot be used with --out-dir")
    single = len(paths) == 1 and not any(Path(i).is_dir() for i in inputs if i != batch.STDIN)
    pretty = (fmt or (Format.json if single else Format.jsonl)) == Format.json

    taken: set[str] = set()
    names = [out_name(p, taken) for p in paths] if out_dir else []
    todo = list(range(len(paths)))
    if skip_existing and out_dir:
        todo = [i for i in todo if not (out_dir / names[i]).exists()]

    failed = 0
    table = tables.CsvTable(csv_table.value, sys.stdout.buffer) if fmt == Format.csv else None
    progress = _progress(len(todo)) if len(todo) > 1 and sys.stderr.isatty() else None
    outcomes = batch.run([paths[i] for i in todo], jobs=jobs, max_bytes=max_bytes)
    try:
        for i, outcome in zip(todo, outcomes, strict=True):  # strict: the batch runs to its end, pool shut down
            bad = outcome.failed or (strict and bool(outcome.warnings))
            failed += bad
            if outcome.failed:
                typer.echo(f"error: {outcome.error}", err=True)
            elif bad:
                typer.echo(f"warning: {paths[i]}: {'; '.join(outcome.warnings)}", err=True)
            if out_dir:
                write_atomic(out_dir / names[i], to_json(outcome.result, pretty=True) + "\n")
            elif table:
                table.add(outcome.result)
            else:
                sys.stdout.write((to_json(outcome.result, pretty=True) if pretty else outcome.line) + "\n")
                sys.stdout.flush()
            if progress:
                progress.update(1)
    except KeyboardInterrupt:
        typer.echo("interrupted: completed outputs are kept; rerun with --skip-existing to resume", err=True)
        raise typer.Exit(130)
    except BrokenPipeError:  # e.g. piped into `head`: stop quietly
        sys.stderr.close()
        raise typer.Exit(0)
    finally:
        outcomes.close()  # stops the worker processes in order, whatever ended the loop
        if progress:
            progress.render_finish()
    if out_dir:
        skipped = f", {len(paths) - len(todo)} skipped: already done" if skip_existing else ""
        typer.echo(f"wrote {len(todo)} file(s) to {out_dir} ({failed} failed{skipped})", err=True)
    raise typer.Exit(1 if failed else 0)


def _progress(total: int):
    bar = typer.progressbar(length=total, label="extracting", file=sys.stderr)
    bar.__enter__()
    return bar


def _fail_usage(message: str) -> None:
    typer.echo(f"usage error: {message}", err=True)
    raise typer.Exit(2)


app.command("extract")(extract)


def evaluate(
    inputs: List[str] = typer.Argument(..., metavar="INPUT...", help="Article files or folders (searched recursively)."),
    gold: Path = typer.Option(..., "--gold", exists=True, file_okay=False, help="Folder of gold records, one <stem>.json per article."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as one JSON object (with the articles missed per field)."),
    jobs: int = typer.Option(os.cpu_count() or 1, "--jobs", "-j", min=1, help="Worker processes."),
    glob: str = typer.Option("*.txt", "--glob", help="File pattern inside folders."),
) -> None:
    paths = batch.expand_inputs(inputs, glob)
    golds = scoring.load_gold(gold)
    if not paths or not golds:
        _fail_usage("no input files found" if not paths else f"no <stem>.json gold records in {gold}")
    records = [o.result.model_dump(mode="json") for o in batch.run(paths, jobs=jobs)]
    found = scoring.evaluate(records, golds)
    if found.scores["articles"] == 0:
        _fail_usage(f"no input matches a gold record in {gold} (records are matched by file stem)")
    failed = sum(1 for r in records if r.get("error"))
    if failed:
        typer.echo(f"note: {failed} input(s) could not be read (their records have no meeting)", err=True)
    if found.unscored_inputs:
        typer.echo(f"note: {len(found.unscored_inputs)} input(s) have no gold record: not scored", err=True)
    if found.gold_without_input:
        typer.echo(f"note: {len(found.gold_without_input)} gold record(s) have no input: left out", err=True)
    if as_json:
        typer.echo(json.dumps({**found.scores, "unscored_inputs": found.unscored_inputs,
                               "gold_without_input": found.gold_without_input}, ensure_ascii=False))
    else:
        typer.echo(scoring.format_table(found.scores))


app.command("evaluate", help="Score extraction on INPUT... against gold records: per-field precision, recall, F1, "
            "and accuracy for single-valued fields.\n\nMatching rules:\n\n"
            + "\n\n".join(f"- {rule}" for rule in scoring.matching_rules()))(evaluate)


@app.command()
def review(
    file: str = typer.Argument(..., metavar="FILE", help="One article file (.txt)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Where to write the page. Default: <stem>.review.html here."),
) -> None:
    """Write one self-contained HTML page to check a record by eye: the article with every evidence span
    highlighted in its field's colour, removed page noise struck through, and the record beside it
    (click a value to jump to its span)."""
    from .document import InputError
    from .review import review_file

    try:
        page = review_file(file)
    except InputError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1)
    target = out or Path(f"{Path(file).stem}.review.html")
    write_atomic(target, page)
    typer.echo(f"wrote {target}", err=True)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an ArticleResult (the output contract)."""
    from .models import json_schema

    typer.echo(json.dumps(json_schema(), ensure_ascii=False, indent=1))


def main() -> None:
    app()


def extract_main() -> None:
    """The ``extract`` console script: the same command as ``borderminutes extract``."""
    single = typer.Typer(add_completion=False)
    single.command()(extract)
    single()
