using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Figures;

namespace InvestmentCrm.TestBase;

/// <summary>The figures use cases of one reader over one engine, composed as the host does (Application/Figures/FiguresModule).</summary>
public sealed record FigureServices(FiguresEngine Engine, CockpitAppService Cockpit, FigureRecordsAppService Records, PeopleFiguresAppService People)
{
    public static FigureServices For(CrmDbContext db, ICurrentUser user, TimeProvider? clock = null, FiguresCache? cache = null)
    {
        var scope = TestScopes.Resolved(db, user);
        var engine = new FiguresEngine(db, scope, clock ?? new TestClock());
        return new(engine, new CockpitAppService(db, engine, scope, cache), new FigureRecordsAppService(db, engine), new PeopleFiguresAppService(db, engine, scope, user));
    }
}
