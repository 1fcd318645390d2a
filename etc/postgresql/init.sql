-- InvestmentCrm on PostgreSQL: run once as a superuser, e.g.  sudo -u postgres psql -f etc/postgresql/init.sql
--
-- Two roles (docs/security.md, "Audit that an administrator cannot rewrite"):
--   investment_crm_owner  owns the database and every table; migrations and the maintenance verbs (purge-audit,
--                         restore) run as it — Database:MigrationConnectionString.
--   investment_crm        the application at run time — Database:ConnectionString. After each migration it is granted
--                         read/write on business tables but only SELECT and INSERT on "AuditLogs" and "SecurityLogs";
--                         as it owns nothing it cannot ALTER, DISABLE or DROP their append-only triggers either.
-- Keep the owner's password off the application servers' everyday configuration (pass it to the migrate verb only).
CREATE ROLE investment_crm_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE investment_crm LOGIN PASSWORD 'change-me';
-- C.UTF-8 character classification: without a UTF-8 LC_CTYPE, pg_trgm makes no trigrams of Chinese text.
CREATE DATABASE investment_crm OWNER investment_crm_owner TEMPLATE template0
    ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';
\connect investment_crm
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- PostgreSQL 15 and later: only the owner creates objects in the public schema.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
-- Settings (appsettings.json or environment):
--   Database__Provider=PostgreSql
--   Database__ConnectionString="Host=127.0.0.1;Database=investment_crm;Username=investment_crm;Password=change-me"
--   Database__MigrationConnectionString="Host=127.0.0.1;Database=investment_crm;Username=investment_crm_owner;Password=change-me-owner"
-- Then `dotnet InvestmentCrm.Web.dll migrate` (as the owner) applies the schema and the application role's grants.
