using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace InvestmentCrm.EntityFrameworkCore.Companies;

/// <summary>
/// Keeps the company search index in step with the companies, inside the save's transaction (docs/architecture.md): the
/// index terms are a column of the company on both providers; PostgreSQL indexes that column and the names itself,
/// SQLite copies each company into two FTS5 tables (trigrams of the text, the bigram terms). A deleted or
/// merged-away company leaves the index at once.
/// </summary>
public static class CompanySearchIndex
{
    public const string TermsColumn = "SearchTerms";

    /// <summary>
    /// PostgreSQL: the search index is four partial GIN indexes, one per part of the companies (by a byte of the id), so
    /// that a query bounded by the count cap reads the index of one part when that part holds enough matches — a bitmap
    /// cannot stop early, a union of parts can (migration CompanySearchParts, docs/benchmarks/search.md). A power of two:
    /// the part is the id's last byte masked.
    /// </summary>
    public const int Parts = 4;

    /// <summary>The part of a company (of the row with the given table alias): the partial indexes' predicate, written alike.</summary>
    public static string PartOf(string? alias = null) => $"""(get_byte(uuid_send({(alias is null ? "" : alias + ".")}"Id"), 15) & {Parts - 1})""";

    public static string TermsOf(Company c) =>
        SearchTerms.Of([c.Name, c.Aliases], [c.CreditCode?.Value, c.Tags, c.Industry, c.Origin, c.LegalPerson, c.Address, c.BusinessScope, NatureTerm(c.Nature)]);

    /// <summary>The nature as an index word (nature3 …), so that the 性质 facet narrows the index lookup.</summary>
    public static string NatureTerm(CompanyNature nature) => $"nature{(int)nature}";

    /// <summary>All searchable text in one string for the trigram index; the separator keeps fields apart.</summary>
    public static string TextOf(Company c) =>
        string.Join(" | ", new[] { c.Name, c.Aliases, c.CreditCode?.Value, c.Tags, c.Industry, c.Origin, c.LegalPerson, c.Address, c.BusinessScope }
            .Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>Sets the terms of every added or changed company; returns the companies whose index entry must change.</summary>
    public static List<(Company Company, bool Remove)> Prepare(ChangeTracker tracker)
    {
        var changed = new List<(Company, bool)>();
        foreach (var entry in tracker.Entries<Company>())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
                continue;
            var company = entry.Entity;
            var remove = entry.State == EntityState.Deleted || company.IsDeleted || company.MergedIntoId is not null;
            if (!remove)
                entry.Property<string>(TermsColumn).CurrentValue = TermsOf(company);
            changed.Add((company, remove));
        }
        return changed;
    }

    /// <summary>SQLite: replaces the FTS5 rows of the companies (the caller holds the transaction).</summary>
    public static async Task WriteSqliteAsync(DbContext db, IEnumerable<(Company Company, bool Remove)> companies, CancellationToken ct)
    {
        foreach (var (company, remove) in companies)
        {
            var id = SqliteKey(company.Id);
            await db.Database.ExecuteSqlRawAsync("""
                DELETE FROM "CompanySearchTrigrams" WHERE rowid = (SELECT "Key" FROM "CompanySearchKeys" WHERE "CompanyId" = {0});
                DELETE FROM "CompanySearchBigrams" WHERE rowid = (SELECT "Key" FROM "CompanySearchKeys" WHERE "CompanyId" = {0});
                """, [id], ct);
            if (remove)
            {
                await db.Database.ExecuteSqlRawAsync("""DELETE FROM "CompanySearchKeys" WHERE "CompanyId" = {0};""", [id], ct);
                continue;
            }
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "CompanySearchKeys" ("CompanyId") VALUES ({0}) ON CONFLICT ("CompanyId") DO NOTHING;
                INSERT INTO "CompanySearchTrigrams" (rowid, "Text") SELECT "Key", {1} FROM "CompanySearchKeys" WHERE "CompanyId" = {0};
                INSERT INTO "CompanySearchBigrams" (rowid, "Terms") SELECT "Key", {2} FROM "CompanySearchKeys" WHERE "CompanyId" = {0};
                """, [id, TextOf(company), TermsOf(company)], ct);
        }
    }

    /// <summary>How EF stores a Guid in SQLite (upper-case text); a raw Guid parameter would be bound as a blob.</summary>
    public static string SqliteKey(Guid id) => id.ToString().ToUpperInvariant();

    /// <summary>
    /// Companies saved before the index existed (an upgraded database) get their terms and index rows; written
    /// without audit rows, since no business data changes.
    /// </summary>
    public static async Task<int> BackfillAsync(CrmDbContext db, CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var batch = await db.Companies.IgnoreQueryFilters().AsNoTracking()
                .Where(c => EF.Property<string?>(c, TermsColumn) == null && !c.IsDeleted && c.MergedIntoId == null)
                .OrderBy(c => c.Id).Take(500).ToListAsync(ct);
            if (batch.Count == 0)
                return total;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var company in batch)
            {
                var terms = TermsOf(company);
                await db.Companies.IgnoreQueryFilters().Where(c => c.Id == company.Id)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => EF.Property<string?>(c, TermsColumn), terms), ct);
            }
            if (db.Database.IsSqlite())
                await WriteSqliteAsync(db, batch.Select(c => (c, false)), ct);
            await transaction.CommitAsync(ct);
            total += batch.Count;
        }
    }
}
