"""For the Python tests that start a local Dask cluster: an interpreter that imports
`distributed`."""
import os
import subprocess
import sys


def dask_python():
    """This interpreter or the system one (Debian's python3-distributed installs for
    /usr/bin/python3), whichever imports distributed first; None when neither does."""
    for py in (sys.executable, "/usr/bin/python3"):
        if os.path.exists(py) and subprocess.run([py, "-c", "import distributed"], stdout=subprocess.DEVNULL,
                                                 stderr=subprocess.DEVNULL).returncode == 0:
            return py
    return None
