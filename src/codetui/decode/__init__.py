"""Decode tables: raw coded values in the store turned into the publisher's words at display time."""
