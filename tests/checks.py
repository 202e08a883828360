"""The checks of a python test: each prints `ok` or `FAIL`, with what went
wrong when a detail is given, and verdict() ends the test with exit 1 when
any failed."""

_failures = 0


def check(cond, what, detail=""):
    global _failures
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        _failures += 1
        if detail:
            print("     " + str(detail).replace("\n", "\n     ")[:3000])
    return cond


def shown(p):
    """A finished process, for a failed check's detail."""
    return f"exit {p.returncode}\nstdout: {p.stdout[-1500:]}\nstderr: {p.stderr[-1500:]}"


def verdict(name):
    print(f"{name}:", "FAILED" if _failures else "all checks passed")
    return 1 if _failures else 0
