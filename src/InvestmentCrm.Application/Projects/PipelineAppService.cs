using InvestmentCrm.Organization;
using DataScope = InvestmentCrm.Authorization.DataScope;
using InvestmentCrm.Authorization;
using InvestmentCrm.Common;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Projects;

/// <summary>
/// The daily pipeline work on one project: register it, log visits, record contracts, landing evidence and
/// funds, verify funds, and move the stage through its gates (<see cref="StageGates"/>). Every method works
/// only on projects in the caller's data scope and answers as for a missing project otherwise (null/false);
/// permissions (edit, verify, change or override stages) are checked by the host.
/// </summary>
public sealed class PipelineAppService(ICrmDbContext db, DataScope scope, ICurrentUser currentUser, TimeProvider clock, ActivityAppService activities)
{
    private const string OutsideScopeDepartment = "只能选择您数据范围内的部门作为招引单位；项目移交其他部门请联系调度办办理。";

    public async Task<Guid> CreateAsync(ProjectCreateDto input, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(input.Industry))
            throw new DomainException("请选择产业。");
        if (input.PlannedDomesticCny < 0)
            throw new DomainException("计划内资不能为负数。");
        var lead = input.LeadDepartmentId ?? currentUser.DepartmentId;
        if (lead is { } id && !await db.Departments.AnyAsync(d => d.Id == id && d.IsActive, ct))
            throw new DomainException("招引单位不存在或已停用。");
        if (lead is { } own && !await scope.CoversDepartmentAsync(own, ct))
            throw new DomainException(OutsideScopeDepartment);
        var project = new Project(input.Name, input.Type, input.Industry.Trim(), input.RegisteredOn, currentUser.UserId, clock.UtcNow())
        {
            LeadDepartmentId = lead,
            PlannedDomestic = Money.Yuan(input.PlannedDomesticCny),
            TargetLocation = input.TargetLocation.NullIfBlank(),
            SourceChannel = input.SourceChannel.NullIfBlank(),
        };
        db.Projects.Add(project);
        await db.SaveChangesAsync(ct);
        return project.Id;
    }

    public async Task<Guid?> LogVisitAsync(Guid projectId, VisitInput input, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return null;
        if (input.CompanyId is { } companyId)
            await RequireVisibleCompanyAsync(companyId, ct);
        var activity = await activities.NewVisitAsync(input, input.CompanyId, projectId, ct);
        if (input.CompanyId is { } investor)
            project.AddCompany(investor, ProjectCompanyRole.Investor);
        db.Activities.Add(activity);
        await db.SaveChangesAsync(ct);
        return activity.Id;
    }

    public async Task<Guid?> AddContractAsync(Guid projectId, ContractInput input, CancellationToken ct = default)
    {
        if (await FindAsync(projectId, ct) is null)
            return null;
        if (!Currencies.IsKnown(input.ForeignCurrency))
            throw new DomainException($"不支持的外资币种“{input.ForeignCurrency}”。");
        if (await db.Contracts.AnyAsync(c => c.Number == input.Number.Trim() && c.ProjectId == projectId, ct))
            throw new DomainException($"合同编号“{input.Number.Trim()}”已登记。");
        var contract = new Contract(projectId, input.Kind, input.Number, input.SignedOn, input.Parties,
            Money.Yuan(input.DomesticCny), new Money(input.ForeignAmount, input.ForeignCurrency.Trim().ToUpperInvariant()))
        {
            Occasion = input.Occasion.NullIfBlank(),
        };
        contract.SetAgreedDates(input.AgreedLandingDate, input.AgreedStartDate, input.AgreedOperationDate);
        db.Contracts.Add(contract);
        await db.SaveChangesAsync(ct);
        return contract.Id;
    }

    public async Task<bool> AddLandingEvidenceAsync(Guid projectId, LandingInput input, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        if (string.IsNullOrWhiteSpace(input.DocumentNumber))
            throw new DomainException("请填写凭证编号（营业执照号、合同编号或成交确认书编号）。");
        project.AddLandingEvidence(input.Kind, input.Date, input.DocumentNumber.Trim(), input.Note.NullIfBlank());
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<Guid?> AddTrancheAsync(Guid projectId, TrancheInput input, CancellationToken ct = default)
    {
        if (await FindAsync(projectId, ct) is null)
            return null;
        if (!Currencies.IsKnown(input.Currency))
            throw new DomainException($"不支持的币种“{input.Currency}”。");
        var tranche = new FundsTranche(projectId, input.ArrivedOn, new Money(input.Amount, input.Currency.Trim().ToUpperInvariant()), input.Source, input.Form, input.Evidence.NullIfBlank());
        db.FundsTranches.Add(tranche);
        await db.SaveChangesAsync(ct);
        return tranche.Id;
    }

    /// <summary>更正 of a project's landing evidence with the reason; false when the project is not readable.</summary>
    public async Task<bool> CorrectLandingEvidenceAsync(Guid projectId, Guid evidenceId, LandingCorrectionInput input, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        var e = input.Evidence;
        project.CorrectLandingEvidence(evidenceId, e.Kind, BusinessDates.EnsureDate(e.Date, "凭证日期"), e.DocumentNumber, input.Reason);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>撤回 of a project's landing evidence with the reason; false when the project is not readable.</summary>
    public async Task<bool> WithdrawLandingEvidenceAsync(Guid projectId, Guid evidenceId, string? reason, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        project.WithdrawLandingEvidence(evidenceId, reason);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>更正 of a milestone with the reason; false when the project is not readable.</summary>
    public async Task<bool> CorrectMilestoneAsync(Guid projectId, Guid milestoneId, MilestoneCorrectionInput input, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        if (input.ActualDate is { } actual && BusinessDates.EnsureDate(actual, "实际完成日期") > clock.Today())
            throw new DomainException("完成日期不能晚于今天。");
        project.CorrectMilestone(milestoneId, input.Phase, input.Title, BusinessDates.EnsureDate(input.PlannedDate, "计划日期"), input.ActualDate, input.Reason);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>撤回 of a milestone with the reason; false when the project is not readable.</summary>
    public async Task<bool> WithdrawMilestoneAsync(Guid projectId, Guid milestoneId, string? reason, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        project.WithdrawMilestone(milestoneId, reason);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>更正 of a contract in scope with the reason; false when not readable.</summary>
    public async Task<bool> CorrectContractAsync(Guid contractId, ContractCorrectionInput input, CancellationToken ct = default)
    {
        var contract = await (await scope.ContractsAsync(ct)).FirstOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
            return false;
        var c = input.Contract;
        if (!Currencies.IsKnown(c.ForeignCurrency))
            throw new DomainException($"不支持的外资币种“{c.ForeignCurrency}”。");
        if (await db.Contracts.AnyAsync(o => o.Id != contractId && o.ProjectId == contract.ProjectId && o.Number == c.Number.Trim(), ct))
            throw new DomainException($"合同编号“{c.Number.Trim()}”已登记。");
        contract.Correct(c.Kind, c.Number, BusinessDates.EnsureDate(c.SignedOn, "签约日期"), c.Parties, Money.Yuan(c.DomesticCny),
            new Money(c.ForeignAmount, c.ForeignCurrency.Trim().ToUpperInvariant()), c.AgreedLandingDate, c.AgreedStartDate, c.AgreedOperationDate, input.Reason);
        contract.Occasion = c.Occasion.NullIfBlank();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>撤回 of a contract in scope with the reason: it leaves every figure; false when not readable.</summary>
    public async Task<bool> WithdrawContractAsync(Guid contractId, string? reason, CancellationToken ct = default)
    {
        var contract = await (await scope.ContractsAsync(ct)).FirstOrDefaultAsync(c => c.Id == contractId, ct);
        if (contract is null)
            return false;
        contract.NoteWithdrawal(reason);
        db.Contracts.Remove(contract); // soft: CrmDbContext keeps the row, marked deleted
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>更正 of a tranche still 待认定, with the reason; false when not readable.</summary>
    public async Task<bool> CorrectTrancheAsync(Guid trancheId, TrancheCorrectionInput input, CancellationToken ct = default)
    {
        var tranche = await (await scope.FundsTranchesAsync(ct)).FirstOrDefaultAsync(t => t.Id == trancheId, ct);
        if (tranche is null)
            return false;
        var t = input.Tranche;
        if (!Currencies.IsKnown(t.Currency))
            throw new DomainException($"不支持的币种“{t.Currency}”。");
        tranche.Correct(BusinessDates.EnsureDate(t.ArrivedOn, "到位日期"), new Money(t.Amount, t.Currency.Trim().ToUpperInvariant()), t.Source, t.Form, t.Evidence.NullIfBlank(), input.Reason);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>撤回 of a tranche still 待认定, with the reason; false when not readable.</summary>
    public async Task<bool> WithdrawTrancheAsync(Guid trancheId, string? reason, CancellationToken ct = default)
    {
        var tranche = await (await scope.FundsTranchesAsync(ct)).FirstOrDefaultAsync(t => t.Id == trancheId, ct);
        if (tranche is null)
            return false;
        tranche.NoteWithdrawal(reason);
        db.FundsTranches.Remove(tranche); // soft
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>撤销认定: a decided tranche back to 待认定 with the reason (then a new decision is needed); false when not readable.</summary>
    public async Task<bool> WithdrawTrancheDecisionAsync(Guid trancheId, string? reason, CancellationToken ct = default)
    {
        var tranche = await (await scope.FundsTranchesAsync(ct)).FirstOrDefaultAsync(t => t.Id == trancheId, ct);
        if (tranche is null)
            return false;
        tranche.WithdrawDecision(reason ?? "");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>认定 or 不予认定 a tranche (the tranche keeps the four-eyes rule).</summary>
    public async Task<bool> VerifyTrancheAsync(Guid trancheId, bool approve, string? note, CancellationToken ct = default)
    {
        var tranche = await (await scope.FundsTranchesAsync(ct)).FirstOrDefaultAsync(t => t.Id == trancheId, ct);
        if (tranche is null)
            return false;
        if (currentUser.UserId is not { } verifier)
            throw new DomainException("认定到位资金需要登录用户。");
        var today = clock.Today();
        if (approve)
            tranche.Verify(verifier, today, note.NullIfBlank());
        else
            tranche.Reject(verifier, today, note ?? "");
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The pipeline records of a project in scope, newest first; null when not in scope.</summary>
    public async Task<PipelineDto?> GetAsync(Guid projectId, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return null;
        var visits = await db.Activities.Where(a => a.ProjectId == projectId).OrderByDescending(a => a.Date)
            .Select(a => new
            {
                a.Id, a.Date, a.Type, Company = db.Companies.Where(c => c.Id == a.CompanyId).Select(c => c.Name).FirstOrDefault(), a.Summary, a.NextStep, a.NextStepDue,
                a.Outcome, a.CorrectionNote,
                Participants = a.Participants.Join(db.Users, p => p.UserId, u => u.Id, (p, u) => u.DisplayName).ToList(),
            })
            .ToListAsync(ct);
        var contracts = await db.Contracts.Where(c => c.ProjectId == projectId).OrderByDescending(c => c.SignedOn).ToListAsync(ct);
        var tranches = await db.FundsTranches.Where(t => t.ProjectId == projectId).OrderByDescending(t => t.ArrivedOn).ToListAsync(ct);
        return new PipelineDto(
            visits.Select(v => new PipelineDto.VisitDto(v.Date, v.Type, v.Company, v.Summary, v.NextStep, v.NextStepDue, v.Participants, v.Id, v.Outcome, v.CorrectionNote)).ToList(),
            contracts.Select(c => new PipelineDto.ContractDto(c.Kind, c.IsFormalInvestmentContract, c.Number, c.SignedOn, c.Parties, c.ContractedDomestic.Amount,
                c.ContractedForeign.Amount, c.ContractedForeign.Currency, c.Occasion, c.AgreedLandingDate, c.AgreedStartDate, c.AgreedOperationDate, c.Id, c.CorrectionNote)).ToList(),
            project.LandingEvidence.OrderByDescending(e => e.Date).Select(e => new PipelineDto.LandingDto(e.Kind, e.Date, e.DocumentNumber, e.Id, e.CorrectionNote)).ToList(),
            tranches.Select(t => new PipelineDto.TrancheDto(t.Id, t.ArrivedOn, t.Amount.Amount, t.Amount.Currency, t.Source,
                t.Form, t.Verification, t.VerificationNote, t.CreatedBy == currentUser.UserId, t.Evidence, t.CorrectionNote)).ToList(),
            await db.People().Where(u => u.Id != currentUser.UserId).OrderBy(u => u.DisplayName)
                .Select(u => new PipelineDto.UserOption(u.Id, u.DisplayName)).ToListAsync(ct),
            await LinkedCompaniesAsync(project, ct));
    }

    private async Task<List<PipelineDto.LinkedCompany>> LinkedCompaniesAsync(Project project, CancellationToken ct)
    {
        var ids = project.Companies.Select(c => c.CompanyId).ToList();
        var names = await db.Companies.IgnoreQueryFilters().Where(c => ids.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return project.Companies.OrderBy(c => c.Role).Select(c => new PipelineDto.LinkedCompany(names.GetValueOrDefault(c.CompanyId, "—"), c.Role)).ToList();
    }

    /// <summary>Links a company to the project with its role (投资方, 合作方, 项目公司).</summary>
    public async Task<bool> LinkCompanyAsync(Guid projectId, Guid companyId, ProjectCompanyRole role, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        await RequireVisibleCompanyAsync(companyId, ct);
        project.AddCompany(companyId, role);
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<ResponsibilityDto?> ResponsibilityAsync(Guid projectId, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return null;
        await db.Entry(project).Collection(p => p.Contributors).LoadAsync(ct);
        var active = await db.Departments.Where(d => d.IsActive).OrderBy(d => d.SortOrder).Select(d => new { d.Id, d.Name }).ToListAsync(ct);
        // Only departments the user may put the project under (and the one it is under now).
        var departments = new List<(Guid Id, string Name)>();
        foreach (var d in active)
            if (d.Id == project.LeadDepartmentId || await scope.CoversDepartmentAsync(d.Id, ct))
                departments.Add((d.Id, d.Name));
        var users = await Holding(Organization.Roles.Business).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        var leaders = await Holding(Organization.Roles.ProjectLeaders).OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.DisplayName }).ToListAsync(ct);
        // Unscoped: 中介/商会/协会 are the district's shared list, blacklist included, so every officer can see whom to avoid.
        var intermediaries = await db.Unscoped.Companies.Where(c => c.Kind == Companies.CompanyKind.Intermediary).OrderBy(c => c.Name)
            .Select(c => new { c.Id, c.Name, c.IsBlacklisted }).ToListAsync(ct);
        return new ResponsibilityDto(
            new ResponsibilityInput(project.LeadDepartmentId, project.ResponsibleLeaderId, project.DepartmentSecretaryId, project.LocalSecretaryId,
                project.ReferrerCompanyId, project.ReferrerName, project.Contributors.Select(c => new ContributorInput(c.UserId, c.Role, c.WeightPercent)).ToList()),
            departments,
            leaders.Select(u => (u.Id, u.DisplayName)).ToList(),
            users.Select(u => (u.Id, u.DisplayName)).ToList(),
            intermediaries.Select(c => (c.Id, c.Name, c.IsBlacklisted)).ToList());
    }

    /// <summary>
    /// 招引单位 (required from 签约 on), 包保领导, 双秘书, referrer (a blacklisted intermediary is refused) and the
    /// contributors whose weights add up to exactly 100 %.
    /// </summary>
    public async Task<bool> SetResponsibilityAsync(Guid projectId, ResponsibilityInput input, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        await db.Entry(project).Collection(p => p.Contributors).LoadAsync(ct);
        if (input.LeadDepartmentId is { } lead && lead != project.LeadDepartmentId)
        {
            if (!await db.Departments.AnyAsync(d => d.Id == lead, ct))
                throw new DomainException("招引单位不存在。");
            if (!await scope.CoversDepartmentAsync(lead, ct))
                throw new DomainException(OutsideScopeDepartment);
        }
        project.AssignLeadDepartment(input.LeadDepartmentId);
        // Newly named people only: someone already on the project stays there even if their roles changed since.
        var current = new[] { project.DepartmentSecretaryId, project.LocalSecretaryId }.Concat(project.Contributors.Select(c => (Guid?)c.UserId)).OfType<Guid>().ToHashSet();
        var people = new[] { input.DepartmentSecretaryId, input.LocalSecretaryId }
            .Concat(input.Contributors.Select(c => (Guid?)c.UserId)).OfType<Guid>().Where(id => !current.Contains(id)).Distinct().ToList();
        if (await Holding(Organization.Roles.Business).CountAsync(u => people.Contains(u.Id), ct) != people.Count)
            throw new DomainException("所选人员不存在或不能担任项目秘书、贡献人（系统管理员、审计管理员、安全管理员不参与业务）。");
        if (input.ResponsibleLeaderId is { } leader && leader != project.ResponsibleLeaderId && !await Holding(Organization.Roles.ProjectLeaders).AnyAsync(u => u.Id == leader, ct))
            throw new DomainException("包保领导须由区领导或包保领导担任。");
        if (input.Contributors.GroupBy(c => (c.UserId, c.Role)).Any(g => g.Count() > 1))
            throw new DomainException("同一人以同一角色只能登记一次。");
        if (input.ReferrerCompanyId is { } referrerId)
        {
            // A company in the reader's scope, or any intermediary of the district's shared list (as the form offers them).
            var referrer = await db.Companies.Where(c => c.Id == referrerId)
                    .Select(c => new { c.Name, c.IsBlacklisted, c.BlacklistReason }).FirstOrDefaultAsync(ct)
                ?? await db.Unscoped.Companies.Where(c => c.Id == referrerId && c.Kind == Companies.CompanyKind.Intermediary)
                    .Select(c => new { c.Name, c.IsBlacklisted, c.BlacklistReason }).FirstOrDefaultAsync(ct)
                ?? throw new DomainException("引荐企业不存在。");
            if (referrer.IsBlacklisted && referrerId != project.ReferrerCompanyId)
                throw new DomainException($"“{referrer.Name}”已列入中介黑名单（{referrer.BlacklistReason}），不能作为项目的引荐方。");
        }

        project.SetContributors(input.Contributors.Select(c => (c.UserId, c.Role, c.WeightPercent)).ToList());
        project.ResponsibleLeaderId = input.ResponsibleLeaderId;
        project.DepartmentSecretaryId = input.DepartmentSecretaryId;
        project.LocalSecretaryId = input.LocalSecretaryId;
        project.ReferrerCompanyId = input.ReferrerCompanyId;
        project.ReferrerName = input.ReferrerName.NullIfBlank();
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Active users holding any of the roles.</summary>
    private IQueryable<Organization.AppUser> Holding(IReadOnlyList<string> roles) => Organization.UserQueries.UsersHolding(db, roles);

    public async Task<bool> AddMilestoneAsync(Guid projectId, DispatchPhase phase, string title, DateOnly plannedDate, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        project.AddMilestone(phase, title, BusinessDates.EnsureDate(plannedDate, "计划日期"));
        await db.SaveChangesAsync(ct);
        return true;
    }

    public async Task<bool> CompleteMilestoneAsync(Guid projectId, Guid milestoneId, DateOnly on, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        BusinessDates.EnsureDate(on, "完成日期");
        if (on > clock.Today())
            throw new DomainException("完成日期不能晚于今天。");
        project.CompleteMilestone(milestoneId, on);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>The milestones with their 倒计时 (remaining days; negative when overdue) at the 统计日 (default today).</summary>
    public async Task<IReadOnlyList<MilestoneDto>?> MilestonesAsync(Guid projectId, DateOnly? asOf = null, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        var today = BusinessDates.EnsureDate(asOf ?? clock.Today(), "统计日");
        return project?.Milestones.OrderBy(m => m.PlannedDate)
            .Select(m => new MilestoneDto(m.Id, m.Phase, m.Title, m.PlannedDate, m.ActualDate, m.RemainingDays(today), m.CorrectionNote)).ToList();
    }

    /// <summary>The evidence on record for a project as of a date (what the gates look at).</summary>
    public async Task<StageEvidence?> EvidenceAsync(Guid projectId, DateOnly asOf, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        return project is null ? null : await EvidenceAsync(project, asOf, ct);
    }

    /// <summary>Moves the stage if its gate allows; throws <see cref="DomainException"/> with the Chinese reason otherwise.</summary>
    public async Task<bool> MoveStageAsync(Guid projectId, StageMoveInput input, bool canOverride, CancellationToken ct = default)
    {
        var project = await FindAsync(projectId, ct);
        if (project is null)
            return false;
        if (input.EffectiveDate > clock.Today())
            throw new DomainException("生效日期不能晚于今天。");
        var evidence = await EvidenceAsync(project, input.EffectiveDate, ct);
        project.MoveTo(project.DecideMove(input.To, input.EffectiveDate, evidence, canOverride, input.Reason), clock.UtcNow(), currentUser.UserId);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<StageEvidence> EvidenceAsync(Project project, DateOnly asOf, CancellationToken ct) =>
        new(
            HasNegotiationWithInvestor: await db.Activities.AnyAsync(a => a.ProjectId == project.Id && a.CompanyId != null && a.Date <= asOf, ct),
            HasFormalContract: await db.Contracts.AnyAsync(c => c.ProjectId == project.Id && c.Kind == ContractKind.FormalInvestment && c.SignedOn <= asOf, ct),
            HasLandingEvidence: project.LandingEvidence.Any(e => e.Date <= asOf),
            HasVerifiedTranche: await db.FundsTranches.AnyAsync(t => t.ProjectId == project.Id && t.Verification == VerificationStatus.Verified && t.ArrivedOn <= asOf, ct),
            HasLeadDepartment: project.LeadDepartmentId is not null);

    /// <summary>A visit or a link may name only a company the user may see: linking would make it visible.</summary>
    private async Task RequireVisibleCompanyAsync(Guid companyId, CancellationToken ct)
    {
        if (!await (await scope.CompaniesAsync(ct)).AnyAsync(c => c.Id == companyId, ct))
            throw new DomainException("所选企业不存在或不在您的查看范围内。");
    }

    private async Task<Project?> FindAsync(Guid projectId, CancellationToken ct) =>
        await (await scope.ProjectsAsync(ct))
            .Include(p => p.StageTransitions).Include(p => p.LandingEvidence).Include(p => p.Companies).Include(p => p.Milestones)
            .FirstOrDefaultAsync(p => p.Id == projectId, ct);

}
