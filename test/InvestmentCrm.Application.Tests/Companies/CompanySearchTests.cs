using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.EntityFrameworkCore.Companies;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Companies;

/// <summary>Company search on both providers (issue 6): ranking, short queries, data scope, freshness, paging, facets.</summary>
public class CompanySearchTests
{
    private static async Task<TestDatabase> SeededAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var zone = await db.Departments.Where(d => d.Code == "NG-KFQ-ZS").Select(d => d.Id).SingleAsync();
        var commerce = await db.Departments.Where(d => d.Code == "NG-SWJ").Select(d => d.Id).SingleAsync();
        db.Companies.AddRange(
            new Company("华为终端（长春）有限公司", CompanyNature.Private) { OwnerDepartmentId = commerce, Industry = "数字科创/智能终端", Origin = "吉林省长春市" },
            new Company("长春华为路餐饮店", CompanyNature.Private) { OwnerDepartmentId = commerce, Industry = "传统商贸业/餐饮", Origin = "吉林省长春市" },
            new Company("长春云端科技有限公司", CompanyNature.Private) { OwnerDepartmentId = commerce, BusinessScope = "华为云生态合作伙伴；软件开发、信息系统集成服务", Origin = "吉林省长春市" },
            new Company("开发区隐藏华为配套有限公司", CompanyNature.Foreign) { OwnerDepartmentId = zone, Tags = "瞪羚", Origin = "测试省", Industry = "测试产业/配套" });
        await db.SaveChangesAsync();
        return database;
    }

    private static (CrmDbContext Db, DatabaseCompanySearch Search, CompanyAppService Companies) ServicesFor(TestDatabase database, TestUser user)
    {
        var db = database.CreateContext(user: user);
        var scope = TestScopes.Resolved(db, user);
        var search = new DatabaseCompanySearch(db, scope);
        return (db, search, new CompanyAppService(db, scope, search, new TestClock()));
    }

    private static async Task<TestUser> UserAsync(TestDatabase database, string userName)
    {
        await using var db = database.CreateContext();
        return await TestUser.LoadAsync(db, userName);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Huawei_ranks_exact_alias_then_prefix_then_substring_then_other_text(string provider)
    {
        await using var database = await SeededAsync(provider);
        var (db, search, _) = ServicesFor(database, await UserAsync(database, "leader"));
        await using var _ = db;

        var result = await search.SearchAsync(new CompanySearchRequest("华为", PageSize: 50));

        var expected = new[] { "华为技术有限公司", "华为终端（长春）有限公司", "长春华为路餐饮店", "长春云端科技有限公司", "开发区隐藏华为配套有限公司" };
        result.Hits.Select(h => h.Name).Where(expected.Contains).ShouldBe(["华为技术有限公司", "华为终端（长春）有限公司", "长春华为路餐饮店", "开发区隐藏华为配套有限公司", "长春云端科技有限公司"]);
        result.Hits[0].Rank.ShouldBe(MatchRank.ExactName); // “华为” is its registered 简称
        result.Hits.Single(h => h.Name == "长春华为路餐饮店").NameParts.ShouldBe([new TextPart("长春", false), new TextPart("华为", true), new TextPart("路餐饮店", false)]);
        var other = result.Hits.Single(h => h.Name == "长春云端科技有限公司");
        other.Rank.ShouldBe(MatchRank.OtherText);
        other.MatchedText!.Where(p => p.IsMatch).Select(p => p.Text).ShouldBe(["华为"]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_credit_code_finds_its_company_first_and_one_or_two_characters_find_names(string provider)
    {
        await using var database = await SeededAsync(provider);
        var (db, search, _) = ServicesFor(database, await UserAsync(database, "leader"));
        await using var _ = db;
        var code = await db.Companies.Where(c => c.Name == "吉林亿联银行股份有限公司").Select(c => c.CreditCode).SingleAsync();

        var byCode = await search.SearchAsync(new CompanySearchRequest(code!.Value.ToLowerInvariant()));
        (byCode.Hits[0].Name, byCode.Hits[0].Rank).ShouldBe(("吉林亿联银行股份有限公司", MatchRank.CreditCode));

        (await search.SearchAsync(new CompanySearchRequest("餐饮"))).Hits.Select(h => h.Name).ShouldContain("长春华为路餐饮店");
        (await search.SearchAsync(new CompanySearchRequest("餐"))).Hits.Select(h => h.Name).ShouldContain("长春华为路餐饮店");
        (await search.SearchAsync(new CompanySearchRequest("亿联"))).Hits[0].Name.ShouldBe("吉林亿联银行股份有限公司");
        (await search.SearchAsync(new CompanySearchRequest("亿联银行"))).Hits[0].Rank.ShouldBe(MatchRank.ExactName);
        // Several terms must all match, in any field: industry, tag, origin.
        var banks = await search.SearchAsync(new CompanySearchRequest("银行 500强 深圳"));
        banks.Hits.Select(h => h.Name).Order().ShouldBe(["平安银行股份有限公司", "招商银行股份有限公司"]);
        (await search.SearchAsync(new CompanySearchRequest("没有这家企业"))).Hits.ShouldBeEmpty();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_long_term_is_found_whole_in_any_part_of_the_index_and_letters_in_any_case(string provider)
    {
        await using var database = await SeededAsync(provider);
        await using (var seed = database.CreateContext())
        {
            var commerce = await seed.Departments.Where(d => d.Code == "NG-SWJ").Select(d => d.Id).SingleAsync();
            // Every bigram of 医疗器械销售 but never the whole of it: the index finds it, the whole-term check drops it.
            seed.Companies.Add(new Company("长春分段经营有限公司", CompanyNature.Private) { OwnerDepartmentId = commerce, BusinessScope = "医疗器；器械；械销售" });
            // Enough holders of the term that all four parts of PostgreSQL's index hold some (ids are random).
            seed.Companies.AddRange(Enumerable.Range(1, 40).Select(i =>
                new Company($"长春第{i}医药有限公司", CompanyNature.Private) { OwnerDepartmentId = commerce, BusinessScope = $"医疗器械销售；Medical Cloud 服务{i}" }));
            await seed.SaveChangesAsync();
        }
        await database.AnalyzeAsync(); // PostgreSQL's statistics of the index terms: the lookup takes the rarest
        var (db, search, _) = ServicesFor(database, await UserAsync(database, "leader"));
        await using var _ = db;

        var found = await search.SearchAsync(new CompanySearchRequest("医疗器械销售", PageSize: 50));
        found.Hits.Select(h => h.Name).Order().ShouldBe(Enumerable.Range(1, 40).Select(i => $"长春第{i}医药有限公司").Order());
        found.Count.ShouldBe(40);
        (await search.SearchAsync(new CompanySearchRequest("MEDICAL CLOUD", PageSize: 50))).Count.ShouldBe(40);
        (await search.SearchAsync(new CompanySearchRequest("medical cloud 服务7", PageSize: 50))).Hits.Select(h => h.Name).ShouldBe(["长春第7医药有限公司"]);
        if (provider == DatabaseProviders.PostgreSql)
        {
            var parts = await db.Companies.Where(c => c.Name.StartsWith("长春第")).Select(c => c.Id).ToListAsync();
            parts.Select(id => id.ToByteArray(bigEndian: true)[15] & (CompanySearchIndex.Parts - 1)).Distinct().Count().ShouldBe(CompanySearchIndex.Parts);
        }
    }

    [Fact]
    public void A_long_term_looks_up_its_two_rarest_bigrams()
    {
        var terms = SearchTerms.Query("医疗器械销售");
        var shares = new Dictionary<string, double> { ["医疗"] = 0.16, ["疗器"] = 0.13, ["器械"] = 0.13, ["销售"] = 0.48 };

        IndexTermShares.Rarest(terms, shares).ShouldBe([("械销", false), ("疗器", false)]); // 械销 is not among the common ones
        IndexTermShares.Rarest(SearchTerms.Query("华为"), shares).ShouldBe([("华为", false)]);
    }

    [Theory, OnPostgres]
    public async Task PostgreSql_keeps_the_shares_of_the_common_index_terms(string provider)
    {
        await using var database = await SeededAsync(provider);
        await database.AnalyzeAsync();
        await using var db = database.CreateContext();

        var shares = await new IndexTermShares(new TestClock()).GetAsync(db, default);

        shares["公司"].ShouldBeGreaterThan(0.5); // most demo companies are 有限公司
        shares.Values.ShouldAllBe(v => v > 0 && v <= 1);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_company_outside_the_scope_is_in_no_hit_count_or_facet(string provider)
    {
        await using var database = await SeededAsync(provider);
        var (leaderDb, leaderSearch, _) = ServicesFor(database, await UserAsync(database, "leader"));
        var (officerDb, officerSearch, _) = ServicesFor(database, await UserAsync(database, "officer"));
        await using var a = leaderDb;
        await using var b = officerDb;

        var leader = await leaderSearch.SearchAsync(new CompanySearchRequest("华为"));
        var officer = await officerSearch.SearchAsync(new CompanySearchRequest("华为"));

        leader.Hits.Select(h => h.Name).ShouldContain("开发区隐藏华为配套有限公司");
        officer.Hits.Select(h => h.Name).ShouldNotContain("开发区隐藏华为配套有限公司");
        officer.Count.ShouldBe(leader.Count - 1);
        leader.Facets.Origins.Select(f => f.Value).ShouldContain("测试省");
        officer.Facets.Origins.Select(f => f.Value).ShouldNotContain("测试省");
        officer.Facets.Tags.Select(f => f.Value).ShouldNotContain("瞪羚");
        officer.Facets.Natures.Select(f => f.Value).ShouldNotContain(nameof(CompanyNature.Foreign));
        (await officerSearch.SearchAsync(new CompanySearchRequest("开发区隐藏"))).Count.ShouldBe(0);
        (await officerSearch.SearchAsync(new CompanySearchRequest(null, Tag: "瞪羚"))).Count.ShouldBe(0);
        // Nor does the duplicate check show it: that one exists and whom to ask, not its id, name, code or department.
        var (_, _, companies) = ServicesFor(database, await UserAsync(database, "officer"));
        var similar = await companies.FindSimilarAsync("开发区隐藏华为配套（长春）有限公司", null);
        similar.InScope.ShouldBeEmpty();
        similar.OutOfScope.ShouldBe(1);
        similar.OutOfScopeNote!.ShouldContain("调度办");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_change_is_searchable_at_once_and_a_deleted_or_merged_company_is_never_found(string provider)
    {
        await using var database = await SeededAsync(provider);
        var (db, search, companies) = ServicesFor(database, await UserAsync(database, "leader"));
        await using var _ = db;
        var diner = await db.Companies.Where(c => c.Name == "长春华为路餐饮店").Select(c => c.Id).SingleAsync();
        var cloud = await db.Companies.Where(c => c.Name == "长春云端科技有限公司").Select(c => c.Id).SingleAsync();

        var input = (await companies.GetAsync(diner))!.Input;
        await companies.UpdateAsync(diner, input with { Name = "长春红旗街火锅店", BusinessScope = "火锅、烧烤" });
        (await search.SearchAsync(new CompanySearchRequest("红旗街"))).Hits.Select(h => h.Id).ShouldBe([diner]);
        (await search.SearchAsync(new CompanySearchRequest("烧烤"))).Hits.Select(h => h.Id).ShouldBe([diner]);
        (await search.SearchAsync(new CompanySearchRequest("华为路"))).Hits.ShouldBeEmpty();

        await companies.DeleteAsync(diner);
        (await search.SearchAsync(new CompanySearchRequest("红旗街"))).Count.ShouldBe(0);

        var survivor = await db.Companies.Where(c => c.Name == "华为终端（长春）有限公司").Select(c => c.Id).SingleAsync();
        await companies.MergeAsync(survivor, cloud);
        var hits = (await search.SearchAsync(new CompanySearchRequest("长春云端科技有限公司"))).Hits;
        hits.Select(h => (h.Id, h.Rank)).ShouldBe([(survivor, MatchRank.ExactName)]); // found under its old name, now an alias
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Keyset_pages_add_up_to_the_whole_ranked_list_and_facets_filter(string provider)
    {
        await using var database = await SeededAsync(provider);
        var (db, search, _) = ServicesFor(database, await UserAsync(database, "leader"));
        await using var _ = db;
        var all = await search.SearchAsync(new CompanySearchRequest("有限公司", PageSize: 100));
        all.Hits.Count.ShouldBeGreaterThan(5);

        var paged = new List<Guid>();
        string? after = null;
        do
        {
            var page = await search.SearchAsync(new CompanySearchRequest("有限公司", After: after, PageSize: 3));
            paged.AddRange(page.Hits.Select(h => h.Id));
            after = page.NextCursor;
        }
        while (after is not null);
        paged.ShouldBe(all.Hits.Select(h => h.Id).ToList());

        var banks = await search.SearchAsync(new CompanySearchRequest(null, Industry: "金融业"));
        banks.Hits.ShouldAllBe(h => h.Industry!.StartsWith("金融业/"));
        banks.Count.ShouldBe(all.Facets.Industries.Single(f => f.Value == "金融业").Count);
        var foreign = await search.SearchAsync(new CompanySearchRequest(null, Nature: CompanyNature.Foreign, Tag: "瞪羚"));
        foreign.Hits.Select(h => h.Name).ShouldBe(["开发区隐藏华为配套有限公司"]);
        await Should.ThrowAsync<DomainException>(() => search.SearchAsync(new CompanySearchRequest("华为", After: "不是游标")));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Similar_names_are_shown_before_saving_and_a_duplicate_code_names_its_holder(string provider)
    {
        await using var database = await SeededAsync(provider);
        var (db, _, companies) = ServicesFor(database, await UserAsync(database, "officer"));
        await using var _ = db;

        var similar = await Should.ThrowAsync<PossibleDuplicatesException>(() =>
            companies.CreateAsync(new CompanyInput("华为终端有限公司", null, CompanyNature.Private, CompanyKind.Enterprise, null, null, null, false)));
        similar.Similar.InScope.Select(s => s.Name).ShouldContain("华为终端（长春）有限公司");
        var id = await companies.CreateAsync(new CompanyInput("华为终端有限公司", null, CompanyNature.Private, CompanyKind.Enterprise, null, null, null, false, ConfirmNotDuplicate: true));
        id.ShouldNotBe(Guid.Empty);

        var huawei = await db.Companies.Where(c => c.Name == "华为技术有限公司").Select(c => new { c.Id, c.CreditCode }).SingleAsync();
        var duplicate = await Should.ThrowAsync<DuplicateCompanyException>(() =>
            companies.CreateAsync(new CompanyInput("华为（重复）", huawei.CreditCode!.Value, CompanyNature.Private, CompanyKind.Enterprise, null, null, null, false)));
        duplicate.ExistingId.ShouldBe(huawei.Id);
        var code = huawei.CreditCode!.Value;
        var wrong = code[..17] + (code[17] == '0' ? '1' : '0');
        (await Should.ThrowAsync<DomainException>(() =>
            companies.CreateAsync(new CompanyInput("错误代码企业", wrong, CompanyNature.Private, CompanyKind.Enterprise, null, null, null, false)))).Message.ShouldContain("校验位错误");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Merging_moves_links_visits_contacts_and_the_code_and_keeps_the_audit_trail(string provider)
    {
        await using var database = await SeededAsync(provider);
        var (db, _, companies) = ServicesFor(database, await UserAsync(database, "officer"));
        await using var _ = db;
        var survivor = await db.Companies.Where(c => c.Name == "华为终端（长春）有限公司").Select(c => c.Id).SingleAsync();
        var huawei = await db.Companies.Where(c => c.Name == "华为技术有限公司").Select(c => new { c.Id, c.CreditCode }).SingleAsync();
        var linkedProjects = await db.Projects.CountAsync(p => p.Companies.Any(pc => pc.CompanyId == huawei.Id));
        var visits = await db.Activities.CountAsync(a => a.CompanyId == huawei.Id);
        linkedProjects.ShouldBeGreaterThan(0);
        var auditBefore = await db.AuditLogs.CountAsync(a => a.EntityId == huawei.Id.ToString());

        (await companies.MergeAsync(survivor, huawei.Id)).ShouldBeTrue();

        await using var read = database.CreateContext();
        var merged = await read.Companies.Include(c => c.Contacts).SingleAsync(c => c.Id == survivor);
        merged.CreditCode.ShouldBe(huawei.CreditCode);
        merged.AliasList.ShouldContain("华为技术有限公司");
        merged.AliasList.ShouldContain("华为");
        merged.Contacts.Select(c => c.Name).ShouldContain("刘经理");
        (await read.Projects.CountAsync(p => p.Companies.Any(pc => pc.CompanyId == survivor))).ShouldBe(linkedProjects);
        (await read.Activities.CountAsync(a => a.CompanyId == survivor)).ShouldBe(visits);
        var gone = await read.Companies.IgnoreQueryFilters().SingleAsync(c => c.Id == huawei.Id);
        (gone.IsDeleted, gone.MergedIntoId, gone.CreditCode).ShouldBe((true, survivor, null));
        (await read.AuditLogs.CountAsync(a => a.EntityId == huawei.Id.ToString())).ShouldBeGreaterThan(auditBefore);
        (await companies.MergedIntoAsync(huawei.Id))!.Value.Id.ShouldBe(survivor);
        await Should.ThrowAsync<DomainException>(() => companies.MergeAsync(survivor, survivor));
    }
}

public class CompanySearchBoundTests
{
    [Theory, OnSqlite, OnPostgres]
    public async Task Past_the_cap_the_count_says_so_and_names_starting_with_the_query_still_rank_first(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, TestDatabaseContent.DemoData);
        await using var db = database.CreateContext();
        var leader = await TestUser.LoadAsync(db, "leader");
        var search = new DatabaseCompanySearch(db, TestScopes.Resolved(db, leader), countCap: 3);

        var result = await search.SearchAsync(new CompanySearchRequest("公司", PageSize: 50));

        (result.Count, result.CountIsCapped).ShouldBe((3, true));
        result.Facets.Natures.Sum(f => f.Count).ShouldBe(3);
        result.Hits.Count.ShouldBeGreaterThanOrEqualTo(3);
        result.Hits.Select(h => h.Id).ShouldBeUnique();
        var all = await new DatabaseCompanySearch(db, TestScopes.Resolved(db, leader)).SearchAsync(new CompanySearchRequest("长春", PageSize: 100));
        var prefixed = all.Hits.Where(h => h.Name.StartsWith("长春", StringComparison.Ordinal)).Select(h => h.Name).ToList();
        var bounded = await search.SearchAsync(new CompanySearchRequest("长春", PageSize: 100));
        bounded.Hits.Take(prefixed.Count).Select(h => h.Name).ShouldBe(prefixed);
    }
}
