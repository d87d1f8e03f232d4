"""The report's sections as plain values for the templates, one module per section."""
