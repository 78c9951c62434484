"""Build the public archive of Vietnam's provincial COVID-19 directives: ``python -m build_tools --help``."""

__version__ = "0.1.0"
