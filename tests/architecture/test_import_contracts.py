"""The module-cycle contract used by ``lint-imports`` (.importlinter) finds cycles
of any length and nothing else."""

from tests.architecture.import_contracts import strongly_connected


def test_cycles_of_any_length_are_found():
    edges = {
        "a": {"b"},
        "b": {"c"},
        "c": {"a", "d"},  # a -> b -> c -> a
        "d": {"e"},
        "e": {"d"},  # d <-> e
        "f": {"a"},
    }
    assert sorted(map(sorted, strongly_connected(edges))) == [
        ["a", "b", "c"],
        ["d", "e"],
    ]


def test_a_layered_graph_has_none():
    edges = {"portal": {"search", "cms"}, "search": {"cms"}, "cms": set()}
    assert strongly_connected(edges) == []
