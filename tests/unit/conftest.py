import pytest

from desk_app.paths import programs_dir
from desk_app.domain.program import load_program_file


@pytest.fixture(scope="session")
def oh():
    return load_program_file(programs_dir() / "one_harmony.json")


@pytest.fixture(scope="session")
def omo():
    return load_program_file(programs_dir() / "omo.json")
