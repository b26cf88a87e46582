"""Stage 4, map to the schema: header paths to column keys, grid rows to typed rows, tables to types."""
