"""The query side: ``public.search_public`` (the one entry point for the portal and
the API), its parameters and results, the Elasticsearch body builders (one concern
each, composed in ``compose``), best bets, the query log and the database fallback."""
