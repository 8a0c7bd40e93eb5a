from leadwork.cli import run

run()
