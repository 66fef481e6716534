"""The analysis tests of this folder read the vocabulary from the data files."""

from tests.search.analysis.conftest import static_vocabulary  # noqa: F401
