"""``python -m borderminutes`` runs the command line."""

from .cli import main

main()
