using InvestmentCrm.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace InvestmentCrm.EntityFrameworkCore.Common;

/// <summary>
/// The unique indexes whose violation a user can cause (two people registering the same thing at once), and what to tell
/// them. The application checks first; the index decides the race, and its violation becomes the same Chinese refusal
/// (409), never a 500 (docs/security.md, "Concurrency").
/// </summary>
public static class UniqueIndexes
{
    public const string ContractNumber = "IX_Contracts_ProjectId_Number";
    public const string CompanyCreditCode = "IX_Companies_CreditCode";
    public const string ScheduledMeeting = "IX_DispatchMeetings_Kind_Date";

    private static readonly Dictionary<string, string> Messages = new(StringComparer.Ordinal)
    {
        [ContractNumber] = "该项目已登记同一编号的合同（可能刚被他人登记），请刷新后查看。",
        [CompanyCreditCode] = "该统一社会信用代码已有企业登记（可能刚被他人登记），同一企业不能重复登记。请刷新后在企业库中查找。",
        ["IX_Departments_Code"] = "部门编码已存在。",
        [ScheduledMeeting] = "该日期的调度会已存在（可能刚被他人筹备），请刷新后查看。",
        ["UserNameIndex"] = "用户名已被使用。",
        ["IX_IssueKeywords_Keyword"] = "该关键词已存在。",
        ["IX_IssueCategoryRoutes_Category"] = "该类别的交办规则已存在（可能刚被他人设置），请刷新后修改。",
    };

    private const string Generic = "该记录已存在（可能刚被他人登记），请刷新后查看。";

    /// <summary>The refusal for a unique violation, or null when the failure is something else.</summary>
    internal static ConflictException? Translate(DbUpdateException exception, IModel model) => exception.InnerException switch
    {
        PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } pg =>
            new ConflictException(Messages.GetValueOrDefault(pg.ConstraintName ?? "") ?? Generic),
        // SQLite names the columns, not the index: "UNIQUE constraint failed: Contracts.ProjectId, Contracts.Number".
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 } sqlite =>
            new ConflictException(Messages.GetValueOrDefault(IndexNamed(model, sqlite.Message) ?? "") ?? Generic),
        _ => null,
    };

    private static string? IndexNamed(IModel model, string message)
    {
        var failed = message[(message.IndexOf("failed:", StringComparison.Ordinal) + "failed:".Length)..].Trim().TrimEnd('\'', '.');
        return model.GetEntityTypes().SelectMany(e => e.GetIndexes()).Where(i => i.IsUnique)
            .FirstOrDefault(i => string.Join(", ", i.Properties.Select(p => $"{i.DeclaringEntityType.GetTableName()}.{p.GetColumnName()}")) == failed)
            ?.GetDatabaseName();
    }
}
