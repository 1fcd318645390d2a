using InvestmentCrm.Common;
using InvestmentCrm.EntityFrameworkCore.Common;
using InvestmentCrm.Figures;

namespace InvestmentCrm.TestBase;

/// <summary>The figures use cases of one reader over one engine (and the 项目盘子 that reads it), composed as the host does (Application/Figures/FiguresModule).</summary>
public sealed record FigureServices(FiguresEngine Engine, CockpitAppService Cockpit, FigureRecordsAppService Records, PeopleFiguresAppService People,
    Projects.ProjectPoolAppService Pool)
{
    public static FigureServices For(CrmDbContext db, ICurrentUser user, TimeProvider? clock = null, FiguresCache? cache = null)
    {
        var scope = TestScopes.Resolved(db, user);
        clock ??= new TestClock();
        var engine = new FiguresEngine(db, scope, clock);
        return new(engine, new CockpitAppService(db, engine, scope, cache), new FigureRecordsAppService(db, engine), new PeopleFiguresAppService(db, engine, scope, user),
            new Projects.ProjectPoolAppService(db, scope, engine, clock));
    }
}
