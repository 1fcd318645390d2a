using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.TestBase;

namespace InvestmentCrm.Web.Tests.Security;

public class TextLimitsModelTests
{
    /// <summary>Written by the system, never typed: the audit rows' change list, the search index's terms, Identity's own columns.</summary>
    private static readonly string[] SystemWritten =
    [
        "AuditLog.Changes", "Company.SearchTerms", "AppRole.ConcurrencyStamp", "AppUser.ConcurrencyStamp", "AppUser.PasswordHash", "AppUser.PhoneNumber",
        "AppUser.SecurityStamp", "IdentityRoleClaim`1.ClaimType", "IdentityRoleClaim`1.ClaimValue", "IdentityUserClaim`1.ClaimType", "IdentityUserClaim`1.ClaimValue",
        "IdentityUserLogin`1.LoginProvider", "IdentityUserLogin`1.ProviderKey", "IdentityUserLogin`1.ProviderDisplayName", "IdentityUserToken`1.LoginProvider",
        "IdentityUserToken`1.Name", "IdentityUserToken`1.Value",
    ];

    /// <summary>Issue 16 (point 6): the database half of “every text field has a limit” (the save check and the forms use the same numbers).</summary>
    [Fact]
    public async Task Every_text_column_a_user_types_into_has_a_length_limit()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProviders.Sqlite, TestDatabaseContent.Empty);
        await using var db = database.CreateContext();
        var unlimited = db.Model.GetEntityTypes()
            .SelectMany(e => e.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null).Select(p => $"{e.ClrType.Name}.{p.Name}"))
            .Except(SystemWritten).ToList();
        unlimited.ShouldBeEmpty();
    }

    /// <summary>The form half: every text box and text area of every page says how much it takes.</summary>
    [Fact]
    public void Every_text_box_of_every_page_has_a_maxlength()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "InvestmentCrm.sln")))
            folder = folder.Parent;
        var pages = Directory.GetFiles(Path.Combine(folder!.FullName, "src", "InvestmentCrm.Web"), "*.razor", SearchOption.AllDirectories);
        var missing = pages.SelectMany(page => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(page), @"<(input|textarea|InputText|InputTextArea)\b[^>]*>")
                .Select(m => m.Value)
                .Where(tag => !System.Text.RegularExpressions.Regex.IsMatch(tag, "type=\"(hidden|checkbox|radio|number|date|file|month|submit|password)\"") && !tag.Contains("maxlength", StringComparison.Ordinal))
                .Select(tag => $"{Path.GetFileName(page)}: {tag}"))
            .ToList();
        missing.ShouldBeEmpty();
    }
}
