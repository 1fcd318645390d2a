// dotnet-ef reads design-time services from the startup project (this one): it is pointed at the persistence
// project's, which write provider-neutral migrations (docs/architecture.md, "Migrations").
[assembly: Microsoft.EntityFrameworkCore.Design.DesignTimeServicesReference(
    "InvestmentCrm.EntityFrameworkCore.Common.CrmDesignTimeServices, InvestmentCrm.EntityFrameworkCore")]
