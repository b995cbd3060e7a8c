using AfterSales.Disputes.Api.Tests.Support;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>The published host's settings are checked before it starts: a bad one stops it, by name.</summary>
public sealed class SettingsTests
{
    [Fact]
    public async Task BadSettings_StopTheHostBeforeItStarts_NamingEachSetting()
    {
        var (exitCode, output) = await RunHostAsync(new Dictionary<string, string>
        {
            ["AfterSales__RateLimit__PermitsPerMinute"] = "0",
            ["AfterSales__Engine__WorkerShare"] = "2",
            ["AfterSales__Database"] = "Oracle",
            ["AfterSales__Telemetry__OtlpProtocol"] = "carrier-pigeon",
        });

        exitCode.Should().Be(1, output);
        output.Should().Contain("aftersales: AfterSales:RateLimit:PermitsPerMinute must be at least 1")
            .And.Contain("aftersales: AfterSales:Engine:WorkerShare must be above 0 and at most 1")
            .And.Contain("aftersales: AfterSales:Database is Sqlite or Postgres")
            .And.Contain("aftersales: AfterSales:Telemetry:OtlpProtocol is grpc or http/protobuf")
            .And.NotContain("Unhandled exception", "a bad setting is a message, not a crash");
    }

    [Fact]
    public async Task ASettingOfTheWrongType_StopsTheHost_NamingIt()
    {
        var (exitCode, output) = await RunHostAsync(new Dictionary<string, string> { ["AfterSales__Engine__DeadlineBatchSize"] = "lots" });

        exitCode.Should().Be(1, output);
        output.Should().Contain("aftersales: ").And.Contain("AfterSales:Engine:DeadlineBatchSize");
    }

    [Fact]
    public async Task InProduction_TheHostWantsAnAuthority_AndRefusesTheTokenCommandsKey()
    {
        var (exitCode, output) = await RunHostAsync(new Dictionary<string, string>
        {
            ["AfterSales__Auth__Authority"] = "", ["AfterSales__Auth__SigningKey"] = new string('k', 40),
        });

        exitCode.Should().Be(1, output);
        output.Should().Contain("aftersales: AfterSales:Auth:Authority must be configured outside Development and sandbox hosts")
            .And.Contain("aftersales: AfterSales:Auth:SigningKey is for Development and sandbox hosts");
    }

    // The built host as its entry point runs it, in Production with an authority, so only the settings under test are wrong.
    private static Task<(int ExitCode, string Output)> RunHostAsync(Dictionary<string, string> settings)
    {
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings.TryAdd("AfterSales__Auth__Authority", "https://login.marketplace.example/");
        settings["AfterSales__DataFolder"] = Path.Combine(Path.GetTempPath(), "aftersales-settings-" + Guid.NewGuid().ToString("N"));
        return DotnetCommand.RunProgramAsync("dotnet", HostProcess.Folder, TimeSpan.FromMinutes(1), settings, "AfterSales.Disputes.Api.dll");
    }
}
