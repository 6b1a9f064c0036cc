"""Question answering over the graph with cited evidence."""
