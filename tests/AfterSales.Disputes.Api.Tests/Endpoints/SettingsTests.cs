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
    public async Task InProduction_TheHostWantsThePaymentService_OverHttps_WithItsSecret()
    {
        var (missing, said) = await RunHostAsync(new Dictionary<string, string> { ["AfterSales__Payments__BaseUrl"] = "" });
        var (insecure, saidToo) = await RunHostAsync(new Dictionary<string, string>
        {
            ["AfterSales__Payments__BaseUrl"] = "http://payments.marketplace.example/", ["AfterSales__Payments__Secret"] = "hunter2",
        });

        missing.Should().Be(1, said);
        said.Should().Contain("aftersales: AfterSales:Payments:BaseUrl must be configured in Production");
        insecure.Should().Be(1, saidToo);
        saidToo.Should().Contain("aftersales: AfterSales:Payments:BaseUrl must be an absolute https URL")
            .And.Contain("aftersales: AfterSales:Payments:Secret must be the secret shared with the payment service");
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

    /// <summary>A seed file whose store is below the floor stops the host naming the setting, the store and each rule.</summary>
    [Fact]
    public async Task ASeedFileBelowTheFloor_StopsTheHost_NamingEachRule()
    {
        var file = Path.Combine(Path.GetTempPath(), $"aftersales-seed-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """
            { "regions": [{ "region": "CN", "pack": "China", "timeZone": "Asia/Shanghai" }],
              "stores": [{ "storeId": "store-stingy", "storeType": "ThirdParty", "noReasonReturnDays": 3, "sellerResponseHours": 200 }] }
            """);
        try
        {
            var (exitCode, output) = await RunHostAsync(new Dictionary<string, string> { ["AfterSales__Marketplace__SeedFile"] = file });

            exitCode.Should().Be(1, output);
            output.Should().Contain($"aftersales: AfterSales:Marketplace:SeedFile {file}: stores/store-stingy: Rule 'no-reason return window'")
                .And.Contain($"aftersales: AfterSales:Marketplace:SeedFile {file}: stores/store-stingy: Rule 'seller response time'");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task AMissingSeedFile_StopsTheHost_NamingIt()
    {
        var (exitCode, output) = await RunHostAsync(new Dictionary<string, string> { ["AfterSales__Marketplace__SeedFile"] = "/nowhere/stores.json" });

        exitCode.Should().Be(1, output);
        output.Should().Contain("aftersales: AfterSales:Marketplace:SeedFile names /nowhere/stores.json, which is not a file.");
    }

    // The built host as its entry point runs it, in Production with an authority, so only the settings under test are wrong.
    private static Task<(int ExitCode, string Output)> RunHostAsync(Dictionary<string, string> settings)
    {
        settings["ASPNETCORE_ENVIRONMENT"] = "Production";
        settings.TryAdd("AfterSales__Auth__Authority", "https://login.marketplace.example/");
        settings.TryAdd("AfterSales__Payments__BaseUrl", "https://payments.marketplace.example/");
        settings.TryAdd("AfterSales__Payments__Secret", ApiFactory.ProductionPaymentSecret);
        settings["AfterSales__DataFolder"] = Path.Combine(Path.GetTempPath(), "aftersales-settings-" + Guid.NewGuid().ToString("N"));
        return DotnetCommand.RunProgramAsync("dotnet", HostProcess.Folder, TimeSpan.FromMinutes(1), settings, "AfterSales.Disputes.Api.dll");
    }
}
