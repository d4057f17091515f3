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

from . import batch
from .output import out_name, to_json, write_atomic


class Format(str, Enum):
    json = "json"
    jsonl = "jsonl"


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
        None, "--format", "-f", help="json (pretty, one input) or jsonl (one line per input). "
        "Default: json for one file, jsonl for several or a folder."
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
    single = len(paths) == 1 and not any(Path(i).is_dir() for i in inputs if i != batch.STDIN)
    pretty = (fmt or (Format.json if single else Format.jsonl)) == Format.json

    taken: set[str] = set()
    names = [out_name(p, taken) for p in paths] if out_dir else []
    todo = list(range(len(paths)))
    if skip_existing and out_dir:
        todo = [i for i in todo if not (out_dir / names[i]).exists()]

    failed = 0
    progress = _progress(len(todo)) if len(todo) > 1 and sys.stderr.isatty() else None
    try:
        outcomes = batch.run([paths[i] for i in todo], jobs=jobs, max_bytes=max_bytes)
        for i, outcome in zip(todo, outcomes):
            result = outcome.result
            bad = outcome.failed or (strict and bool(result.warnings))
            failed += bad
            if outcome.failed:
                typer.echo(f"error: {result.error}", err=True)
            elif bad:
                typer.echo(f"warning: {paths[i]}: {'; '.join(result.warnings)}", err=True)
            if out_dir:
                write_atomic(out_dir / names[i], to_json(result, pretty=True) + "\n")
            else:
                sys.stdout.write(to_json(result, pretty=pretty) + "\n")
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
        if progress:
            progress.render_finish()
    if out_dir:
        typer.echo(f"wrote {len(todo)} file(s) to {out_dir} ({failed} failed)", err=True)
    raise typer.Exit(1 if failed else 0)


def _progress(total: int):
    bar = typer.progressbar(length=total, label="extracting", file=sys.stderr)
    bar.__enter__()
    return bar


def _fail_usage(message: str) -> None:
    typer.echo(f"usage error: {message}", err=True)
    raise typer.Exit(2)


app.command("extract")(extract)


@app.command()
def schema() -> None:
    """Print the JSON Schema of an ArticleResult (the output contract)."""
    from .models import ArticleResult

    typer.echo(json.dumps(ArticleResult.model_json_schema(), ensure_ascii=False, indent=1))


def main() -> None:
    app()


def extract_main() -> None:
    """The ``extract`` console script: the same command as ``borderminutes extract``."""
    single = typer.Typer(add_completion=False)
    single.command()(extract)
    single()
