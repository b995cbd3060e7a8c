namespace AfterSales.Disputes.Api.Hosting;

/// <summary>What the host prints once it listens: where it is, where Swagger is, how to get tokens.</summary>
internal static class StartupBanner
{
    public static void Print(WebApplication app, ApiOptions options)
    {
        var url = app.Urls.FirstOrDefault() ?? "http://localhost:5080";
        Console.WriteLine($"""

            AfterSales.Disputes API is listening on {url} ({app.Environment.EnvironmentName}).
              Swagger UI:  {url}/swagger
              Arbitration desk: {url}/desk (sign in with an arbitrator token)
              Health:      {url}/health/ready
              Data:        {options.DataFolder}
              Get a token: dotnet run --no-build --project src/AfterSales.Disputes.Api -- token --role <buyer|seller|arbitrator|servicecenter|platform> --party <id>
                           demo parties: buyer {DemoData.Ana} or {DemoData.Ben}, seller {DemoMarketplace.Flagship} or {DemoMarketplace.Reseller},
                           arbitrator {DemoData.Arbitrator}, servicecenter {DemoMarketplace.ServiceCenter}, platform platform
              Then:        curl -H "Authorization: Bearer <token>" {url}/api/v1/disputes

            """);
    }
}
