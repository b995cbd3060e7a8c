using System.IO.Compression;
using System.Xml.Linq;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Testing;

namespace AfterSales.Disputes.Api.Tests.Packaging;

/// <summary>
/// What a consumer gets: the five packages packed from this repository, restored from a local folder into a
/// throwaway project outside it, which builds and runs the embedding sample. Each run packs a version of its
/// own, so a package cached by an earlier run is never taken for this one.
/// </summary>
[Collection(nameof(ReleaseBuilds))]
public class PackageTests
{
    private static readonly string[] s_packages =
    [
        "AfterSales.Disputes.Flows",
        "AfterSales.Disputes",
        "AfterSales.Disputes.EntityFrameworkCore",
        "AfterSales.Disputes.EntityFrameworkCore.Sqlite",
        "AfterSales.Disputes.EntityFrameworkCore.PostgreSql",
    ];

    [Fact]
    public async Task ThePackedPackages_RestoreFromALocalFolder_IntoAThrowawayProjectThatRuns()
    {
        var work = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "aftersales-consumer", Guid.NewGuid().ToString("N"))).FullName;
        var version = $"0.0.0-consumer.{DateTime.UtcNow:yyyyMMddHHmmss}.{Random.Shared.Next(1000, 9999)}";
        var feed = Path.Combine(work, "feed");
        try
        {
            foreach (var package in s_packages)
            {
                await DotnetAsync(Repository.Root, "pack", $"src/{package}/{package}.csproj", "-c", "Release", "-o", feed, $"-p:Version={version}");
            }

            Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).Should().BeEquivalentTo(s_packages.Select(p => $"{p}.{version}.nupkg"));
            foreach (var package in s_packages)
            {
                ShouldBeComplete(Path.Combine(feed, $"{package}.{version}.nupkg"), Path.Combine(feed, $"{package}.{version}.snupkg"), package);
            }

            Dependencies(feed, "AfterSales.Disputes.Flows", version).Should().BeEmpty("the engine stands alone");
            Dependencies(feed, "AfterSales.Disputes.EntityFrameworkCore.PostgreSql", version).Should()
                .Equal("AfterSales.Disputes.EntityFrameworkCore", "Npgsql.EntityFrameworkCore.PostgreSQL");
            Dependencies(feed, "AfterSales.Disputes.EntityFrameworkCore.Sqlite", version).Should()
                .Equal("AfterSales.Disputes.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Sqlite", "SQLitePCLRaw.bundle_e_sqlite3");

            var consumer = Directory.CreateDirectory(Path.Combine(work, "consumer")).FullName;
            await File.WriteAllTextAsync(Path.Combine(consumer, "nuget.config"), $"""
                <?xml version="1.0" encoding="utf-8"?>
                <configuration>
                  <packageSources>
                    <add key="aftersales-local" value="{feed}" />
                  </packageSources>
                </configuration>
                """);
            await File.WriteAllTextAsync(Path.Combine(consumer, "Consumer.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <PackageReference Include="AfterSales.Disputes.EntityFrameworkCore.Sqlite" Version="{version}" />
                  </ItemGroup>
                </Project>
                """);
            File.Copy(Path.Combine(Repository.Root, "samples/EmbeddedMarketplace/Program.cs"), Path.Combine(consumer, "Program.cs"));

            var output = await DotnetAsync(consumer, "run", "-c", "Release");

            output.Should().Contain("No-reason return, store silent twice: return-1 (return-and-refund v1), now Closed")
                .And.Contain("Warranty repair: repair-1 (repair v1), now RepairCompleted");
        }
        finally
        {
            DeleteQuietly(work);
            foreach (var package in s_packages)
            {
                DeleteQuietly(Path.Combine(GlobalPackagesFolder(), package.ToLowerInvariant(), version));
            }
        }
    }

    private static void ShouldBeComplete(string nupkg, string snupkg, string package)
    {
        using (var archive = ZipFile.OpenRead(nupkg))
        {
            archive.Entries.Select(e => e.FullName).Should().Contain(
                ["README.md", "LICENSE", $"lib/net10.0/{package}.dll", $"lib/net10.0/{package}.xml"], package)
                .And.NotContain(name => name.EndsWith(".runtimeconfig.json", StringComparison.Ordinal), "a package is a library, not a program");
            using var readme = new StreamReader(archive.GetEntry("README.md")!.Open());
            readme.ReadToEnd().Should().StartWith($"# {package}\n", "each package has its own readme");
        }

        using var symbols = ZipFile.OpenRead(snupkg);
        symbols.Entries.Select(e => e.FullName).Should().Contain($"lib/net10.0/{package}.pdb");
    }

    private static List<string> Dependencies(string feed, string package, string version)
    {
        using var archive = ZipFile.OpenRead(Path.Combine(feed, $"{package}.{version}.nupkg"));
        using var nuspec = archive.GetEntry($"{package}.nuspec")!.Open();
        return [.. XDocument.Load(nuspec).Descendants().Where(e => e.Name.LocalName == "dependency").Select(e => (string)e.Attribute("id")!)];
    }

    private static string GlobalPackagesFolder() =>
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } folder
            ? folder
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A temporary folder the OS cleans up eventually.
        }
    }

    private static async Task<string> DotnetAsync(string folder, params string[] arguments)
    {
        var (exitCode, output) = await DotnetCommand.RunAsync(folder, TimeSpan.FromMinutes(5), arguments);
        exitCode.Should().Be(0, $"dotnet {string.Join(' ', arguments)} in {folder} failed:\n{output}");
        return output;
    }
}
