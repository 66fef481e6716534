"""Indonesian language work of the public search: normalisation, stemming and the
vocabulary, shared by the index, the queries and the database fallback."""
