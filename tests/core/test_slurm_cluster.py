"""How a user points a run at a Slurm cluster (README, timestack:landtrendr, "On a Slurm cluster"):
dask-jobqueue's SLURMCluster, built with the README's options but never scaled, so no job is submitted
(there is no sbatch here). Its job script must ask Slurm for what the user asked, and its scheduler
address must be what DASK_SCHEDULER takes: the engine's client connects to it."""

from __future__ import annotations

import re

import pytest

from timestack.core.io.engine import connect_scheduler

dask_jobqueue = pytest.importorskip("dask_jobqueue")

#: Where the workers find Timestack (the README: the plugin folder on their PYTHONPATH).
PLUGINS = "/home/ana/qgis-plugins"


@pytest.fixture()
def slurm_cluster():
    """The README's SLURMCluster, with its scheduler on loopback and no worker job submitted."""
    from dask_jobqueue import SLURMCluster

    cluster = SLURMCluster(
        queue="normal",
        account="forest-change",
        cores=8,
        processes=1,
        memory="32GB",
        walltime="02:00:00",
        job_extra_directives=["--constraint=skylake"],
        job_script_prologue=[f"export PYTHONPATH={PLUGINS}:$PYTHONPATH"],
        scheduler_options={"host": "127.0.0.1", "dashboard_address": ":0"},
    )
    try:
        yield cluster
    finally:
        cluster.close()


def test_the_slurm_job_script_asks_for_what_the_user_asked(slurm_cluster):
    script = slurm_cluster.job_script()
    directives = re.findall(r"^#SBATCH (.+)$", script, flags=re.MULTILINE)
    assert "-p normal" in directives, "the partition (queue)"
    assert "-A forest-change" in directives
    assert "--cpus-per-task=8" in directives and "-n 1" in directives
    assert "--mem=30G" in directives, "32 GB, as Slurm counts it (GiB, rounded down)"
    assert "-t 02:00:00" in directives
    assert "--constraint=skylake" in directives, "job_extra_directives, verbatim"
    assert f"export PYTHONPATH={PLUGINS}:$PYTHONPATH" in script
    worker = next(line for line in script.splitlines() if "distributed.cli.dask_worker" in line)
    assert slurm_cluster.scheduler_address in worker, "the workers join this cluster's scheduler"
    assert "--nthreads 8" in worker, "one worker process of 8 threads per job"
    assert "--memory-limit 29.80GiB" in worker
    assert slurm_cluster.workers == {}, "built, not submitted: no job was started"


def test_the_scheduler_address_is_what_dask_scheduler_takes(slurm_cluster):
    address = slurm_cluster.scheduler_address
    assert re.fullmatch(r"tcp://127\.0\.0\.1:\d+", address)
    client = connect_scheduler(address)  # what DASK_SCHEDULER=<address> does
    try:
        assert client.scheduler_info()["address"] == address
        assert client.nthreads() == {}, "no worker yet: the jobs were never submitted"
    finally:
        client.close()
