"""One module per official file format. Each exposes ``load(raw_dir, rejects) -> ImportResult``.

Importers only read files and return plain partial records; ``codetui.build`` merges them
and writes the store. See docs/schema.md for the record shapes.
"""
