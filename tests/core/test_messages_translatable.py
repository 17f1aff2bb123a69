"""Every refusal the core raises reaches the user translated (the plugin speaks French).

The core has no Qt, so a :class:`TimestackError` carries a template marked with
``QT_TRANSLATE_NOOP("TimestackCore", ...)`` and its ``args``; Processing translates the template and
formats it afterwards. An f-string or a plain string as the message is formatted before anyone could
translate it, and pylupdate5 never sees it: the French user reads English. These tests read the core's
source with ``ast`` so such a message cannot come back unnoticed.
"""

import ast
import re
from pathlib import Path

import pytest

import timestack

CORE = Path(timestack.__file__).parent / "core"
MODULES = sorted(CORE.rglob("*.py"))


def _name(node) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return ""


def _is_noop(node) -> bool:
    return isinstance(node, ast.Call) and _name(node.func) == "QT_TRANSLATE_NOOP"


def error_classes(modules=MODULES) -> set:
    """TimestackError and every class of the core that derives from it, however indirectly."""
    bases = {}
    for path in modules:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                bases.setdefault(node.name, set()).update(_name(base) for base in node.bases)
    errors, grown = {"TimestackError"}, True
    while grown:
        found = {name for name, parents in bases.items() if parents & errors} - errors
        errors |= found
        grown = bool(found)
    return errors


class _Scope:
    """What a name can hold in one function (or the module): templates assigned to it, parameters, and
    loop targets over literal tuples of templates."""

    def __init__(self, node, outer=None):
        self.outer = outer
        self.templates: set = set()
        self.parameters: set = set()
        self.others: set = set()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            arguments = node.args
            every = arguments.posonlyargs + arguments.args + arguments.kwonlyargs
            every += [a for a in (arguments.vararg, arguments.kwarg) if a]
            self.parameters = {argument.arg for argument in every}
        body = node.body if isinstance(node.body, list) else [node.body]
        for statement in body:
            for child in _walk_scope(statement):
                if isinstance(child, ast.Assign):
                    template = _is_noop(child.value) or self._ok_ifexp(child.value)
                    kind = self.templates if template else self.others
                    for target in child.targets:
                        if isinstance(target, ast.Name):
                            kind.add(target.id)
                elif isinstance(child, ast.For):
                    self._loop(child)

    def _ok_ifexp(self, node) -> bool:
        return isinstance(node, ast.IfExp) and _is_noop(node.body) and _is_noop(node.orelse)

    def _loop(self, loop: ast.For) -> None:
        """``for key, message in ((.., TEMPLATE), (.., TEMPLATE)):`` binds ``message`` to templates."""
        targets = loop.target.elts if isinstance(loop.target, ast.Tuple) else [loop.target]
        rows = loop.iter.elts if isinstance(loop.iter, (ast.Tuple, ast.List)) else None
        for position, target in enumerate(targets):
            if not isinstance(target, ast.Name):
                continue
            values = []
            for row in rows or []:
                if len(targets) == 1:
                    values.append(row)
                elif isinstance(row, ast.Tuple) and len(row.elts) == len(targets):
                    values.append(row.elts[position])
            if rows and len(values) == len(rows) and all(self.holds_template(value) for value in values):
                self.templates.add(target.id)
            else:
                self.others.add(target.id)

    def holds_template(self, node) -> bool:
        if _is_noop(node):
            return True
        if isinstance(node, ast.IfExp):
            return self.holds_template(node.body) and self.holds_template(node.orelse)
        if isinstance(node, ast.Name):
            if node.id in self.templates or node.id in self.parameters:
                # a parameter is the caller's template: the caller's own raise or call is checked where it is
                return True
            if node.id in self.others:
                return False
            return self.outer.holds_template(node) if self.outer else False
        return False


def _walk_scope(node):
    """``node`` and its descendants, not entering nested functions or classes (their own scopes)."""
    yield node
    for child in ast.iter_child_nodes(node):
        if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            yield from _walk_scope(child)


def untranslatable_errors(source: str, errors: set) -> list:
    """``(line, message source)`` of every call of an ``errors`` class whose message is not a template."""
    tree = ast.parse(source)
    found = []

    def visit(node, scope):
        for child in ast.iter_child_nodes(node):
            inner = scope
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                inner = _Scope(child, scope)
            if isinstance(child, ast.Call) and _name(child.func) in errors:
                named = (k.value for k in child.keywords if k.arg in ("message", "template"))
                message = child.args[0] if child.args else next(named, None)
                if message is not None and not inner.holds_template(message):
                    found.append((child.lineno, ast.unparse(message)[:100]))
            visit(child, inner)

    visit(tree, _Scope(tree))
    return found


def invisible_templates(source: str) -> list:
    """``(line, source)`` of every QT_TRANSLATE_NOOP call pylupdate5 cannot extract: a trailing comma
    before ``)``, a context other than TimestackCore, or a text that is not one string literal."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if _is_noop(node):
            text = ast.get_source_segment(source, node) or ""
            literal = [isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args]
            if (
                re.search(r",\s*\)\Z", text)
                or len(node.args) != 2
                or not all(literal)
                or node.args[0].value != "TimestackCore"
            ):
                found.append((node.lineno, text[:100]))
    return found


ERRORS = error_classes()


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_errors_carry_a_translatable_template(path):
    found = untranslatable_errors(path.read_text(encoding="utf-8"), ERRORS)
    assert not found, (
        f"{path.relative_to(CORE)}: raise with QT_TRANSLATE_NOOP('TimestackCore', '... {{0}} ...') and "
        f"args=(...), not a formatted string: {found}"
    )


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(CORE)))
def test_core_templates_are_visible_to_pylupdate(path):
    found = invisible_templates(path.read_text(encoding="utf-8"))
    assert not found, f"{path.relative_to(CORE)}: pylupdate5 cannot extract {found}"


def test_the_subclasses_of_timestack_error_are_checked_too():
    assert {"SearchError", "ZonalInputError", "HrefRefusedError", "AssetDownloadError"} <= ERRORS


BAD = """
from ..runtime import QT_TRANSLATE_NOOP, TimestackError

class StackError(TimestackError):
    pass

def check(size, name):
    if size < 1:
        raise TimestackError(f"SIZE must be at least 1, got {size}", "SIZE")
    if not name:
        raise StackError("NAME: give a name", "NAME")
    message = "NAME: " + name + " is taken"
    raise StackError(message, "NAME")
"""

GOOD = """
from ..runtime import QT_TRANSLATE_NOOP, TimestackError

TAKEN = QT_TRANSLATE_NOOP("TimestackCore", "NAME: {0} is taken")

def refuse(template, parameter, *args):
    raise TimestackError(template, parameter, args=args)

def check(size, name, kind):
    if size < 1:
        raise TimestackError(QT_TRANSLATE_NOOP("TimestackCore", "SIZE must be at least 1, got {0}"), "SIZE",
                             args=(size,))
    small = QT_TRANSLATE_NOOP("TimestackCore", "small")
    large = QT_TRANSLATE_NOOP("TimestackCore", "large")
    raise TimestackError(small if kind else large, "NAME")
    for key, message in (("a", TAKEN), ("b", small)):
        raise TimestackError(message, "NAME", args=(name,))
    raise TimestackError(TAKEN, "NAME", args=(name,))
"""


def test_the_scan_finds_formatted_plain_and_concatenated_messages():
    errors = error_classes([]) | {"StackError"}
    assert [line for line, _ in untranslatable_errors(BAD, errors)] == [9, 11, 13]
    assert untranslatable_errors(GOOD, errors) == []


def test_the_scan_finds_templates_pylupdate_cannot_see():
    source = (
        'A = QT_TRANSLATE_NOOP(\n    "TimestackCore",\n    "a {0}",\n)\n'
        'B = QT_TRANSLATE_NOOP("Other", "b")\n'
        'C = QT_TRANSLATE_NOOP("TimestackCore", f"c {x}")\n'
        'D = QT_TRANSLATE_NOOP(\n    "TimestackCore",\n    "d {0}"\n)  # fmt: skip\n'
    )
    assert [line for line, _ in invisible_templates(source)] == [1, 5, 6]


def test_a_converted_refusal_reads_the_same_in_english_and_is_translated_before_formatting():
    from timestack.core.cube.animation import _palette
    from timestack.core.io.tiles import plan_tiles
    from timestack.core.runtime import TimestackError

    with pytest.raises(TimestackError) as error:
        plan_tiles(10, 10, 0)
    assert str(error.value) == "TILE_SIZE must be at least 1 pixel, got 0"
    assert error.value.parameter == "TILE_SIZE"
    french = {
        "TILE_SIZE must be at least 1 pixel, got {0}": "TILE_SIZE doit valoir au moins 1 pixel, reçu {0}"
    }
    assert error.value.translated(lambda _, text: french.get(text, text)) == (
        "TILE_SIZE doit valoir au moins 1 pixel, reçu 0"
    )
    with pytest.raises(TimestackError) as error:
        _palette("no-such-ramp")
    assert str(error.value) == "COLORMAP: 'no-such-ramp' is not a matplotlib colour map"
    assert error.value.template == "COLORMAP: {0!r} is not a matplotlib colour map"
