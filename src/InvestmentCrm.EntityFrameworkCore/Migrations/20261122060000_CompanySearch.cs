using InvestmentCrm.EntityFrameworkCore.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace InvestmentCrm.EntityFrameworkCore.Migrations;

/// <summary>
/// Company search (issue 6, docs/architecture.md): the index terms column and each provider's index — a GIN index of the terms
/// and a pg_trgm GIN index on the name (prefix and duplicate checks) on PostgreSQL; two contentless FTS5 tables (trigram text, bigram terms)
/// keyed through a stable integer on SQLite. Merged-away duplicates remember the survivor.
/// </summary>
[DbContext(typeof(CrmDbContext))]
[Migration("20261122060000_CompanySearch")]
public sealed class CompanySearchMigration : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.AddColumn<string>(name: "SearchTerms", table: "Companies", nullable: true);
        migrationBuilder.AddColumn<Guid>(name: "MergedIntoId", table: "Companies", nullable: true);

        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""CREATE INDEX "IX_CompanySearch_Name" ON "Companies" USING gin ("Name" gin_trgm_ops);""");
            migrationBuilder.Sql("""CREATE INDEX "IX_CompanySearch_Terms" ON "Companies" USING gin (array_to_tsvector(string_to_array("SearchTerms", ' ')));""");
        }
        else
        {
            // The FTS5 rowid must not move (VACUUM renumbers implicit rowids), hence a key table with an INTEGER PRIMARY KEY.
            migrationBuilder.Sql("""CREATE TABLE "CompanySearchKeys" ("Key" INTEGER PRIMARY KEY, "CompanyId" TEXT NOT NULL UNIQUE);""");
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "CompanySearchTrigrams" USING fts5("Text", tokenize = 'trigram', content = '', contentless_delete = 1);""");
            migrationBuilder.Sql("""CREATE VIRTUAL TABLE "CompanySearchBigrams" USING fts5("Terms", content = '', contentless_delete = 1);""");
        }
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        if (migrationBuilder.ActiveProvider == "Npgsql.EntityFrameworkCore.PostgreSQL")
        {
            migrationBuilder.Sql("""DROP INDEX "IX_CompanySearch_Terms"; DROP INDEX "IX_CompanySearch_Name";""");
        }
        else
        {
            migrationBuilder.Sql("""DROP TABLE "CompanySearchBigrams"; DROP TABLE "CompanySearchTrigrams"; DROP TABLE "CompanySearchKeys";""");
        }
        migrationBuilder.DropColumn(name: "MergedIntoId", table: "Companies");
        migrationBuilder.DropColumn(name: "SearchTerms", table: "Companies");
    }
}
