"""ChainKG: a provenance-carrying knowledge graph of the Hangzhou Blockchain Industry Report 2018."""
