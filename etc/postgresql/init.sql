-- InvestmentCrm on PostgreSQL: run once as a superuser, e.g.  sudo -u postgres psql -f etc/postgresql/init.sql
-- Then start the app with Database__Provider=PostgreSql and the connection string below; it migrates the
-- empty database itself (or run the `migrate` verb, or hand `migrate --script` output to the DBA).
CREATE ROLE investment_crm LOGIN PASSWORD 'change-me';
-- C.UTF-8 character classification: without a UTF-8 LC_CTYPE, pg_trgm makes no trigrams of Chinese text.
CREATE DATABASE investment_crm OWNER investment_crm TEMPLATE template0
    ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8';
\connect investment_crm
CREATE EXTENSION IF NOT EXISTS pg_trgm;
-- Connection string: Host=127.0.0.1;Database=investment_crm;Username=investment_crm;Password=change-me
