-- Secrets are shown once (common ShownOnce): stored responses keep no "secret" field, at any depth, and the
-- object that held one carries "secret_redacted": true. Cleans responses stored before that rule; running it
-- again changes nothing.
CREATE OR REPLACE FUNCTION fh_without_secrets(doc jsonb) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
    IF jsonb_typeof(doc) = 'object' THEN
        RETURN (SELECT COALESCE(jsonb_object_agg(key, fh_without_secrets(value)), '{}'::jsonb)
                FROM jsonb_each(doc) WHERE key <> 'secret')
            || CASE WHEN doc ? 'secret' THEN '{"secret_redacted": true}'::jsonb ELSE '{}'::jsonb END;
    ELSIF jsonb_typeof(doc) = 'array' THEN
        RETURN (SELECT COALESCE(jsonb_agg(fh_without_secrets(value) ORDER BY position), '[]'::jsonb)
                FROM jsonb_array_elements(doc) WITH ORDINALITY AS element(value, position));
    END IF;
    RETURN doc;
END
$$;

UPDATE idempotency_key
SET response_body = fh_without_secrets(response_body::jsonb)::text
WHERE response_body LIKE '%"secret"%' AND response_body ~ '^\s*[\[{]';

DROP FUNCTION fh_without_secrets(jsonb);
