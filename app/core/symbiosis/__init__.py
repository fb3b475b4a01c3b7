"""Industrial symbiosis: resource classes, per-audit offers and needs, exchange files, matcher."""
