"""Screens of the browser."""
