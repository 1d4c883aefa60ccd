"""glean.dask on a local cluster of two worker processes: the facts and rows of a few hundred
reports equal what extract gives for them, in the same order."""

import pytest

distributed = pytest.importorskip("distributed")

import glean
import glean.dask
from conftest import SOURCE_DIR, assert_same, cli_facts

# As the workers see them: they run in the folder the cluster was started in.
RULES = str(SOURCE_DIR / "rules")


@pytest.fixture(scope="module")
def client():
    with distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
    ) as cluster, distributed.Client(cluster) as client:
        yield client


def test_a_bag_on_two_workers_gives_the_facts_of_the_command_line(client, reports):
    assert len(glean.list_inputs(reports)) > 300
    facts = glean.dask.extract_bag([RULES], [reports], partition_size=7).compute()
    assert_same(facts, cli_facts("--jobs", "2", reports))
    # Each worker compiled the rules once, however many partitions it ran.
    compiled = client.run(lambda: len(glean.dask._engines))
    assert sorted(compiled.values()) == [1, 1]


def test_a_dataframe_on_two_workers_equals_extract_frame(client, reports):
    frame = glean.dask.extract_dataframe(RULES, reports, npartitions=9)
    assert frame.npartitions == 9
    got = frame.compute()
    want = glean.extract_frame(RULES, reports, jobs=2)
    assert list(got.columns) == list(want.columns)
    assert got.reset_index(drop=True).equals(want)
    assert dict(got.dtypes) == dict(want.dtypes)


def test_options_reach_the_workers(client, reports):
    files = glean.list_inputs(reports)[:12]
    bag = glean.dask.extract_bag([RULES], files, figures=True, document=False)
    assert_same(bag.compute(), cli_facts("--figures", "--no-document", *files))


def test_an_unreadable_input_fails_the_computation_with_its_name(client, reports):
    with pytest.raises(FileNotFoundError, match="missing.txt"):
        glean.dask.extract_bag([RULES], [reports + "/missing.txt"]).compute()


def test_a_broken_rule_file_reaches_the_client_with_its_diagnostics(client, reports, tmp_path):
    (tmp_path / "broken.yaml").write_text("rules:\n  - id: x\n    fact: y\n    pattern: '('\n")
    with pytest.raises(glean.RuleError) as raised:
        glean.dask.extract_bag([str(tmp_path)], [reports]).compute()
    assert [(d.line, d.severity) for d in raised.value.diagnostics][0] == (4, "error")
