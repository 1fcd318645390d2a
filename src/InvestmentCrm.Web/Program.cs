using InvestmentCrm.Web.Hosting;

// The host of InvestmentCrm. Without a verb it serves the web UI and API; with a verb it runs one
// maintenance task and exits:
//   migrate            apply pending migrations
//   migrate --script   print the SQL of every migration (idempotent on PostgreSQL) for a DBA
//   seed               seed the demo data into an empty database
return await CrmHost.RunAsync(args);

/// <summary>Entry point type, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
