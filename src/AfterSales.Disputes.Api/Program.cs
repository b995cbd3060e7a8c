// The AfterSales.Disputes API host.
//   dotnet run --project src/AfterSales.Disputes.Api                      starts it on http://localhost:5080
//   dotnet run --project src/AfterSales.Disputes.Api -- --urls http://localhost:5090      on another port
//   dotnet run --no-build --project src/AfterSales.Disputes.Api -- token --role seller --party store-linkwave-flagship
//                                                                         prints a development bearer token
//   dotnet AfterSales.Disputes.Api.dll health [url]                       exits 0 when the host at url (by default
//                                                                         http://127.0.0.1:8080) answers /health/ready (the image's health check)
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.EntityFrameworkCore;

if (args is ["health", ..])
{
    return await HealthCommand.RunAsync(args.Length > 1 ? args[1] : "http://127.0.0.1:8080", Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
try
{
    if (args is ["token", ..])
    {
        return TokenCommand.Run(args, ApiSetup.ReadOptions(builder.Configuration, builder.Environment), Console.Out, Console.Error);
    }

    builder.AddAfterSalesApi();
}
catch (InvalidSettingsException invalid)
{
    return await RefuseAsync(invalid);
}

var app = builder.Build();
app.UseAfterSalesApi();
await app.Services.MigrateAfterSalesDatabaseAsync();
await EvidenceFolderImport.RunAsync(app.Services); // files kept in the data folder before the database held them
try
{
    await MarketplaceSeed.RunAsync(app.Services); // the marketplace's stores, policies and calendars, on a database without them
}
catch (InvalidSettingsException invalid)
{
    return await RefuseAsync(invalid);
}

var options = app.Services.GetRequiredService<ApiOptions>();
if (app.Environment.IsDevelopment() && options.SeedDemoData)
{
    await DemoData.SeedAsync(app.Services);
}

app.Lifetime.ApplicationStarted.Register(() => StartupBanner.Print(app, options));
await app.RunAsync();
return 0;

// A bad setting stops the host before it serves, naming each setting (as environment variables: : becomes __).
static async Task<int> RefuseAsync(InvalidSettingsException invalid)
{
    foreach (var problem in invalid.Problems)
    {
        await Console.Error.WriteLineAsync("aftersales: " + problem);
    }

    return 1;
}

/// <summary>The host's entry point; public so that tests can start it with <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
