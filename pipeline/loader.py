"""Load a run's tables into pandas with the types their data package declares.

`pd.read_csv` alone guesses: it reads the country code `NA` (Namibia) as
missing, integer columns with blanks as floats and an empty column as floats.
Here the types come from `datapackage.json`: integers are nullable `Int64`,
booleans nullable `boolean`, text `string`, and only an empty cell is missing.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

from pipeline.datapackage import FILENAME


class PackageError(ValueError):
    """The folder holds no usable data package, or a table does not match it."""


def _column(values: pd.Series, spec: dict[str, Any], lists: bool) -> pd.Series:
    kind = spec.get("type", "string")
    if kind == "integer":
        return values.astype("string").astype("Int64")
    if kind == "boolean":
        truth = {**{v: True for v in spec.get("trueValues", ["true"])},
                 **{v: False for v in spec.get("falseValues", ["false"])}}
        unknown = set(values.dropna()) - truth.keys()
        if unknown:
            raise ValueError(f"column {spec['name']}: not a boolean: {sorted(unknown)[0]!r}")
        return values.map(truth, na_action="ignore").astype("boolean")
    if kind == "list" and lists:
        delimiter = spec.get("delimiter", ",")
        return values.map(lambda cell: [] if pd.isna(cell) else cell.split(delimiter)).astype(object)
    return values.astype("string")


def _read(folder: Path, resource: dict[str, Any], lists: bool) -> pd.DataFrame:
    schema = resource["schema"]
    fields = schema["fields"]
    path = folder / resource["path"]
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, na_values=schema.get("missingValues", [""]),
                        encoding=resource.get("encoding", "utf-8"), sep=resource.get("dialect", {}).get("delimiter", ","))
    names = [f["name"] for f in fields]
    if list(frame.columns) != names:
        raise PackageError(f"{path}: columns {list(frame.columns)} do not match the data package's {names}")
    try:
        return pd.DataFrame({f["name"]: _column(frame[f["name"]], f, lists) for f in fields})
    except (TypeError, ValueError) as err:
        raise PackageError(f"{path}: {err}") from err


def load_tables(folder: str | Path = "extracted", *, lists: bool = True) -> dict[str, pd.DataFrame]:
    """Every table a run wrote into `folder`, by name (`films`, `credits`, ..., `problems`).

    Integer columns are `Int64`, `ex_aequo` is `boolean`, text is `string`,
    an empty cell is `<NA>`. List cells (`countries`, `genres`...) become
    Python lists of strings, an empty cell an empty list; `lists=False` keeps
    them as the `;`-joined strings of the CSV.
    """
    folder = Path(folder)
    try:
        package = json.loads((folder / FILENAME).read_text(encoding="utf-8"))
        resources = package["resources"]
    except FileNotFoundError:
        raise PackageError(f"{folder}: no {FILENAME}; run `python -m pipeline extract` into this folder") from None
    except (ValueError, TypeError, KeyError) as err:  # not JSON, or JSON that is not a data package
        raise PackageError(f"{folder / FILENAME}: not a data package ({err})") from None
    return {resource["name"]: _read(folder, resource, lists) for resource in resources}
