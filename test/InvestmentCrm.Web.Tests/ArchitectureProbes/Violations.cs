// Deliberate violations of the architecture rules (ArchitectureTests): each rule must fail on exactly its probe.
#pragma warning disable CA1812, CA1822, CA1711
namespace InvestmentCrm.Web.Tests.ArchitectureProbes.Domain
{
    public sealed class LeakyEntity
    {
        public Microsoft.EntityFrameworkCore.DbContext? Context { get; set; }
    }

    public sealed class PureEntity
    {
        public decimal Amount { get; set; }
    }
}

namespace InvestmentCrm.Web.Tests.ArchitectureProbes.Application
{
    public sealed class HttpBoundService(Microsoft.AspNetCore.Http.IHttpContextAccessor accessor)
    {
        public string? Path => accessor.HttpContext?.Request.Path;
    }
}

namespace InvestmentCrm.Web.Tests.ArchitectureProbes.Persistence
{
    public sealed class HostAwareRepository
    {
        public Type Host => typeof(InvestmentCrm.Web.Hosting.CrmWebSetup);
    }
}

namespace InvestmentCrm.Web.Tests.ArchitectureProbes.Configurations
{
    public sealed class PublicConfiguration : Microsoft.EntityFrameworkCore.IEntityTypeConfiguration<Domain.PureEntity>
    {
        public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Domain.PureEntity> builder) => builder.HasNoKey();
    }
}

namespace InvestmentCrm.Web.Tests.ArchitectureProbes.Modules.Alpha
{
    public sealed class UsesBeta
    {
        public Beta.UsesAlpha? Other { get; set; }
    }
}

namespace InvestmentCrm.Web.Tests.ArchitectureProbes.Modules.Beta
{
    public sealed class UsesAlpha
    {
        public Alpha.UsesBeta? Other { get; set; }
        public Gamma.Leaf? Leaf { get; set; }
    }
}

namespace InvestmentCrm.Web.Tests.ArchitectureProbes.Modules.Gamma
{
    public sealed class Leaf;
}
