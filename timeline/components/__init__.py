"""spaCy components of the timeline pipeline, each registered where it is defined."""
