using InvestmentCrm.Common;
using InvestmentCrm.Companies;
using InvestmentCrm.Organization;
using InvestmentCrm.Projects;
using InvestmentCrm.TestBase;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Application.Tests.Persistence;

/// <summary>What saving does on both providers: audit stamps, soft delete, optimistic concurrency, value objects.</summary>
public class PersistenceBehaviourTests
{
    private sealed class FixedUser(Guid id) : ICurrentUser
    {
        public Guid? UserId => id;
        public string? UserName => "tester";
        public string? DisplayName => "测试用户";
        public Guid? DepartmentId => null;
        public string? IpAddress => "127.0.0.1";
        public string? RequestId => "test";
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Saving_stamps_who_and_when_from_the_clock_and_the_signed_in_user(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var user = Guid.NewGuid();
        var clock = new TestClock(new DateTimeOffset(2012, 3, 1, 2, 0, 0, TimeSpan.Zero));
        Guid id;
        await using (var db = database.CreateContext(clock, new FixedUser(user)))
        {
            var department = new Department("NG-T", "测试部门", DepartmentKind.Functional);
            db.Departments.Add(department);
            await db.SaveChangesAsync();
            id = department.Id;
        }

        await using var read = database.CreateContext();
        var saved = await read.Departments.SingleAsync(d => d.Id == id);
        saved.CreatedAt.ShouldBe(new DateTime(2012, 3, 1, 2, 0, 0));
        saved.CreatedBy.ShouldBe(user);
        saved.UpdatedAt.ShouldBeNull();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Deleting_a_business_record_hides_it_and_keeps_who_and_when(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var user = Guid.NewGuid();
        var company = new Company("长春测试有限公司", CompanyNature.Private);
        await using (var db = database.CreateContext())
        {
            db.Companies.Add(company);
            await db.SaveChangesAsync();
        }
        await using (var db = database.CreateContext(user: new FixedUser(user)))
        {
            db.Companies.Remove(await db.Unscoped.Companies.SingleAsync(c => c.Id == company.Id));
            await db.SaveChangesAsync();
        }

        await using var read = database.CreateContext();
        (await read.Companies.AnyAsync(c => c.Id == company.Id)).ShouldBeFalse();
        var row = await read.Companies.IgnoreQueryFilters().SingleAsync(c => c.Id == company.Id);
        (row.IsDeleted, row.DeletedBy, row.DeletedAt).ShouldBe((true, user, TestClock.Default.UtcDateTime));
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_stale_edit_is_refused_instead_of_overwriting(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var company = new Company("长春并发测试有限公司", CompanyNature.Private);
        await using (var db = database.CreateContext())
        {
            db.Companies.Add(company);
            await db.SaveChangesAsync();
        }

        await using var first = database.CreateContext();
        await using var second = database.CreateContext();
        var mine = await first.Companies.SingleAsync(c => c.Id == company.Id);
        var theirs = await second.Companies.SingleAsync(c => c.Id == company.Id);
        theirs.Notes = "他人先保存";
        await second.SaveChangesAsync();

        mine.Notes = "我后保存";
        await Should.ThrowAsync<DbUpdateConcurrencyException>(() => first.SaveChangesAsync());
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Money_and_credit_codes_round_trip_and_a_credit_code_is_unique(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var code = CreditCode.Parse("914403001922038216");
        var project = new Project("测试项目", ProjectType.Industrial, "数字科创/云计算", new DateOnly(2021, 3, 1), null, TestClock.Default.UtcDateTime)
        {
            PlannedDomestic = Money.YiYuan(35.7m),
            PlannedForeign = Money.WanDollars(1234.56m),
        };
        await using (var db = database.CreateContext())
        {
            db.Companies.Add(new Company("华为技术有限公司", CompanyNature.Private, code));
            db.Projects.Add(project);
            await db.SaveChangesAsync();
        }

        await using (var read = database.CreateContext())
        {
            var saved = await read.Projects.Include(p => p.StageTransitions).SingleAsync(p => p.Id == project.Id);
            saved.PlannedDomestic.ShouldBe(Money.YiYuan(35.7m));
            saved.PlannedForeign.ShouldBe(new Money(12_345_600m, "USD"));
            saved.StageTransitions.ShouldHaveSingleItem().EffectiveDate.ShouldBe(new DateOnly(2021, 3, 1));
            (await read.Companies.SingleAsync(c => c.CreditCode == code)).Name.ShouldBe("华为技术有限公司");
        }

        await using var again = database.CreateContext();
        again.Companies.Add(new Company("华为技术有限公司（重复）", CompanyNature.Private, code));
        // The index decides; its violation is the Chinese refusal (409), not a provider error (issue 16, point 10).
        (await Should.ThrowAsync<ConflictException>(() => again.SaveChangesAsync())).Message.ShouldContain("统一社会信用代码已有企业登记");
    }
}
