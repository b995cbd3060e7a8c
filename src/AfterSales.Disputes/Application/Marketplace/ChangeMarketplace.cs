using System.Text.Json;
using AfterSales.Disputes.Application.Policies;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Serialization;
using MediatR;

namespace AfterSales.Disputes.Application.Marketplace;

/// <summary>
/// The platform adds or replaces settings of its marketplace, all or none: each entry becomes a new revision of its
/// setting unless it says what is there already, and the whole configuration that results is checked first (a store
/// below the floor or a region's pack is refused, naming each rule). Cases already open keep the policy they froze.
/// </summary>
/// <param name="Changes">The entries to add or replace.</param>
/// <param name="ChangedBy">Who changes them, kept with each revision.</param>
public sealed record ChangeMarketplace(MarketplaceSettings Changes, string ChangedBy) : IRequest<MarketplaceChangeResult>, IValidatable
{
    /// <summary>The most entries one change takes.</summary>
    public const int MaxEntries = 1000;

    /// <inheritdoc/>
    public IEnumerable<ValidationError> Validate()
    {
        if (Changes is null)
        {
            yield return new ValidationError("changes", "The changes are required.");
            yield break;
        }

        var entries = Changes.Entries.ToList();
        if (entries.Count > MaxEntries)
        {
            yield return new ValidationError("changes", $"A change holds at most {MaxEntries} entries; import a larger catalogue in parts.");
        }

        foreach (var twice in entries.GroupBy(entry => (entry.Kind, entry.Key)).Where(group => group.Count() > 1))
        {
            yield return new ValidationError($"{Plural(twice.Key.Kind)}/{twice.Key.Key}", "The setting appears more than once in the change.");
        }
    }

    internal static string Plural(MarketplaceSettingKind kind) => kind switch
    {
        MarketplaceSettingKind.Region => "regions",
        MarketplaceSettingKind.Calendar => "calendars",
        MarketplaceSettingKind.Store => "stores",
        MarketplaceSettingKind.Warranty => "warranties",
        _ => "governance",
    };
}

/// <summary>The marketplace's current configuration, each setting at its latest revision.</summary>
public sealed record GetMarketplace : IRequest<MarketplaceSettings>;

/// <summary>The most recent changes to the marketplace's configuration, newest first.</summary>
/// <param name="Limit">How many, at most.</param>
public sealed record GetMarketplaceChanges(int Limit = 100) : IRequest<IReadOnlyList<MarketplaceChange>>;

/// <summary>What a change of the marketplace did.</summary>
/// <param name="Changes">The revisions stored; empty when every entry said what was there already.</param>
/// <param name="Unchanged">How many entries said what was there already.</param>
/// <param name="Problems">Why the change was refused, each naming its setting and the rule; empty when it was made.</param>
/// <param name="Conflicts">The settings that changed since the revision the entry was read at (<c>kind key</c>); empty when none.</param>
public sealed record MarketplaceChangeResult(
    IReadOnlyList<MarketplaceChange> Changes,
    int Unchanged,
    IReadOnlyList<ValidationError> Problems,
    IReadOnlyList<string> Conflicts)
{
    /// <summary>True when the change was made (or there was nothing to change).</summary>
    public bool Succeeded => Problems.Count == 0 && Conflicts.Count == 0;
}

/// <summary>Changes and reads the marketplace's stored configuration, and brings this host's catalog up to it.</summary>
internal sealed class MarketplaceHandler :
    IRequestHandler<ChangeMarketplace, MarketplaceChangeResult>,
    IRequestHandler<GetMarketplace, MarketplaceSettings>,
    IRequestHandler<GetMarketplaceChanges, IReadOnlyList<MarketplaceChange>>
{
    private readonly IMarketplaceStore _store;
    private readonly PolicyCatalog _catalog;
    private readonly TimeProvider _time;

    public MarketplaceHandler(IMarketplaceStore store, PolicyCatalog catalog, TimeProvider time)
    {
        _store = store;
        _catalog = catalog;
        _time = time;
    }

    public async Task<MarketplaceChangeResult> Handle(ChangeMarketplace request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = await _store.LoadAsync(cancellationToken).ConfigureAwait(false);
        var stored = current.Settings.Entries.ToDictionary(entry => (entry.Kind, entry.Key));
        var changed = new List<IMarketplaceSetting>();
        var conflicts = new List<string>();
        var unchanged = 0;
        foreach (var entry in request.Changes.Entries)
        {
            var existing = stored.GetValueOrDefault((entry.Kind, entry.Key));
            if (entry.Revision is { } readAt && readAt != (existing?.Revision ?? 0))
            {
                conflicts.Add($"{entry.Kind.ToString().ToLowerInvariant()} {entry.Key}");
            }
            else if (existing is not null && Same(existing, entry))
            {
                unchanged++;
            }
            else
            {
                changed.Add(entry.AtRevision((existing?.Revision ?? 0) + 1));
            }
        }

        if (conflicts.Count > 0)
        {
            return new([], 0, [], conflicts);
        }

        var problems = _catalog.Problems(current.Settings.With(changed));
        if (problems.Count > 0 || changed.Count == 0)
        {
            return new([], unchanged, problems, []);
        }

        var now = _time.GetUtcNow();
        try
        {
            await _store.SaveAsync(changed, now, request.ChangedBy, cancellationToken).ConfigureAwait(false);
        }
        catch (MarketplaceConflictException conflict)
        {
            return new([], 0, [], conflict.Settings);
        }

        // What is stored now, without reading it again; a change another host made meanwhile raises the count, so the
        // refresher reads that (this snapshot, counted lower, never replaces one read later).
        _catalog.UseStored(new StoredMarketplace(current.Settings.With(changed), current.Revisions + changed.Count));
        return new([.. changed.Select(entry => new MarketplaceChange(entry.Kind, entry.Key, entry.Revision!.Value, now, request.ChangedBy))], unchanged, [], []);
    }

    public async Task<MarketplaceSettings> Handle(GetMarketplace request, CancellationToken cancellationToken) =>
        (await _store.LoadAsync(cancellationToken).ConfigureAwait(false)).Settings;

    public Task<IReadOnlyList<MarketplaceChange>> Handle(GetMarketplaceChanges request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _store.ChangesAsync(Math.Clamp(request.Limit, 1, 1000), cancellationToken);
    }

    // Whether an entry says what is stored already: the same terms, whatever revision either carries.
    private static bool Same(IMarketplaceSetting stored, IMarketplaceSetting entry) =>
        JsonSerializer.Serialize(stored.AtRevision(null), stored.GetType(), DisputeJson.Options)
        == JsonSerializer.Serialize(entry.AtRevision(null), entry.GetType(), DisputeJson.Options);
}
