"""The Dask client of the tools that run on a cluster (tools/ngrams/dask_build.py,
tools/archive/dask_lint.py): a running scheduler when given, else a local cluster of
single-threaded worker processes. Needs Dask (Debian: apt-get install python3-distributed)."""
import contextlib


class DaskMissing(Exception):
    pass


@contextlib.contextmanager
def client(workers=2, scheduler=None):
    """Yields a distributed.Client; closes it (and the local cluster) afterwards. Raises
    DaskMissing when `distributed` cannot be imported."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskMissing("Dask is missing (apt-get install python3-distributed)")
    if scheduler:
        cluster, c = None, Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=40)
        c = Client(cluster)
    try:
        yield c
    finally:
        c.close()
        if cluster:
            cluster.close()
