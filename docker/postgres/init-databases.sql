-- One database per service (each owns its schema and runs its own Flyway migrations). Runs once, when the
-- PostgreSQL volume is first initialised (docker-entrypoint-initdb.d); the role is POSTGRES_USER.
CREATE DATABASE jobs;
CREATE DATABASE submissions;
CREATE DATABASE scoring;
CREATE DATABASE webhooks;
