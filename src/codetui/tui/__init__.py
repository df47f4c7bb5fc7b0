"""The full-screen browser (Textual). Only this package imports textual."""
