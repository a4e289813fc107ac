"""CunYi 村医: offline-first health records and chronic-disease follow-up."""

__version__ = "0.1.0"
