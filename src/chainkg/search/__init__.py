"""Semantic search over the knowledge graph: local embedding models and their preparation."""
