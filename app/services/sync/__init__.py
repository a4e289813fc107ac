"""Sync: change capture, device keys and trust, bundles, merge, export/import (DESIGN.md)."""
