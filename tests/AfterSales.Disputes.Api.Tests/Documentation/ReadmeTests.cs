using System.Text.RegularExpressions;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.Api.Tests.Documentation;

/// <summary>What the README promises, held to the code.</summary>
public sealed class ReadmeTests
{
    [Fact]
    public void TheEmbeddingSnippet_IsTheCompiledOne()
    {
        var compiled = Regex.Match(Repository.ReadText("tests/AfterSales.Disputes.Api.Tests/Documentation/EmbeddingGuide.cs"),
            @"#region embedding\n(?<code>.*?)\n\s*#endregion", RegexOptions.Singleline).Groups["code"].Value;
        var readme = Regex.Match(Repository.ReadText("README.md"), @"<!-- snippet: embedding -->\n```csharp\n(?<code>.*?)\n```", RegexOptions.Singleline).Groups["code"].Value;

        readme.Should().NotBeEmpty("the README marks its embedding snippet");
        readme.Should().Be(Unindent(compiled));
    }

    [Fact]
    public async Task TheEmbeddingSnippet_Runs_AndAnswersNotFoundForADisputeThatDoesNotExist()
    {
        var folder = Directory.CreateTempSubdirectory("embedding-guide").FullName;
        try
        {
            var result = await EmbeddingGuide.EmbedAsync(new ServiceCollection().AddLogging(), folder, "dsp_missing", "store-1");

            result.Status.Should().Be(CommandStatus.NotFound);
            File.Exists(Path.Combine(folder, "aftersales.db")).Should().BeTrue("the snippet migrates its SQLite file");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string Unindent(string code)
    {
        var lines = code.Split('\n');
        var indent = lines.Where(l => l.Trim().Length > 0).Min(l => l.Length - l.TrimStart().Length);
        return string.Join('\n', lines.Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
    }
}
