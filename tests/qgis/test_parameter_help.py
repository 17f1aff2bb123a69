"""Every parameter of every Timestack algorithm explains itself: its help (the tooltip QGIS shows in the
Processing dialog, the modeler and the dock) says what it does and in which unit."""

import pytest

from timestack.processing.provider import ALGORITHMS


@pytest.mark.parametrize("algorithm_class", ALGORITHMS, ids=lambda klass: klass.__name__)
def test_every_parameter_has_help(provider, algorithm_class):
    algorithm = algorithm_class()
    algorithm.initAlgorithm()
    missing = [
        definition.name() for definition in algorithm.parameterDefinitions() if not definition.help().strip()
    ]
    assert missing == [], f"{algorithm.name()}: parameters without help: {missing}"


def test_help_of_a_parameter_is_not_just_its_label(provider):
    """Help repeating the label tells a user nothing more than the dialog already does."""
    bare = []
    for algorithm_class in ALGORITHMS:
        algorithm = algorithm_class()
        algorithm.initAlgorithm()
        for definition in algorithm.parameterDefinitions():
            if definition.help().strip().rstrip(".").lower() == definition.description().strip().lower():
                bare.append(f"{algorithm.name()}.{definition.name()}")
    assert bare == [], bare
