using InvestmentCrm.Common;
using InvestmentCrm.Figures;
using InvestmentCrm.Organization;
using Microsoft.EntityFrameworkCore;

namespace InvestmentCrm.Projects;

/// <summary>
/// 到位资金台账 filters: by decision (待认定 is the verifiers' queue), by source, by year of arrival, and by the project's
/// 招引单位 (with the departments under it).
/// </summary>
public sealed record TrancheListQuery(VerificationStatus? Status = null, CapitalSource? Source = null, int Page = 1, int PageSize = 50,
    int? Year = null, Guid? DepartmentId = null);

/// <summary>One tranche of the register, in base units; <see cref="EnteredByMe"/>: the reader may not decide it (four eyes).</summary>
public sealed record TrancheRowDto(Guid Id, Guid ProjectId, string ProjectName, DateOnly ArrivedOn, CapitalSource Source, decimal Amount, string Currency,
    FundsForm Form, string? Evidence, VerificationStatus Status, string? EnteredBy, bool EnteredByMe);

/// <summary>A page of the register with the total of every matching tranche, per currency (never added across currencies).</summary>
public sealed record TrancheListDto(PagedResult<TrancheRowDto> Page, IReadOnlyList<Money> Totals);

/// <summary>合同台账 filter: one kind (正式投资合同 by default) or all.</summary>
public sealed record ContractListQuery(ContractKind? Kind = ContractKind.FormalInvestment, int Page = 1, int PageSize = 50);

public sealed record ContractRowDto(Guid Id, Guid ProjectId, string ProjectName, ContractKind Kind, string Number, DateOnly SignedOn, string Parties,
    decimal DomesticCny, decimal ForeignAmount, string ForeignCurrency);

public sealed record ContractListDto(PagedResult<ContractRowDto> Page, decimal DomesticTotalCny, IReadOnlyList<Money> ForeignTotals);

/// <summary>
/// The registers behind the 工作台's numbers: the tranches (the 待认定 queue among them) and the contracts of the
/// reader's data scope — the same sets the 工作台 counts, so a number and its list agree.
/// </summary>
/// <remarks>
/// A register's count and totals are figures of every matching row: cached as the figures are (by data version and the
/// reader's scope, so never stale), while the page of rows is read each time (docs/benchmarks/load.md).
/// </remarks>
public sealed class FundsRegisterAppService(ICrmDbContext db, ICurrentUser currentUser, InvestmentCrm.Authorization.DataScope scope, FiguresCache? cache = null)
{
    private sealed record RegisterTotals(int Count, IReadOnlyList<Money> Totals);

    public async Task<TrancheListDto> TranchesAsync(TrancheListQuery query, CancellationToken ct = default)
    {
        var tranches = db.FundsTranches.AsQueryable();
        if (query.Status is { } status)
            tranches = tranches.Where(t => t.Verification == status);
        if (query.Source is { } source)
            tranches = tranches.Where(t => t.Source == source);
        if (query.Year is { } year)
        {
            BusinessDates.EnsureYear(year);
            tranches = tranches.Where(t => t.ArrivedOn >= new DateOnly(year, 1, 1) && t.ArrivedOn <= new DateOnly(year, 12, 31));
        }
        var projects = db.Projects.AsQueryable();
        if (query.DepartmentId is { } department)
        {
            var departments = (await db.LoadDepartmentTreeAsync(ct)).Subtree(department);
            projects = projects.Where(p => p.LeadDepartmentId != null && departments.Contains(p.LeadDepartmentId.Value));
        }
        var rows = from t in tranches
                   join p in projects on t.ProjectId equals p.Id
                   select new { t, p.Name };
        // Through the live projects: a deleted project's tranches are in no list and no total.
        var totals = await cache.CachedAsync(db, scope, $"tranches:{query.Status}:{query.Source}:{query.Year}:{query.DepartmentId}", async () =>
        {
            var count = await rows.CountAsync(ct);
            var sums = await rows.GroupBy(r => r.t.Amount.Currency)
                .Select(g => new { Currency = g.Key, Amount = g.Sum(r => r.t.Amount.Amount) })
                .ToListAsync(ct);
            return new RegisterTotals(count,
                sums.OrderBy(t => t.Currency == Money.Cny ? 0 : 1).ThenBy(t => t.Currency).Select(t => new Money(t.Amount, t.Currency)).ToList());
        }, ct);
        var paging = Paging.Of(query.Page, query.PageSize, 200);
        var (page, size) = paging;
        // The queue is worked oldest first; the register reads newest first.
        var ordered = query.Status == VerificationStatus.Pending
            ? rows.OrderBy(r => r.t.ArrivedOn).ThenBy(r => r.t.CreatedAt)
            : rows.OrderByDescending(r => r.t.ArrivedOn).ThenByDescending(r => r.t.CreatedAt);
        var me = currentUser.UserId;
        var items = await ordered.Skip(paging.Skip).Take(size)
            .Select(r => new TrancheRowDto(r.t.Id, r.t.ProjectId, r.Name, r.t.ArrivedOn, r.t.Source, r.t.Amount.Amount, r.t.Amount.Currency, r.t.Form,
                r.t.Evidence, r.t.Verification, db.Users.Where(u => u.Id == r.t.CreatedBy).Select(u => u.DisplayName).FirstOrDefault(),
                me != null && r.t.CreatedBy == me))
            .ToListAsync(ct);
        return new TrancheListDto(new PagedResult<TrancheRowDto>(items, totals.Count, page, size), totals.Totals);
    }

    public async Task<ContractListDto> ContractsAsync(ContractListQuery query, CancellationToken ct = default)
    {
        var contracts = db.Contracts.AsQueryable();
        if (query.Kind is { } kind)
            contracts = contracts.Where(c => c.Kind == kind);
        var rows = from c in contracts
                   join p in db.Projects on c.ProjectId equals p.Id
                   select new { c, p.Name };
        var totals = await cache.CachedAsync(db, scope, $"contracts:{query.Kind}", async () =>
        {
            var count = await rows.CountAsync(ct);
            var domestic = await rows.SumAsync(r => r.c.ContractedDomestic.Amount, ct);
            var foreign = await rows.Where(r => r.c.ContractedForeign.Amount != 0).GroupBy(r => r.c.ContractedForeign.Currency)
                .Select(g => new { Currency = g.Key, Amount = g.Sum(r => r.c.ContractedForeign.Amount) })
                .ToListAsync(ct);
            // The domestic total first, in yuan; then each foreign currency apart.
            return new RegisterTotals(count, [new Money(domestic, Money.Cny), .. foreign.OrderBy(f => f.Currency).Select(f => new Money(f.Amount, f.Currency))]);
        }, ct);
        var paging = Paging.Of(query.Page, query.PageSize, 200);
        var (page, size) = paging;
        var items = await rows.OrderByDescending(r => r.c.SignedOn).ThenBy(r => r.c.Number).Skip(paging.Skip).Take(size)
            .Select(r => new ContractRowDto(r.c.Id, r.c.ProjectId, r.Name, r.c.Kind, r.c.Number, r.c.SignedOn, r.c.Parties,
                r.c.ContractedDomestic.Amount, r.c.ContractedForeign.Amount, r.c.ContractedForeign.Currency))
            .ToListAsync(ct);
        return new ContractListDto(new PagedResult<ContractRowDto>(items, totals.Count, page, size), totals.Totals[0].Amount, totals.Totals.Skip(1).ToList());
    }
}
