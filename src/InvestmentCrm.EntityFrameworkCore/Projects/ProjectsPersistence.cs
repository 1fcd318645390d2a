using InvestmentCrm.Projects;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InvestmentCrm.EntityFrameworkCore.Projects;

public static class ProjectsPersistence
{
    /// <summary>Attachments in a folder all nodes share (<c>Attachments:Folder</c>, default under the data folder).</summary>
    public static IServiceCollection AddProjectsPersistence(this IServiceCollection services, IConfiguration configuration, string dataFolder)
    {
        var attachments = configuration.GetSection(AttachmentOptions.SectionName).Get<AttachmentOptions>() ?? new();
        attachments.Folder ??= Path.Combine(dataFolder, "attachments");
        return services
            .AddSingleton(attachments)
            .AddSingleton<IAttachmentStore>(new Storage.FolderAttachmentStore(attachments.Folder));
    }
}
