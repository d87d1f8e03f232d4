"""``python -m airdef`` runs the command line."""

from airdef.cli import main

raise SystemExit(main())
