namespace InvestmentCrm.TestBase;

/// <summary>Where the repository is, seen from a test or benchmark binary: the folder holding InvestmentCrm.sln.</summary>
public static class RepositoryPaths
{
    public static string Root
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "InvestmentCrm.sln")))
                folder = folder.Parent;
            return folder?.FullName ?? throw new InvalidOperationException("InvestmentCrm.sln not found above " + AppContext.BaseDirectory);
        }
    }

    /// <summary>A file under docs/ (its folder created).</summary>
    public static string Docs(params string[] parts)
    {
        var path = Path.Combine([Root, "docs", .. parts]);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }
}
