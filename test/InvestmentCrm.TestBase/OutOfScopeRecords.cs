using InvestmentCrm.Companies;
using InvestmentCrm.Projects;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.TestBase;

/// <summary>
/// Records a user cannot see — a project of another department with a tranche, a milestone and an attachment, and a
/// company registered elsewhere — and one project and company the user does see, for the out-of-scope tests.
/// </summary>
public sealed record OutOfScopeRecords(Guid Project, Guid Tranche, Guid Milestone, Guid Attachment, Guid Company, Guid OwnProject, Guid OwnCompany, Guid Visit)
{
    public static async Task<OutOfScopeRecords> CreateAsync(TestDatabase database, string userName)
    {
        TestUser user;
        await using (var lookup = database.CreateContext())
            user = await TestUser.LoadAsync(lookup, userName);
        List<Guid> visibleProjects, visibleCompanies;
        Guid[] scopeDepartments;
        await using (var scoped = database.CreateContext(user: user))
        {
            scopeDepartments = (await TestScopes.Resolved(scoped, user).GetRulesAsync()).DepartmentIds;
            visibleProjects = await scoped.Projects.Select(p => p.Id).ToListAsync();
            visibleCompanies = await scoped.Companies.Select(c => c.Id).ToListAsync();
        }

        await using var db = database.CreateContext();
        var project = await db.Projects.Include(p => p.Milestones)
            .Where(p => !visibleProjects.Contains(p.Id) && db.FundsTranches.Any(t => t.ProjectId == p.Id))
            .OrderBy(p => p.Name).FirstAsync();
        var tranche = await db.FundsTranches.Where(t => t.ProjectId == project.Id).Select(t => t.Id).FirstAsync();
        var milestone = project.Milestones.FirstOrDefault() ?? project.AddMilestone(DispatchPhase.Construction, "开工建设", new DateOnly(2026, 9, 1));
        var attachment = new Attachment(project.Id, AttachmentCategory.Other, "合同扫描件.pdf", "application/pdf", 5, "scope-test.pdf", new string('0', 64));
        db.Attachments.Add(attachment);
        var company = new Company("范围外测试企业有限公司", CompanyNature.Private)
        {
            OwnerDepartmentId = await db.Departments.Where(d => !scopeDepartments.Contains(d.Id)).OrderBy(d => d.Code).Select(d => d.Id).FirstAsync(),
        };
        company.AddContact("李四", null, "13900000000", null);
        db.Companies.Add(company);
        var visit = new Activity(new DateOnly(2026, 9, 1), ActivityType.Negotiation, "范围外的洽谈", null, project.Id) { NextStep = "回访", NextStepDue = new DateOnly(2026, 9, 15) };
        db.Activities.Add(visit);
        await db.SaveChangesAsync();

        return new OutOfScopeRecords(project.Id, tranche, milestone.Id, attachment.Id, company.Id, visibleProjects.First(), visibleCompanies.First(), visit.Id);
    }
}
