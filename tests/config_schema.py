#!/usr/bin/env python3
"""schemas/rtlint.schema.json against rtlint's own configuration loader.

- The schema is a valid draft-07 schema.
- Its keys are the loader's: `rtlint --config-keys` prints the keys of the
  tables src/config/config.c dispatches on; a key either side lacks fails.
  Its rule ids are `rtlint rules`'.
- Every rtlint.yaml / .rtlint.yaml under fixtures/ and every YAML block in
  README.md and docs/ that is a configuration (a mapping with a key the
  loader knows, or a block whose first line names rtlint.yaml) validates
  against the schema AND loads in rtlint without a word on stderr; the
  fixtures made to be rejected (NEGATIVE) fail both.
"""
import argparse
import glob
import json
import os
import re
import subprocess
import sys
import tempfile

import jsonschema
import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
SCHEMA = os.path.join(ROOT, "schemas", "rtlint.schema.json")
# Fixtures that exist to be rejected (tests/golden/config-*.out).
NEGATIVE = {
    "fixtures/config/unknown-key/rtlint.yaml",
    "fixtures/config/unknown-rule/rtlint.yaml",
    "fixtures/config/bad-glob/.rtlint.yaml",
}

failures = []


class Yaml12Loader(yaml.SafeLoader):
    """YAML 1.2's core schema, as editors' YAML language servers read the file: `off`
    and `yes` are strings (rtlint's loader reads scalars as text too); only true and
    false are booleans."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()}
Yaml12Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                                   re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                   list("tTfF"))


def load_yaml(text):
    return yaml.load(text, Loader=Yaml12Loader)


def check(cond, msg):
    if not cond:
        failures.append(msg)
        print("FAIL", msg)


def schema_key_paths(schema):
    props = schema["properties"]
    keys = set(props)
    keys |= {f"overrides[].{k}" for k in props["overrides"]["items"]["properties"]}
    hook_object = [v for v in props["deprecated_hooks"]["items"]["oneOf"] if "properties" in v][0]
    keys |= {f"deprecated_hooks[].{k}" for k in hook_object["properties"]}
    keys |= {f"resolve.{k}" for k in props["resolve"]["properties"]}
    for kind, spec in props["realtime"]["properties"].items():
        keys.add(f"realtime.{kind}")
        if spec.get("type") == "array":  # the lists; canonical_typing_indicator is a path
            item = schema["definitions"][spec["items"]["$ref"].split("/")[-1]]["properties"]
            keys |= {f"realtime.{kind}[].{k}" for k in item}
    return keys


def loads_cleanly(rtlint, text):
    """rtlint reads the configuration: exit 0 and nothing on stderr."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "rtlint.yaml")
        with open(path, "w") as f:
            f.write(text)
        proc = subprocess.run([rtlint, "--print-config", os.path.join(tmp, "x.ts")], cwd=tmp,
                              capture_output=True, text=True)
        return proc.returncode == 0 and proc.stderr == "", proc.stderr.strip()


def doc_configurations(loader_keys):
    """(where, text) of each YAML block in README.md and docs/ that is a configuration."""
    top = {k for k in loader_keys if "." not in k and "[" not in k}
    files = [os.path.join(ROOT, "README.md")] + sorted(
        glob.glob(os.path.join(ROOT, "docs", "**", "*.md"), recursive=True))
    for path in files:
        text = open(path, encoding="utf-8").read()
        for m in re.finditer(r"^```ya?ml\n(.*?)^```", text, re.S | re.M):
            block = m.group(1)
            line = text[:m.start()].count("\n") + 2
            where = f"{os.path.relpath(path, ROOT)}:{line}"
            try:
                data = load_yaml(block)
            except yaml.YAMLError:
                data = None
            first = block.split("\n", 1)[0]
            named = "rtlint.yaml" in first
            # A block headed by another file's name (`# .gitlab-ci.yml`) is that file.
            other = not named and re.match(r"#\s*\S+\.ya?ml\b", first)
            if named or (not other and isinstance(data, dict) and top & set(data)):
                yield where, block


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rtlint", required=True)
    rtlint = os.path.abspath(ap.parse_args().rtlint)
    schema = json.load(open(SCHEMA))
    jsonschema.Draft7Validator.check_schema(schema)
    validator = jsonschema.Draft7Validator(schema)

    loader_keys = set(subprocess.run([rtlint, "--config-keys"], capture_output=True, text=True,
                                     check=True).stdout.split())
    check(len(loader_keys) >= 12, f"--config-keys printed only {sorted(loader_keys)}")
    in_schema = schema_key_paths(schema)
    for k in sorted(loader_keys - in_schema):
        check(False, f"the loader knows '{k}' but the schema does not")
    for k in sorted(in_schema - loader_keys):
        check(False, f"the schema has '{k}' but the loader does not know it")

    rules = {r["id"] for r in json.loads(subprocess.run(
        [rtlint, "rules", "--format", "json"], capture_output=True, text=True, check=True).stdout)}
    in_schema_rules = set(schema["definitions"]["rules"]["properties"])
    check(in_schema_rules == rules,
          "schemas/rtlint.schema.json's definitions.rules must list every rule of `rtlint rules`: "
          f"missing {sorted(rules - in_schema_rules)}, unknown {sorted(in_schema_rules - rules)}")

    configs = sorted(glob.glob(os.path.join(ROOT, "fixtures", "**", "rtlint.yaml"), recursive=True)
                     + glob.glob(os.path.join(ROOT, "fixtures", "**", ".rtlint.yaml"),
                                 recursive=True))
    configs = [c for c in configs if "/node_modules/" not in c]
    check(len(configs) >= 20, f"only {len(configs)} fixture configurations found")
    for path in configs:
        rel = os.path.relpath(path, ROOT)
        text = open(path).read()
        errors = list(validator.iter_errors(load_yaml(text)))
        ok, why = loads_cleanly(rtlint, text)
        if rel in NEGATIVE:
            check(errors, f"{rel} is made to be rejected, but the schema accepts it")
            check(not ok, f"{rel} is made to be rejected, but rtlint loads it")
        else:
            check(not errors, f"{rel}: {'; '.join(e.message for e in errors)}")
            check(ok, f"{rel} does not load in rtlint: {why}")
    for rel in NEGATIVE:
        check(os.path.exists(os.path.join(ROOT, rel)), f"negative fixture {rel} is gone")

    docs = list(doc_configurations(loader_keys))
    check(len(docs) >= 3, f"only {len(docs)} configuration examples found in the docs")
    for where, block in docs:
        errors = list(validator.iter_errors(load_yaml(block)))
        check(not errors, f"{where}: {'; '.join(e.message for e in errors)}")
        ok, why = loads_cleanly(rtlint, block)
        check(ok, f"{where}: the example does not load in rtlint: {why}")

    # A misspelt key fails the schema as it fails the loader.
    check(list(validator.iter_errors({"exlude": ["x"]})), "the schema accepts an unknown key")
    check(list(validator.iter_errors({"include": ["components/{a,b"]})),
          "the schema accepts an unclosed '{' in a glob")

    print(f"config-schema: {len(configs)} fixture configurations, {len(docs)} documented examples, "
          f"{len(loader_keys)} keys; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
