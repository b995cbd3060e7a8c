using AfterSales.Disputes.Application.Marketplace;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>
/// Where the marketplace's configuration is kept: every revision of every setting, never rewritten, so the
/// current configuration is each setting's latest revision and its history is the rest.
/// </summary>
public interface IMarketplaceStore
{
    /// <summary>The latest revision of every setting, and how many revisions are stored in all.</summary>
    Task<StoredMarketplace> LoadAsync(CancellationToken cancellationToken);

    /// <summary>How many revisions are stored in all: it changes exactly when a setting does.</summary>
    Task<long> CountRevisionsAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="revisions"/> (each at its <see cref="IMarketplaceSetting.Revision"/>) in one transaction.
    /// </summary>
    /// <exception cref="MarketplaceConflictException">Another writer stored one of these revisions first; nothing was stored.</exception>
    Task SaveAsync(IReadOnlyList<IMarketplaceSetting> revisions, DateTimeOffset changedAt, string changedBy, CancellationToken cancellationToken);

    /// <summary>The most recent changes, newest first.</summary>
    Task<IReadOnlyList<MarketplaceChange>> ChangesAsync(int limit, CancellationToken cancellationToken);
}

/// <summary>The stored configuration.</summary>
/// <param name="Settings">The latest revision of every setting.</param>
/// <param name="Revisions">How many revisions are stored in all.</param>
public sealed record StoredMarketplace(MarketplaceSettings Settings, long Revisions);

/// <summary>Thrown when a setting changed since it was read; nothing was stored.</summary>
public sealed class MarketplaceConflictException : Exception
{
    /// <summary>Creates the exception naming the settings that changed.</summary>
    public MarketplaceConflictException(IReadOnlyList<string> settings, Exception? inner = null)
        : base($"Changed since they were read: {string.Join(", ", settings)}.", inner)
    {
        Settings = settings;
    }

    /// <summary>The settings, as <c>kind key</c>.</summary>
    public IReadOnlyList<string> Settings { get; }
}
