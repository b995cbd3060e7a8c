using System.Text.Json;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Marketplace;
using AfterSales.Disputes.Application.Ports;
using MediatR;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// Imports <c>AfterSales:Marketplace:SeedFile</c> into a database that holds no marketplace configuration yet, through
/// the same change (and the same checks) as <c>POST /api/v1/marketplace/changes</c>; a database that has one keeps it.
/// </summary>
internal static class MarketplaceSeed
{
    /// <summary>Who the imported revisions are by.</summary>
    public const string ImportedBy = "import";

    /// <exception cref="InvalidSettingsException">The file is not a marketplace, or its stores are below the floor; each problem is named.</exception>
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var file = services.GetRequiredService<ApiOptions>().Marketplace.SeedFile;
        if (string.IsNullOrEmpty(file))
        {
            return;
        }

        await using var scope = services.CreateAsyncScope();
        if (await scope.ServiceProvider.GetRequiredService<IMarketplaceStore>().CountRevisionsAsync(cancellationToken) > 0)
        {
            return;
        }

        MarketplaceSettings settings;
        try
        {
            await using var json = File.OpenRead(file);
            settings = await JsonSerializer.DeserializeAsync<MarketplaceSettings>(json, ApiSetup.CreateJsonOptions(), cancellationToken)
                ?? throw new JsonException("The file holds null.");
        }
        catch (JsonException unreadable)
        {
            throw new InvalidSettingsException([$"AfterSales:Marketplace:SeedFile {file} is not a marketplace: {unreadable.Message}"]);
        }

        IReadOnlyList<ValidationError> problems;
        try
        {
            problems = (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ChangeMarketplace(settings, ImportedBy), cancellationToken)).Problems;
        }
        catch (RequestValidationException invalid)
        {
            problems = invalid.Errors;
        }

        if (problems.Count > 0)
        {
            throw new InvalidSettingsException([.. problems.Select(problem => $"AfterSales:Marketplace:SeedFile {file}: {problem.Field}: {problem.Message}")]);
        }
    }
}
