#!/usr/bin/env python3
"""Derives octopus-api-facts.json from the Octopus Server Swagger 2.0 documents of 2021.2 and 2020.5.

Keeps what octosim's /api/swagger.json, the script audit's route catalogue and the contract tests read:
the routes, their methods and parameters, the response status codes with their schemas,
and every definition's field names, types, formats, $refs, item types, enums and required fields. No
description, summary, title, example or tag text is kept. An operation whose document marks it deprecated,
by its `deprecated` flag or by "Deprecated" in its description or summary (how 2020.5 and most of 2021.2
say it), carries "deprecated": true.

Usage: python3 derive-api-facts.py SWAGGER-2021.2.json SWAGGER-2020.5.json > octopus-api-facts.json
Standard library only; the output depends on nothing but the inputs (sorted keys, one route or
definition per line).
"""
import json
import sys

METHODS = ("get", "put", "post", "delete", "options", "head", "patch")
PARAMETER_KEYS = ("name", "in", "required", "type", "format", "items", "collectionFormat", "enum", "schema")
SCHEMA_KEYS = ("type", "format", "$ref", "items", "properties", "additionalProperties", "enum", "required",
               "allOf")


def schema(value):
    """A schema with only its structure: field names, types, formats, references, enums, required."""
    if not isinstance(value, dict):
        return value  # additionalProperties: true/false
    out = {}
    for key in SCHEMA_KEYS:
        if key not in value:
            continue
        item = value[key]
        if key == "properties":
            item = {name: schema(field) for name, field in item.items()}
        elif key in ("items", "additionalProperties"):
            item = schema(item)
        elif key == "allOf":
            item = [schema(part) for part in item]
        out[key] = item
    return out


def parameter(value):
    out = {key: value[key] for key in PARAMETER_KEYS if key in value}
    if "schema" in out:
        out["schema"] = schema(out["schema"])
    if "items" in out:
        out["items"] = schema(out["items"])
    return out


def operation(value):
    out = {}
    text = (value.get("description") or "") + " " + (value.get("summary") or "")
    if value.get("deprecated") or "Deprecated" in text:
        out["deprecated"] = True
    if value.get("parameters"):
        out["parameters"] = [parameter(p) for p in value["parameters"]]
    out["responses"] = {
        status: ({"schema": schema(response["schema"])} if "schema" in response else {})
        for status, response in value.get("responses", {}).items()
    }
    return out


def facts(document):
    paths = {}
    for route, item in document["paths"].items():
        paths[route] = {m: operation(op) for m, op in item.items() if m in METHODS}
    return {
        "swagger": document["swagger"],
        "info": {"version": document["info"]["version"]},
        "basePath": document["basePath"],
        "paths": paths,
        "definitions": {name: schema(d) for name, d in document.get("definitions", {}).items()},
    }


def compact(value):
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def write(documents, out):
    """JSON with one route and one definition per line, so that a change to the facts reads as a diff."""
    out.write('{"about":' + compact(ABOUT) + ',\n"documents":{\n')
    for d, (key, document) in enumerate(sorted(documents.items())):
        out.write(compact(key) + ":{")
        head = {k: v for k, v in document.items() if k not in ("paths", "definitions")}
        out.write(compact(head)[1:-1])
        for section in ("paths", "definitions"):
            out.write(',\n' + compact(section) + ":{\n")
            entries = sorted(document[section].items())
            out.write(",\n".join(compact(name) + ":" + compact(entry) for name, entry in entries))
            out.write("}")
        out.write("}" + (",\n" if d + 1 < len(documents) else "\n"))
    out.write("}}\n")


ABOUT = ("Octopus Server API facts (routes, methods, parameters, response schemas, definitions' field "
         "names and types) derived by derive-api-facts.py from the Swagger documents of Octopus Server "
         "2021.2 and 2020.5; see README.md beside this file.")


def main(argv):
    if len(argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    documents = {}
    for path in argv[1:]:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        version = document["info"]["version"]
        key = ".".join(version.split(".")[:2])  # 2021.2.4488 -> 2021.2
        documents[key] = facts(document)
    write(documents, sys.stdout)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
