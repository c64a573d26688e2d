"""`python -m app` runs the same entry point as the `complaint-desk` command."""

from app.cli import main

raise SystemExit(main())
