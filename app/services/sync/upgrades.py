"""What a change of an older schema means in this one: the ops of a bundle an older device wrote,
and the rows and logged changes a store kept before its upgrade, read as this version reads them.

Schema 0030 numbers the 健康体检表's symptoms as the 2017 form does (17 尿急, 18 尿痛, 19 便秘,
20 腹泻 … 25 其他); before it the list stopped at 17 便秘, 18 腹泻, 19 其他.  A check typed on a
village PC not yet upgraded travels with the old numbers: they are renumbered as the bundle is
read (for its checks and for what is applied alike), as the migration renumbers what a store kept.
"""

from __future__ import annotations

import json
import re

SYMPTOMS_RENUMBERED = "0030"  # the revision from which ops carry the form's own numbers
OLD_SYMPTOMS = {"17": "19", "18": "20", "19": "25"}  # before 0030 → the 2017 form's


def renumbered_form(form):
    """A check's ``form`` with its symptoms in this version's numbers (the same object when there
    is nothing to renumber; anything that is not a form as written is left as it is)."""
    if not isinstance(form, dict) or not isinstance(form.get("symptoms"), list):
        return form
    symptoms = form["symptoms"]
    if not any(isinstance(c, str) and c in OLD_SYMPTOMS for c in symptoms):
        return form
    return {**form, "symptoms": [OLD_SYMPTOMS.get(c, c) if isinstance(c, str) else c for c in symptoms]}


def older_than(schema: str, revision: str) -> bool:
    """Whether a bundle of ``schema`` was written before ``revision`` (revisions are numbered; a
    manifest's text is the sender's: ASCII digits only, never "¹" or "٣")."""
    numbered = re.compile(r"[0-9]+")
    return bool(numbered.fullmatch(schema) and numbered.fullmatch(revision)) and int(schema) < int(revision)


def renumbered_change(data):
    """A logged or travelling change of a check (``{"v": {column: value}, …}``; a bare mapping of
    columns as well) with its form renumbered; the same object when there is nothing to do."""
    if not isinstance(data, dict):
        return data
    travelling = isinstance(data.get("v"), dict)
    values = data["v"] if travelling else data
    if "form" not in values:
        return data
    form = renumbered_form(values["form"])
    if form is values["form"]:
        return data
    return {**data, "v": {**values, "form": form}} if travelling else {**data, "form": form}


def as_this_version(ops, schema: str):
    """The ops of a bundle of ``schema``, each as this version reads it (a generator over ``ops``)."""
    if not older_than(schema, SYMPTOMS_RENUMBERED):
        yield from ops
        return
    for op in ops:
        if type(op) is dict and op.get("e") == "elderly_check":
            data = op.get("d")
            if isinstance(data, str):
                try:
                    data = json.loads(data)
                except ValueError:
                    data = None  # (malformed: left for the checks to refuse)
            new = renumbered_change(data)
            if new is not data:
                op = {**op, "d": new}
        yield op
