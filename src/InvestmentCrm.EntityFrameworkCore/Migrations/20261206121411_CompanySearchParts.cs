using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace InvestmentCrm.EntityFrameworkCore.Migrations
{
    /// <summary>
    /// PostgreSQL: the company search vector's GIN index split in four partial indexes, one per part of the companies (the
    /// last byte of the id, two bits: CompanySearchIndex.PartOf). A search bounded by the count cap reads the parts one after
    /// another and stops in the first that fills the cap: a broad query's index read fell to a quarter
    /// (docs/benchmarks/search.md). SQLite's FTS5 tables are unchanged.
    /// </summary>
    public partial class CompanySearchParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
                return;
            for (var part = 0; part < 4; part++)
                migrationBuilder.Sql($"""CREATE INDEX "IX_CompanySearch_Vector_{part}" ON "Companies" USING gin ("CompanySearchVector") WHERE (get_byte(uuid_send("Id"), 15) & 3) = {part};""");
            migrationBuilder.Sql("""DROP INDEX "IX_CompanySearch_Vector";""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            if (migrationBuilder.ActiveProvider != "Npgsql.EntityFrameworkCore.PostgreSQL")
                return;
            migrationBuilder.Sql("""CREATE INDEX "IX_CompanySearch_Vector" ON "Companies" USING gin ("CompanySearchVector");""");
            for (var part = 0; part < 4; part++)
                migrationBuilder.Sql($"""DROP INDEX "IX_CompanySearch_Vector_{part}";""");
        }
    }
}
