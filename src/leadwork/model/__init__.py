"""Pydantic models of each journal file. Importing this costs pydantic: keep it lazy."""
