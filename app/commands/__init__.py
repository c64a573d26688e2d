"""Sub-commands of `complaint-desk`, one module per group; each adds its parsers."""
