"""Curated fact files and table parsers → facts with evidence → RDF in named graphs."""
