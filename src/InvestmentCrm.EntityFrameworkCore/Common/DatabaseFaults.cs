using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>Whether a failure means the database cannot be reached right now (an outage), as opposed to a fault in a request.</summary>
public static class DatabaseFaults
{
    public static bool IsUnavailable(Exception exception)
    {
        for (var ex = exception; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                // Connection refused or cut (08…), the server shutting down (57P…), too many connections, connections not allowed.
                case PostgresException pg when pg.SqlState.StartsWith("08", StringComparison.Ordinal) || pg.SqlState.StartsWith("57P", StringComparison.Ordinal)
                    || pg.SqlState is PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.ObjectNotInPrerequisiteState or PostgresErrorCodes.CannotConnectNow:
                case NpgsqlException { IsTransient: true } and not PostgresException:
                case System.Net.Sockets.SocketException:
                case TimeoutException:
                // SQLite: the file cannot be opened.
                case SqliteException { SqliteErrorCode: 14 }:
                    return true;
            }
        }
        return false;
    }

    /// <summary>A fault at start-up or in a verb that is about the database (for the one-line message of the host).</summary>
    public static bool IsDatabaseFault(Exception exception) => IsUnavailable(exception) || exception is DbException || exception.InnerException is DbException;
}
