using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>
/// The backup and restore verbs (README, etc/postgresql/backup.md). SQLite: SQLite's online backup API, page by page,
/// consistent while the site runs. PostgreSQL: pg_dump in its custom format and pg_restore (--clean), when the client tools
/// are installed (etc/postgresql/backup.md says how to run them by hand). Restore replaces everything: stop the site first.
/// </summary>
public static class DatabaseBackup
{
    public static async Task BackupAsync(string provider, string connectionString, string file, CancellationToken ct = default)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        if (provider == DatabaseProviders.Sqlite)
        {
            await using var source = new SqliteConnection(connectionString);
            await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ConnectionString);
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
            return;
        }
        await RunAsync("pg_dump", connectionString, ["--format=custom", "--file", file], ct);
    }

    public static async Task RestoreAsync(string provider, string connectionString, string file, CancellationToken ct = default)
    {
        if (!File.Exists(file))
            throw new InvalidConfigurationException($"备份文件“{file}”不存在。");
        if (provider == DatabaseProviders.Sqlite)
        {
            await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ConnectionString);
            await using var target = new SqliteConnection(connectionString);
            await source.OpenAsync(ct);
            await target.OpenAsync(ct);
            source.BackupDatabase(target);
            return;
        }
        await RunAsync("pg_restore", connectionString, ["--clean", "--if-exists", "--single-transaction", file], ct);
    }

    /// <summary>Runs a PostgreSQL client tool against the database of the connection string (the password through PGPASSWORD, never the command line).</summary>
    private static async Task RunAsync(string tool, string connectionString, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var cs = new NpgsqlConnectionStringBuilder(connectionString);
        var start = new ProcessStartInfo(tool) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "--host", cs.Host ?? "localhost", "--port", cs.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", cs.Username ?? "", "--dbname", cs.Database ?? "", "--no-password" }.Concat(arguments))
            start.ArgumentList.Add(argument);
        if (!string.IsNullOrEmpty(cs.Password))
            start.Environment["PGPASSWORD"] = cs.Password;
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new InvalidConfigurationException($"未找到 PostgreSQL 客户端工具 {tool}。请安装与服务器同一主版本的 postgresql-client，或按 etc/postgresql/backup.md 手工执行。");
        }
        using (process)
        {
            var error = process.StandardError.ReadToEndAsync(ct);
            await process.StandardOutput.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            if (process.ExitCode != 0)
                throw new InvalidConfigurationException($"{tool} 失败（退出码 {process.ExitCode}）：{(await error).Trim()}");
        }
    }
}
