namespace AfterSales.Disputes.Testing;

/// <summary>Finds files of the repository the tests run from.</summary>
public static class Repository
{
    /// <summary>The repository root: the folder holding AfterSales.Disputes.sln, found upwards from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string ReadText(string relativePath) => File.ReadAllText(Path.Combine(Root, relativePath)).ReplaceLineEndings("\n");

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "AfterSales.Disputes.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("The tests run outside the repository: AfterSales.Disputes.sln was not found above " + AppContext.BaseDirectory);
    }
}
