using System.Data.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.TestBase;

/// <summary>
/// The schema of a live database as sorted text lines — tables, columns (type, nullability, identity),
/// primary keys, indexes and foreign keys — read from the catalogue, so that two databases can be
/// compared line by line. EF's own migration tables (history, lock) are left out.
/// </summary>
public static class SchemaSnapshot
{
    public static async Task<IReadOnlyList<string>> ReadAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var lines = database.Provider == DatabaseProviders.Sqlite
            ? await ReadSqliteAsync(connection)
            : await ReadPostgresAsync(connection);
        return lines.Where(l => !l.Contains("__EFMigrations", StringComparison.Ordinal) && !IsSearchIndex(l)).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The company search index belongs to the search adapters, not to the EF model: FTS5 tables on SQLite and
    /// pg_trgm/tsvector GIN indexes and the stored tsvector column "CompanySearchVector" on PostgreSQL, made by the
    /// CompanySearch and CompanySearchVector migrations only (the search tests prove they exist, since no search works
    /// without them).
    /// </summary>
    private static bool IsSearchIndex(string line) => line.Contains("CompanySearch", StringComparison.Ordinal);

    /// <summary>Lines only in <paramref name="actual"/> (+) or only in <paramref name="expected"/> (−).</summary>
    public static IReadOnlyList<string> Diff(IReadOnlyList<string> expected, IReadOnlyList<string> actual) =>
        actual.Except(expected).Select(l => "+ " + l).Concat(expected.Except(actual).Select(l => "- " + l)).ToList();

    private static async Task<List<string>> ReadSqliteAsync(DbConnection connection)
    {
        var lines = new List<string>();
        var tables = await QueryAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'");
        foreach (var table in tables.Select(t => t[0]))
        {
            lines.Add($"table {table}");
            foreach (var c in await QueryAsync(connection, $"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{table}')"))
                lines.Add($"column {table}.{c[0]} {c[1]} {(c[2] == "1" ? "not null" : "null")}{(c[3] != "0" ? $" pk{c[3]}" : "")}");
            foreach (var i in await QueryAsync(connection, $"SELECT name, \"unique\", origin FROM pragma_index_list('{table}')"))
            {
                var columns = await QueryAsync(connection, $"SELECT name FROM pragma_index_info('{i[0]}') ORDER BY seqno");
                var name = i[2] == "c" ? i[0] : i[2]; // autoindex names are generated; their origin (pk/u) is what matters
                lines.Add($"index {table}.{name} {(i[1] == "1" ? "unique " : "")}({string.Join(", ", columns.Select(x => x[0]))})");
            }
            foreach (var f in await QueryAsync(connection, $"SELECT \"table\", \"from\", \"to\", on_delete FROM pragma_foreign_key_list('{table}')"))
                lines.Add($"fk {table}.{f[1]} -> {f[0]}.{f[2]} on delete {f[3]}");
            var sql = (await QueryAsync(connection, $"SELECT sql FROM sqlite_master WHERE type = 'table' AND name = '{table}'"))[0][0];
            if (sql.Contains("AUTOINCREMENT", StringComparison.OrdinalIgnoreCase))
                lines.Add($"autoincrement {table}");
        }
        return lines;
    }

    private static async Task<List<string>> ReadPostgresAsync(DbConnection connection)
    {
        var lines = new List<string>();
        foreach (var t in await QueryAsync(connection, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"))
            lines.Add($"table {t[0]}");
        foreach (var c in await QueryAsync(connection, """
                 SELECT table_name, column_name, data_type, coalesce(character_maximum_length::text, ''),
                        coalesce(numeric_precision::text, ''), coalesce(numeric_scale::text, ''), is_nullable,
                        coalesce(identity_generation, ''), coalesce(column_default, '')
                 FROM information_schema.columns WHERE table_schema = 'public'
                 """))
        {
            var size = c[2] == "numeric" ? $"({c[4]},{c[5]})" : c[3].Length > 0 ? $"({c[3]})" : "";
            lines.Add($"column {c[0]}.{c[1]} {c[2]}{size} {(c[6] == "NO" ? "not null" : "null")} {c[7]} {c[8]}".TrimEnd());
        }
        foreach (var i in await QueryAsync(connection, "SELECT tablename, indexdef FROM pg_indexes WHERE schemaname = 'public'"))
            lines.Add($"index {i[0]} {i[1]}");
        foreach (var k in await QueryAsync(connection, """
                 SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
                 FROM pg_constraint WHERE connamespace = 'public'::regnamespace
                 """))
            lines.Add($"constraint {k[0]}.{k[1]} {k[2]}");
        return lines;
    }

    private static async Task<List<string[]>> QueryAsync(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string[]>();
        while (await reader.ReadAsync())
        {
            var row = new string[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
                row[i] = reader.IsDBNull(i) ? "" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            rows.Add(row);
        }
        return rows;
    }
}
