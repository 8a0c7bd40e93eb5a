from leadwork.cli import main

main()
