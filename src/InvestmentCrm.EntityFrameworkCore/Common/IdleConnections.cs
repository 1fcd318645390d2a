using Microsoft.Data.Sqlite;
using Npgsql;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>
/// The node's own connection pool, for a quiet node to give back (docs/architecture.md, "Memory"): each pooled PostgreSQL
/// connection holds its prepared statements' row descriptions and buffers here and a server process there, a pooled SQLite
/// connection its page cache. Connections in use are closed when they come back; the next request opens what it needs.
/// </summary>
public sealed class IdleConnections(string provider, string connectionString)
{
    public void Release()
    {
        switch (provider)
        {
            case DatabaseProviders.PostgreSql:
                using (var connection = new NpgsqlConnection(connectionString))
                    NpgsqlConnection.ClearPool(connection);
                break;
            case DatabaseProviders.Sqlite:
                using (var connection = new SqliteConnection(connectionString))
                    SqliteConnection.ClearPool(connection);
                break;
        }
    }
}
