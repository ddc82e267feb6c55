"""Reads a generated Keras script the way Python does, for the unit tests.

Compiles the file (py_compile), parses it with ast and prints JSON:
  constants: module-level NAME = literal assignments;
  layers:    in build_model(), each `var = keras.layers.X(...)(inputs)` or
             `var = keras.Input(...)`, in order, with its keyword arguments and input variables;
  calls:     every call in the file, in source order, with its keyword arguments.
A value is the literal itself where it is one; a name is {"name": ...}; a call is
{"call": ..., "kwargs": ...}; anything else is {"expr": source}.
"""

import ast
import json
import py_compile
import sys


def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return ast.unparse(node)


def value(node):
    try:
        return ast.literal_eval(node)
    except ValueError:
        pass
    if isinstance(node, ast.Name):
        return {"name": node.id}
    if isinstance(node, ast.Call):
        return call(node)
    return {"expr": ast.unparse(node)}


def call(node):
    return {
        "call": dotted(node.func),
        "args": [value(arg) for arg in node.args],
        "kwargs": {kw.arg: value(kw.value) for kw in node.keywords},
    }


def names(node):
    if isinstance(node, ast.Name):
        return [node.id]
    if isinstance(node, ast.List):
        return [element.id for element in node.elts]
    raise ValueError(f"unexpected layer input {ast.unparse(node)}")


def layer(statement):
    """The layer a build_model() statement declares, or None."""
    if not (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call)):
        return None
    applied = statement.value
    if isinstance(applied.func, ast.Call):
        made, inputs = applied.func, names(applied.args[0])
    else:
        made, inputs = applied, []
    entry = call(made)
    if not entry["call"].startswith(("keras.layers.", "keras.Input")):
        return None
    entry["var"] = statement.targets[0].id
    entry["inputs"] = inputs
    return entry


def main(path):
    py_compile.compile(path, doraise=True)
    with open(path, encoding="utf-8") as file:
        tree = ast.parse(file.read(), filename=path)
    constants = {}
    layers = []
    for statement in tree.body:
        if isinstance(statement, ast.Assign) and isinstance(statement.targets[0], ast.Name):
            try:
                constants[statement.targets[0].id] = ast.literal_eval(statement.value)
            except ValueError:
                pass
        if isinstance(statement, ast.FunctionDef) and statement.name == "build_model":
            layers = [entry for entry in map(layer, statement.body) if entry is not None]
    ordered = sorted(
        (node for node in ast.walk(tree) if isinstance(node, ast.Call)),
        key=lambda node: (node.lineno, node.col_offset),
    )
    json.dump(
        {"constants": constants, "layers": layers, "calls": [call(node) for node in ordered]},
        sys.stdout,
    )


if __name__ == "__main__":
    if sys.version_info < (3, 9):
        sys.exit("Reading the script needs Python 3.9 or later (for ast.unparse).")
    main(sys.argv[1])
