"""Safe YAML with line numbers: mappings and lists remember where each entry began.

Only plain data is built (PyYAML's SafeLoader: no tags that construct objects), and every
mapping is a `Located` dict whose `line_of(key)` says where that key was written, so a
problem can be reported at its line.
"""

from __future__ import annotations

import yaml

from packages.problems import PackageInvalid, Problem


class Located(dict):
    """A mapping from a package file that knows the line of each of its keys."""

    line: int | None = None
    lines: dict

    def line_of(self, key) -> int | None:
        return getattr(self, "lines", {}).get(key, self.line)


class LocatedList(list):
    line: int | None = None
    lines: list


class _Loader(yaml.SafeLoader):
    def compose_node(self, parent, index):
        # Aliases (*name) let a few lines expand into billions of nodes for whoever walks
        # them ("billion laughs"); a course file never needs one.
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in a package", event.start_mark
            )
        return super().compose_node(parent, index)


def _mapping(loader: _Loader, node: yaml.MappingNode) -> Located:
    loader.flatten_mapping(node)
    result = Located()
    result.line = node.start_mark.line + 1
    result.lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError as error:
            raise yaml.constructor.ConstructorError(
                None, None, "a key must be plain text", key_node.start_mark
            ) from error
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key “{key}” appears twice", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LocatedList:
    result = LocatedList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
_Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)


def load_yaml(text: str, *, file: str):
    """Parse one YAML document from a package; PackageInvalid (with the line) if it is not
    valid YAML, uses a tag, or repeats a key."""
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader is a SafeLoader
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else None
        raise PackageInvalid([Problem(file, line, f"not valid YAML: {error.problem}")]) from error
    except yaml.YAMLError as error:
        raise PackageInvalid([Problem(file, None, f"not valid YAML: {error}")]) from error


def dump_yaml(data) -> str:
    """Plain, readable YAML for export: block style, keys in the order given, Unicode kept."""

    class _Dumper(yaml.SafeDumper):
        pass

    def _dict(dumper, value):
        return dumper.represent_mapping("tag:yaml.org,2002:map", value.items())

    def _str(dumper, value):
        style = None
        if not value.replace("\n", "").isprintable():  # control chars, NEL, U+2028/9
            style = '"'
        elif "\n" in value:
            style = "|"
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)

    _Dumper.add_representer(dict, _dict)
    _Dumper.add_representer(Located, _dict)
    _Dumper.add_representer(LocatedList, _Dumper.represent_list)
    _Dumper.add_representer(str, _str)
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100)
