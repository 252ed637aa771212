"""pytest plugin for running pyroute2's tests/test_linux/test_ipr here.

pyroute2's test context opens a generic-netlink WireGuard socket for every
test (pr2test.context_manager.NDBContextManager) although test_ipr never
uses it; neither the recording kernel (no wireguard module) nor iplab (no
NETLINK_GENERIC) has that family, so every test would error in its setup.
This plugin replaces that socket with an object that only closes. Nothing
else is changed: what the tests ask of the kernel is asked.
"""


class _NoWireGuard:
    """Stands in for pyroute2.WireGuard in the test context only."""

    def close(self):
        pass


def pytest_configure(config):
    import pr2test.context_manager as cm

    cm.WireGuard = _NoWireGuard

