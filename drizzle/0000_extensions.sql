-- Trigram indexes make catalog search on name and description fast.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
