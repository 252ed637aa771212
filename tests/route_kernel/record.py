"""Records tests/route_kernel/golden.json from the running kernel (needs root).

Uses the netlink recorder (tests/netlink/record.py) with the extra route
cases of cases.py, which it registers in the recorder's case list:

    sudo python3 tests/route_kernel/record.py
"""

import os
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "netlink"))
sys.dont_write_bytecode = True

import record  # noqa: E402  (the recorder; imports the `cases` package)
import cases  # noqa: E402
import importlib.util  # noqa: E402

spec = importlib.util.spec_from_file_location("cases.route_kernel", os.path.join(HERE, "cases.py"),
                                              submodule_search_locations=None)
mod = importlib.util.module_from_spec(spec)
mod.__package__ = "cases"
before = {c.name for c in cases.CASES}
spec.loader.exec_module(mod)
names = {c.name for c in cases.CASES} - before

with tempfile.TemporaryDirectory() as tmp:
    record.record(names, tmp)
    shutil.copy(os.path.join(tmp, "route.json"), os.path.join(HERE, "golden.json"))
