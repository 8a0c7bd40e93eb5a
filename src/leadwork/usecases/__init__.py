"""The use cases: what each command does, as data in and data out.

One module per command family. Each has a frozen `Request` (the flags, as data: no Typer
types) and `run(journal, request, today) -> Result`. A use case reads through the store,
decides through the domain and returns a result; it shows nothing and writes no output
(the CLI hands the result to `cli/output.py`). It may import model, domain, store and
errors, never render, cli, typer or rich (tests/test_architecture.py).
"""
