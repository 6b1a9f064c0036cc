"""HTTP layer of ChainKG."""
