using System.Text.Json;
using AfterSales.Disputes.Application.Marketplace;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>The marketplace's configuration: a row per revision of each setting, its document as JSON.</summary>
internal sealed class EfMarketplaceStore : IMarketplaceStore
{
    private readonly AfterSalesDbContext _db;
    private readonly StoreTransactions _transactions;

    public EfMarketplaceStore(AfterSalesDbContext db, StoreTransactions transactions)
    {
        _db = db;
        _transactions = transactions;
    }

    public async Task<StoredMarketplace> LoadAsync(CancellationToken cancellationToken)
    {
        // Read in one query, so the count and the settings agree; a marketplace has thousands of revisions, not millions.
        var rows = await _db.MarketplaceSettings.AsNoTracking().Select(s => new { s.Kind, s.Key, s.Revision, s.Document })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var latest = rows.GroupBy(row => (row.Kind, row.Key)).Select(group => group.MaxBy(row => row.Revision)!)
            .Select(row => Read(Enum.Parse<MarketplaceSettingKind>(row.Kind), row.Document).AtRevision(row.Revision));
        return new StoredMarketplace(MarketplaceSettings.From(latest), rows.Count);
    }

    public Task<long> CountRevisionsAsync(CancellationToken cancellationToken) => _db.MarketplaceSettings.LongCountAsync(cancellationToken);

    public async Task SaveAsync(IReadOnlyList<IMarketplaceSetting> revisions, DateTimeOffset changedAt, string changedBy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(revisions);
        try
        {
            await _transactions.RunAsync(async () =>
            {
                _db.MarketplaceSettings.AddRange(revisions.Select(revision => new MarketplaceSettingRow
                {
                    Kind = revision.Kind.ToString(),
                    Key = revision.Key,
                    Revision = revision.Revision ?? throw new ArgumentException("Every revision to store has its number.", nameof(revisions)),
                    Document = JsonSerializer.Serialize(revision.AtRevision(null), revision.GetType(), DisputeJson.Options),
                    ChangedAt = changedAt,
                    ChangedBy = changedBy,
                }));
                await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (_db.IsUniqueViolation(exception))
        {
            throw new MarketplaceConflictException([.. revisions.Select(r => $"{r.Kind.ToString().ToLowerInvariant()} {r.Key}")], exception);
        }
    }

    public async Task<IReadOnlyList<MarketplaceChange>> ChangesAsync(int limit, CancellationToken cancellationToken) =>
        [.. (await _db.MarketplaceSettings.AsNoTracking().OrderByDescending(s => s.Id).Take(limit)
            .Select(s => new { s.Kind, s.Key, s.Revision, s.ChangedAt, s.ChangedBy }).ToListAsync(cancellationToken).ConfigureAwait(false))
            .Select(s => new MarketplaceChange(Enum.Parse<MarketplaceSettingKind>(s.Kind), s.Key, s.Revision, s.ChangedAt, s.ChangedBy))];

    private static IMarketplaceSetting Read(MarketplaceSettingKind kind, string document) => kind switch
    {
        MarketplaceSettingKind.Region => JsonSerializer.Deserialize<RegionSetting>(document, DisputeJson.Options)!,
        MarketplaceSettingKind.Calendar => JsonSerializer.Deserialize<CalendarSetting>(document, DisputeJson.Options)!,
        MarketplaceSettingKind.Store => JsonSerializer.Deserialize<StoreSetting>(document, DisputeJson.Options)!,
        MarketplaceSettingKind.Warranty => JsonSerializer.Deserialize<WarrantySetting>(document, DisputeJson.Options)!,
        _ => JsonSerializer.Deserialize<GovernanceSetting>(document, DisputeJson.Options)!,
    };
}
